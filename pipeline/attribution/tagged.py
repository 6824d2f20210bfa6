"""Quotations from the trained quote tagger's spans (pipeline/tagger.py) that no rule found."""
from __future__ import annotations

from spacy.tokens import Doc

from ..german.punctuation import is_final_punct, strip_end
from ..quotation import Quotation, Rule, char_spans, tokens_at
from ..tagger import SPANS_KEY as TAGGER_KEY
from .cues import find_cue
from .complements import opens_relative_clause
from .roles import fill_from_cue, frame_subject

TAGGER_TYPES = {"INDIRECT": "indirect", "REPORTED": "reported", "FREE_INDIRECT": "free_indirect",
                "INDIRECT_FREE_INDIRECT": "indirect_free_indirect"}


def tagged_quotations(doc: Doc, quotations: list[Quotation], sent_index: dict[int, int]) -> list[Quotation]:
    """Spans proposed by the quote tagger (pipeline/tagger.py) that no rule found: their cue and
    speaker come from the rest of the sentence (a lexicon cue, else the subject of its verb),
    else they continue the previous speaker. An indicative relative clause is none."""
    covered = {t.i for q in quotations for t in tokens_at(doc, q.statement)}
    found = []
    for span in doc.spans[TAGGER_KEY] if TAGGER_KEY in doc.spans else []:
        tokens = strip_end(list(span))
        if span.label_ not in TAGGER_TYPES or len(tokens) < 4 or any(t.i in covered for t in span):
            continue
        if opens_relative_clause(tokens):  # "Behauptungen, die … zirkulierten": what they are, not what was said
            continue
        sent = span[0].sent
        frame = [t for t in sent if not span.start <= t.i < span.end and not t.is_space and not is_final_punct(t)]
        q = Quotation(type=TAGGER_TYPES[span.label_], quote=char_spans(tokens), sentence_index=sent_index[sent.start],
                      rule=Rule.TAGGER, confidence=0.5)
        cue = find_cue(frame, span)
        if cue is not None:
            fill_from_cue(q, cue, frame, exclude=range(span.start, span.end))
            q.frame, q.rule = char_spans(frame), Rule.TAGGER_CUE
        elif subject := frame_subject(frame):  # a verb outside the lexicon: its subject speaks
            q.speaker, q.frame, q.rule = char_spans(subject), char_spans(frame), Rule.TAGGER_FRAME
        found.append(q)
    return found
