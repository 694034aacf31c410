"""Event nouns governed by a light or announcing verb, and measure words in front of the
act's object (lang/<lang>/cues.json ``support_verbs``, lang/<lang>/lemmas.json ``partitives``)."""

from __future__ import annotations

import pytest

import coding


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    return coding.triples(text, lang, digits=3)


@pytest.mark.parametrize("text, lang, expected", [
    # a time or measure noun as the object stands for the noun after of / de
    ("Japan and India launched ten days of naval exercises.", "en", ("JPN", "IND", "062")),
    ("La France a lancé dix jours de manœuvres militaires avec l'Égypte.", "fr", ("FRA", "EGY", "062")),
    ("Canada delivered 300 tons of food to Haiti.", "en", ("CAN", "HTI", "073")),
    # the author of an announced or ordered act is its source
    ("Spain announced a suspension of flights to Morocco.", "en", ("ESP", "MAR", "160")),
    ("Le Kremlin a ordonné le retrait des troupes russes de Syrie.", "fr", ("RUS", "RUS", "087")),
])
def test_event_is_coded_through_support_verb_or_measure_word(text, lang, expected):
    assert expected in triples(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Russia spent three days in Syria.", "en"),          # a time object with no act after it
    ("La Russie a passé trois jours en Syrie.", "fr"),
])
def test_time_object_without_an_act_codes_nothing(text, lang):
    assert triples(text, lang) == set()


@pytest.mark.parametrize("text, expected", [
    ("Al-Qaeda threatened to deliver devastating blows to Israel.", ("IMG", "ISR", "138")),
    ("Russia delivered heavy blows to Ukraine's army.", ("RUS", "UKR", "190")),
])
def test_blows_delivered_to_an_actor_are_force(text, expected):
    assert expected in triples(text, "en")
