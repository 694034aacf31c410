"""``eventwire explain DOC_ID|FILE``: an article with its events' spans marked and the rule
behind each (from the store with ``--db``, or coding a text file directly)."""

from __future__ import annotations

import sys
from pathlib import Path

from .options import add_db


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "explain", help="show an article's events with their evidence spans and rules", description=__doc__
    )
    p.add_argument("doc", metavar="DOC_ID|FILE", help="a stored article id, or a .txt file to code now")
    add_db(p)
    p.add_argument("--lang", choices=("fr", "en"), default=None, help="language of FILE (default: detect)")
    p.add_argument("--published", default=None, help="publication date of FILE (YYYY-MM-DD)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the spans")
    p.set_defaults(func=run)


def _use_color(args) -> bool:
    return args.color == "always" or (args.color == "auto" and sys.stdout.isatty())


def run(args) -> int:
    from ..explain import explain_coded, explain_lines, from_row

    color = _use_color(args)
    path = Path(args.doc)
    if path.is_file():
        from ..errors import InputRejected, UsageError
        from ..pipeline import code_text

        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise UsageError(f"{path}: not UTF-8 text; explain FILE takes a plain .txt file") from None
        try:
            ca = code_text(text, lang=args.lang, published=args.published, doc_id=path.stem)
        except InputRejected as exc:
            raise UsageError(f"{path}: {exc.detail}") from None
        print("\n".join(explain_coded(ca, color=color)))
        return 0
    from ..errors import UnknownArticle
    from ..store import open_store

    if args.db != ":memory:" and not Path(args.db).exists():
        raise UnknownArticle(args.doc, args.db)
    con = open_store(args.db, read_only=args.db != ":memory:")
    try:
        art = con.execute("SELECT text, lang, published FROM articles WHERE doc_id = ?", [args.doc]).fetchone()
        if art is None:
            raise UnknownArticle(args.doc, args.db)
        cur = con.execute("SELECT * FROM events WHERE doc_id = ? ORDER BY predicate_start", [args.doc])
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()
    text, lang, published = art
    header = (f"{args.doc}  ({lang}, published {published or 'unknown'})  {len(rows)} events  "
              f"marks: [source]ˢ {{predicate}}ᵖ [target]ᵗ")
    print("\n".join(explain_lines(text, [from_row(r) for r in rows], header=header, color=color)))
    return 0
