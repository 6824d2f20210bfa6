"""Per-document error isolation for the project's spaCy components.

A document's status lives in `doc.user_data["claims:status"]` ("ok", "skipped", "error").
Components wrapped by `guarded` skip documents that already failed and turn their own
exceptions into an error status with a message, so one broken article never stops a run
(also inside spaCy's worker processes, where an exception would end the whole pipe).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import minibatch

STATUS, ERROR = "claims:status", "claims:error"


def is_ok(doc: Doc) -> bool:
    return doc.user_data.get(STATUS, "ok") == "ok"


def mark_error(doc: Doc, message: str) -> None:
    doc.user_data[STATUS] = "error"
    doc.user_data[ERROR] = message


class Guarded:
    """Callable wrapper that keeps the wrapped component reachable as `.component`."""

    def __init__(self, component):
        self.component = component

    def __getattr__(self, name: str):
        # the wrapped component's own API: to_disk/from_disk (so nlp.to_disk saves its model),
        # model_status, thresholds; spaCy looks these up with hasattr
        if name == "component":
            raise AttributeError(name)
        return getattr(self.component, name)

    def __call__(self, doc: Doc) -> Doc:
        if not is_ok(doc):
            return doc
        try:
            return self.component(doc)
        except Exception as exc:  # noqa: BLE001 (reported per document)
            mark_error(doc, f"{type(exc).__name__} in {type(self.component).__name__}: {exc}")
            return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32, **_) -> Iterator[Doc]:
        """spaCy's batch call. A component with a `pipe` of its own (the quote tagger) gets each
        batch's healthy documents at once; where that fails, each document again on its own,
        so that the error stays with the document that caused it."""
        if not hasattr(self.component, "pipe"):
            yield from map(self, docs)
            return
        for batch in minibatch(docs, batch_size):
            healthy = [doc for doc in batch if is_ok(doc)]
            try:
                for _ in self.component.pipe(healthy, batch_size=batch_size):
                    pass
            except Exception:  # noqa: BLE001 (retried per document, reported there)
                for doc in healthy:
                    self(doc)
            yield from batch


def guarded(component) -> Guarded:
    return Guarded(component)
