"""Factuality, who claims an event, and the links between claims and denials.

Table-driven on real sentences (real models, real actor stage); plus the local cues
(negation, conditional mood) on small hand-built spaCy Docs.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from coding import actor3 as _c3

from eventwire.factuality import is_conditional, is_negated, load_cues
from eventwire.pipeline import code_text


def coded(text: str, lang: str = "fr"):
    return code_text(text, lang=lang, published="2024-06-19").events


def find(events, source: str, target: str, root: str):
    for e in events:
        if (_c3(e.source), _c3(e.target), e.cameo[:2]) == (source, target, root):
            return e
    raise AssertionError(f"no {source}->{target} {root} in {[(_c3(e.source), _c3(e.target), e.cameo) for e in events]}")


CASES = [
    # (sentence, (source, target, root), factuality, reporters)
    ("La Russie a attaqué l'Ukraine.", ("RUS", "UKR", "19"), "asserted", set()),
    ("Selon l'Ukraine, la Russie a bombardé la Pologne.", ("RUS", "POL", "19"), "reported", {"UKR"}),
    ("D'après Kiev, la Russie a bombardé la Pologne.", ("RUS", "POL", "19"), "reported", {"UKR"}),
    ("Les États-Unis affirment que la Russie a fourni des armes à la Corée du Nord.", ("RUS", "PRK", "07"), "reported", {"USA"}),
    ("Les États-Unis et la Corée du Sud affirment que la Russie a fourni des armes à la Corée du Nord.",
     ("RUS", "PRK", "07"), "reported", {"USA", "KOR"}),
    ("Les États-Unis accusent la Chine de militariser la mer de Chine méridionale.", ("CHN", "---", "15"), "reported", {"USA"}),
    ("La Chine aurait fourni des armes à la Russie.", ("CHN", "RUS", "07"), "reported", set()),
    ("La Russie n'a pas attaqué l'Ukraine.", ("RUS", "UKR", "19"), "negated", set()),
    ("La Hongrie refuse de sanctionner la Russie.", ("HUN", "RUS", "16"), "negated", set()),
    ("La Chine nie avoir intercepté un avion américain.", ("CHN", "USA", "19"), "denied", set()),
    ("Si la Russie attaque la Finlande, l'Allemagne protestera.", ("RUS", "FIN", "19"), "hypothetical", set()),
    ("La Russie pourrait attaquer la Finlande.", ("RUS", "FIN", "19"), "hypothetical", set()),
    ("Le Japon prévoit d'envoyer des troupes en Corée du Sud.", ("JPN", "KOR", "15"), "intended", set()),
    # a self-report of one's own act is the act itself
    ("La Corée du Sud a déclaré avoir critiqué la Corée du Nord.", ("KOR", "PRK", "11"), "asserted", set()),
    # the act a guilt adjective names is alleged: reported (by whoever says so, or no one named)
    ("Selon l'Union africaine, l'Éthiopie est coupable d'avoir attaqué l'Érythrée.", ("ETH", "ERI", "19"), "reported", {"IGO"}),
    ("L'Éthiopie est coupable d'avoir attaqué l'Érythrée.", ("ETH", "ERI", "19"), "reported", set()),
    # a rejection stated by its author is asserted; so is a demand
    ("La Jordanie affirme qu'elle n'accueillera plus de réfugiés syriens.", ("JOR", "SYR", "12"), "asserted", set()),
    ("L'Allemagne a estimé que la Serbie doit livrer les suspects au tribunal.", ("DEU", "SRB", "10"), "asserted", set()),
]

CASES_EN = [
    ("Both Ethiopia and Eritrea are guilty of violating the truce, according to African Union monitors.",
     ("ETH", "ERI", "19"), "reported", {"IGO"}),
    ("Hamas was responsible for the bombing in Tel Aviv, Israeli police said.", ("PSE", "ISR", "18"), "reported", {"ISR"}),
    ("Ethiopia is guilty of attacking Eritrea.", ("ETH", "ERI", "19"), "reported", set()),
    # a readiness adjective states an intention: coded 03, asserted
    ("Egypt said it would be ready to host talks between Israel and Hamas.", ("EGY", "ISR", "03"), "asserted", set()),
    ("Jordan says it will not accept any more refugees from Syria.", ("JOR", "SYR", "12"), "asserted", set()),
    ("Germany said that Serbia must hand over the suspects to the tribunal.", ("DEU", "SRB", "10"), "asserted", set()),
    # obliging oneself is an intention, not a demand
    ("Sudan said it must reach an agreement with the rebels.", ("SDN", "SDN", "03"), "asserted", set()),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,key,fact,reporters", CASES_EN, ids=[c[0][:50] for c in CASES_EN])
def test_english_factuality_and_reporter(text, key, fact, reporters):
    ev = find(coded(text, "en"), *key)
    assert ev.factuality == fact
    assert {_c3(r) for r in ev.reported_by} == reporters


def _modality_examples():
    import json
    from importlib import resources

    out = []
    for lang in ("en", "fr"):
        raw = json.loads(resources.files("eventwire").joinpath("lang", lang, "cues.json").read_text(encoding="utf-8"))
        m = raw["modality"]
        groups = {"readiness": m["readiness"], "guilt": m["guilt"], "posture": m["posture"],
                  "deontic": m["deontic"]["modals"] + m["deontic"]["verbs"] + m["deontic"]["statements"],
                  "rejection": (m["rejection"]["modals"] + m["rejection"]["verbs"] + m["rejection"]["heads"]
                                + m["rejection"]["predicates"] + m["rejection"]["vows"]),
                  "attempts": m["attempts"],
                  "intention_nouns": m["intention_nouns"],
                  "purpose_preps": [{"lemma": "purpose_preps", "example": raw["purpose_preps"]["example"]}],
                  "statement_nouns": [{"lemma": "statement_nouns", "example": raw["statement_nouns"]["example"]}]}
        for kind, items in groups.items():
            out += [(lang, kind, item["lemma"], item["example"]) for item in items]
    return out


# what each kind of modality cue makes of its example: a predicate on the coded events
_EXPECT = {
    "readiness": lambda evs: any(e.cameo[:2] in ("03", "15") and e.factuality == "asserted" and e.source for e in evs),
    "guilt": lambda evs: any(e.factuality == "reported" and e.source for e in evs),
    "posture": lambda evs: any(e.cameo[:2] == "15" and e.plover_type == "MOBILIZE" for e in evs),
    "deontic": lambda evs: any(e.cameo[:2] == "10" and e.source and e.target for e in evs),
    "rejection": lambda evs: any(e.cameo[:2] == "12" and e.factuality == "asserted" for e in evs),
    "purpose_preps": lambda evs: any(e.cameo[:2] == "14" and e.source for e in evs),
    "intention_nouns": lambda evs: any(e.cameo[:2] in ("03", "13") and e.source for e in evs)
    and not any(e.factuality == "asserted" and e.cameo[:2] not in ("01", "03", "13") for e in evs),
    "attempts": lambda evs: any(e.cameo == "185" for e in evs) and not any(e.cameo[:2] == "13" for e in evs),
    "statement_nouns": lambda evs: any(e.cameo[:2] in ("02", "10", "11") and e.source and e.target for e in evs),
}


@pytest.mark.slow
@pytest.mark.parametrize("lang,kind,lemma,example", _modality_examples(), ids=lambda v: str(v)[:40])
def test_every_modality_cue_example_codes_its_construction(lang, kind, lemma, example):
    evs = coded(example, lang)
    assert _EXPECT[kind](evs), f"{lang} {kind} {lemma}: {[(_c3(e.source), _c3(e.target), e.cameo, e.factuality) for e in evs]}"


@pytest.mark.slow
@pytest.mark.parametrize("text,key,fact,reporters", CASES, ids=[c[0][:50] for c in CASES])
def test_factuality_and_reporter(text, key, fact, reporters):
    ev = find(coded(text), *key)
    assert ev.factuality == fact
    assert {_c3(r) for r in ev.reported_by} == reporters


@pytest.mark.slow
def test_an_accusation_links_to_the_act_it_alleges():
    evs = coded("Les États-Unis accusent la Chine de militariser la mer de Chine méridionale.")
    acc = find(evs, "USA", "CHN", "11")
    act = find(evs, "CHN", "---", "15")
    assert ("alleges", act.event_id) in {(l.type, l.event_id) for l in acc.links}
    assert act.factuality == "reported"


@pytest.mark.slow
def test_a_denial_answers_the_claim_before_it():
    evs = coded("Selon le Pentagone, la Chine a intercepté un avion américain, ce qui est nié par la Chine.")
    claim = find(evs, "CHN", "USA", "19")
    assert claim.factuality == "reported" and {_c3(r) for r in claim.reported_by} == {"USA"}
    denial = next(e for e in evs if e.cameo == "016")
    assert _c3(denial.source) == "CHN" and _c3(denial.target) == "USA"
    assert ("denies", claim.event_id) in {(l.type, l.event_id) for l in denial.links}


@pytest.mark.slow
def test_english_according_to_reports():
    ev = find(coded("According to Ukraine, Russia attacked Poland.", "en"), "RUS", "POL", "19")
    assert ev.factuality == "reported"
    assert {_c3(r) for r in ev.reported_by} == {"UKR"}


# ----------------------------------------------------------------- local cues on hand-built Docs


def _doc(words, heads, deps, morphs, pos, lemmas):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, morphs=morphs, pos=pos, lemmas=lemmas)


def test_conditional_mood_on_the_auxiliary_makes_a_past_conditional():
    # "Pékin aurait fourni" : aurait (Mood=Cnd) is the auxiliary of fourni
    doc = _doc(["Pékin", "aurait", "fourni"], [2, 2, 2], ["nsubj", "aux:tense", "ROOT"],
               ["", "Mood=Cnd|Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part"],
               ["PROPN", "AUX", "VERB"], ["Pékin", "avoir", "fournir"])
    assert is_conditional(doc[2], load_cues("fr"))


def test_a_conditional_the_tagger_missed_is_read_off_the_ending():
    # "tireraient" tagged indicative: tirer + -aient
    doc = _doc(["chars", "tireraient"], [1, 1], ["nsubj", "ROOT"], ["", "Mood=Ind|Tense=Pres|VerbForm=Fin"],
               ["NOUN", "VERB"], ["char", "tirer"])
    assert is_conditional(doc[1], load_cues("fr"))
    # the imperfect "montraient" is no conditional
    doc2 = _doc(["images", "montraient"], [1, 1], ["nsubj", "ROOT"], ["", "Mood=Ind|Tense=Imp|VerbForm=Fin"],
                ["NOUN", "VERB"], ["image", "montrer"])
    assert not is_conditional(doc2[1], load_cues("fr"))


def test_ne_pas_negates():
    doc = _doc(["Moscou", "n'", "a", "pas", "attaqué"], [4, 4, 4, 4, 4],
               ["nsubj", "advmod", "aux:tense", "advmod", "ROOT"], [""] * 5,
               ["PROPN", "ADV", "AUX", "ADV", "VERB"], ["Moscou", "ne", "avoir", "pas", "attaquer"])
    assert is_negated(doc[4], load_cues("fr"))
    assert not is_negated(doc[0], load_cues("fr"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_cue_has_an_example(lang):
    import json
    from importlib import resources

    raw = json.loads(resources.files("eventwire").joinpath("lang", lang, "cues.json").read_text(encoding="utf-8"))
    lists = [raw["reporting"], raw["according"], raw["intention"], raw["denial"], raw["object_control"],
             raw["negation"]["adverbs"], raw["negation"]["verbs"], raw["hypothetical"]["marks"],
             raw["hypothetical"]["modals"], raw.get("iobj_control", []),
             [x for k in ("readiness", "guilt", "posture", "attempts", "intention_nouns") for x in raw.get("modality", {}).get(k, [])],
             [x for k in ("modals", "verbs", "statements") for x in raw.get("modality", {}).get("deontic", {}).get(k, [])],
             [x for k in ("modals", "verbs", "heads", "predicates", "vows") for x in raw.get("modality", {}).get("rejection", {}).get(k, [])]]
    for items in lists:
        for item in items:
            assert item.get("example", "").strip(), f"{lang} cue {item} has no example"
