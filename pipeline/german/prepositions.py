"""Prepositional phrases, whichever way the parser hangs them.

UD (our backbone) makes the noun the head and the preposition its `case` child; TIGER
(`de_core_news_*`) makes the preposition the head and the noun its `nk` child. These helpers
read both shapes without reading labels.
"""
from __future__ import annotations

from spacy.tokens import Token


def governed_by_preposition(noun: Token) -> bool:
    """A noun in a prepositional phrase. A number between them makes the preposition an
    approximation ("gegen 100 Menschen", "über 50 Ärzte")."""
    doc = noun.doc
    for adposition in [c for c in noun.children if c.pos_ == "ADP" and c.i < noun.i] + (
            [noun.head] if noun.head.pos_ == "ADP" and noun.head.i < noun.i else []):
        if not any(t.pos_ == "NUM" or t.like_num for t in doc[adposition.i + 1:noun.i]):
            return True
    return False


PHRASE_HEADS = {"NOUN", "PROPN", "PRON", "NUM"}


def prepositional_phrase(preposition: Token) -> list[Token]:
    """The tokens from a preposition to the end of its noun phrase; [] when the phrase is not
    one stretch after the preposition."""
    if any(c.pos_ in PHRASE_HEADS for c in preposition.children):
        top = preposition  # TIGER
    elif preposition.head.i > preposition.i and preposition.head.pos_ in PHRASE_HEADS:
        top = preposition.head  # UD
    else:
        return []
    span = sorted((t for t in top.subtree if t.i >= preposition.i), key=lambda t: t.i)
    if [t.i for t in span] != list(range(preposition.i, preposition.i + len(span))):
        return []
    return span
