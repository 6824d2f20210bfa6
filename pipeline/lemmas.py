"""Stage 1b, lemmas: a dictionary lemma for every token where the trained lemmatizer is weak.

The project's own backbone learned its lemmatizer without the GSD training split and gets
92.9 % of the lemmas of UD German GSD dev right ("vermutet" -> "vermuen"). `simplemma` (MIT
licence, a German dictionary from open sources) gets 97.1 % of them right without context
(`make lemma-accuracy`), so this component replaces the backbone's lemmas with its lemmas and
the backbone's lemmatizer is switched off (pipeline/nlp.py). It is added only to the project's
own backbone: spaCy's `de_core_news_*` bring their own lookup.
"""
from __future__ import annotations

from functools import lru_cache

import simplemma
from spacy.language import Language
from spacy.tokens import Doc

from .guard import guarded


@Language.factory("claims_lemmas")
def make_lemmas(nlp: Language, name: str):
    return guarded(DictionaryLemmas())


class DictionaryLemmas:
    def __init__(self):
        known_word("Haus")  # loads simplemma's German dictionary now, with the models (1-1.5 s), not on the first text

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            punctuation = token.is_space or token.is_punct
            token.lemma_ = token.text if punctuation else dictionary_lemma(token.text)
        return doc


def known_word(word: str) -> bool:
    """Whether simplemma's German dictionary has the word form (most foreign surnames it has not)."""
    return simplemma.is_known(word, lang="de")


@lru_cache(maxsize=50_000)  # most words recur
def dictionary_lemma(word: str) -> str:
    """simplemma's German lemma, without context: the word itself where the dictionary does not
    know it (most names), lower case for adverbs and adjectives ("Generell" -> "generell").
    The speaker rules read it whatever the backbone (pipeline/names.py, german/phrases.py)."""
    return simplemma.lemmatize(word, lang="de")
