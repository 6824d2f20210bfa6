"""Stage 3a, quote tagger: a trained model proposes quotation spans that the rules may miss.

The model (`models/quote_tagger`, trained by `make train-quotes` with
`training/configs/quotes.cfg` on WikiNews train) is a spaCy entity recognizer whose labels are
quotation types (INDIRECT, REPORTED, …). Its predictions must not replace the backbone's named
entities, so it runs on a copy of each document's tokens and its spans are stored as
`doc.spans["quote_candidates"]`. The attribution component turns candidates that no rule
found into quotations (rule "tagger"), and the scorer decides which to keep. Only the
sentences where a quotation can be are tagged (`worth_tagging`: about half of a news text).
Without its model the component sets an empty span group and says so (pipeline/model_files.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from .german.words import QUOTE_MARKS
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
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Tag the documents' chosen sentences, a batch of documents at a time (the model is
        small, and one call per document cost a fifth more)."""
        for batch in minibatch(docs, batch_size):
            if self.tagger is None:
                for doc in batch:
                    doc.spans[SPANS_KEY] = []
                yield from batch
                continue
            for label in self._labels():  # (the copies are Docs of the documents' vocabulary)
                batch[0].vocab.strings.add(label)
            chosen = [chosen_tokens(doc) for doc in batch]
            copies = [_copy(doc, tokens) for doc, tokens in zip(batch, chosen) if tokens]
            tagged = iter(self.tagger.pipe(copies, batch_size=batch_size))
            for doc, tokens in zip(batch, chosen):
                doc.spans[SPANS_KEY] = _spans_in(doc, tokens, next(tagged)) if tokens else []
            yield from batch

    def _labels(self) -> list[str]:
        return [label for _, component in self.tagger.pipeline for label in getattr(component, "labels", ())]

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


def chosen_tokens(doc: Doc) -> list[Token]:
    """The tokens of the sentences where a quotation can be (`worth_tagging`): about half of a
    news text, and the tagger's cost is the pipeline's largest after the backbone's."""
    return [t for sent in _sentences(doc) if worth_tagging(sent) for t in sent]


def _copy(doc: Doc, tokens: list[Token]) -> Doc:
    """The chosen sentences as one text, in order. The copy shares the document's vocabulary:
    its words are known there (making them anew in the tagger's own vocabulary cost a fifth of
    the tagger's time)."""
    # (the last token of a sentence before a gap keeps a space, so that words never join)
    spaces = [bool(t.whitespace_) or (k + 1 < len(tokens) and tokens[k + 1].i != t.i + 1)
              for k, t in enumerate(tokens)]
    return Doc(doc.vocab, words=[t.text for t in tokens], spaces=spaces)


def _spans_in(doc: Doc, tokens: list[Token], tagged: Doc) -> list[Span]:
    """The tagged copy's spans, mapped back onto the document."""
    spans = []
    for e in tagged.ents:
        start, end = tokens[e.start].i, tokens[e.end - 1].i + 1
        if end - start == e.end - e.start:  # (never across two sentences that are apart in the text)
            spans.append(Span(doc, start, end, label=e.label_))
    return spans


CLAUSE_WORDS = {"dass", "ob", "laut", "zufolge", "angaben", "demnach", "soll", "sollen", "sollte", "sollten"}


def _sentences(doc: Doc):
    return doc.sents if doc.has_annotation("SENT_START") else [doc[:]]


def worth_tagging(sent: Span) -> bool:
    """A sentence where a quotation can be: quotation marks, a cue, a source or hearsay word, a
    complement clause or a Konjunktiv verb. The others hold no quotation of any rule, so the
    tagger's spans there only ever made claims of their own (rule `tagger`): WikiNews dev
    lost none of those that the scorer kept, realnews-dev one false one (session 11)."""
    # (imported here: the attribution package imports this module)
    from .attribution.cues import lexicon_cue
    from .german.mood import is_finite_verb, is_konjunktiv

    # (the word tests first, over the whole sentence: the cue test is the expensive one)
    return (any(t.text in QUOTE_MARKS or t.lower_ in CLAUSE_WORDS for t in sent)
            or any((is_finite_verb(t) and is_konjunktiv(t)) or lexicon_cue(t) is not None for t in sent))
