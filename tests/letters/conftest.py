import pytest


@pytest.fixture(autouse=True)
def _db(db):
    """Every letters test touches the database."""
