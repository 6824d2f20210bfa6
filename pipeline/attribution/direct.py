"""Direct quotes: balanced quotation marks in every German style, and their frames.

A quote may span several sentences; its frame is the rest of its sentence(s), a sentence
before it ending in a colon, or a short following sentence ("Das sagte X am Montag.").
Without any frame it continues the previous speaker (rule `direct+continuation`).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..german.mood import is_finite_verb
from ..german.punctuation import trim_frame
from ..german.words import ARTICLES, INSTITUTION_NOUNS, NAMING_NOUNS, QUOTE_MARKS, QUOTE_PAIRS, TITLE_PARTICLES
from ..quotation import Quotation, Rule, char_spans, doc_text
from .cues import find_cue
from .roles import fill_from_cue, frame_subject, speaker_in_frame, speech_noun_holder
from .sources import source_phrase

MIN_DIRECT_TOKENS = 4  # shorter quoted fragments are titles or scare quotes, not claims
MAX_TITLE_WORDS = 10  # a quote after a naming noun up to this length is a title
SENTENCE_PUNCTUATION = {".", "!", "?", ";", ":"}
MARKS_AND_SPACE = "".join(QUOTE_MARKS) + " "
WEB_ADDRESS = re.compile(r"(https?://)?(www\.)?[\w-]+(\.[\w-]+)*\.[a-z]{2,6}(/\S*)?", re.IGNORECASE)


def find_quote_spans(doc: Doc) -> list[Span]:
    """Token spans of balanced quotation marks (marks included), not crossing line breaks."""
    text = doc_text(doc)
    spans, i = [], 0
    while i < len(text):
        closers = QUOTE_PAIRS.get(text[i])
        if closers is None:
            i += 1
            continue
        end = _find_closer(text, i + 1, closers)
        if end is None:
            i += 1
            continue
        span = doc.char_span(i, end + 1, alignment_mode="expand")
        if span is not None and len(span) > 2:
            spans.append(span)
        i = end + 1
    return spans


def _find_closer(text: str, start: int, closers: str) -> int | None:
    for j in range(start, min(len(text), start + 4000)):
        if text[j] == "\n":
            return None
        if text[j] in closers:
            return j
    return None


def is_statement(span: Span, min_tokens: int) -> bool:
    words = [t for t in span if not t.is_punct]
    return len(words) >= min_tokens


def looks_like_name(span: Span) -> bool:
    """Titles and names in quotation marks are no quotes: '„Süddeutsche Zeitung“', '„Eagle“',
    '„Partij voor de Vrijheid“', 'die Firma „Hvalur hf“'."""
    return _title_cased(span) or _named_by_noun(span) or _institution_name(span) or _web_address(span)


def _title_cased(span: Span) -> bool:
    """Every word capitalised but the particles of foreign names, and no sentence inside."""
    words = _words(span)
    if not words or any(t.text in SENTENCE_PUNCTUATION for t in span):
        return False
    if not (words[0].text[0].isupper() and words[-1].text[0].isupper()):
        return False
    if any(not t.text[0].isupper() and t.lower_ not in TITLE_PARTICLES for t in words):
        return False
    return len(words) > 1 or words[0].pos_ == "PROPN" or words[0].ent_type_ != ""


def _words(span: Span) -> list[Token]:
    """Tokens with a letter: "People's", "Sacharow-Preis" and "1.FC" count as words."""
    return [t for t in span if any(c.isalpha() for c in t.text)]


def _named_by_noun(span: Span) -> bool:
    """'der Film „…“', 'die Umweltschutzorganisation „…“': a noun right before the quote
    introduces a title (a long quote or one with a full stop is a statement given to a paper:
    'sagte er der Zeitschrift „Es war eine lange Tour. …“')."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (before.text[:1].isupper() and before.lower_.endswith(NAMING_NOUNS) and len(_words(span)) <= MAX_TITLE_WORDS
            and not any(t.text == "." for t in span))


def _web_address(span: Span) -> bool:
    """'laut „tagesschau.de“', '„news.bbc.co.uk“'."""
    return WEB_ADDRESS.fullmatch(span.text.strip(MARKS_AND_SPACE)) is not None


