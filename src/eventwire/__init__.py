"""eventwire: political event data from French and English news.

    >>> import eventwire
    >>> coded = eventwire.code_text("Le président russe est arrivé mardi en Corée du Nord.",
    ...                             lang="fr", published="2024-06-19")
    >>> [(e.cameo, e.source.actor.code) for e in coded.events]   # doctest: +SKIP

Nothing is loaded at import; models load on first use, once per process.
"""

from .version import CODEBOOK_VERSION, CODER_VERSION

__version__ = CODER_VERSION

__all__ = ["code_text", "code_article", "code_raw", "CODER_VERSION", "CODEBOOK_VERSION", "__version__"]


def __getattr__(name: str):
    if name in ("code_text", "code_article", "code_raw", "code_many"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
