"""Stage 3a, quote tagger: a trained model proposes quotation spans that the rules may miss.

The model (`models/quote_tagger`, trained by `make train-quotes` with
`training/configs/quotes.cfg` on WikiNews train) is a spaCy entity recognizer whose labels are
quotation types (INDIRECT, REPORTED, …). Its predictions must not replace the backbone's named
entities, so it runs on a copy of each document's tokens and its spans are stored as
`doc.spans["quote_candidates"]`. The attribution component turns candidates that no rule
found into quotations (rule "tagger"), and the scorer decides which to keep.
Without its model the component sets an empty span group and says so (pipeline/model_files.py).
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .guard import guarded
from .model_files import ModelStatus, missing_model, resolve_model_path

SPANS_KEY = "quote_candidates"
DEFAULT_MODEL = "models/quote_tagger"  # relative to the project root


@Language.factory("claims_quote_tagger", default_config={"model": DEFAULT_MODEL, "on_missing": "warn"})
def make_quote_tagger(nlp: Language, name: str, model: str | None, on_missing: str):
    return guarded(QuoteTagger.from_config(model, on_missing, name))


class QuoteTagger(ModelStatus):
    def __init__(self, tagger: Language | None, status: str = "off"):
        self.tagger = tagger
        self.model_status = status

    @classmethod
    def from_config(cls, model: str | None, on_missing: str = "warn", name: str = "claims_quote_tagger") -> "QuoteTagger":
        path = resolve_model_path(model)
        if path is None:
            return cls(None, "off")
        if not (path / "meta.json").exists():
            return cls(None, missing_model(name, path, on_missing))
        return cls(spacy.load(path), f"loaded {path}")

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = self.candidates(doc) if self.tagger is not None else []
        return doc

    def candidates(self, doc: Doc) -> list[Span]:
        copy = Doc(self.tagger.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for _, component in self.tagger.pipeline:
            copy = component(copy)
        return [Span(doc, e.start, e.end, label=e.label_) for e in copy.ents]

    def to_disk(self, path: str | Path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.tagger is not None:
            self.tagger.to_disk(path / "model")

    def from_disk(self, path: str | Path, exclude=tuple()) -> "QuoteTagger":
        model = Path(path) / "model"
        if (model / "meta.json").exists():
            self.tagger, self.model_status = spacy.load(model), f"loaded {model}"
        return self
