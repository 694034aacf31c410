"""Specific exceptions. Each message names the input, what was expected, and the fix.

The CLI turns any :class:`EventwireError` into one line on stderr and exit code 1
(a traceback only with ``--debug``).
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    exit_code = 1


class UsageError(EventwireError):
    """The command line or an option value is wrong (exit code 2)."""

    exit_code = 2


class InputRejected(EventwireError):
    """One input (file, JSON line, WARC record) cannot be coded.

    ``reason`` is a short machine-friendly code (``empty``, ``binary``, ``invalid-utf8``,
    ``bad-json``, ``no-text``, ``too-large``...), ``detail`` the human explanation.
    """

    def __init__(self, input_name: str, reason: str, detail: str) -> None:
        self.input_name = input_name
        self.reason = reason
        self.detail = detail
        super().__init__(f"{input_name}: {detail}")


class ModelMissing(EventwireError):
    """A spaCy model package is not installed."""

    def __init__(self, package: str, lang: str) -> None:
        self.package = package
        super().__init__(
            f"spaCy model {package!r} for language {lang!r} is not installed; "
            f"run `make install` (or `pip install {package}`)"
        )


class StoreError(EventwireError):
    """The DuckDB store cannot be opened or written."""


class UnknownArticle(EventwireError):
    """An article id is not in the store."""

    def __init__(self, doc_id: str, db: str) -> None:
        super().__init__(f"article {doc_id!r} is not in {db}; list articles with `eventwire events --db {db}`")
