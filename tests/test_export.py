"""Exports: PLOVER JSONL, evaluation JSONL (read by score.py), GDELT TSV, CSV, Parquet."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import SHARED, make_coded, needs_shared
from eventwire import store
from eventwire.errors import UsageError
from eventwire.export import GDELT_COLUMNS, export_events, gdelt_event_id, gdelt_row
from eventwire.queries import EventFilter

PLOVER_REQUIRED = ("id", "date", "actor", "event")  # PLOVER manual, "PLOVER JSON" table, Required = Y


@pytest.fixture
def con():
    c = store.open_store(":memory:")
    store.write_coded(c, make_coded("doc-1"))
    store.write_coded(c, make_coded("doc-2", source=None, published=None))
    return c


def _export(con, fmt, **kw) -> str:
    buf = io.StringIO()
    export_events(con, fmt, buf, **kw)
    return buf.getvalue()


def test_every_gdelt_row_has_61_columns(con):
    lines = _export(con, "gdelt").splitlines()
    assert len(lines) == 4
    for line in lines:
        cols = line.split("\t")
        assert len(cols) == 61
        row = dict(zip(GDELT_COLUMNS, cols))
        assert row["GlobalEventID"].isdigit()
        assert row["EventRootCode"] == row["EventCode"][:2]
        assert row["QuadClass"] in {"1", "2", "3", "4"}


def test_gdelt_columns_in_gdelt_order(con):
    first = _export(con, "gdelt").splitlines()[0].split("\t")
    row = dict(zip(GDELT_COLUMNS, first))
    assert (row["Day"], row["MonthYear"], row["Year"]) == ("20240618", "202406", "2024")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (row["Actor2Code"], row["Actor2CountryCode"]) == ("PRK", "PRK")
    assert (row["EventCode"], row["EventBaseCode"], row["GoldsteinScale"]) == ("042", "042", "1.9")
    assert row["ActionGeo_Type"] == "1" and row["ActionGeo_CountryCode"] == "KN"  # FIPS, as GDELT
    assert row["ActionGeo_Lat"] == "40" and row["ActionGeo_FeatureID"] == "1873107"
    assert row["SOURCEURL"] == "https://example.org/a"
    assert len(row["DATEADDED"]) == 14


@pytest.mark.parametrize("code, country, expect", [
    ("RUSGOV", "RUS", ("RUS", "", "GOV")),
    ("USAMILREB", "USA", ("USA", "", "MIL")),
    ("IGOUNO", None, ("", "UNO", "IGO")),
    ("PRK", "PRK", ("PRK", "", "")),
])
def test_gdelt_actor_parts(code, country, expect):
    row = {"event_id": "ev-0123456789abcdef", "source_code": code, "source_country": country, "cameo": "010"}
    cols = dict(zip(GDELT_COLUMNS, gdelt_row(row)))
    assert (cols["Actor1CountryCode"], cols["Actor1KnownGroupCode"], cols["Actor1Type1Code"]) == expect
    assert len(gdelt_row(row)) == 61


def test_gdelt_event_ids_are_stable_positive_integers():
    assert gdelt_event_id("ev-0123456789abcdef") == gdelt_event_id("ev-0123456789abcdef") > 0
    assert gdelt_event_id("ev-0123456789abcdef") != gdelt_event_id("ev-fedcba9876543210")
    assert gdelt_event_id("ev-ffffffffffffffff") < 2 ** 63


def test_every_plover_record_has_the_required_fields(con):
    recs = [json.loads(line) for line in _export(con, "plover").splitlines()]
    assert len(recs) == 4
    for r in recs:
        for f in PLOVER_REQUIRED:
            assert f in r and r[f] not in (None, [], "")
        assert isinstance(r["actor"], list) and all("code" in a for a in r["actor"])
        assert isinstance(r["recipient"], list)
        assert r["cite_info"]["coder"].startswith("eventwire")
        assert r["cite_info"]["codebook"]
        assert {"sequence", "start", "end"} <= set(r["text_info"])
    visit = next(r for r in recs if r["event"] == ["CONSULT"])
    assert visit["mode"] == ["visit"] and visit["date"] == "2024-06-18"
    assert visit["actor"][0]["code"] == "RUS" and visit["actor"][0]["sector"] == "GOV"
    assert visit["event_loc"]["country_code"] == "PRK" and visit["event_loc"]["lat"] == 40.0
    assert visit["eventwire"]["cameo"] == "042"
    accuse = next(r for r in recs if r["event"] == ["ACCUSE"])
    assert accuse["eventwire"]["factuality"] == "reported"
    assert accuse["eventwire"]["reported_by"][0]["code"] == "RUSMED"


def test_jsonl_has_the_system_events_shape(con):
    recs = [json.loads(line) for line in _export(con, "jsonl").splitlines()]
    for r in recs:
        assert {"event_id", "doc_id", "source", "target", "cameo", "plover", "date", "location", "factuality",
                "reported_by", "evidence"} <= set(r)
        assert set(r["plover"]) == {"event_type", "mode"}
        assert {"text", "start", "end"} <= set(r["evidence"])
    r = next(r for r in recs if r["cameo"] == "112")
    assert r["reported_by"][0]["code"] == "RUSMED"


@needs_shared
def test_jsonl_is_read_by_score_py(con, tmp_path):
    text = make_coded().article.text
    gold = {"doc_id": "doc-1", "lang": "fr", "published": "2024-06-19", "text": text, "events": [
        {"id": "G1", "evidence": "est arrivé", "source": ["RUS"], "target": ["PRK"], "cameo": ["042"],
         "date": ["2024-06-18", "2024-06-18"], "location": ["PRK"], "factuality": ["asserted"],
         "reported_by": None, "required": True},
        {"id": "G2", "evidence": "a accusé", "source": ["RUS"], "target": ["USA"], "cameo": ["112"],
         "date": None, "location": None, "factuality": ["reported"], "reported_by": ["RUS"], "required": True},
        {"id": "G3", "evidence": "manqué", "source": ["FRA"], "target": ["DEU"], "cameo": ["036"],
         "date": None, "location": None, "factuality": ["asserted"], "reported_by": None, "required": True},
    ]}
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    ev_path = tmp_path / "events.jsonl"
    export_events(con, "jsonl", str(ev_path), filters=EventFilter(doc_id="doc-1"))
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold_path), str(ev_path), "--json"],
                         capture_output=True, text=True, check=True)
    res = json.loads(out.stdout)
    flat = json.dumps(res)
    assert res, flat
    # two of the three gold events match: tp 2, fn 1, no false positive
    assert '"tp": 2' in flat and '"fn": 1' in flat and '"fp": 0' in flat, flat


def test_csv_is_flat_with_latitude_longitude(con):
    rows = list(csv.DictReader(io.StringIO(_export(con, "csv"))))
    assert len(rows) == 4
    assert {"event_id", "source_code", "target_code", "cameo", "latitude", "longitude", "factuality",
            "url"} <= set(rows[0])
    assert all(k == k.lower() and " " not in k for k in rows[0])
    assert rows[0]["latitude"] == "40.0"


def test_parquet(con, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export_events(con, "parquet", str(path)) == 4
    t = pq.read_table(path)
    assert t.num_rows == 4 and "latitude" in t.column_names and "longitude" in t.column_names
    assert set(t.column("cameo").to_pylist()) == {"042", "112"}


def test_parquet_needs_a_file(con):
    with pytest.raises(UsageError):
        export_events(con, "parquet", None)


def test_export_filters_and_doc_ids(con):
    assert len(_export(con, "jsonl", filters=EventFilter(cameo="04")).splitlines()) == 2
    assert len(_export(con, "jsonl", doc_ids=["doc-2"]).splitlines()) == 2
    assert _export(con, "jsonl", doc_ids=[]) == ""


def test_unknown_format(con):
    with pytest.raises(UsageError):
        export_events(con, "xml", io.StringIO())


def test_plover_date_falls_back_to_the_period_then_the_publication_date():
    from dataclasses import replace

    coded = make_coded("undated")
    e1, e2 = coded.events
    e1 = replace(e1, date="2024-06", date_precision="month", date_range=("2024-06-01", "2024-06-30"))
    e2 = replace(e2, date=None, date_precision=None, date_source="none", date_range=None)
    c = store.open_store(":memory:")
    store.write_coded(c, replace(coded, events=(e1, e2)))
    recs = {r["eventwire"]["cameo"]: r for r in map(json.loads, _export(c, "plover").splitlines())}
    assert (recs["042"]["date"], recs["042"]["enddate"]) == ("2024-06-01", "2024-06-30")
    assert recs["112"]["date"] == "2024-06-19" and recs["112"]["eventwire"]["date_source"] == "none"
