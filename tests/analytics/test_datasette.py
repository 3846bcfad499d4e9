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
    "version": "2",
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


DATASETTE_PARAMETERS = {k: str(v) for k, v in PARAMETERS.items()}
"""Datasette binds every parameter from the query string: always text."""


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_canned_query_through_datasette(simulated: Path, name: str) -> None:
    """In process (no socket): Datasette reads the metadata and binds the parameters itself."""
    datasette_app = pytest.importorskip("datasette.app")
    ds = datasette_app.Datasette([], metadata=METADATA)
    ds.add_database(
        datasette_app.Database(ds, path=str(simulated), is_mutable=False), name="rolebot"
    )
    sql = QUERIES[name]["sql"]
    used = sorted(set(re.findall(r":([a-z_]+)", sql)))
    query = "&".join(f"{k}={DATASETTE_PARAMETERS[k]}" for k in used)
    response = await ds.client.get(f"/rolebot/{name}.json?_shape=array&{query}")
    assert response.status_code == 200, response.text
    assert response.json(), f"{name} returned nothing through Datasette"


def test_parameters_are_documented() -> None:
    """Every parameter a canned query takes is named in its description or in the docs."""
    docs = (ROOT / "docs" / "analytics.md").read_text(encoding="utf-8")
    for name, query in QUERIES.items():
        for parameter in set(re.findall(r":([a-z_]+)", query["sql"])):
            described = f":{parameter}" in query.get("description", "")
            assert described or f"`{name}` ({parameter}" in docs, (name, parameter)
