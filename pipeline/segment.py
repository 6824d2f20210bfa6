"""Stage 1, sentences: line breaks and quotation marks after a full stop start sentences.

News texts put headlines, datelines ("Aktualisiert 28. April 2025") and paragraph breaks on
lines of their own. This component marks the first token after a line break as a sentence
start before the statistical sentence splitter (senter or parser) runs; those respect
boundaries that are already set, so they only decide the remaining positions.

Quotation marks are where the small splitter errs most: '… annehmen, sagt Neumüller. „Verbraucher
werden …“' was one sentence, and the quote took the frame of the sentence before. A quotation
mark that opens after a full stop, and a capitalised word after a closing mark that follows a
full stop ('… sein.“ Die Expertin …'), start sentences; a closing mark after a full stop never
does (a parser trained on few quotations made '»' a sentence of its own, and the headline after
it became the quote's frame). A heading that the text runs into its next sentence without a
break ("Vorschlag an den Bundestag Der Bundesrat schlug …") ends before a capitalised article
that follows a capitalised word, unless that word names what follows ("das Nachrichtenmagazin Der
Spiegel"). A day number never ends a sentence before a month name ("am 3. Februar").

With the project's own backbone, the statistical splitter is `models/sentence_splitter`: a
senter trained on WikiNews sentence boundaries (CC BY-NC-SA 4.0). It is a model of its own, not
part of `models/de_open_news`, so that the backbone stays free for commercial use (CC BY-SA).
"""
from __future__ import annotations

import logging
import re
import warnings

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from .german.words import MONTHS, NAMING_NOUNS, QUOTE_MARKS
from .guard import guarded
from .model_files import resolve_model_path

log = logging.getLogger(__name__)
SENTENCE_SPLITTER = "models/sentence_splitter"  # relative to the project root

SENTENCE_END = {".", "!", "?", "…"}


def add_sentence_splitter(nlp: Language, model: str = SENTENCE_SPLITTER) -> str:
    """Put the trained sentence splitter first in `nlp` (where the backbone has no senter of its
    own); returns its status line. Without it the parser decides the sentences, with a warning."""
    if "senter" in nlp.pipe_names:
        return "the backbone's own senter"
    path = resolve_model_path(model)
    if not (path / "meta.json").exists():
        message = f"senter: sentence splitter not found at {path}; the parser splits sentences (run `make models`)"
        log.warning(message)
        return f"missing: {message}"
    with warnings.catch_warnings():  # W113: the splitter has its own small tok2vec and reads no vectors
        warnings.filterwarnings("ignore", message=r"\[W113\]")
        nlp.add_pipe("senter", source=spacy.load(path), first=True)
    return f"loaded {path}"


@Language.factory("claims_line_sentences")
def make_line_sentences(nlp: Language, name: str):
    return guarded(LineSentences())


class LineSentences:
    def __call__(self, doc: Doc) -> Doc:
        # (the texts read once: this runs over every token of every document)
        texts = [t.text for t in doc]
        for k in range(1, len(doc)):
            previous = texts[k - 1]
            if "\n" in previous or "\n" in doc[k - 1].whitespace_:
                doc[k].is_sent_start = True  # after a line break (also a whitespace token holding one)
            elif previous in SENTENCE_END:
                if is_opening_mark(doc[k]):
                    doc[k].is_sent_start = True  # '… sagt Neumüller. „Verbraucher …'
                elif is_closing_mark(doc[k]):
                    doc[k].is_sent_start = False  # '… handeln.»': the mark closes the sentence, a parser may split there
            elif (previous in QUOTE_MARKS and k >= 2 and texts[k - 2] in SENTENCE_END and doc[k].is_title
                  and is_closing_mark(doc[k - 1])):
                doc[k].is_sent_start = True  # '… reichen.“ Neumüller sieht …'
            elif texts[k] in OPENING_ARTICLES and _heading_word(previous):
                doc[k].is_sent_start = True  # a heading run into its text: 'Vorschlag an den Bundestag Der Bundesrat …'
            elif previous[-1:] == "." and DAY_NUMBER.fullmatch(previous) and texts[k].lower() in MONTHS:
                doc[k].is_sent_start = False  # a date: 'am 3. Februar', where the splitter saw a full stop
        # whitespace tokens never start a sentence of their own after a break
        for k in range(1, len(doc) - 1):
            if texts[k].isspace() and doc[k].is_sent_start:
                doc[k].is_sent_start = False
                doc[k + 1].is_sent_start = True
        return doc


OPENING_ARTICLES = {"Der", "Die", "Das", "Ein", "Eine"}  # ("Den Haag" is a city)
DAY_NUMBER = re.compile(r"(0?[1-9]|[12][0-9]|3[01])\.")


def _heading_word(word: str) -> bool:
    """A capitalised word that a heading can end with, not a noun that names what follows it
    ("das Nachrichtenmagazin Der Spiegel", "die Rockband Die Happy", "Hörspielserien Die drei …")."""
    lower = word.lower()
    return word[:1].isupper() and word.replace("-", "").isalpha() and not any(
        stem.endswith(NAMING_NOUNS + ("band",)) for stem in (lower, lower[:-1], lower[:-2]))


def is_opening_mark(token: Token) -> bool:
    """A quotation mark after a space and before a word: '„Wir', ' "Wir'."""
    doc = token.doc
    if token.text not in QUOTE_MARKS or token.i + 1 >= len(doc) or not doc[token.i - 1].whitespace_:
        return False
    return not token.whitespace_ and (doc[token.i + 1].is_alpha or doc[token.i + 1].is_digit)


def is_closing_mark(token: Token) -> bool:
    """A quotation mark glued to the word or stop before it and followed by a space, a line
    break or nothing: 'sein.“ ', '… handeln.»\n\n'."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.text in QUOTE_MARKS and token.i > 0 and not doc[token.i - 1].whitespace_ \
        and (bool(token.whitespace_) or after is None or after.is_space)
