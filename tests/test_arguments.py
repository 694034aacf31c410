"""Argument finding on single sentences: where the source and the target of an event sit
when the parse does not hand them over directly (the owner of a thing, the doer of an event
noun, the author of a text, a misparsed object).

Table-driven like ``test_events.py``: a sentence and the (source, target, CAMEO root) it
must yield, actor codes on their first three letters, as the scorer compares them.
"""

from __future__ import annotations

import pytest

from coding import triples

from eventwire.pipeline import code_text




CASES = [
    # a common noun naming no actor belongs to the people it is for: they are the target
    ("en", "Burundian militiamen attacked a camp for Congolese refugees.", ("BDI", "COD", "18")),
    ("fr", "Des miliciens burundais ont attaqué un camp pour les réfugiés congolais.", ("BDI", "COG", "19")),
    # an event noun's own doer (by X, on a participle too) is the target of an act against the event
    ("en", "Egypt criticized the raid staged by Israeli commandos.", ("EGY", "ISR", "11")),
    ("en", "Turkish police prevented the demonstration staged by Kurdish students.", ("TUR", "KUR", "17")),
    ("fr", "L'Égypte a dénoncé le raid mené par des commandos israéliens.", ("EGY", "ISR", "11")),
    # a document's author named by a participle (drafted by X, présentée par X) is the target
    # of its rejection
    ("en", "Israel rejected a ceasefire plan drafted by Egypt.", ("ISR", "EGY", "12")),
    ("fr", "Selon l'Allemagne, la Russie a rejeté la proposition présentée par la France.", ("RUS", "FRA", "12")),
    # a participle modifying a text speaks for the text's author: the subject of the verb
    # issuing it, of the verb it frames, or its own named owner
    ("en", "Hamas issued a statement demanding that the Israeli government release the prisoners.", ("PSE", "ISR", "10")),
    ("en", "The Security Council adopted a resolution condemning Iran.", ("IGO", "IRN", "11")),
    ("en", "Hamas said in a statement condemning the attack by Israel.", ("PSE", "ISR", "01")),
    ("fr", "Le Conseil de sécurité a adopté une résolution condamnant l'Iran.", ("IGO", "IRN", "11")),
    ("fr", "Le Hamas a déclaré dans un communiqué condamnant l'attaque israélienne.", ("PSE", "ISR", "11")),
    ("en", "Russia vetoed a Security Council resolution condemning the Syrian government.", ("IGO", "SYR", "11")),
    # a relative clause on a text speaks for its author too; the body adopting a text speaks
    # through it, not who drafted or proposed it
    ("en", "Hamas issued a statement which condemned the Israeli raid.", ("PSE", "ISR", "11")),
    ("fr", "Le Hamas a publié un communiqué qui condamne le raid israélien.", ("PSE", "ISR", "11")),
    ("fr", "Le Hamas a publié un communiqué demandant à Israël de partir.", ("PSE", "ISR", "02")),
    ("en", "The Security Council adopted a resolution drafted by France which condemned Syria.", ("IGO", "SYR", "11")),
    ("fr", "Le Conseil de sécurité a adopté une résolution proposée par la France qui condamne la Syrie.",
     ("IGO", "SYR", "11")),
    # a document noun's author is the target of its veto (the parser's ``resolution`` compound
    # of a gerund object is the real object)
    ("en", "Russia vetoed a Security Council resolution condemning the Syrian government.", ("RUS", "IGO", "12")),
    ("en", "France vetoed a Security Council resolution censuring as illegal the Russian blockade of the port.", ("FRA", "IGO", "12")),
    ("fr", "La Russie a opposé son veto à une résolution du Conseil de sécurité condamnant la Syrie.", ("RUS", "IGO", "12")),
    # an act naming no target is aimed at whom its doer's act of purpose is aimed
    ("en", "Hundreds of Afghan refugees began a hunger strike on Monday to protest against Germany's decision to send"
     " them back to Pakistan.", ("AFG", "DEU", "14")),
    # a movement to or from a place noun or a city that is no capital, inside the source's own
    # country or by parties of several states meeting there, has no target; a foreign city is
    # its country, a capital its government
    ("en", "U.S. and Russian negotiators returned to Geneva for talks.", ("USA", "---", "04")),
    ("en", "Putin traveled to Sochi.", ("RUS", "---", "04")),
    ("en", "The Turkish president traveled to Sochi.", ("TUR", "RUS", "04")),
    ("en", "Serb forces completed their withdrawal from the Serbian town of Nis.", ("SRB", "---", "08")),
    ("fr", "Le président russe est arrivé dans la ville russe de Sotchi.", ("RUS", "---", "04")),
    ("fr", "Le président turc est arrivé dans la ville russe de Sotchi.", ("TUR", "RUS", "04")),
    ("fr", "Le président turc est arrivé à Moscou.", ("TUR", "RUS", "04")),
    # an event noun one goes for (gathered for a rally) is one's act, and so is what it is for
    ("en", "Thousands of Nigerians gathered on Monday for a rally to protest against Chad.", ("NGA", "TCD", "14")),
    ("fr", "Des milliers de Nigérians sont venus lundi à Abuja pour une manifestation contre le Tchad.",
     ("NGA", "TCD", "14")),
    # the parties of a meeting (between X and Y) are the targets of hosting it
    ("en", "Morocco hosted a meeting between Israel and the Palestine Liberation Organization.", ("MAR", "PSE", "04")),
    # an adjective predicate (ready to, willing to) shares its copula's subject
    # (an act one is ready to do may be coded as its intention, 03)
    ("en", "The king said Morocco would be ready to host a meeting between Israel and the Palestine Liberation"
     " Organization.", [("MAR", "PSE", "04"), ("MAR", "PSE", "03")]),
    # an adverbial clause of time or cause is no content of a demand: its actors are no target
    ("en", "Greece demanded new elections after a Turkish court cleared the suspects.", ("GRC", "---", "10")),
    # whom a thing is meant against is named anywhere inside its own modifiers
    ("en", "According to Japan, North Korea trained hackers capable of launching attacks against South Korea.",
     ("PRK", "KOR", "15")),
    ("fr", "Selon la Pologne, la Russie a mobilisé des troupes capables de lancer des attaques contre l'Ukraine.",
     ("RUS", "UKR", "15")),
]


@pytest.mark.slow
@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{c[0]}:{c[1][:50]}" for c in CASES])
def test_sentence_yields_event_with_these_arguments(lang, text, expected):
    got = triples(text, lang)
    accepted = expected if isinstance(expected, list) else [expected]
    assert any(e in got for e in accepted), f"{text!r}: expected {expected}, got {sorted(got)}"


ARGUMENT_CUES = ("owner_preps", "statement_nouns", "authorship_verbs", "place_nouns", "participant_preps",
                 "adversative_preps", "circumstance_marks", "purpose_preps")


def _cue_examples():
    import json
    from importlib import resources

    out = []
    for lang in ("en", "fr"):
        raw = json.loads(resources.files("eventwire").joinpath("lang", lang, "cues.json").read_text(encoding="utf-8"))
        for key in ARGUMENT_CUES:
            out.append((lang, key, raw[key]))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang,key,cue", _cue_examples(), ids=[f"{c[0]}:{c[1]}" for c in _cue_examples()])
def test_every_argument_cue_has_words_and_an_example_that_codes(lang, key, cue):
    assert cue["words"], f"{lang} {key}: no words"
    ca = code_text(cue["example"], lang=lang, published="2024-06-19")
    assert ca.events, f"{lang} {key}: {cue['example']!r} yields no event"
