"""The event coder on single sentences: predicates, arguments from the parse, codes.

Table-driven: a sentence and the (source, target, CAMEO root) it must yield. Real spaCy
models and the real actor stage; actor codes are compared on their first three letters,
as the scorer does.
"""

from __future__ import annotations

import pytest

from coding import actor3 as _c3, triples as _triples

from eventwire.codebooks import cameo
from eventwire.pipeline import code_text


def triples(text: str, lang: str = "fr") -> set[tuple[str, str, str]]:
    return _triples(text, lang)


CASES_FR = [
    # a past participle modifying a noun: its by-agent is the source, the noun its object
    ("Des rebelles soudanais soutenus par le Tchad ont attaqué El Geneina.", ("TCD", "SDN", "05")),
    # verbs, active voice
    ("Le président russe Vladimir Poutine est arrivé mardi en Corée du Nord.", ("RUS", "PRK", "04")),
    ("La Corée du Nord a défié les États-Unis.", ("PRK", "USA", "12")),
    # passive: the agent is the source; no agent, no source
    ("Le président russe a été reçu par le dirigeant nord-coréen Kim Jong Un.", ("PRK", "RUS", "04")),
    ("Pyongyang est soumis à des sanctions internationales depuis 2006.", ("---", "PRK", "16")),
    # a reflexive verb takes être but is not a passive: its subject is the source
    ("L'Algérie s'est concertée avec la Tunisie.", ("DZA", "TUN", "04")),
    # a capital opening the sentence stays its subject
    ("Pékin a condamné les essais nord-coréens.", ("CHN", "PRK", "11")),
    # coordination gives one event per actor
    ("Les États-Unis et la Corée du Sud ont critiqué la Russie.", ("USA", "RUS", "11")),
    ("Les États-Unis et la Corée du Sud ont critiqué la Russie.", ("KOR", "RUS", "11")),
    # control: the object of accuser is the subject of the infinitive
    ("Le Pentagone a accusé Moscou d'utiliser des missiles nord-coréens en Ukraine.", ("USA", "RUS", "11")),
    ("Le Pentagone a accusé Moscou d'utiliser des missiles nord-coréens en Ukraine.", ("RUS", "UKR", "19")),
    # subject control through an intention verb
    ("La Russie s'est engagée à renforcer les relations avec la Corée du Nord.", ("RUS", "PRK", "03")),
    # relative clause: "qui" stands for the noun it modifies
    ("La Russie, qui a envahi l'Ukraine en 2022, est isolée.", ("RUS", "UKR", "19")),
    # nominal events with de / en / contre arguments and demonym adjectives
    ("La visite du président russe en Corée du Nord inquiète le Japon.", ("RUS", "PRK", "04")),
    ("La guerre russe contre l'Ukraine a commencé en 2022.", ("RUS", "UKR", "19")),
    # multi-word predicates
    ("Les États-Unis ont imposé des sanctions à l'Iran.", ("USA", "IRN", "16")),
    ("Les États-Unis ont exprimé leur inquiétude quant au rapprochement avec la Russie.", ("USA", "RUS", "01")),
    ("La Russie a signé un accord avec la Chine.", ("RUS", "CHN", "05")),
    # coordinated verbs share their subject
    ("La Russie a envahi l'Ukraine et a menacé la Pologne.", ("RUS", "POL", "13")),
    # coordinated nationality adjectives: one actor each
    ("Les gouvernements britannique, australien et danois ont condamné la Russie.", ("AUS", "RUS", "11")),
    ("Les gouvernements britannique, australien et danois ont condamné la Russie.", ("DNK", "RUS", "11")),
    # an agentless passive reported by X: X is no source
    ("La police irakienne a indiqué que trois civils irakiens ont été tués à Bagdad.", ("---", "IRQ", "19")),
    # readiness adjective: the adjective's subject acts, and the act is an intention (03)
    ("Le Kenya est prêt à lever les sanctions contre la Somalie.", ("KEN", "SOM", "03")),
    ("L'Égypte est disposée à accueillir des pourparlers entre Israël et le Hamas.", ("EGY", "ISR", "03")),
    ("L'Iran s'est déclaré disposé à négocier avec les États-Unis.", ("IRN", "USA", "03")),
    # an intention noun: the infinitive after it is an intended act of the noun's owner
    ("L'Iran a exprimé sa volonté de négocier avec les États-Unis.", ("IRN", "USA", "03")),
    ("Le président iranien s'est dit prêt à rencontrer Barack Obama.", ("IRN", "USA", "03")),
    # guilt adjective: the act of the adjective's subject
    ("Selon l'Union africaine, l'Éthiopie est coupable d'avoir attaqué l'Érythrée.", ("ETH", "ERI", "19")),
    # getting ready for force is a force posture (15), not a threat
    ("L'armée indienne se prépare à bombarder les positions pakistanaises.", ("IND", "PAK", "15")),
    # a negated cooperative act in the future or under a refusal verb is a rejection (12)
    ("La Jordanie affirme qu'elle n'accueillera plus de réfugiés syriens.", ("JOR", "SYR", "12")),
    ("La Turquie refuse de libérer les soldats grecs.", ("TUR", "GRC", "12")),
    ("La Turquie a promis de ne pas libérer le chef kurde.", ("TUR", "KUR", "12")),
    # X estime que Y doit V: X demands it of Y (10)
    ("L'Allemagne a estimé que la Serbie doit livrer les suspects au tribunal.", ("DEU", "SRB", "10")),
    # an event noun one goes for (any verb: converger, défiler) takes the verb's subject
    ("Des milliers de Kényans ont convergé vers Nairobi pour une manifestation contre l'Ouganda.", ("KEN", "UGA", "14")),
    ("Des milliers de Kényans ont défilé à Nairobi pour une manifestation contre l'Ouganda.", ("KEN", "UGA", "14")),
    # a text whose author names no actor speaks for whoever votes for it
    ("Les membres du Conseil de sécurité ont voté pour une résolution qui exige un cessez-le-feu en Syrie.",
     ("IGO", "SYR", "10")),
    # a text's own actor speaks through it, not whoever blocks it
    ("La Russie a opposé son veto à une résolution du Conseil de sécurité condamnant la Syrie.", ("IGO", "SYR", "11")),
    # a participle on a document noun speaks for the one who issues it
    ("Les rebelles kurdes ont publié un communiqué condamnant la Turquie.", ("KUR", "TUR", "11")),
    # an assassination tried is an attempt (185), not a threat
    ("Des rebelles kurdes ont tenté d'assassiner le gouverneur turc.", ("KUR", "TUR", "18")),
    # a document that orders speaks for those who vote it; a demand names where the act must happen
    ("Les membres du Conseil de sécurité ont voté en faveur d'une résolution qui ordonne un cessez-le-feu en Syrie.",
     ("IGO", "SYR", "10")),
    ("Le Conseil de sécurité a adopté une résolution qui ordonne un cessez-le-feu sur l'ensemble du territoire syrien.",
     ("IGO", "SYR", "10")),
    # an act aimed at an event (dispersing a protest) is aimed at the event's actors
    ("La police égyptienne a dispersé une manifestation organisée par des étudiants palestiniens.", ("EGY", "PSE", "17")),
    # an act the speaker calls out of the question is rejected by the speaker
    ("Le Royaume-Uni a affirmé que la levée des sanctions contre l'Iran est inacceptable.", ("GBR", "IRN", "12")),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", CASES_FR, ids=[c[0][:50] for c in CASES_FR])
def test_french_sentence_yields_event(text, expected):
    got = triples(text)
    assert expected in got, f"{text!r}: expected {expected}, got {sorted(got)}"


CASES_EN = [
    # a past participle modifying a noun: its by-agent is the source, the noun its object
    ("Sudanese rebels backed by Chad attacked El Geneina.", ("TCD", "SDN", "05")),
    ("Serbian militiamen armed with rifles attacked a Bosnian village.", ("SRB", "BIH", "19")),
    ("The Pentagon accused Russia of using North Korean missiles in Ukraine.", ("USA", "RUS", "11")),
    ("Putin was received by North Korean leader Kim Jong Un.", ("PRK", "RUS", "04")),
    ("France imposed sanctions on Iran.", ("FRA", "IRN", "16")),
    # a domestic act with no target and no other state in the story: the source's own country
    ("Young Algerians blocked roads leading to the city centre on Sunday.", ("DZA", "DZA", "14")),
    ("Rebels in the Ivory Coast dismissed an appeal to lay down their arms.", ("CIV", "CIV", "12")),
    # another state named: no domestic guess
    ("Turkish workers began a hunger strike against Sweden's decision.", ("TUR", "SWE", "14")),
    # a protest with no target whose story names one other state: that state
    ("Palestinian prisoners rioted on Monday at a jail in northern Israel.", ("PSE", "ISR", "14")),
    # coordinated nationality adjectives: one actor each
    ("U.S. and Russian negotiators criticized Iran.", ("USA", "IRN", "11")),
    ("U.S. and Russian negotiators criticized Iran.", ("RUS", "IRN", "11")),
    # an agentless passive reported by X: X is no source
    ("Three Iraqi civilians were killed in a bombing in Baghdad, Iraqi police said.", ("---", "IRQ", "19")),
    # an agentless passive of commitment is a state of its subject
    ("Vietnam is committed to opening its economy, the minister said.", ("VNM", "---", "03")),
    # readiness adjective: the adjective's (or its copula's) subject acts; the act is an intention (03)
    ("The Kenyan president said he is prepared to lift the ban on Somali traders.", ("KEN", "SOM", "03")),
    ("Egypt said it would be ready to host talks between Israel and Hamas.", ("EGY", "ISR", "03")),
    ("Iran declared itself ready to negotiate with the United States.", ("IRN", "USA", "03")),
    # an intention noun: the infinitive after it is an intended act of the noun's owner
    ("Iran expressed its willingness to negotiate with the United States.", ("IRN", "USA", "03")),
    # guilt adjectives: the act of the adjective's subject, verb or event noun
    ("Both Ethiopia and Eritrea are guilty of violating the truce, according to African Union monitors.", ("ETH", "ERI", "19")),
    ("Hamas was responsible for the bombing in Tel Aviv, Israeli police said.", ("PSE", "ISR", "18")),
    # getting ready for force is a force posture (15), not a threat (13)
    ("The Indian army prepared to resume shelling Pakistani positions in Kashmir.", ("IND", "PAK", "15")),
    # a negated cooperative act in the future or under a refusal verb is a rejection (12)
    ("Jordan says it will not accept any more refugees from Syria.", ("JOR", "SYR", "12")),
    ("Turkey refused to release the Greek soldiers.", ("TUR", "GRC", "12")),
    ("Israel vowed not to return the Golan Heights to Syria.", ("ISR", "SYR", "12")),
    # X said Y must V: X demands it of Y (10)
    ("Germany said that Serbia must hand over the suspects to the tribunal.", ("DEU", "SRB", "10")),
    # a subject the parser hung on a fronted phrase (as a conjunct or apposition of its noun)
    ("With the signing of the accord in Nairobi, the Sudanese government and Uganda have agreed to reopen the border.",
     ("SDN", "UGA", "03")),
    # an event noun after a verb of gathering takes its subject, and an infinitive on it too
    ("Thousands of Ugandans were converging on Kampala for a rally to protest against Kenya.", ("UGA", "KEN", "14")),
    # a participle on a document noun speaks for the one who issues it
    ("The Kurdish rebels issued a statement condemning Turkey.", ("KUR", "TUR", "11")),
    # an act aimed at an event (preventing, dispersing a protest) is aimed at the event's actors,
    # named as the agent of a participle on the event noun
    ("Egyptian police dispersed a rally organised by Palestinian students.", ("EGY", "PSE", "17")),
    ("Egyptian police dispersed a rally organised by Palestinian students.", ("PSE", "EGY", "14")),
    ("Turkish police prevented the demonstration staged by Kurdish students in Ankara.", ("TUR", "KUR", "17")),
    # a document that demands speaks for those who adopt it
    ("The UN Security Council adopted a resolution that demands a ceasefire in Syria.", ("IGO", "SYR", "10")),
    # an act tried in the past is the attempt, not an intention
    ("Kurdish rebels tried to kill the Turkish governor, police said.", ("KUR", "TUR", "18")),
    # an act the speaker calls out of the question is rejected by the speaker
    ("Britain said that lifting the sanctions on Iran is out of the question.", ("GBR", "IRN", "12")),
    # a threat whose act is no hostile act the intent table knows stays a threat
    ("Turkey threatened to review its relations with Germany.", ("TUR", "DEU", "13")),
    # a demand on another actor of the speaker's own country
    ("Palestinian protesters said President Abbas must resign.", ("PSE", "PSE", "10")),
    # a plain demand takes the code of the act demanded (withdraw troops: 1056)
    ("France demanded that Israel withdraw its troops from Gaza.", ("FRA", "ISR", "10")),
]


NOT_CODED_AS = [
    # an agentless past participle modifying a noun describes the noun (the one armed, trained),
    # it is no act of the noun's: no event (with a by-agent it stays one, see CASES_EN / CASES_FR)
    ("Serbian militiamen armed with rifles attacked a Bosnian village.", "en", ("*", "*", "07")),
    ("Chechen fighters trained in Georgia attacked a Russian convoy.", "en", ("*", "*", "07")),
    ("Des miliciens serbes armés de fusils ont attaqué un village bosniaque.", "fr", ("*", "*", "07")),
    # a participle on a text speaks for the text's own actor, not for whoever vetoes or blocks it
    ("La Russie a opposé son veto à une résolution du Conseil de sécurité condamnant la Syrie.", "fr", ("RUS", "SYR", "*")),
    ("China blocked a resolution of the Security Council condemning Syria.", "en", ("CHN", "SYR", "*")),
    # (sentence, lang, (source, target, root) that must NOT come out; "*" matches anything)
    # a demand is no act: the act demanded did not happen
    ("Germany said that Serbia must hand over the suspects to the tribunal.", "en", ("SRB", "*", "*")),
    ("L'Allemagne a estimé que la Serbie doit livrer les suspects au tribunal.", "fr", ("SRB", "*", "*")),
    # preparing an attack is no threat
    ("The Indian army prepared to resume shelling Pakistani positions in Kashmir.", "en", ("*", "*", "13")),
    # a refusal is no intention to help
    ("Jordan says it will not accept any more refugees from Syria.", "en", ("*", "*", "03")),
    # a refusal verb that codes the pair itself (refuse + deploy = 1224) gives one event, not two
    ("Pakistan has refused to deploy peacekeepers in Iraq.", "en", ("*", "*", "07")),
    # the act a demand or an appeal asks for has not happened
    ("France demanded that Israel withdraw its troops from Gaza.", "en", ("ISR", "*", "*")),
    ("France urged Germany to send troops to Mali.", "en", ("DEU", "*", "*")),
    # an act tried is no threat, and where the attempt codes the pair (185) not an act done either
    ("Militants attempted to assassinate the Iraqi prime minister.", "en", ("*", "*", "13")),
    ("Des rebelles kurdes ont tenté d'assassiner le gouverneur turc.", "fr", ("*", "*", "13")),
    # a vow not to do a cooperative act is a rejection, no promise
    ("Turkey promised not to release the Kurdish leader.", "en", ("*", "*", "03")),
    ("La Turquie a promis de ne pas libérer le chef kurde.", "fr", ("*", "*", "03")),
    # an act demanded through a refusal (demand that Y refuse to V) has not happened either
    ("Greece demanded that its European partners refuse to recognize Macedonia.", "en", ("*", "MKD", "*")),
    # an act after an intention noun is not done
    ("Iran expressed its willingness to negotiate with the United States.", "en", ("*", "*", "04")),
    ("L'Iran a exprimé sa volonté de négocier avec les États-Unis.", "fr", ("*", "*", "04")),
    # an act one should do (agreed that Y should V) is not done: an intention
    ("Hungary and Romania agreed that their armies should cooperate with Serbia.", "en", ("*", "*", "05")),
    # the condition a threat sets (if / unless) has not happened
    ("Azerbaijan threatened to break relations with Russia unless Russia closed its radar base.", "en", ("RUS", "*", "*")),
    ("La Turquie a menacé de rompre ses relations avec l'Allemagne si l'Allemagne reconnaît le génocide arménien.", "fr",
     ("DEU", "*", "*")),
    # an act a verb failing or refusing it codes with its own entry (fail + reach = 120) is not coded again
    ("Israel and Egypt failed to reach an agreement.", "en", ("*", "*", "05")),
    # French ``devoir`` of schedule under a plain announcement stays the act (no demand)
    ("Le Kremlin a annoncé que Poutine doit se rendre en Chine.", "fr", ("*", "*", "10")),
    ("Le Kremlin a déclaré que Poutine doit se rendre en Chine.", "fr", ("*", "*", "10")),
]


# a court's verdict: the adjective predicated of the object (``reconnu X coupable``, the parser's
# ``amod`` of X) is the entry's required object word, so it is a sentencing (116), not a recognition
VERDICTS = [
    ("Un tribunal de Berlin a reconnu trois officiers syriens coupables de torture.", "fr", "116", "054"),
    ("La cour a reconnu l'ancien ministre malien coupable de détournement.", "fr", "116", "054"),
    ("La justice turque a déclaré le journaliste allemand coupable.", "fr", "116", "111"),
    ("A Turkish court found two German journalists guilty of espionage.", "en", "116", "040"),
    # the penalty phrase the parser hung on the object noun (``à douze ans`` on ``militant``) is the
    # verb's: a sentencing (116), not a condemnation (111) ...
    ("Un tribunal russe a condamné un militant ukrainien à douze ans de prison.", "fr", "116", "111"),
    ("La justice chinoise a condamné un chercheur japonais à la prison.", "fr", "116", "111"),
    # ... but not the place of an event noun, nor a later complement of a noun that has its own
    ("La Pologne a condamné l'attentat à la voiture piégée.", "fr", "111", "116"),
    ("La Chine a condamné les déclarations du ministre japonais à la radio.", "fr", "111", "116"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,lang,wanted,unwanted", VERDICTS, ids=[c[0][:50] for c in VERDICTS])
def test_a_verdict_is_coded_as_a_sentencing(text, lang, wanted, unwanted):
    codes = [e.cameo for e in code_text(text, lang=lang, published="2024-06-19").events]
    assert wanted in codes and unwanted not in codes, f"{text!r}: got {codes}"


@pytest.mark.slow
@pytest.mark.parametrize("text,lang,unwanted", NOT_CODED_AS, ids=[c[0][:50] for c in NOT_CODED_AS])
def test_a_construction_does_not_code_the_act_it_governs(text, lang, unwanted):
    got = triples(text, lang)
    bad = [t for t in got if all(u in ("*", x) for u, x in zip(unwanted, t))]
    assert not bad, f"{text!r}: {unwanted} should not be coded, got {sorted(got)}"


@pytest.mark.slow
@pytest.mark.parametrize("text,codes", [
    ("Pakistan has refused to deploy peacekeepers in Iraq.", ["1224"]),
    ("Russia threatened to cut gas supplies to Ukraine.", ["1311"]),
    ("Hamas threatened to walk out of the talks with Israel.", ["134"]),
    ("Militants attempted to assassinate the Iraqi prime minister.", ["185"]),
    ("Azerbaijan threatened to break relations with Russia unless Russia closed its radar base.", ["1313"]),
    # a stated future act is an intention (032), not the act the reporting pair codes (say + support = 051)
    ("Hungary said it will support the UN resolution on Serbia.", ["032"]),
])
def test_a_verb_whose_entry_codes_the_pair_gives_one_event(text, codes):
    ca = code_text(text, lang="en", published="2024-06-19")
    assert [e.cameo for e in ca.events] == codes


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", CASES_EN, ids=[c[0][:50] for c in CASES_EN])
def test_english_sentence_yields_event(text, expected):
    got = triples(text, "en")
    assert expected in got, f"{text!r}: expected {expected}, got {sorted(got)}"


NO_EVENT = [
    # the subject is no actor: no event
    "La frappe a tué des soldats.",
    # the reporter speaking in the first person
    "Rappelons que la Corée du Nord est un pays fermé.",
    # a verb of the lexicon without its required object
    "Le ministre a exprimé sa joie.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event_without_actors_or_required_words(text):
    assert triples(text) == set()


@pytest.mark.slow
@pytest.mark.parametrize("text,lang", [
    ("Three Iraqi civilians were killed in a bombing in Baghdad, Iraqi police said.", "en"),
    ("La police irakienne a indiqué que trois civils irakiens ont été tués à Bagdad.", "fr"),
    # a reporting verb set after the clause (an incise with an inverted subject)
    ("Trois civils irakiens ont été tués dans un attentat, a indiqué la police irakienne.", "fr"),
])
def test_the_reporter_of_an_agentless_passive_reports_it(text, lang):
    ca = code_text(text, lang=lang, published="2024-06-19")
    kills = [e for e in ca.events if e.cameo.startswith("19")]
    assert kills and all(e.source is None for e in kills), [(e.source, e.cameo) for e in ca.events]
    assert all(e.factuality == "reported" and {_c3(r) for r in e.reported_by} == {"IRQ"} for e in kills)


@pytest.mark.slow
def test_event_records_carry_codes_evidence_and_stable_ids():
    text = "Le président russe Vladimir Poutine est arrivé mardi en Corée du Nord."
    a = code_text(text, lang="fr", published="2024-06-19")
    b = code_text(text, lang="fr", published="2024-06-19")
    assert [e.event_id for e in a.events] == [e.event_id for e in b.events]
    ev = next(e for e in a.events if e.cameo == "042")
    info = cameo("042")
    assert (ev.cameo_name, ev.goldstein, ev.quad_class) == (info.name, info.goldstein, info.quad_class)
    assert (ev.plover_type, ev.plover_mode) == ("CONSULT", "visit")
    assert ev.rule == "fr.arriver.042"
    assert text[ev.predicate[0]:ev.predicate[1]] == "arrivé"
    assert ev.sentence[0] <= ev.predicate[0] < ev.predicate[1] <= ev.sentence[1]
    assert text[ev.source.start:ev.source.end].endswith("Poutine")
    assert text[ev.target.start:ev.target.end] == "Corée du Nord"
    assert 0 < ev.confidence <= 1
    assert ev.coder_version and ev.codebook_version
    assert ev.date == "2024-06-18"  # "mardi" before the publication date


@pytest.mark.slow
def test_a_story_repeating_an_act_gives_one_event():
    text = ("Le président russe est arrivé en Corée du Nord.\n"
            "Des images montrent Poutine arrivant en Corée du Nord.")
    evs = [e for e in code_text(text, lang="fr", published="2024-06-19").events if e.cameo == "042"]
    assert len(evs) == 1


def test_an_unsupported_language_yields_no_events():
    from eventwire.events import extract_events
    from eventwire.records import Article

    art = Article(doc_id="d", text="Hola.", lang="es", published=None, published_source="none",
                  content_hash="h", paragraphs=((0, 5),))
    assert extract_events(art, [], (), mentions=[], times=[], places=[]) == []
