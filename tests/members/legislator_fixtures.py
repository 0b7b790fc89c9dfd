"""A tiny congress-legislators source, written by the tests (never the shipped snapshot).

Shaped like the real files: a current member (Kaptur), a party switcher (Van Drew), an
independent who caucuses with Democrats after a switch (Sinema), a departed member, two
historical CSV rows, one committee with a subcommittee, and their memberships.
"""

from __future__ import annotations

import copy
import csv
from pathlib import Path
from typing import Any

import yaml

KAPTUR = {
    "id": {
        "bioguide": "K000009",
        "govtrack": 400211,
        "icpsr": 14873,
        "thomas": "00616",
        "wikidata": "Q460679",
    },
    "name": {"first": "Marcy", "last": "Kaptur", "official_full": "Marcy Kaptur"},
    "bio": {"birthday": "1946-06-17", "gender": "F"},
    "terms": [
        {
            "type": "rep",
            "start": "2021-01-03",
            "end": "2023-01-03",
            "state": "OH",
            "district": 9,
            "party": "Democrat",
        },
        {
            "type": "rep",
            "start": "2023-01-03",
            "end": "2025-01-03",
            "state": "OH",
            "district": 9,
            "party": "Democrat",
            "url": "https://kaptur.house.gov",
            "phone": "202-225-4146",
        },
    ],
}
VAN_DREW = {
    "id": {"bioguide": "V000133", "govtrack": 412823},
    "name": {
        "first": "Jefferson",
        "last": "Van Drew",
        "nickname": "Jeff",
        "official_full": "Jefferson Van Drew",
    },
    "bio": {"birthday": "1953-02-23", "gender": "M"},
    "terms": [
        {
            "type": "rep",
            "start": "2019-01-03",
            "end": "2021-01-03",
            "state": "NJ",
            "district": 2,
            "party": "Republican",
            "party_affiliations": [
                {"start": "2019-01-03", "end": "2019-12-18", "party": "Democrat"},
                {"start": "2019-12-19", "end": "2021-01-03", "party": "Republican"},
            ],
        },
        {
            "type": "rep",
            "start": "2021-01-03",
            "end": "2023-01-03",
            "state": "NJ",
            "district": 2,
            "party": "Republican",
        },
    ],
}
SINEMA = {
    "id": {"bioguide": "S001191", "lis": "S404"},
    "name": {"first": "Kyrsten", "last": "Sinema", "official_full": "Kyrsten Sinema"},
    "bio": {"birthday": "1976-07-12", "gender": "F"},
    "terms": [
        {
            "type": "sen",
            "start": "2019-01-03",
            "end": "2025-01-03",
            "state": "AZ",
            "class": 1,
            "party": "Independent",
            "caucus": "Democrat",
            "party_affiliations": [
                {"start": "2019-01-03", "end": "2022-12-08", "party": "Democrat"},
                {"start": "2022-12-09", "end": "2025-01-03", "party": "Independent", "caucus": "Democrat"},
            ],
        },
    ],
}
DEPARTED = {
    "id": {"bioguide": "G000569"},
    "name": {"first": "Michael", "last": "Grimm"},
    "bio": {"gender": "M"},
    "terms": [
        {
            "type": "rep",
            "start": "2013-01-03",
            "end": "2015-01-03",
            "state": "NY",
            "district": 11,
            "party": "Republican",
        },
    ],
}
HISTORICAL_ROWS = [
    {
        "last_name": "Clay",
        "first_name": "Henry",
        "type": "sen",
        "state": "KY",
        "senate_class": "3",
        "party": "Whig",
        "bioguide_id": "C000482",
        "govtrack_id": "402339",
        "birthday": "1777-04-12",
    },
    {
        "last_name": "Bland",
        "first_name": "Theodorick",
        "type": "rep",
        "state": "VA",
        "district": "9",
        "party": "",
        "bioguide_id": "B000546",
    },
    # Also in the departed file: the dated record must win.
    {
        "last_name": "Grimm",
        "first_name": "Michael",
        "type": "rep",
        "state": "NY",
        "district": "11",
        "party": "Republican",
        "bioguide_id": "G000569",
    },
]
CSV_COLUMNS = [
    "last_name",
    "first_name",
    "middle_name",
    "suffix",
    "nickname",
    "full_name",
    "birthday",
    "gender",
    "type",
    "state",
    "district",
    "senate_class",
    "party",
    "bioguide_id",
    "govtrack_id",
]
COMMITTEES = [
    {
        "type": "house",
        "name": "House Committee on Foreign Affairs",
        "thomas_id": "HSFA",
        "url": "https://foreignaffairs.house.gov/",
        "subcommittees": [{"name": "Europe", "thomas_id": "14"}],
    },
    {"type": "senate", "name": "Senate Committee on Banking", "thomas_id": "SSBK"},
]
MEMBERSHIP = {
    "HSFA": [
        {"name": "Jeff Van Drew", "bioguide": "V000133", "party": "majority", "rank": 1, "title": "Chairman"},
        {
            "name": "Marcy Kaptur",
            "bioguide": "K000009",
            "party": "minority",
            "rank": 1,
            "title": "Ranking Member",
        },
    ],
    "HSFA14": [{"name": "Marcy Kaptur", "bioguide": "K000009", "party": "minority", "rank": 2}],
    "SSBK": [{"name": "Kyrsten Sinema", "bioguide": "S001191", "party": "minority", "rank": 3}],
}


def default_files() -> dict[str, Any]:
    return copy.deepcopy(
        {
            "legislators-current.yaml": [KAPTUR, VAN_DREW],
            "legislators-departed-since-2012.yaml": [SINEMA, DEPARTED],
            "legislators-historical.csv": HISTORICAL_ROWS,
            "committees-current.yaml": COMMITTEES,
            "committee-membership-current.yaml": MEMBERSHIP,
        }
    )


def write_source(
    directory: Path, files: dict[str, Any] | None = None, *, raw: dict[str, str] | None = None
) -> Path:
    """Write the files (as data) into ``directory``; ``raw`` maps a file name to text written as is."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in (default_files() if files is None else files).items():
        path = directory / name
        if name.endswith(".csv"):
            with path.open("w", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
                writer.writeheader()
                writer.writerows(data)
        else:
            path.write_text(yaml.safe_dump(data, sort_keys=False))
    for name, text in (raw or {}).items():
        (directory / name).write_text(text)
    return directory
