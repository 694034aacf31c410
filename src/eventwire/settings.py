"""Settings, declared once with their default and help. The CLI builds its flags from these."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


def setting(default, help: str):  # noqa: A002 - mirrors argparse
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    lang: str | None = setting(None, "force the language of every article (fr or en); default: detect per article")
    published: str | None = setting(None, "publication date (YYYY-MM-DD) for articles whose input and text give none")
    max_bytes: int = setting(1_000_000, "reject texts larger than this many bytes")
    min_confidence: float = setting(0.0, "drop events whose confidence is below this")

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


DEFAULT = Settings()
