"""``eventwire explain``: an article with its events' spans marked and the rule behind each."""

from __future__ import annotations

from conftest import make_coded

from eventwire.cli.main import main
from eventwire.explain import explain_coded, from_event, mark
from eventwire.store import open_store, write_coded


def test_spans_are_marked_on_the_event_sentence():
    ca = make_coded()
    ev = from_event(ca.events[0])
    line = mark(ca.article.text, ev)
    assert line == "Le président russe [Vladimir Poutine]ˢ {est arrivé}ᵖ mardi en [Corée du Nord]ᵗ."


def test_explanation_lists_codes_factuality_reporter_rule_and_links():
    text = "\n".join(explain_coded(make_coded()))
    assert "RUSGOV -> PRK  042 Make a visit" in text
    assert "reported by RUSMED" in text
    assert "rule fr:accuser" in text
    assert "alleges [1]" in text  # the accusation points at the act it alleges


def test_explain_reads_an_article_from_the_store(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    con = open_store(db)
    write_coded(con, make_coded("doc-x"))
    con.close()
    assert main(["explain", "doc-x", "--db", str(db), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "[Vladimir Poutine]ˢ {est arrivé}ᵖ" in out
    assert "rule fr:arriver" in out


def test_explain_names_a_missing_article(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    open_store(db).close()
    assert main(["explain", "nope", "--db", str(db)]) == 1
    assert "'nope' is not in" in capsys.readouterr().err
