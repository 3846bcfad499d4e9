"""The canned queries of docs/datasette-metadata.json run on a real database."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
METADATA = json.loads((ROOT / "docs" / "datasette-metadata.json").read_text(encoding="utf-8"))
QUERIES = METADATA["databases"]["rolebot"]["queries"]
PARAMETERS = {
    "scenario": "atm-withdrawal",
    "version": "1",
    "step": "choose-atm",
    "idle_hours": 24,
    "min_reach": 10,
    "since": "2000-01-01",
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_canned_query_runs(simulated: Path, name: str) -> None:
    sql = QUERIES[name]["sql"]
    used = set(re.findall(r":([a-z_]+)", sql))
    assert used <= set(PARAMETERS), used - set(PARAMETERS)
    conn = sqlite3.connect(f"file:{simulated}?mode=ro", uri=True)
    rows = conn.execute(sql, {k: PARAMETERS[k] for k in used}).fetchall()
    conn.close()
    assert rows, f"{name} returned nothing on simulated data"


def test_private_tables_are_hidden() -> None:
    tables = METADATA["databases"]["rolebot"]["tables"]
    assert tables["users"] == {"hidden": True}
