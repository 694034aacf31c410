"""Rule-based TIMEX3 recognition and normalisation (language data in ``lang/*/time*.json``).

:func:`match_times` finds candidate spans with the patterns of a language (regex templates
over word classes) and :func:`normalise` turns each match into a TIMEX3 type and value
against a document creation date. The logic is language-neutral: every word lives in the
language's ``time.json`` (word classes) and ``time_patterns.json`` (pattern families, each
with an example that ``tests/test_times.py`` normalises).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

D = dt.date

# unit code -> (TIMEX3 duration letter, is a time unit)
_DUR = {"Y": ("Y", False), "M": ("M", False), "W": ("W", False), "D": ("D", False), "TH": ("H", True),
        "TM": ("M", True), "TS": ("S", True), "DE": ("Y", False), "CE": ("Y", False), "Q": ("M", False),
        "H": ("M", False), "WE": ("WE", False)}
_DUR_MULT = {"DE": 10, "CE": 100, "Q": 3, "H": 6}


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    words: dict
    patterns: tuple  # (name, kind, compiled regex, fixed groups, example)
    since_re: re.Pattern
    anchor_re: re.Pattern


def _alt(keys) -> str:
    """A regex alternation of words (longest first); spaces match any white space, apostrophes both forms."""
    out = []
    for k in sorted(set(keys), key=len, reverse=True):
        e = re.escape(k).replace("\\ ", " ").replace("\\-", "-")
        e = e.replace("'", "['’]").replace("’", "['’]").replace(" ", r"\s+").replace("-", r"\s*-\s*")
        out.append(e)
    return "(?:" + "|".join(out) + ")"


def _num_re(words: dict, joiners: list[str]) -> str:
    w = _alt(words)
    j = "|".join(r"\s+" + re.escape(x) + r"\s+" if x != "-" else r"\s*-\s*" for x in joiners)
    return rf"(?:\d+(?:[.,]\d+)?|{w}(?:(?:{j}|\s+){w})*)"


def _template(t: str, classes: dict[str, str]) -> str:
    t = t.replace("'", "['’]")
    t = re.sub(r"(?<!\\) ", r"\\s+", t)
    t = t.replace(r"\s+?", r"\s*")  # "' ?h'" written as ' ?' means optional space
    for name, alt in classes.items():
        t = t.replace("{" + name + "}", alt)
    return r"(?<![\w])" + t + r"(?![\w])"


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    base = resources.files("eventwire.lang") / lang
    words = json.loads((base / "time.json").read_text(encoding="utf-8"))
    pats = json.loads((base / "time_patterns.json").read_text(encoding="utf-8"))
    w = words
    classes = {
        "MONTH": _alt(w["months"]), "WD": _alt(w["weekdays"]), "WDS": _alt(w["weekdays_plural"]),
        "NUM": _num_re(w["numbers"], w["number_joiners"]), "UNIT": _alt(w["units"]), "DP": _alt(w["day_parts"]),
        "CLOCK": _alt(w["clock_words"]), "SEASON": _alt(w["seasons"]), "PAST": _alt(w["past_words"]),
        "FUT": _alt(w["future_words"]), "RELDAY": _alt(w["relative_days"]), "ANAPH": _alt(w["anaphoric_days"]),
        "REF": _alt(w["refs"]), "ORD": _alt(w["ordinals"]), "MARK": _alt(w["period_marks"]),
        "DMOD": _alt(w["duration_mods"]), "VAGUE": _alt(w["vague_quantities"]), "SETQ": _alt(w["set_quantifiers"]),
        "HOLIDAY": _alt(list(w["holidays"]) + list(w["movable_holidays"])), "FIXED": _alt(w["fixed_durations"]),
        "APPROXN": _alt(w["approx_numbers"]), "SETADJ": _alt(w.get("set_adjectives", {"\x00": ""})),
    }
    compiled = []
    for p in pats["patterns"]:
        rx = re.compile(_template(p["re"], classes), re.IGNORECASE)
        compiled.append((p["name"], p["kind"], rx, p.get("fixed", {}), tuple(p.get("example", ()))))
    since = re.compile(r"(?:^|\W)" + _alt(pats.get("since_before", ["\x00"])) + r"\s*$", re.IGNORECASE)
    anchor = re.compile(_alt(pats.get("anchor_before", ["\x00"])) + r"\s*$", re.IGNORECASE)
    return Lexicon(lang, words, tuple(compiled), since, anchor)


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower().replace("’", "'")).strip()


def _lookup(table: dict, s: str):
    k = _key(s)
    if k in table:
        return table[k]
    k2 = re.sub(r"\s*-\s*", "-", k)
    for key, v in table.items():
        if _key(key) in (k, k2):
            return v
    return None


def parse_number(s: str, lex: Lexicon) -> float | None:
    s = _key(s)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
        return float(s.replace(",", "."))
    nums = {_key(k): v for k, v in lex.words["numbers"].items()}
    total, cur = 0, 0
    parts = re.split(r"[\s-]+", s)
    if len(parts) > 1 and nums.get(parts[0]) == 1 and parts[0] not in ("one", "un"):
        parts = parts[1:]  # "a six-month", "une vingtaine": the article, not a one
    for part in parts:
        if part in lex.words["number_joiners"]:
            continue
        v = nums.get(part)
        if v is None:
            return None
        if v == 100:
            cur = max(cur, 1) * 100
        elif v == 1000:
            total += max(cur, 1) * 1000
            cur = 0
        elif v == 20 and cur % 100 == 4:  # quatre-vingt(s)
            cur = cur - 4 + 80
        else:
            cur += v
    return float(total + cur)


# --------------------------------------------------------------------------- calendar helpers


def easter(year: int) -> D:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return D(year, month, day)


def week_value(d: D) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: D, n: int) -> D:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return D(y, m, min(d.day, 28))


def shift(d: D, unit: str, n: int) -> tuple[str, str]:
    """(value, precision) of ``d`` moved ``n`` units, at that unit's granularity."""
    if unit == "D":
        return (d + dt.timedelta(days=n)).isoformat(), "day"
    if unit == "W":
        return week_value(d + dt.timedelta(weeks=n)), "week"
    if unit == "WE":
        x = d + dt.timedelta(weeks=n)
        return week_value(x) + "-WE", "week"
    if unit == "M":
        return add_months(d, n).strftime("%Y-%m"), "month"
    if unit == "Q":
        x = add_months(d, 3 * n)
        return f"{x.year}-Q{(x.month - 1) // 3 + 1}", "quarter"
    if unit == "H":
        x = add_months(d, 6 * n)
        return f"{x.year}-H{(x.month - 1) // 6 + 1}", "half"
    if unit == "Y":
        return str(d.year + n), "year"
    if unit == "DE":
        return str((d.year + 10 * n) // 10) + "X", "decade"
    if unit == "CE":
        return str((d.year + 100 * n) // 100) + "XX", "century"
    if unit in ("TH", "TM", "TS"):
        return d.isoformat(), "day"
    return d.isoformat(), "day"


def value_range(value: str) -> tuple[str, str] | None:
    """First and last ISO day a DATE value covers (None when it is not anchored)."""
    v = value.split("T")[0]
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            return v, v
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", v):
            mon = D.fromisocalendar(int(m[1]), int(m[2]), 1)
            return mon.isoformat(), (mon + dt.timedelta(days=6)).isoformat()
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = int(m[1]), int(m[2])
            last = (add_months(D(y, mo, 1), 1) - dt.timedelta(days=1))
            return f"{y}-{mo:02d}-01", last.isoformat()
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            first = D(y, 3 * q - 2, 1)
            return first.isoformat(), (add_months(first, 3) - dt.timedelta(days=1)).isoformat()
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return (f"{y}-01-01", f"{y}-06-30") if h == 1 else (f"{y}-07-01", f"{y}-12-31")
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            return {"SP": (f"{y}-03-20", f"{y}-06-20"), "SU": (f"{y}-06-21", f"{y}-09-22"),
                    "FA": (f"{y}-09-23", f"{y}-12-20"), "WI": (f"{y}-12-21", f"{y + 1}-03-19")}[m[2]]
        if re.fullmatch(r"\d{4}", v):
            return f"{v}-01-01", f"{v}-12-31"
        if m := re.fullmatch(r"(\d{3})X", v):
            return f"{m[1]}0-01-01", f"{m[1]}9-12-31"
        if m := re.fullmatch(r"(\d\d)XX", v):
            return f"{m[1]}00-01-01", f"{m[1]}99-12-31"
    except ValueError:
        return None
    return None


def precision_of(value: str) -> str | None:
    v = value.split("T")[0]
    for rx, p in ((r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-W\d\d(-WE)?", "week"), (r"\d{4}-\d\d", "month"),
                  (r"\d{4}-Q\d", "quarter"), (r"\d{4}-H\d", "half"), (r"\d{4}-(SP|SU|FA|WI)", "season"),
                  (r"\d{4}", "year"), (r"\d{3}X", "decade"), (r"\d\dXX", "century")):
        if re.fullmatch(rx, v):
            return p
    return None


def _roman(s: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    s = s.upper()
    if not s or any(c not in vals for c in s):
        return int(s) if s.isdigit() else None
    n = 0
    for i, c in enumerate(s):
        v = vals[c]
        n += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return n


# --------------------------------------------------------------------------- normalisation


@dataclass(frozen=True, slots=True)
class Norm:
    type: str
    value: str
    mod: str | None = None
    anaphoric: bool = False


def _year_of(g: dict, dct: D) -> int | None:
    y = g.get("year")
    if not y:
        return None
    y = y.strip("'’")
    if len(y) == 2:
        n = int(y)
        return (1900 + n) if 1900 + n <= dct.year + 10 and n > (dct.year + 10) % 100 else 2000 + n
    return int(y)


def _closest_year(dct: D, month: int, day: int | None, wd: int | None, direction: int) -> int:
    """The year that puts day/month nearest the creation date (matching the weekday if given;
    after it for "prochain", before it for "dernier")."""
    best, best_dist = dct.year, None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            probe = D(y, month, day or 15)
        except ValueError:
            continue
        if wd and day and probe.isoweekday() != wd:
            continue
        if direction < 0 and probe > dct + dt.timedelta(days=0 if day else 15) or direction > 0 and probe < dct - dt.timedelta(days=0 if day else 15):
            continue
        dist = abs((probe - dct).days)
        if best_dist is None or dist < best_dist:
            best, best_dist = y, dist
    return best


def _weekday_date(wd: int, dct: D, tense: str, direction: int) -> D:
    delta = wd - dct.isoweekday()
    if direction < 0 or (direction == 0 and tense != "future"):
        if direction < 0 and delta >= 0:
            delta -= 7
        elif delta > 0:
            delta -= 7
    else:
        if direction > 0 and delta <= 0:
            delta += 7
        elif delta < 0:
            delta += 7
    return dct + dt.timedelta(days=delta)


def _time_suffix(g: dict, lex: Lexicon) -> str | None:
    if g.get("hour"):
        h = int(g["hour"])
        ampm = (g.get("ampm") or "").lower()[:1]
        if ampm == "p" and h < 12:
            h += 12
        elif ampm == "a" and h == 12:
            h = 0
        if h > 24:
            return None
        mi = int(g["minute"]) if g.get("minute") else 0
        return f"T{h:02d}:{mi:02d}"
    if g.get("clock"):
        return "T" + _lookup(lex.words["clock_words"], g["clock"])
    if g.get("daypart"):
        return "T" + (_lookup(lex.words["day_parts"], g["daypart"]) or g["daypart"])
    return None


def normalise(kind: str, g: dict, *, dct: D, tense: str, ref: D, lex: Lexicon, text: str) -> Norm | None:
    """TIMEX3 type and value of one pattern match (None to drop it).

    ``g`` holds the match's named groups; ``tense`` (past | present | future) the tense of
    the clause around it; ``ref`` the last day named before it (for la veille, the next day).
    """
    W = lex.words
    mod = _lookup(W["period_marks"], g["mark"]) if g.get("mark") else None
    direction = -1 if g.get("past") else (1 if g.get("future") else 0)
    if kind == "date":
        year = _year_of(g, dct)
        month = _lookup(W["months"], g["month"]) if g.get("month") else (int(g["monthnum"]) if g.get("monthnum") else None)
        wd = _lookup(W["weekdays"], g["weekday"]) if g.get("weekday") else None
        day = g.get("day")
        if day is not None:
            day = 1 if day.lower() in ("1er", "premier") else int(day)
        if day and month is None and wd:  # "jeudi 13": this month, or the closest one
            base = _weekday_date(wd, dct, tense, direction)
            for cand in (D(base.year, base.month, 1), add_months(D(base.year, base.month, 1), -1), add_months(D(base.year, base.month, 1), 1)):
                try:
                    x = D(cand.year, cand.month, day)
                except ValueError:
                    continue
                if x.isoweekday() == wd:
                    return Norm("DATE", x.isoformat())
            return None
        if month:
            if not 1 <= month <= 12:
                return None
            if year is None:
                year = _closest_year(dct, month, day, wd, direction)
            if day:
                try:
                    d = D(year, month, day)
                except ValueError:
                    return None
                suf = _time_suffix(g, lex)
                return Norm("TIME" if suf else "DATE", d.isoformat() + (suf or ""))
            return Norm("DATE", f"{year}-{month:02d}", mod)
        if wd:
            if g.get("this") and g["this"].lower() == "le" and not (g.get("past") or g.get("future") or g.get("daypart") or g.get("hour")):
                return Norm("SET", f"XXXX-WXX-{wd}")
            d = _weekday_date(wd, dct, tense, direction)
            suf = _time_suffix(g, lex)
            return Norm("TIME" if suf else "DATE", d.isoformat() + (suf or ""))
        return None
    if kind == "relday":
        off = int(g["relday"]) if g["relday"].lstrip("-").isdigit() else _lookup(W["relative_days"], g["relday"])
        if off is None:
            return None
        d = dct + dt.timedelta(days=off)
        suf = _time_suffix(g, lex)
        key = _key(g["relday"])
        if not suf and key in ("tonight",):
            suf = "TNI"
        return Norm("TIME" if suf else "DATE", d.isoformat() + (suf or ""), mod)
    if kind == "anaphoric":
        off = _lookup(W["anaphoric_days"], g["anaph"])
        if off is None:
            return None
        return Norm("DATE", (ref + dt.timedelta(days=off)).isoformat(), anaphoric=True)
    if kind in ("relunit", "ago"):
        unit = _lookup(W["units"], g["unit"])
        if unit is None or unit in ("TH", "TM", "TS"):
            return None
        if kind == "ago":
            n = parse_number(g["num"], lex)
            if n is None or n != int(n):
                return None
            n = int(n) * int(g.get("dir", -1))
        else:
            n = direction
        if unit in ("Q", "H") and kind == "ago":
            return None
        return Norm("DATE", shift(dct, unit, n)[0])
    if kind == "recent":
        unit = _lookup(W["units"], g["unit"])
        if unit is None:
            return None
        n = parse_number(g["num"], lex) if g.get("num") else None
        return Norm("DURATION", _duration(unit, n))
    if kind == "duration":
        if g.get("fixed"):
            return Norm("DURATION", _lookup(W["fixed_durations"], g["fixed"]))
        unit = _lookup(W["units"], g["unit"])
        if unit is None:
            return None
        if g.get("vague"):
            return Norm("DURATION", _duration(unit, None))
        if g.get("approxn"):
            return Norm("DURATION", _duration(unit, _lookup(W["approx_numbers"], g["approxn"])), "APPROX")
        n = parse_number(g["num"], lex)
        if n is None:
            return None
        if g.get("half"):
            n += 0.5
        dmod = _lookup(W["duration_mods"], g["dmod"]) if g.get("dmod") else None
        return Norm("DURATION", _duration(unit, n), dmod)
    if kind == "year":
        y = int(g["year"])
        if dct.year > 1 and y > dct.year + 30:
            return None
        return Norm("DATE", str(y), mod)
    if kind == "decade":
        d = g["decade"]
        if len(d) == 2:
            d = ("20" if 2000 + int(d) <= dct.year else "19") + d
        return Norm("DATE", d[:3] + "X", mod)
    if kind == "century":
        n = _roman(g["century"])
        if not n or n > 21:
            return None
        return Norm("DATE", f"{n - 1:02d}XX", mod)
    if kind == "season":
        s = _lookup(W["seasons"], g["season"])
        if g.get("year"):
            return Norm("DATE", f"{g['year']}-{s}")
        if g.get("this") or g.get("past") or g.get("future") or g.get("det"):
            y = dct.year + direction
            return Norm("DATE", f"{y}-{s}")
        return Norm("DATE", f"XXXX-{s}")
    if kind == "ref":
        return Norm("TIME" if lex.lang == "fr" else "DATE", _lookup(W["refs"], g["ref"]))
    if kind == "clock":
        suf = _time_suffix(g, lex)
        if not suf:
            return None
        return Norm("TIME", ref.isoformat() + suf)
    if kind == "set":
        if g.get("setadj"):
            return Norm("SET", _lookup(W["set_adjectives"], g["setadj"]))
        if g.get("wds") or g.get("wds2"):
            w = g.get("wds") or g["wds2"]
            return Norm("SET", f"XXXX-WXX-{_lookup(W['weekdays_plural'], w) or _lookup(W['weekdays'], w)}")
        unit = _lookup(W["units"], g["unit"])
        if unit is None:
            return None
        n = parse_number(g["num"], lex) if g.get("num") else 1
        return Norm("SET", _duration(unit, n))
    if kind == "quarter":
        o = _lookup(W["ordinals"], g["ord"])
        q = "Q" if _key(g["qunit"]) in ("trimestre", "quarter") else "H"
        if o is None or o == 0 or (q == "Q" and o > 4) or (q == "H" and o > 2):
            return None
        year = _year_of(g, dct) or dct.year
        if o < 0:
            o = 4 if q == "Q" else 2
        return Norm("DATE", f"{year}-{q}{o}")
    if kind == "holiday":
        year = _year_of(g, dct) or dct.year
        fixed = _lookup(W["holidays"], g["holiday"])
        if fixed:
            return Norm("DATE", f"{year}-{fixed}")
        off = _lookup(W["movable_holidays"], g["holiday"])
        if off is None:
            return None
        return Norm("DATE", (easter(year) + dt.timedelta(days=off)).isoformat())
    return None


def _duration(unit: str, n: float | None) -> str:
    letter, is_time = _DUR[unit]
    if unit == "WE":
        return "P" + ("X" if n is None else _fmt(n)) + "WE"
    if n is not None and unit in _DUR_MULT:
        n = n * _DUR_MULT[unit]
    num = "X" if n is None else _fmt(n)
    return ("PT" if is_time else "P") + num + letter


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else str(round(n, 3))


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    name: str
    kind: str
    groups: dict


def match_times(text: str, lang: str) -> list[Match]:
    """Non-overlapping pattern matches, longest first (ties: pattern order)."""
    lex = lexicon(lang)
    cands = []
    for order, (name, kind, rx, fixed, _ex) in enumerate(lex.patterns):
        for m in rx.finditer(text):
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            g.update(fixed)
            s = m.start()
            if "lead" in rx.groupindex and m.group("lead"):
                s = m.end("lead")
            cands.append((m.end() - m.start(), -order, s, m.end(), name, kind, g))
    cands.sort(key=lambda c: (-c[0], -c[1], c[2]))
    taken: list[tuple[int, int]] = []
    out = []
    for _len, _o, s, e, name, kind, g in cands:
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        out.append(Match(s, e, name, kind, g))
    out.sort(key=lambda m: m.start)
    return out
