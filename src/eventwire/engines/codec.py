"""CodedArticle <-> JSON text, losslessly, for Ray transport and Parquet partitions.

Generic over the frozen dataclasses of :mod:`eventwire.records`: a dataclass becomes a
JSON object of its fields, a tuple a list; decoding follows the field annotations, so
a record added to ``records.py`` needs no change here. ``decode(encode(x)) == x``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache

from .. import records
from ..records import CodedArticle, Rejection


def _plain(obj):
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [_plain(x) for x in obj]
    return obj


def encode(obj) -> str:
    """JSON text of a record (CodedArticle, Rejection, or any records dataclass)."""
    return json.dumps(_plain(obj), ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=None)
def _hints(cls) -> dict:
    return typing.get_type_hints(cls, vars(records))


def _build(tp, value):
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _build(args[0], value)
        for a in args:  # first that fits
            try:
                return _build(a, value)
            except (TypeError, ValueError, KeyError):
                continue
        return value
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in value)
        return tuple(_build(a, v) for a, v in zip(args, value))
    if origin is typing.Literal:
        return value
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {tp.__name__}")
        hints = _hints(tp)
        return tp(**{k: _build(hints[k], v) for k, v in value.items() if k in hints})
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def decode(text: str, cls=CodedArticle):
    """The record ``cls`` encoded in ``text``."""
    return _build(cls, json.loads(text))


def encode_result(item: CodedArticle | Rejection) -> tuple[str, str]:
    """``(kind, json)`` for one engine result: kind is ``coded`` or ``rejected``."""
    return ("rejected" if isinstance(item, Rejection) else "coded"), encode(item)


def decode_result(kind: str, text: str) -> CodedArticle | Rejection:
    return decode(text, Rejection if kind == "rejected" else CodedArticle)
