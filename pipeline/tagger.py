"""Stage 3a, quote tagger: a trained model proposes quotation spans that the rules may miss.

The model (`models/quote_tagger`, trained by `make train-quotes` with
`training/configs/quotes.cfg` on WikiNews train) is a spaCy entity recognizer whose labels are
quotation types (INDIRECT, REPORTED, …). Its predictions must not replace the backbone's named
entities, so it runs on a copy of each document's tokens and its spans are stored as
`doc.spans["quote_candidates"]`. The attribution component turns candidates that no rule
found into quotations (rule "tagger"), and the scorer decides which to keep.
Without the model directory the component only sets an empty span group.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .guard import guarded

SPANS_KEY = "quote_candidates"
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "quote_tagger"


@Language.factory("claims_quote_tagger", default_config={"model": str(DEFAULT_MODEL)})
def make_quote_tagger(nlp: Language, name: str, model: str | None):
    return guarded(QuoteTagger.from_path(model))


class QuoteTagger:
    def __init__(self, tagger: Language | None):
        self.tagger = tagger

    @classmethod
    def from_path(cls, path: str | Path | None) -> "QuoteTagger":
        if not path or not Path(path).exists():
            return cls(None)
        return cls(spacy.load(path))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = self.candidates(doc) if self.tagger is not None else []
        return doc

    def candidates(self, doc: Doc) -> list[Span]:
        copy = Doc(self.tagger.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for _, component in self.tagger.pipeline:
            copy = component(copy)
        return [Span(doc, e.start, e.end, label=e.label_) for e in copy.ents]
