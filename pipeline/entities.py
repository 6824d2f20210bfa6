"""Stage 2, entities: named entities as PER / ORG / LOC / MISC whatever the backbone's label set.

`de_core_news_*` and our own `de_open_news` already use these four labels; other
pipelines (e.g. OntoNotes-style PERSON/GPE/NORP) are mapped onto them. Entities that do
not map are dropped rather than passed on under a wrong label.

A capitalised word inside a person's name is a proper noun whatever the tagger said: a small
tagger takes surnames that are also German words for adjectives or adverbs ("so Lang", "nach
Ansicht von Lang"), and the later stages build speaker mentions from nouns.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .german.words import NAME_PARTICLES
from .guard import guarded
from .names import is_first_name, is_place_name, person_noun_gender

LABEL_MAP = {
    "PER": "PER", "PERSON": "PER", "PERS": "PER",
    "ORG": "ORG", "NORP": "ORG",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "OTH": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}


@Language.factory("claims_entities")
def make_entity_normalizer(nlp: Language, name: str):
    return guarded(EntityNormalizer())


class EntityNormalizer:
    def __call__(self, doc: Doc) -> Doc:
        kept = []
        places = {e.text for e in doc.ents if e.label_ == "LOC"}
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_.upper())
            if label is None:
                continue
            ent = _strip_punct(ent)
            if ent is None:
                continue
            if label != "PER" and _titled_person(ent):
                label = "PER"  # "Kremlsprecher Dmitri Peskov" tagged ORG
            if label == "PER" and _ends_in_place(ent, places):  # "versicherte Kim Russland seiner Unterstützung"
                kept.append(Span(doc, ent.end - 1, ent.end, label="LOC"))
                ent = ent[:-1]
            kept.append(doc.char_span(ent.start_char, ent.end_char, label=label) or ent)
        # a role noun alone is no name ("Chefanalystin" after "Jasmin Ehlert,"): the later
        # stages find the person it stands for
        kept = [e for e in kept if not (e.label_ == "PER" and len(e) == 1 and person_noun_gender(e.text))]
        doc.set_ents(kept, default="outside")
        for ent in doc.ents:
            if ent.label_ == "PER":
                _names_are_proper_nouns(ent)
        return doc


def _titled_person(ent) -> bool:
    """A role noun, a known first name and one more capitalised word: a person, whatever the
    small NER model's label ("Kremlsprecher Dmitri Peskov", "Präsidentin Ursula Meier")."""
    return (len(ent) >= 3 and bool(person_noun_gender(ent[0].text)) and is_first_name(ent[1].text)
            and ent[1].is_title and ent[2].is_title)


def _ends_in_place(ent, places: set[str]) -> bool:
    """A person's name that ran on into a country or city after it ("Kim Russland"): a place the
    dictionary knows and the article names as a place elsewhere; not after a name particle ("von
    Berlin"), nor a surname that is also a city ("Nina Hagen", "Thomas Metz") where the article
    does not."""
    last = ent[-1].text
    return len(ent) >= 2 and last in places and is_place_name(last) and ent[-2].lower_ not in NAME_PARTICLES


def _names_are_proper_nouns(ent) -> None:
    for token in ent:
        if token.is_alpha and token.is_title and token.pos_ not in {"NOUN", "PROPN"}:
            token.pos_ = "PROPN"


def _is_edge_noise(token) -> bool:
    """Punctuation, or a lower-case verb/function word that a small NER model swallowed."""
    return token.is_punct or token.is_space or (token.is_lower and token.pos_ in {"VERB", "AUX", "ADP", "DET", "CCONJ", "PRON"})




def _strip_punct(span):
    """Trim punctuation and swallowed words; cut a multi-word name at its first lower-case word
    ("Putin am Samstag" -> "Putin"), except name particles ("Ursula von der Leyen")."""
    start, end = span.start, span.end
    while start < end and _is_edge_noise(span.doc[start]):
        start += 1
    for k in range(start + 1, end):
        token = span.doc[k]
        if token.is_lower and token.lower_ not in NAME_PARTICLES and token.is_alpha:
            end = k
            break
    while end > start and (_is_edge_noise(span.doc[end - 1]) or span.doc[end - 1].lower_ in NAME_PARTICLES):
        end -= 1
    return span.doc[start:end] if end > start else None
