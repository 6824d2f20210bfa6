"""Punctuation at the edges of token lists: final stops, commas, dashes, quotation marks."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .words import CLOSING_MARKS


def is_final_punct(token: Token) -> bool:
    return token.is_punct and token.text in {".", "!", "?", ":", ";"} and token.i == token.sent.end - 1 - _trailing_space(token.sent)


def _trailing_space(sent: Span) -> int:
    n = 0
    for t in reversed(sent):
        if not t.is_space:
            break
        n += 1
    return n


def strip_end(tokens: list[Token], keep_final: bool = False) -> list[Token]:
    tokens = [t for t in tokens if not t.is_space]
    if not keep_final:
        while tokens and tokens[-1].is_punct and tokens[-1].text not in CLOSING_MARKS | {")"}:
            tokens = tokens[:-1]
    return tokens


def strip_edges(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].is_punct and tokens[0].text in {",", ":", ";", "-", "–"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text in {",", ":", ";", "-", "–"}:
        tokens = tokens[:-1]
    return tokens


def trim_frame(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_space and not is_final_punct(t)]


def position_after(tokens: list[Token], i: int) -> int:
    """The position in `tokens` of the first token after document position `i`. (The lists are
    filtered, without whitespace tokens, so `i - tokens[0].i + 1` is wrong after a double space.)"""
    return next((k for k, t in enumerate(tokens) if t.i > i), len(tokens))
