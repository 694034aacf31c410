"""``eventwire`` entry point. Each sub-command lives in its own module of this package,
which defines ``register(subparsers)``; errors become one line and an exit code."""

from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import EventwireError
from ..version import CODER_VERSION

# module name in eventwire.cli -> registered in this order
COMMANDS = ("code", "events", "export", "explain", "actors", "dates", "places", "serve", "clusters", "ingest", "bench")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Political event data (CAMEO, PLOVER) from French and English news.",
    )
    parser.add_argument("--version", action="version", version=f"eventwire {CODER_VERSION}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f".cmd_{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"cmd_{name}"):
                continue  # command not built yet
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        rc = args.func(args)
    except EventwireError as exc:
        if args.debug:
            raise
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return int(rc or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
