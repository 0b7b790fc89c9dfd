"""Loaded as a pytest plugin (`-p tests.devmode`) before Django settings are read.

Tests run in local development mode (dev secret key, plain http) unless told otherwise.
"""

import os

os.environ.setdefault("SIGNATORY_DEV", "1")
