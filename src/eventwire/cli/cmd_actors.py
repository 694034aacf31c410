"""``eventwire actors lookup TEXT [--date D] [--lang fr|en] [--format json|table]``:
the actors a phrase resolves to, best first."""

from __future__ import annotations

import argparse
import json
import re
import sys

from ..errors import UsageError


def register(subparsers) -> None:
    p = subparsers.add_parser("actors", help="actor knowledge base: look up who a phrase refers to")
    sub = p.add_subparsers(dest="actors_command", metavar="ACTION")
    lk = sub.add_parser(
        "lookup",
        help="resolve a phrase to actor codes (JSON list, best first)",
        description="Resolve a phrase ('le président russe', 'Pyongyang', 'Angela Merkel') to CAMEO actor codes "
        "as of a date. Prints a JSON list, best first: code, country, sector, name, qid and the rule used.",
    )
    lk.add_argument("text", nargs="+", help="the phrase")
    lk.add_argument("--date", default=None, help="resolve roles as of this day (YYYY-MM-DD; default: the latest known roles)")
    lk.add_argument("--lang", default="fr", choices=("fr", "en"), help="language of the phrase (default: fr)")
    lk.add_argument("--format", default="json", choices=("json", "table"), help="output format (default: json)")
    lk.set_defaults(func=run_lookup)
    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])


def run_lookup(args: argparse.Namespace) -> int:
    from ..actors import lookup

    text = " ".join(args.text)
    if args.date is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", args.date):
        raise UsageError(f"--date {args.date!r} is not a date; expected YYYY-MM-DD (e.g. --date 2024-06-18)")
    date = args.date
    if date and len(date) == 4:
        date += "-07-01"
    elif date and len(date) == 7:
        date += "-15"
    actors = lookup(text, lang=args.lang, date=date)
    rows = [
        {"code": a.code, "country": a.country, "sector": a.sector, "name": a.name, "qid": a.qid, "rule": a.rule}
        for a in actors
    ]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for r in rows:
            print(f"{r['code']:<12} {r['country'] or '-':<4} {r['sector'] or '-':<4} {r['name'] or '-':<28} {r['qid'] or '-':<10} {r['rule']}")
    return 0 if rows else 1
