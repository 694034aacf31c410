"""Intended acts recoded as intentions: 03x for cooperation, 13x for threats."""

from __future__ import annotations

import pytest

from eventwire.codebooks import cameo
from eventwire.intents import intent_code


@pytest.mark.parametrize(
    "act, expected",
    [("071", "0331"), ("0841", "0353"), ("0874", "0356"), ("042", "036"), ("057", "032"),
     ("143", "133"), ("166", "136"), ("1723", "1323"), ("191", "1381"), ("2041", "1385"), ("183", "1383")],
)
def test_an_intended_act_takes_its_intent_code_in_english(act, expected):
    assert intent_code(act, "en") == expected
    assert cameo(expected).root in ("03", "13")


@pytest.mark.parametrize("code", ["010", "112", "130", "0331", "120"])
def test_statements_accusations_and_intents_are_not_recoded(code):
    assert intent_code(code, "en") is None


def test_a_language_without_an_intent_table_keeps_the_act():
    assert intent_code("071", "xx") is None


@pytest.mark.parametrize("act", ["042", "057", "071", "0841", "143", "163", "190"])
def test_french_and_english_code_an_intention_alike(act):
    # the same sentence in two languages must give the same code, or reports never merge
    assert intent_code(act, "fr") == intent_code(act, "en") is not None
