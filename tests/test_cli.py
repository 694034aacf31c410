"""The `code`, `events` and `export` commands: exit codes, messages, resume, kill -9 and rerun."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import REPO, SHARED, make_coded, needs_shared
from eventwire import store
from eventwire.cli.main import main

FR1 = "Le président français a rencontré le chancelier allemand à Berlin mardi pour discuter de la défense."
FR2 = "Le ministre russe des Affaires étrangères a condamné les sanctions américaines contre Moscou."


def _cli(capsys, *argv):
    rc = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return rc, out, err


def _snapshot(path) -> dict[str, list]:
    """The article tables without coding timestamps, plus the rejected inputs."""
    con = store.open_store(path, read_only=True)
    try:
        out = {}
        for t in store.ARTICLE_TABLES:
            cols = [c for c, _ in store.TABLES[t] if c != "coded_at"]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[t] = sorted(con.execute(f'SELECT {sel} FROM "{t}"').fetchall(), key=repr)
        out["rejected"] = sorted(con.execute("SELECT origin, doc_id, reason FROM rejected").fetchall())
        return out
    finally:
        con.close()


@pytest.fixture
def good_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text("24 mars 2018 . \u2013 " + FR1, encoding="utf-8")
    (d / "batch.jsonl").write_text(
        json.dumps({"id": "two", "text": FR2, "published": "2024-06-19", "lang": "fr"}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    return d


def test_code_stores_every_article_and_exits_0(capsys, tmp_path, good_dir):
    db = tmp_path / "e.duckdb"
    rc, out, err = _cli(capsys, "code", good_dir, "--db", db, "--quiet")
    assert rc == 0, err
    assert err == ""
    con = store.open_store(db, read_only=True)
    rows = con.execute("SELECT doc_id, published, published_source, lang FROM articles ORDER BY doc_id").fetchall()
    assert rows == [("one", "2018-03-24", "dateline", "fr"), ("two", "2024-06-19", "input", "fr")]
    run = con.execute("SELECT n_inputs, n_articles, n_rejected, finished IS NOT NULL FROM runs").fetchall()
    assert run == [(2, 2, 0, True)]
    con.close()


def test_bad_inputs_are_reported_stored_and_the_batch_goes_on(capsys, tmp_path, good_dir):
    (good_dir / "empty.txt").write_bytes(b"")
    (good_dir / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (good_dir / "latin1.txt").write_bytes("Le président a été réélu à la tête de l'État.".encode("latin-1"))
    (good_dir / "nothing.html").write_text("<html><body><nav>Accueil</nav></body></html>", encoding="utf-8")
    (good_dir / "big.txt").write_text("mot " * 300_000, encoding="utf-8")
    (good_dir / "zbad.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    db = tmp_path / "e.duckdb"
    rc, out, err = _cli(capsys, "code", good_dir, "--db", db, "--quiet")
    assert rc == 1
    lines = [line for line in err.splitlines() if "rejected" in line]
    expected = {"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "invalid-utf8",
                "nothing.html": "no-text", "big.txt": "too-large", "zbad.jsonl:1": "bad-json"}
    assert len(lines) == len(expected)
    for name, reason in expected.items():
        assert any(name in line and f"[{reason}]" in line for line in lines), (name, err)
    con = store.open_store(db, read_only=True)
    got = {os.path.basename(o): r for o, r in con.execute("SELECT origin, reason FROM rejected").fetchall()}
    assert got == expected
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    con.close()


def test_rerun_skips_stored_articles_and_changes_nothing(capsys, tmp_path, good_dir):
    db = tmp_path / "e.duckdb"
    assert _cli(capsys, "code", good_dir, "--db", db, "--quiet")[0] == 0
    before = _snapshot(db)
    rc, out, err = _cli(capsys, "code", good_dir, "--db", db)
    assert rc == 0
    assert "2 already stored" in err
    assert _snapshot(db) == before


def test_missing_publication_date_is_said(capsys, tmp_path):
    p = tmp_path / "nodate.txt"
    p.write_text(FR1, encoding="utf-8")
    rc, out, err = _cli(capsys, "code", p, "--db", ":memory:", "--quiet")
    assert rc == 0
    assert "nodate.txt" in err and "no publication date" in err and "--published" in err
    rc, out, err = _cli(capsys, "code", p, "--db", ":memory:", "--quiet", "--published", "2024-01-01")
    assert "no publication date" not in err


def test_progress_on_stderr_unless_quiet(capsys, tmp_path, good_dir):
    rc, out, err = _cli(capsys, "code", good_dir, "--db", tmp_path / "a.duckdb")
    assert "articles/s" in err and "events" in err and "rejected" in err
    rc, out, err = _cli(capsys, "code", good_dir, "--db", tmp_path / "b.duckdb", "--quiet")
    assert "articles/s" not in err


@pytest.mark.parametrize("argv", [
    ["code", "does/not/exist.txt"],
    ["code", "{good}", "--published", "19/06/2024"],
    ["code", "{good}", "--lang", "de"],
    ["code", "{good}", "--out", "x.jsonl"],
    ["code", "{good}", "--format", "parquet"],
    ["code", "{good}", "--workers", "0"],
    ["code", "{good}", "--commit-every", "0"],
    ["events", "--db", "{db}", "--cameo", "visit"],
    ["events", "--db", "{db}", "--start", "June"],
])
def test_usage_errors_exit_2(capsys, tmp_path, good_dir, argv):
    db = tmp_path / "u.duckdb"
    store.open_store(db).close()
    argv = [a.format(good=good_dir, db=db) for a in argv]
    rc, out, err = _cli(capsys, *argv, *(["--db", db] if argv[0] == "code" else []))
    assert rc == 2
    assert err.startswith("eventwire: error:") and len(err.strip().splitlines()) == 1


def test_argparse_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["events", "--quad", "9"])
    assert exc.value.code == 2


def test_code_writes_this_runs_events(capsys, tmp_path, good_dir):
    db = tmp_path / "e.duckdb"
    out = tmp_path / "events.jsonl"
    rc, _, err = _cli(capsys, "code", good_dir, "--db", db, "--quiet", "--format", "jsonl", "--out", out)
    assert rc == 0, err
    lines = out.read_text(encoding="utf-8").splitlines()
    con = store.open_store(db, read_only=True)
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    assert len(lines) == n
    assert all(json.loads(line)["doc_id"] in ("one", "two") for line in lines)


@pytest.fixture
def stored_db(tmp_path):
    db = tmp_path / "s.duckdb"
    con = store.open_store(db)
    store.write_coded(con, make_coded("doc-1"))
    store.write_coded(con, make_coded("doc-2"))
    con.close()
    return db


def test_events_table(capsys, stored_db):
    rc, out, err = _cli(capsys, "events", "--db", stored_db)
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["date", "source", "event"]
    assert "4 of 4 events" in lines[-1]
    assert any("RUSGOV" in line and "042" in line for line in lines)


@pytest.mark.parametrize("flags, n", [
    ([], 4), (["--actor", "USA"], 2), (["--cameo", "04"], 2), (["--plover", "ACCUSE"], 2), (["--quad", "3"], 2),
    (["--factuality", "reported"], 2), (["--start", "2024-06-19"], 2), (["--end", "2024-06-18"], 2),
    (["--q", "provocations"], 2), (["--country", "PRK"], 2), (["--doc", "doc-2"], 2), (["--limit", "1"], 1),
])
def test_events_filters(capsys, stored_db, flags, n):
    rc, out, err = _cli(capsys, "events", "--db", stored_db, "--format", "jsonl", *flags)
    assert rc == 0, err
    assert len(out.splitlines()) == n


@pytest.mark.parametrize("fmt", ["plover", "jsonl", "gdelt", "csv", "parquet"])
def test_export_formats(capsys, tmp_path, stored_db, fmt):
    out = tmp_path / f"events.{fmt}"
    rc, _, err = _cli(capsys, "export", "--db", stored_db, "--format", fmt, out)
    assert rc == 0, err
    assert out.stat().st_size > 0
    assert f"4 events written to {out}" in err


def test_export_to_stdout(capsys, stored_db):
    rc, out, err = _cli(capsys, "export", "--db", stored_db, "--format", "gdelt", "-")
    assert rc == 0 and all(len(line.split("\t")) == 61 for line in out.splitlines())


def test_export_missing_db_says_how_to_make_one(capsys, tmp_path):
    rc, out, err = _cli(capsys, "export", "--db", tmp_path / "none.duckdb", "--format", "jsonl", "-")
    assert rc == 1 and "eventwire code" in err


# --------------------------------------------------------------------------- subprocess cases

CLI = [sys.executable, "-c", "import sys; from eventwire.cli.main import main; sys.exit(main())"]


def _wikinews_batch(path, n=16, bad_at=8):
    lines = []
    with open(SHARED / "corpus" / "wikinews-fr-2016" / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if len(json.loads(line)["text"]) < 900:
                lines.append(line.rstrip("\n"))
            if len(lines) == n:
                break
    lines.insert(bad_at, "{this line is not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
@needs_shared
def test_kill_9_midway_then_rerun_gives_the_uninterrupted_database(tmp_path):
    batch = tmp_path / "batch.jsonl"
    _wikinews_batch(batch)
    # the three runs use one frozen copy of the package, so that edits to the working tree
    # while the test runs cannot make them code differently
    frozen = tmp_path / "src"
    shutil.copytree(REPO / "src" / "eventwire", frozen / "eventwire",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(frozen)}
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"
    r = subprocess.run([*CLI, "code", str(batch), "--db", str(whole), "--quiet"], env=env, capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 1, r.stderr  # the bad line
    proc = subprocess.Popen([*CLI, "code", str(batch), "--db", str(killed), "--quiet", "--commit-every", "4"],
                            env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    for line in proc.stderr:  # the rejected line comes after 8 articles went in (two transactions of 4)
        if "[bad-json]" in line or time.monotonic() > deadline:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = _snapshot(killed)
    n_whole = len(_snapshot(whole)["articles"])
    assert 0 < len(partial["articles"]) < n_whole  # really midway
    r = subprocess.run([*CLI, "code", str(batch), "--db", str(killed), "--quiet"], env=env, capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 1, r.stderr
    # the rerun reports the bad line and nothing else (an error on reopening the store would show here)
    assert [line for line in r.stderr.splitlines() if line.strip() and "[bad-json]" not in line] == [], r.stderr
    got, want = _snapshot(killed), _snapshot(whole)
    assert [a[0] for a in got["articles"]] == [a[0] for a in want["articles"]], (r.stderr, partial["articles"])
    assert got == want


@pytest.mark.slow
@needs_shared
def test_dev_articles_export_is_read_by_score_py(tmp_path):
    out = tmp_path / "e.jsonl"
    r = subprocess.run([*CLI, "code", str(SHARED / "eval" / "dev" / "articles.jsonl"), "--db", ":memory:",
                        "--format", "jsonl", "--out", str(out), "--quiet"], capture_output=True, text=True,
                       timeout=900, cwd=REPO)
    assert r.returncode in (0, 1), r.stderr
    assert "coder-error" not in r.stderr, r.stderr
    s = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "dev" / "gold.jsonl"),
                        str(out), "--json"], capture_output=True, text=True, check=True)
    res = json.loads(s.stdout)
    assert "tp" in json.dumps(res)


def test_progress_line_and_messages():
    import io

    from eventwire.progress import Progress

    buf = io.StringIO()
    p = Progress(stream=buf)
    p.add(articles=2, events=5)
    p.add(rejected=1, skipped=3)
    p.message("eventwire: rejected x.txt: empty [empty]")
    p.close()
    lines = buf.getvalue().splitlines()
    assert "eventwire: rejected x.txt: empty [empty]" in lines
    assert lines[-1].startswith("coding: 2 articles, 3 already stored") and "articles/s" in lines[-1]
    assert "5 events" in lines[-1] and "1 rejected" in lines[-1]
    quiet = io.StringIO()
    q = Progress(stream=quiet, enabled=False)
    q.add(articles=1)
    q.message("eventwire: warning: w")
    q.close()
    assert quiet.getvalue() == "eventwire: warning: w\n"
