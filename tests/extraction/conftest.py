from __future__ import annotations

import pytest

from members.name_index import NameIndex
from tests.extraction.roster import roster_index


@pytest.fixture(scope="session")
def names() -> NameIndex:
    """A NameIndex over a small hand-written roster: pure Python, no database."""
    return roster_index()
