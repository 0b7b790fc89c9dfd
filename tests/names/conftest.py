from __future__ import annotations

import pytest

from members.name_index import NameIndex

from .builders import roster_index


@pytest.fixture(scope="session")
def index() -> NameIndex:
    return roster_index()
