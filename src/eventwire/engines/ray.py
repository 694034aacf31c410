"""The Ray engine (optional extra ``eventwire[ray]``): Ray Data over a pool of actors.

Each actor holds the loaded spaCy models and codes batches of articles with
:func:`eventwire.pipeline.code_many`, the function the local engine calls, so the
events are the same by construction. Articles travel as JSON records
(:mod:`eventwire.engines.codec`); the input is cut into windows of ``window``
articles so that an endless input never sits whole in the driver, and each window's
results are put back in input order (``seq``) before they are yielded.

``address=None`` starts a local Ray session with ``workers`` CPUs (stopped at the
end); ``address="auto"`` or ``"ray://host:10001"`` joins a running cluster. When Ray
is already initialised (tests, notebooks), that session is used and left running.
"""

from __future__ import annotations

import os
from itertools import islice
from typing import Iterable, Iterator

from ..records import CodedArticle, RawArticle, Rejection
from ..settings import DEFAULT, Settings
from . import codec

WINDOW = 2000  # articles per Ray Data job
BATCH_SIZE = 8  # articles per actor call


def _coder_class(settings_json: str, preload: tuple[str, ...] = ()):
    """The Ray Data actor class, with the settings in its closure (no constructor arguments)."""

    class _Coder:
        """Loads the models once, codes batches of JSON records."""

        def __init__(self) -> None:
            from ..nlp import load_model

            self.settings = codec.decode(settings_json, Settings)
            for lang in preload:
                load_model(lang)

        def __call__(self, batch: dict) -> dict:
            from ..pipeline import code_many

            items = [
                codec.decode(text, Rejection if kind == "rejected" else RawArticle)
                for kind, text in zip(batch["kind"], batch["record"])
            ]
            kinds, texts = [], []
            for res in code_many(items, settings=self.settings):
                k, t = codec.encode_result(res)
                kinds.append(k)
                texts.append(t)
            return {"seq": list(batch["seq"]), "kind": kinds, "record": texts}

    return _Coder


def _import_ray():
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the install
        from ..errors import UsageError

        raise UsageError(
            "the Ray engine needs the optional extra: pip install 'eventwire[ray]' (or use --engine local)"
        ) from exc
    return ray


def ensure_ray(*, address: str | None = None, workers: int | None = None) -> bool:
    """Initialise Ray unless it is; return True when this call started it."""
    ray = _import_ray()
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_DEDUP_LOGS", "0")
    kwargs = dict(include_dashboard=False, log_to_driver=False, configure_logging=False)
    if address:
        kwargs["address"] = address
    else:
        kwargs["num_cpus"] = max(1, workers or os.cpu_count() or 1)
    for attempt in range(3):
        try:
            ray.init(**kwargs)
            return True
        except Exception as exc:  # a busy machine: the raylet may miss Ray's fixed 30 s start-up wait
            if "timed out during startup" not in str(exc) or attempt == 2:
                raise
            ray.shutdown()
    return True  # pragma: no cover


def _configure_data() -> None:
    import ray.data

    import logging

    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    try:
        ctx.print_on_execution_start = False
    except AttributeError:  # pragma: no cover - older Ray
        pass


def _workers_for(workers: int | None) -> int:
    import ray

    if workers and workers > 0:
        return workers
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def run_ray_records(
    raws: Iterable[RawArticle | Rejection],
    *,
    workers: int | None = None,
    address: str | None = None,
    settings: Settings = DEFAULT,
    window: int = WINDOW,
    batch_size: int = BATCH_SIZE,
    preload: tuple[str, ...] = (),
) -> Iterator[tuple[int, str, str]]:
    """Yield ``(seq, kind, json)`` per input, in input order (kind: coded or rejected)."""
    started = ensure_ray(address=address, workers=workers)
    import ray
    import ray.data

    try:
        _configure_data()
        n_actors = _workers_for(workers)
        coder = _coder_class(codec.encode(settings), tuple(preload))
        it = iter(raws)
        seq = 0
        while True:
            chunk = list(islice(it, window))
            if not chunk:
                break
            rows = []
            for item in chunk:
                kind = "rejected" if isinstance(item, Rejection) else "raw"
                rows.append({"seq": seq, "kind": kind, "record": codec.encode(item)})
                seq += 1
            n_blocks = max(1, min(len(rows) // batch_size, 4 * n_actors))
            ds = ray.data.from_items(rows, override_num_blocks=n_blocks)
            ds = ds.map_batches(
                coder,
                batch_size=batch_size,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=min(n_actors, n_blocks)),
                num_cpus=1,
            )
            out: list[tuple[int, str, str]] = []
            for b in ds.iter_batches(batch_format="numpy", batch_size=None):
                out.extend(zip((int(s) for s in b["seq"]), (str(k) for k in b["kind"]),
                               (str(r) for r in b["record"])))
            out.sort(key=lambda r: r[0])
            yield from out
    finally:
        if started:
            ray.shutdown()


def run_ray(
    raws: Iterable[RawArticle | Rejection],
    *,
    workers: int | None = None,
    address: str | None = None,
    settings: Settings = DEFAULT,
    window: int = WINDOW,
    batch_size: int = BATCH_SIZE,
) -> Iterator[CodedArticle | Rejection]:
    """Code ``raws`` on Ray; yields what :func:`eventwire.pipeline.code_many` would, in order."""
    for _seq, kind, text in run_ray_records(
        raws, workers=workers, address=address, settings=settings, window=window, batch_size=batch_size
    ):
        yield codec.decode_result(kind, text)
