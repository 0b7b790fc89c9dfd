"""CSV for list endpoints (``?format=csv`` or ``Accept: text/csv``).

Spreadsheets execute a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and tab/CR, which
some strip before parsing) as a formula: a letter title scraped from the news could carry
``=HYPERLINK(...)``. Such cells get a leading apostrophe, the OWASP-recommended neutraliser.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from rest_framework.renderers import BaseRenderer

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> str:
    """Render one value as a CSV cell a spreadsheet will not evaluate."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        # Negative numbers are data, not formulas; keep them numeric.
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def _flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, prefix=f"{name}."))
        elif isinstance(value, (list, tuple)):
            flat[name] = "; ".join(_summarise(item) for item in value)
        else:
            flat[name] = value
    return flat


def _summarise(item: Any) -> str:
    if isinstance(item, Mapping):
        # Nested objects in a list (signatures, policies): their most telling field.
        for key in ("bioguide", "name", "slug", "title", "id"):
            if key in item and item[key] not in (None, ""):
                return str(item[key])
        return ", ".join(f"{k}={v}" for k, v in item.items())
    return str(item)


def rows_to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    flat_rows = [_flatten(row) for row in rows]
    header: list[str] = []
    for row in flat_rows:
        for key in row:
            if key not in header:
                header.append(key)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in flat_rows:
        writer.writerow([neutralise_cell(row.get(key)) for key in header])
    return out.getvalue()


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        if data is None:
            return b""
        if isinstance(data, Mapping) and "results" in data and isinstance(data["results"], list):
            rows = data["results"]  # a paginated page
        elif isinstance(data, list):
            rows = data
        elif isinstance(data, Mapping) and isinstance(data.get("rows"), list):
            rows = data["rows"]  # stats responses carry their table under "rows"
        else:
            rows = [data]
        rows = [row if isinstance(row, Mapping) else {"value": row} for row in rows]
        return rows_to_csv(rows).encode(self.charset)
