"""Stage 2, entities: named entities as PER / ORG / LOC / MISC whatever the backbone's label set.

`de_core_news_*` and our own `de_open_news` already use these four labels; other
pipelines (e.g. OntoNotes-style PERSON/GPE/NORP) are mapped onto them. Entities that do
not map are dropped rather than passed on under a wrong label.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

LABEL_MAP = {
    "PER": "PER", "PERSON": "PER", "PERS": "PER",
    "ORG": "ORG", "NORP": "ORG",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "OTH": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}
ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")


@Language.factory("claims_entities")
def make_entity_normalizer(nlp: Language, name: str):
    return EntityNormalizer()


class EntityNormalizer:
    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_.upper())
            if label is None:
                continue
            ent = _strip_punct(ent)
            if ent is None:
                continue
            kept.append(doc.char_span(ent.start_char, ent.end_char, label=label) or ent)
        doc.set_ents(kept, default="outside")
        return doc


def _strip_punct(span):
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end] if end > start else None
