"""Stage 1, sentences: every line is its own sentence start (headlines, datelines, bylines).

News texts put headlines, datelines ("Aktualisiert 28. April 2025") and paragraph breaks on
lines of their own. This component marks the first token after a line break as a sentence
start before the statistical sentence splitter (senter or parser) runs; those respect
boundaries that are already set, so they only decide the remaining positions.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .guard import guarded


@Language.factory("claims_line_sentences")
def make_line_sentences(nlp: Language, name: str):
    return guarded(LineSentences())


class LineSentences:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws[len(previous.text):] or "\n" in previous.text:
                token.is_sent_start = True
            elif previous.is_space and "\n" in previous.text:
                token.is_sent_start = True
        # whitespace tokens never start a sentence of their own after a break
        for token in doc[1:]:
            if token.is_space and token.is_sent_start and token.i + 1 < len(doc):
                token.is_sent_start = False
                doc[token.i + 1].is_sent_start = True
        return doc
