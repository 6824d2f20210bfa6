"""Last passes over all quotations of a document: continued speakers, nested quotes, full stops.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..quotation import (
    CONTINUATION_RULES,
    Quotation,
    Rule,
    container_of,
    doc_text,
    tokens_at,
)
from .addressees import spoken_to


def fill_continuations(doc: Doc, quotations: list[Quotation]) -> None:
    """Quotations without a frame of their own take the speaker of the nearest earlier one,
    pointing at that speaker's latest mention before the quotation (its name, else as given).

    Runs after all passes, because direct quotes are found before the sentence patterns
    that may precede them in the text."""
    last_speaker: list[list[int]] = []
    text = doc_text(doc)
    for q in sorted(quotations, key=lambda q: q.start):
        # (only the first quotation keeps a speaker of its own before it: a Konjunktiv run after
        # its lead sentence; the provisional speaker of any other may lie after it)
        own = not last_speaker and q.speaker and q.speaker[-1][1] <= q.start
        if q.rule in CONTINUATION_RULES and not own:
            q.speaker = _latest_mention(doc, text, last_speaker, q.start)
        elif q.speaker:
            last_speaker = q.speaker

WHOLE_SENTENCE_TYPES = {"free_indirect", "indirect_free_indirect"}  # (reported: see pipeline/evaluate.py)


def include_final_punctuation(doc: Doc, q: Quotation) -> None:
    """Quotations that are whole sentences end with the sentence's full stop (the WikiNews
    annotators include it for reported, free indirect and Konjunktiv-run quotations, 651 of
    the 674 such train quotations that end a sentence, and leave it out for indirect ones)."""
    if q.type not in WHOLE_SENTENCE_TYPES or not q.quote:
        return
    text = doc_text(doc)
    end = q.quote[-1][1]
    rest = text[end:end + 3]
    stripped = rest.lstrip(" ")
    if stripped[:1] in {".", "!", "?"}:
        q.quote[-1][1] = end + len(rest) - len(stripped) + 1


def _latest_mention(doc: Doc, text: str, speaker: list[list[int]], before: int) -> list[list[int]]:
    """The last occurrence before `before` of the speaker's name (a PER/ORG entity in it)."""
    if not speaker:
        return []
    start, end = speaker[0][0], speaker[-1][1]
    span = doc.char_span(start, end, alignment_mode="expand")
    names = [e for e in span.ents if e.label_ in {"PER", "ORG"}] if span is not None else []
    if names:
        surname = names[-1][-1].text
        found = text.rfind(surname, end, before)
        if found >= 0:
            return [[found, found + len(surname)]]
    return [list(s) for s in speaker]


def drop_quoted_names(doc: Doc, quotations: list[Quotation]) -> list[Quotation]:
    """A quoted fragment inside some claim's speaker, cue or addressee ('laut „Euronews“', 'zitiert
    die „Computerwoche“', 'gegenüber „Wafa“') or naming its relay ('wird von der „Netzeitung“
    zitiert') names a source; it is no quotation of its own."""
    roles = [span for q in quotations for span in q.speaker + q.cue + q.addressee]
    relays = [q.via for q in quotations if q.via]
    text = doc_text(doc)

    def inside_role(q: Quotation) -> bool:
        start, end = q.quote[0]
        inner = text[start + 1:end - 1].strip()  # without the quotation marks
        return (any(s <= start and end <= e for s, e in roles) or any(inner and inner in relay for relay in relays)
                or spoken_to(tokens_at(doc, q.quote)))

    return [q for q in quotations if q.type != "direct" or not inside_role(q)]


def share_speaker_with_container(quotations: list[Quotation]) -> None:
    """A direct quote nested in an indirect one ('sagte, die USA hätten „…“') has its speaker."""
    containers = [q for q in quotations if q.type != "direct" and q.speaker]
    for q in quotations:
        if q.type != "direct":
            continue
        outer = container_of(q, containers)
        if outer is not None:
            q.speaker, q.cue, q.cue_lemma = outer.speaker, outer.cue, outer.cue_lemma
            q.addressee, q.via = outer.addressee or q.addressee, outer.via or q.via
            q.rule = Rule.DIRECT_NESTED
