"""The persons and organisations one article names, and their variants.

`name_spans` finds them: PER entities grown to the whole name, names the NER missed (a known
first name and a surname, `pipeline/names.py`), surnames alone after a full name, ORG entities.
`NameClusters` groups their variants ("Kim", "Kim Jong-un", "Kim Jong Un" -> one cluster,
named by its longest variant, in the nominative). The speaker resolver (`resolve.py`) names
speakers by these clusters.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .german.inflection import nominative
from .german.time_phrases import is_date_word
from .german.words import NAME_PARTICLES
from .names import (full_person_name, is_country_name, is_first_name, is_person_noun, is_place_name, normalize_name,
                    person_name_in)


def name_spans(doc: Doc) -> list[Span]:
    """Persons and organisations of the article: PER entities grown to the whole name
    ("Ursula" -> "Ursula von der Leyen"), names the NER missed ("Carsten Brzeski": a known
    first name and a surname; "Bönte" after "Bernd Bönte"), and ORG entities."""
    names, covered = [], set()
    # (a word the NER also tags as a person on its own is a surname, whatever else it tags it)
    places = {e.text for e in doc.ents if e.label_ == "LOC"} - {e.text for e in doc.ents if e.label_ == "PER"}
    person_words = {t.text for e in doc.ents if e.label_ == "PER" and len(e) > 1 for t in e}
    for ent in doc.ents:
        if ent.label_ == "ORG" and len(ent) == 1 and ent.text in person_words:
            ent = Span(doc, ent.start, ent.end, label="PER")  # "Kim" after "Kim Jong Un": the NER's ORG is the person
        if ent.label_ == "PER":
            # "Kim Russland": the NER glued a place onto the name (one the article names as a place
            # elsewhere, or one the dictionary knows: "Kim Jong Un Moskau seine Unterstützung zusicherte")
            # (a surname the NER also calls a place stays: "Andrej Beloussow", "Beloussow"/LOC; and
            # a city right after a first name is a surname unless the article names the place:
            # "Nina Hagen", "Thomas Metz")
            end = next((t.i for t in ent[1:] if (is_place_name(t.text) and (
                t.i - ent.start >= 2 or t.text in places or is_country_name(t.text)))
                or (t.text in places and not is_first_name(ent[0].text))), ent.end)
            name = full_person_name(doc, ent.start, end, limit=end if end < ent.end else None)
            names.append(Span(doc, name.start, name.end, label="PER"))
            covered.update(range(name.start, name.end))
        elif ent.label_ == "ORG":
            names.append(ent)
            if not is_first_name(ent[0].text):  # ("Gabi Schwab" tagged ORG is a person)
                covered.update(range(ent.start, ent.end))  # ("New York Times": "York" is a first name too)
    for token in doc:
        if token.i not in covered and token.is_title and is_first_name(token.text):
            name = person_name_in([token])
            if name is not None and not covered & set(range(name.start, name.end)):
                names.append(Span(doc, name.start, name.end, label="PER"))
                covered.update(range(name.start, name.end))
    # a surname alone names the person the article introduced with it ("Bernd Bönte" ... "Bönte")
    surnames = {n[-1].text for n in names if n.label_ == "PER" and len(n) > 1 and n[-1].is_title}
    for token in doc:
        if token.text in surnames and token.i not in covered and token.ent_type_ not in {"ORG", "LOC"} \
                and not dated(token):  # ("Jerzy Montag" … "am Montag")
            names.append(Span(doc, token.i, token.i + 1, label="PER"))
            covered.add(token.i)
    return sorted(names, key=lambda span: span.start)


class NameClusters:
    """Groups entity mentions whose normalized token sets are contained in each other."""

    def __init__(self, entities: list[Span]):
        self.names = entities  # in document order
        self.clusters: list[dict] = []
        self._full_names: dict[tuple[int, int], str] = {}
        for ent in sorted(entities, key=lambda e: -len(normalize_name(e.text).split())):
            self._add(ent)

    def _add(self, ent: Span) -> None:
        words = set(normalize_name(ent.text).split()) - NAME_PARTICLES
        if not words:
            return
        for cluster in self.clusters:
            if cluster["label"] == ent.label_ and _same_name(words, cluster):
                cluster["mentions"].append(ent)
                return
        self.clusters.append({"label": ent.label_, "words": words, "mentions": [ent]})

    def lookup(self, text: str, label: str | None = None, genitive: bool = True) -> dict | None:
        words = set(normalize_name(text).split()) - NAME_PARTICLES
        if not words:
            return None
        for cluster in self.clusters:
            if (label is None or cluster["label"] == label) and _same_name(words, cluster, genitive):
                return cluster
        return None

    def full_name(self, name: Span) -> str:
        """The canonical form of a name's cluster ("Krause" -> "Thomas Krause"); each pronoun asks
        for the names before it, so the answer is kept."""
        key = (name.start, name.end)
        if key not in self._full_names:
            cluster = self.lookup(name.text, name.label_)
            self._full_names[key] = NameClusters.canonical(cluster) if cluster else name.text
        return self._full_names[key]

    @staticmethod
    def canonical(cluster: dict) -> str:
        """The longest variant; among equally long ones, the one written with separate words."""
        def key(ent: Span):
            return (len(normalize_name(ent.text).split()), ent.text.count(" "), -ent.start)
        fullest = max(cluster["mentions"], key=key)
        return display_name(nominative(list(fullest)) or fullest.text)  # ("des Auswärtigen Amtes")


def owner_of_person(name: Span, clusters: NameClusters) -> bool:
    """'Der behandelnde Arzt Lahms', 'Die Anwältin Samanis': a known person's name in the genitive
    right after a noun naming a person tells whose that person is; the name is not the speaker."""
    before = name.doc[name.start - 1] if name.start > 0 else None
    return (before is not None and is_person_noun(before) and name.text.endswith("s")
            and clusters.lookup(name.text, "PER", genitive=False) is None
            and clusters.lookup(name.text[:-1], "PER", genitive=False) is not None)


def _same_name(words: set[str], cluster: dict, genitive: bool = True) -> bool:
    """The words name the cluster's person or organisation; a person's name also in the genitive
    ("Die Äußerungen Papiers", "Angaben Ibrahims" -> Samaan Ibrahim)."""
    if words <= cluster["words"]:
        return True
    return genitive and cluster["label"] == "PER" and {w[:-1] if w.endswith("s") else w for w in words} <= cluster["words"]


def display_name(name: str) -> str:
    """Romanised East Asian given names written 'Jong-un' are shown as 'Jong Un' (the form
    most news outlets use); German double names ('Hans-Peter') keep their hyphen."""
    return re.sub(r"(\w)-([a-z])", lambda m: f"{m.group(1)} {m.group(2).upper()}", " ".join(name.split()))


def dated(token: Token) -> bool:
    """A time word after a preposition: "am Montag", "vom Dienstag"."""
    return is_date_word(token) and token.i > 0 and token.doc[token.i - 1].pos_ == "ADP"