def _institution_name(span: Span) -> bool:
    """'„Rat für nationale Sicherheit“': a verbless phrase opened by an institution's head noun."""
    words = _words(span)
    if words and words[0].lower_ in ARTICLES:
        words = words[1:]
    return (bool(words) and len(words) <= MAX_TITLE_WORDS and words[0].text[0].isupper()
            and words[0].lower_.endswith(INSTITUTION_NOUNS) and not any(t.text in SENTENCE_PUNCTUATION for t in span)
            and not any(is_finite_verb(t) for t in span))


def attribute_direct(doc, span: Span, sentences, sent_index, previous: list[Quotation]) -> Quotation:
    first = sent_index[span[0].sent.start]
    last = sent_index[span[-1].sent.start]
    frame_tokens = [t for k in range(first, last + 1) for t in sentences[k] if not (span.start <= t.i < span.end)]
    cue = find_cue(frame_tokens, span)
    rule = Rule.DIRECT_CUE
    if cue is None and first > 0:  # "Er sagte: „…“" over a sentence break
        prev = sentences[first - 1]
        if prev[-1].text == ":" or (len(prev) > 1 and prev[-2].text == ":"):
            frame_tokens = [t for t in prev if t.text != ":"]
            cue = find_cue(frame_tokens)
            rule = Rule.DIRECT_COLON
    q = Quotation(type="direct", quote=[[span.start_char, span.end_char]], sentence_index=first, rule=rule)
    if cue is not None:
        fill_from_cue(q, cue, frame_tokens, exclude=range(span.start, span.end))
        q.frame = char_spans(trim_frame(frame_tokens))
        q.confidence = 0.9 if q.speaker else 0.7
    # (the quote is the content, so the frame around it may be short: "Sie habe „…“, so Habeck.")
    elif (source := source_phrase(span.sent, [t for t in frame_tokens if not t.is_space], previous,
                                  min_content=0)) and source.speaker:
        # "„…“, so die FIFA", "laut Polizei „…“": the source phrase names the speaker
        q.speaker, q.cue, q.cue_lemma, q.via = source.speaker, source.cue, source.cue_lemma, source.via
        q.frame, q.confidence, q.rule = char_spans(trim_frame(frame_tokens)), 0.8, Rule.DIRECT_SOURCE
    elif held := speech_noun_holder(frame_tokens):  # "an einer Antwort von Kremlsprecher Peskov … ablesen: „…“"
        noun, holder = held
        q.speaker, q.cue, q.cue_lemma = char_spans(holder), char_spans([noun]), noun.lemma_.lower()
        q.frame, q.confidence, q.rule = char_spans(trim_frame(frame_tokens)), 0.7, Rule.DIRECT_FRAME
    else:
        speaker = speaker_in_frame(frame_tokens) or frame_subject(frame_tokens)
        if speaker:
            q.speaker = char_spans(speaker)
            q.frame = char_spans(trim_frame(frame_tokens))
            q.confidence, q.rule = 0.7, Rule.DIRECT_FRAME
        elif last + 1 < len(sentences) and (following := _frame_after(sentences[last + 1])):
            # "„…“ Das sagte Steinbrück am Montag.": the frame follows in a sentence of its own
            cue, frame_tokens = following
            fill_from_cue(q, cue, frame_tokens, exclude=range(span.start, span.end))
            q.frame = char_spans(trim_frame(frame_tokens))
            q.confidence, q.rule = 0.7, Rule.DIRECT_NEXT_FRAME
        else:  # the speaker is filled in by fill_continuations
            q.confidence, q.rule = 0.55, Rule.DIRECT_CONTINUATION
    return q


def _frame_after(sent: Span) -> tuple[Token, list[Token]] | None:
    """A short following sentence that only frames the quote: 'So äußerte sich X.', 'Das sagte X.'"""
    tokens = [t for t in sent if not t.is_space]
    if not tokens or len(tokens) > 15 or any(t.text in QUOTE_PAIRS for t in tokens):
        return None
    cue = find_cue(tokens)
    if cue is None or tokens[0].lower_ not in {"so", "das", "dies", "dieses", "diese", "damit", "mit", "dazu"}:
        return None
    if tokens[0].lower_ in {"das", "dies", "dieses", "diese"} and len(tokens) > 1 and tokens[1].pos_ in {"NOUN", "ADJ"}:
        return None  # "Das Theater erzählt viele Geschichten": an article, not the quote taken up again
    return cue, tokens
