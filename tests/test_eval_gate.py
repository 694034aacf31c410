"""Eval gate: the coder's scores on the development sets never drop under their floors.

Codes ``../shared/eval/dev/articles.jsonl`` (French) and ``plover-gsr-en.articles.jsonl``
(English) with the pipeline, writes the FORMAT.md system events (scripts/score_dev.py)
and runs the real scorer (``score.py --json``). Floors are what the coder reached when
they were pinned, rounded down a little; they are only ever raised.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import REPO, SHARED, needs_shared

FLOORS = {
    # French: the issue's bars are F1 0.80, recall 0.75, and on matched events factuality and
    # reported_by 0.85, exact code 0.60, date and location 0.85. First landing: P 0.911,
    # R 0.773, F1 0.836. Second landing: P 0.945, R 0.788, F1 0.86; on matched exact code
    # 0.962, factuality 0.981, reported_by 0.981, date 0.95, location 0.929.
    "fr": {"f1": 0.855, "recall": 0.78, "precision": 0.94,
           "on_matched": {"factuality": 0.97, "reported_by": 0.97, "exact_code": 0.96,
                          "date": 0.95, "location": 0.92}},
    # English (PLOVER gold-standard sentences, one gold event each: read recall; the issue's
    # bar is 0.80). First landing 0.651; second landing R 0.831, P 0.580.
    "en": {"recall": 0.83, "precision": 0.575},
}


def _score_dev():
    spec = importlib.util.spec_from_file_location("score_dev", REPO / "scripts" / "score_dev.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@needs_shared
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_scores_stay_above_their_floors(name, tmp_path):
    sd = _score_dev()
    articles, gold = sd.SETS[name]
    events, _, _, n = sd.code_set(articles)
    assert n > 0
    out = tmp_path / f"events-{name}.jsonl"
    out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    got = json.loads(res.stdout)
    floors = FLOORS[name]
    for key, floor in floors.items():
        if key == "on_matched":
            for k, f in floor.items():
                assert got["on_matched"][k] is not None and got["on_matched"][k] >= f, (name, k, got["on_matched"])
        else:
            assert got[key] >= floor, (name, key, got)


# French TimeBank (1999 half): the time normaliser against ISO-TimeML, scored by score_dates.py.
TIMEBANK_FLOORS = {"value_f1": 0.84, "strict_f1": 0.88, "relaxed_f1": 0.92}  # measured 0.846 / 0.886 / 0.931


@needs_shared
@pytest.mark.slow
def test_timebank_scores_stay_above_their_floors(tmp_path):
    from eventwire.cli.cmd_dates import iter_articles, time_rows

    tml = SHARED / "eval" / "dev" / "fr-timebank-1999"
    out = tmp_path / "timebank.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for art in iter_articles(str(tml / "text"), lang="fr"):
            for row in time_rows(art):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score_dates.py"), str(tml), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    got = json.loads(res.stdout)
    scores = {"value_f1": got["value_prf"][2], "strict_f1": got["strict_prf"][2], "relaxed_f1": got["relaxed_prf"][2]}
    for key, floor in TIMEBANK_FLOORS.items():
        assert scores[key] >= floor, (key, scores)
