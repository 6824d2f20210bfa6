"""Per-document error isolation for the project's spaCy components.

A document's status lives in `doc.user_data["claims:status"]` ("ok", "skipped", "error").
Components wrapped by `guarded` skip documents that already failed and turn their own
exceptions into an error status with a message, so one broken article never stops a run
(also inside spaCy's worker processes, where an exception would end the whole pipe).
"""
from __future__ import annotations

from spacy.tokens import Doc

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


def guarded(component) -> Guarded:
    return Guarded(component)
