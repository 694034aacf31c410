"""Intended acts recoded as intentions: 03x for cooperation, 13x for threats."""

from __future__ import annotations

import pytest

from eventwire.codebooks import cameo
from eventwire.intents import attempt_code, demand_code, intent_code, posture_code, rejection_code


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


@pytest.mark.parametrize(
    "act, expected",
    [("075", "122"), ("0841", "1243"), ("084", "1243"), ("085", "1244"), ("042", "125"), ("057", "127"),
     ("0331", "1221"), ("036", "125"), ("0834", "1234")],
)
def test_a_refused_cooperative_act_takes_its_rejection_code(act, expected):
    assert rejection_code(act, "en") == expected
    assert cameo(expected).plover_type == "REJECT"


@pytest.mark.parametrize("act", ["190", "112", "010", "1224"])
def test_only_cooperative_acts_are_rejected(act):
    assert rejection_code(act, "en") is None


@pytest.mark.parametrize(
    "act, expected",
    [("057", "107"), ("0841", "1053"), ("0874", "1056"), ("042", "106"), ("073", "1033"), ("190", "100"), ("010", "100")],
)
def test_a_demanded_act_takes_its_demand_code(act, expected):
    assert demand_code(act, "en") == expected
    assert cameo(expected).plover_type == "REQUEST"


@pytest.mark.parametrize(
    "act, cue, lang, expected",
    [("194", "prepare", "en", "154"), ("190", "ready", "en", "154"), ("183", "poised", "en", "150"),
     ("173", "prepare", "en", "153"), ("195", "préparer", "fr", "154"), ("190", "prêt", "fr", "154")],
)
def test_getting_ready_for_force_is_a_force_posture(act, cue, lang, expected):
    assert posture_code(act, cue, lang) == expected
    assert cameo(expected).plover_type == "MOBILIZE"


@pytest.mark.parametrize("act, cue", [("194", "plan"), ("194", "hope"), ("042", "prepare"), ("071", "ready")])
def test_no_posture_without_a_posture_cue_and_an_act_of_force(act, cue):
    assert posture_code(act, cue, "en") is None


@pytest.mark.parametrize("act", ["075", "0841", "057", "190", "042"])
def test_french_and_english_code_rejections_and_demands_alike(act):
    assert rejection_code(act, "fr") == rejection_code(act, "en")
    assert demand_code(act, "fr") == demand_code(act, "en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_assassination_tried_is_an_attempt_and_other_acts_keep_their_code(lang):
    assert attempt_code("186", lang) == "185"
    assert attempt_code("190", lang) is None
