import os

# Tests run in local development mode (dev secret key, plain http) unless told otherwise.
os.environ.setdefault("SIGNATORY_DEV", "1")
