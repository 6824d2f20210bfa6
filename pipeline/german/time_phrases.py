"""Time words and trailing date phrases, which name when something was said, never who said it."""
from __future__ import annotations

from spacy.tokens import Token

from .words import DATE_WORDS, WEEKDAYS


def is_date_word(token: Token) -> bool:
    """'Montag', 'Dienstagabend', 'November', '2011', 'Woche'."""
    word = token.lower_
    return token.like_num or word in DATE_WORDS or any(word.startswith(day) for day in WEEKDAYS)


def date_phrase_start(words: list[Token]) -> int | None:
    """Where a trailing date phrase begins ("am Montag", "vom gestrigen Dienstagabend", "vom
    November 2011"): the index of its preposition. None where the words do not end in one, or
    where nothing would be left before it."""
    k = len(words)
    while k > 0 and is_date_word(words[k - 1]):
        k -= 1
    if k == len(words):
        return None
    while k > 0 and words[k - 1].is_lower and words[k - 1].pos_ in {"ADJ", "DET"}:
        k -= 1
    if k > 1 and words[k - 1].is_lower and words[k - 1].pos_ == "ADP":
        return k - 1
    return None


def is_date_phrase(tokens: list[Token]) -> bool:
    """'Anfang November', 'Ende Januar 2025', 'am Montag', 'erst vergangene Woche': only time
    words, numbers, articles and the adjectives and adverbs that place them."""
    words = [t for t in tokens if not t.is_punct]
    return bool(words) and any(t.lower_ in DATE_WORDS for t in words) and all(
        t.lower_ in DATE_WORDS or t.like_num or t.pos_ in {"DET", "ADP", "ADJ", "ADV"} for t in words)
