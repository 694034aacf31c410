"""``eventwire serve``: the local, read-only web explorer over a store."""

from __future__ import annotations

import argparse
import os
import sys

from .options import add_db


def register(sub) -> None:
    p = sub.add_parser(
        "serve",
        help="browse a store in a local web explorer (read-only)",
        description="Start a local web explorer over the DuckDB store, opened read-only: articles with their "
        "events highlighted, an event table with downloads, a timeline, an actor network and a map. "
        "Everything (scripts, styles, map shapes) is served from the package; nothing comes from the network.",
    )
    add_db(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 exposes it)")
    p.add_argument("--port", type=_port, default=8080, help="port to listen on (default: 8080)")
    p.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug"),
                   help="uvicorn's log level (default: warning)")
    p.set_defaults(func=run)


def _port(v: str) -> int:
    try:
        n = int(v)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, got {v!r}") from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, got {n}")
    return n


def run(args: argparse.Namespace) -> int:
    from ..errors import StoreError
    from ..web.app import serve

    if args.db != ":memory:" and not os.path.exists(args.db):
        raise StoreError(f"{args.db}: no such database; create it with `eventwire code INPUT --db {args.db}`")
    _check_port(args.host, args.port)
    print(f"eventwire explorer on http://{_url_host(args.host)}:{args.port}/ over {args.db} (read-only); "
          "Ctrl-C stops it", file=sys.stderr)
    serve(args.db, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def _check_port(host: str, port: int) -> None:
    """Fail early, with the fix, when the address cannot be bound."""
    import socket

    from ..errors import UsageError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host!r}: not an address of this machine ({exc.strerror})") from None
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as exc:
            raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror}); pass another --port") from None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
