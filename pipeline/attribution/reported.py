"""Reported speech ("Kim kritisierte die Kooperation …") and hearsay ("X soll … haben").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .. import lexicon
from ..german.phrases import is_demonstrative, subject_of, with_entities
from ..german.punctuation import strip_end
from ..quotation import Quotation, Rule, char_spans
from .cues import cue_with_auxiliaries, lexicon_cue, mistagged_verb
from .roles import (
    continue_previous,
    entity_after,
    fill_addressee,
    passive_agent,
    proper_noun_after,
    relay_of,
)


def reported_speech(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'Kim kritisierte die Kooperation …': a speech-act verb with a subject and an object."""
    for cue in tokens:
        lemma = lexicon_cue(cue)
        if lemma not in lexicon.REPORTED_VERBS or (cue.pos_ not in {"VERB", "AUX"} and not mistagged_verb(cue)):
            continue
        speaker = passive_agent(cue, tokens) or with_entities(subject_of(cue))
        if is_demonstrative(speaker) or not speaker:  # "Zusätzlich kritisierte Kim …" (a misparse)
            speaker = entity_after(cue, tokens, within=3) or proper_noun_after(cue, within=2) or speaker
        if not speaker:
            continue
        content = strip_end(tokens)
        q = Quotation(type="reported", quote=char_spans(content), speaker=char_spans(speaker),
                      cue=char_spans(cue_with_auxiliaries(cue)), cue_lemma=lemma, rule=Rule.REPORTED, confidence=0.6)
        fill_addressee(q, cue)
        q.via = relay_of([t for t in tokens if t.i != cue.i], speaker)
        return q
    return None


def hearsay(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'Ein vierter Mann soll den Irakern geholfen haben': hearsay modal without a frame."""
    modal = next((t for t in tokens if t.lower_ in lexicon.MODAL_HEARSAY and t.pos_ in {"AUX", "VERB"}), None)
    hearsay_adverb = any(t.lower_ in lexicon.HEARSAY_ADVERBS for t in tokens)
    # "soll … geholfen haben / verhaftet worden sein": modal + perfect infinitive is hearsay;
    # "soll … ausgebaut werden" is a plan, not a report
    perfect = modal is not None and any(t.i > modal.i and t.lower_ in {"haben", "sein"} for t in tokens)
    if not (perfect or (modal is not None and hearsay_adverb)):
        return None
    q = Quotation(type="free_indirect", quote=char_spans(strip_end(tokens, keep_final=True)),
                  rule=Rule.HEARSAY, confidence=0.4)
    continue_previous(q, previous)  # provisional, as for Konjunktiv continuations
    return q
