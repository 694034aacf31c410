"""A progress line on stderr for batches: articles, articles/s, events, rejections.

On a terminal it redraws one line (at most 5 times a second); otherwise it prints a
line every 10 seconds. :meth:`Progress.message` prints a line (a warning, a
rejection) without breaking the bar. ``enabled=False`` (``--quiet``) silences the bar
but not the messages.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, *, enabled: bool = True, stream: TextIO | None = None, label: str = "coding") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.label = label
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.articles = 0
        self.skipped = 0
        self.events = 0
        self.rejected = 0
        self.t0 = time.monotonic()
        self._last = 0.0
        self._shown = False

    # ------------------------------------------------------------------ counts
    def add(self, *, articles: int = 0, skipped: int = 0, events: int = 0, rejected: int = 0) -> None:
        self.articles += articles
        self.skipped += skipped
        self.events += events
        self.rejected += rejected
        self._tick()

    def line(self) -> str:
        dt = max(time.monotonic() - self.t0, 1e-9)
        rate = self.articles / dt
        parts = [f"{self.label}: {self.articles} articles", f"{rate:.1f} articles/s", f"{self.events} events",
                 f"{self.rejected} rejected"]
        if self.skipped:
            parts.insert(1, f"{self.skipped} already stored")
        return ", ".join(parts)

    # ------------------------------------------------------------------ output
    def _tick(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        period = 0.2 if self.tty else 10.0
        if not force and now - self._last < period:
            return
        self._last = now
        if self.tty:
            self.stream.write("\r\x1b[K" + self.line())
            self._shown = True
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def _clear(self) -> None:
        if self.tty and self._shown:
            self.stream.write("\r\x1b[K")
            self._shown = False

    def message(self, text: str) -> None:
        """Print one line (always, even when the bar is off)."""
        self._clear()
        self.stream.write(text.rstrip("\n") + "\n")
        self.stream.flush()
        self._last = 0.0 if self.tty else self._last

    def close(self) -> None:
        """Print the final counts (unless disabled)."""
        if not self.enabled:
            return
        self._clear()
        dt = time.monotonic() - self.t0
        self.stream.write(f"{self.line()} in {dt:.1f} s\n")
        self.stream.flush()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
        else:
            self._clear()
