"""One way from articles to table rows, used by `claims extract`, `extract_claims` and the engines.

    articles -> nlp.make_docs (long articles in parts) -> nlp.process (batches, errors isolated)
             -> emit.RowBuilder (parts joined back: article offsets, one docs row per article)

`claims extract` writes the rows through the checkpointing `OutputWriter`, each worker of a
local pool or a Dask cluster returns them for a partition, and `extract_claims` turns the
claims rows into a DataFrame: the three give the same claims for the same articles.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language

from .emit import TABLES, RowBuilder
from .inputs import Article, check_article, read_articles
from .nlp import make_docs, process

TEXT_ITEM_MAX_CHARS = 4096  # a longer string is always a text, never a path


def table_rows(nlp: Language, articles: Iterable[Article], batch_size: int = 32,
               tables=tuple(TABLES)) -> Iterator[tuple[dict[str, list[dict]], bool]]:
    """For each processed document (or part of a long one): its rows of every table, and
    whether its article is complete (a checkpoint never falls inside an article)."""
    builder = RowBuilder(tables)
    for doc in process(nlp, make_docs(nlp, articles), batch_size):
        rows = builder.rows(doc)
        yield rows, builder.open_article is None


def articles_from(items: Iterable[str | Path]) -> Iterator[Article]:
    """Articles from paths (files or folders, read like `claims extract` inputs) and texts
    (doc_id "text-0", "text-1", … by position); every one passes the same input checks."""
    for i, item in enumerate(items):
        if isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            yield from read_articles([item])
        else:
            yield check_article(Article(doc_id=f"text-{i}", text=str(item), source="<text>"))


def _looks_like_path(item: str) -> bool:
    if len(item) >= TEXT_ITEM_MAX_CHARS or "\n" in item:
        return False
    try:
        return Path(item).exists()
    except OSError:  # a one-line text longer than a file name may be ("File name too long")
        return False
