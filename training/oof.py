"""Run the pipeline over WikiNews gold articles with out-of-fold quote-tagger spans.

The learned components downstream of the quote tagger (the speaker linker, the scorer) must
learn from tagger spans on articles the tagger did not see. `training/convert_quotes.py`
splits WikiNews train into folds a and b; a tagger trained on one fold tags the other.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.evaluate import GoldDoc, load_gold
from pipeline.tagger import QuoteTagger

from convert_quotes import split_of  # a sibling script: the folds are defined there


def gold_docs(gold_dir: Path, nlp: Language, tagger_folds: list[Path] | None = None) -> Iterator[tuple[str, GoldDoc, Doc]]:
    """(doc id, gold, processed doc) per gold file. With `tagger_folds` (taggers trained on
    fold a and fold b), each article is tagged by the tagger that did not see it."""
    gold = load_gold(gold_dir)
    groups = {None: list(gold.items())}
    if tagger_folds:
        groups = {"a": [], "b": []}
        for doc_id, (path, g) in gold.items():
            groups["b" if split_of(path.stem) == "a" else "a"].append((doc_id, (path, g)))
    for fold, members in groups.items():
        if fold is not None:
            nlp.get_pipe("claims_quote_tagger").component = QuoteTagger.from_config(str(tagger_folds["ab".index(fold)]))
        texts = [g.text for _, (_, g) in members]
        for (doc_id, (_, g)), doc in zip(members, nlp.pipe(texts, batch_size=16)):
            yield doc_id, g, doc
