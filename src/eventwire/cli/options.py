"""Flags shared by several commands, defined once."""

from __future__ import annotations

import argparse

from ..settings import Settings

OUTPUT_FORMATS = ("table", "jsonl", "plover", "gdelt", "csv", "parquet")


def add_db(p: argparse.ArgumentParser, *, default: str = "eventwire.duckdb") -> None:
    p.add_argument("--db", default=default, help=f"DuckDB database file, or :memory: (default: {default})")


def add_output(p: argparse.ArgumentParser, *, formats=OUTPUT_FORMATS, default: str = "table") -> None:
    p.add_argument("--format", choices=formats, default=default, help=f"output format (default: {default})")
    p.add_argument("--out", default=None, help="write to this file instead of standard output")


def add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def add_settings(p: argparse.ArgumentParser) -> None:
    """One flag per field of :class:`~eventwire.settings.Settings`, with its default and help."""
    from dataclasses import fields

    for f in fields(Settings):
        flag = "--" + f.name.replace("_", "-")
        kind = f.type if isinstance(f.type, type) else None
        conv = {"int": int, "float": float}.get(str(f.type), None) or (kind if kind in (int, float) else None)
        p.add_argument(flag, dest=f.name, default=f.default, type=conv, help=f.metadata.get("help"))


def settings_from(args: argparse.Namespace) -> Settings:
    from dataclasses import fields

    return Settings(**{f.name: getattr(args, f.name, f.default) for f in fields(Settings)})
