"""Konjunktiv runs: sentences in Konjunktiv I without a frame continue the previous speaker.

A run of such sentences in one paragraph becomes one `indirect_free_indirect` quotation.
Konjunktiv II alone ("hätte", "läge") continues a quotation only in the sentence right after it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..german.clauses import first_clause_of
from ..german.mood import (
    KONJUNKTIV_FORMS,
    has_konjunktiv_i,
    is_finite_verb,
    is_konjunktiv,
    is_konjunktiv_ii,
)
from ..german.phrases import subject_of, with_entities
from ..german.punctuation import strip_end
from ..quotation import Quotation, Rule, char_spans, doc_text
from .cues import lexicon_cue
from .roles import continue_previous, names_someone

MAX_CONTINUATION_GAP = 80  # tokens after the last quotation within which Konjunktiv continues it


def merge_konjunktiv_runs(doc: Doc, quotations: list[Quotation], sentences: list[Span]) -> list[Quotation]:
    """Konjunktiv sentences that follow one another in a paragraph, none with a frame of its own,
    are one paraphrase: the WikiNews annotators mark such a run as one indirect_free_indirect
    quotation (a one-off count on train: 48 of 48 such neighbours lay in one gold quotation)."""
    merged: list[Quotation] = []
    run: Quotation | None = None  # the run being extended
    run_end = -1  # sentence index of the last sentence in the current run
    text = doc_text(doc)
    for q in sorted(quotations, key=lambda q: q.start):
        if (q.rule == Rule.KONJUNKTIV and run is not None and "\n" not in text[run.quote[-1][1]:q.start]
                and all(has_konjunktiv_i(sentences[k]) for k in range(run_end + 1, q.sentence_index))):
            run.quote = [[run.start, max(e for _, e in q.quote)]]
            run_end = q.sentence_index
            continue
        merged.append(q)
        if q.rule == Rule.KONJUNKTIV:
            run, run_end = q, q.sentence_index
        elif q.type != "direct" or q.cue:  # a quoted phrase inside the run does not end it
            run = None
    return merged


def konjunktiv_continuation(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """A Konjunktiv main clause without a frame continues the previous speaker, or, before any
    quotation, the one whose speech the sentence before it reports ("Die Fed hat Mängel
    festgestellt. Künftig müsse man …")."""
    if previous and sent.start - _last_end_token(sent.doc, previous) > MAX_CONTINUATION_GAP:
        return None
    # the main clause's finite verb: the first finite verb before any subordinate-clause comma
    main_clause = first_clause_of(tokens, min_length=3)
    finite = [t for t in main_clause if is_finite_verb(t) or t.lower_ in KONJUNKTIV_FORMS]
    if not finite:  # "Dieses »Momentum« zu nutzen, sei »folgerichtig«": a fronted clause without one
        finite = [t for t in tokens if is_finite_verb(t) or t.lower_ in KONJUNKTIV_FORMS][:2]
    subjunctive = [t for t in finite[:2] if is_konjunktiv(t)]
    if not subjunctive:
        return None
    # Konjunktiv II ("hätte", "würde", "wäre") is also the mood of hypotheticals: it continues
    # reported speech only right after another quotation
    if all(is_konjunktiv_ii(t) for t in subjunctive) and not follows_quotation(sent, previous):
        return None
    lead = [] if previous else speech_lead(sent)
    if not previous and not lead:
        return None
    q = Quotation(type="indirect_free_indirect", quote=char_spans(strip_end(tokens, keep_final=True)),
                  rule=Rule.KONJUNKTIV, confidence=0.5)
    if lead:
        q.speaker = char_spans(lead)
    else:
        continue_previous(q, previous)  # provisional: a direct quote nested in it shares this speaker
    return q


def speech_lead(sent: Span) -> list[Token]:
    """The speaker of the sentence before, when that sentence reports speech with a speech verb
    and names the one who spoke ("Die Federal Reserve hat … Mängel festgestellt.")."""
    doc = sent.doc
    if sent.start == 0:
        return []
    before = [t for t in doc[sent.start - 1].sent if not t.is_space]
    cue = next((t for t in before if lexicon_cue(t) in lexicon.SPEECH_VERBS), None)
    if cue is None:
        return []
    subject = with_entities(subject_of(cue))
    if names_someone(subject):
        return subject
    # (the parse may miss the subject: the first person or organisation outside a prepositional phrase)
    for k, t in enumerate(before):
        if t.ent_iob_ == "B" and t.ent_type_ in {"PER", "ORG"} and not any(x.pos_ == "ADP" for x in before[max(0, k - 2):k]):
            return with_entities([t])
    return []


def follows_quotation(sent: Span, previous: list[Quotation]) -> bool:
    """True if a quotation ends in the sentence right before this one."""
    doc = sent.doc
    if sent.start == 0:
        return False
    before = doc[sent.start - 1].sent
    return any(before.start_char <= max(e for _, e in q.quote) <= sent.start_char + 1 for q in previous)


def _last_end_token(doc: Doc, previous: list[Quotation]) -> int:
    end_char = max(e for q in previous for _, e in q.quote)
    span = doc.char_span(end_char - 1, end_char, alignment_mode="expand")
    return span.end if span is not None else 0
