"""The data model of the attribution stage: one `Quotation` per statement found in a Doc.

A quotation is a set of character spans (its pieces: a quotation interrupted by its frame,
"Die Polizei hat laut Behördenangaben drei Menschen festgenommen", has two) for the quote
and for each role (speaker, cue, frame, addressee), plus what the later stages add
(canonical speaker, confidence, claim date).

Storage, the spaCy way, so that `DocBin` and `nlp.pipe(n_process=…)` keep it:
- `doc.user_data["claims:quotations"]`: one plain dict per quotation (the record);
- `doc.spans["quotes"]`: every piece of every quotation as a `Span` labelled with its type and
  whose `id` is the quotation's index in `doc._.quotations`, written by `set_quotations`;
- `doc._.quotations`: a live view, read from the record on each access.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

USER_DATA_KEY = "claims:quotations"
SPANS_KEY = "quotes"
QUOTE_TYPES = ("direct", "indirect", "free_indirect", "indirect_free_indirect", "reported")
SPAN_FIELDS = ("quote", "speaker", "cue", "frame", "addressee")  # character spans [start, end)


SOURCE_PREFIX = "source:"


class Rule(StrEnum):
    """Which pattern found a quotation. The values are the scorer's and the linker's feature
    names (`rule=direct+cue`): renaming one needs retrained weights (tests/test_quotation.py
    checks that every rule in the shipped weights is still a member)."""
    DIRECT_CUE = "direct+cue"  # „…“, sagte X
    DIRECT_COLON = "direct+colon"  # X sagte: „…“ over a sentence break
    DIRECT_SOURCE = "direct+source"  # „…“, so die FIFA
    DIRECT_FRAME = "direct+frame"  # a frame without a lexicon cue: its subject speaks
    DIRECT_NEXT_FRAME = "direct+next-frame"  # „…“ Das sagte X am Montag.
    DIRECT_CONTINUATION = "direct+continuation"  # no frame: the previous speaker
    DIRECT_NESTED = "direct+nested"  # inside another quotation, sharing its speaker
    INDIRECT_CUE = "indirect+cue"  # X sagte, (dass) …
    INDIRECT_DASS = "indirect+dass"  # a dass-clause under a verb outside the lexicon
    INDIRECT_NOUN = "indirect+noun"  # die Forderung, dass …
    INDIRECT_ANAPHOR = "indirect+anaphor"  # … . Das berichtete Kyodo.
    SOURCE_LAUT = "source:laut"
    SOURCE_GEMAESS = "source:gemäß"
    SOURCE_NACH = "source:nach"  # nach Angaben von X, Seiner Meinung nach
    SOURCE_SO = "source:so"  # …, so der Sprecher
    SOURCE_ZUFOLGE = "source:zufolge"
    SOURCE_WIE = "source:wie"  # wie X berichtete, …
    SOURCE_DEMNACH = "source:demnach"
    SOURCE_WONACH = "source:wonach"
    SOURCE_DANACH = "source:danach"
    REPORTED = "reported"  # X kritisierte …
    REPORTED_BEFORE_QUOTE = "reported+quote"  # X kritisierte die Entscheidung: „…“
    REPORTED_BEFORE_STATEMENT = "reported+statement"  # X lobte die Einigung und sagte, …
    KONJUNKTIV = "konjunktiv"  # a Konjunktiv sentence continuing the previous speaker
    HEARSAY = "hearsay"  # X soll … haben
    TAGGER = "tagger"  # a span of the quote tagger, continuing the previous speaker
    TAGGER_CUE = "tagger+cue"
    TAGGER_FRAME = "tagger+frame"

    @classmethod
    def source(cls, word: str) -> "Rule":
        return cls(f"{SOURCE_PREFIX}{word}")


# Quotations without a frame of their own: they continue the previous speaker.
CONTINUATION_RULES = frozenset({Rule.DIRECT_CONTINUATION, Rule.KONJUNKTIV, Rule.HEARSAY, Rule.TAGGER})


@dataclass
class Quotation:
    type: str
    quote: list[list[int]]  # character spans [start, end)
    speaker: list[list[int]] = field(default_factory=list)
    cue: list[list[int]] = field(default_factory=list)
    frame: list[list[int]] = field(default_factory=list)
    addressee: list[list[int]] = field(default_factory=list)
    cue_lemma: str | None = None
    via: str | None = None
    sentence_index: int = 0
    confidence: float = 0.5
    speaker_canonical: str | None = None
    speaker_label: str | None = None
    speaker_role: str | None = None  # the role or title the article gives the speaker
    claim_date: str | None = None  # ISO date
    claim_date_text: str | None = None
    claim_date_granularity: str | None = None
    rule: Rule | str = ""

    def __post_init__(self):
        if self.rule:
            self.rule = Rule(self.rule)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.quote)

    @property
    def end(self) -> int:
        return max(e for _, e in self.quote)

    @property
    def statement(self) -> list[list[int]]:
        """The sentence that states the quotation. For reported speech the quote is only what
        was said or done to ("kritisierte [die Reaktion der Kirchenleitung]") and its frame
        the rest of the sentence; the scorer, the linker and the WikiNews evaluation (whose
        annotators mark the whole sentence) read both. For the other types: the quote."""
        if self.type != "reported":
            return self.quote
        return sorted([list(span) for span in self.quote + self.frame])

    def to_dict(self) -> dict:
        # (dataclasses.asdict deep-copies recursively and is slow; spans are lists of pairs)
        out = dict(self.__dict__)
        for name in SPAN_FIELDS:
            out[name] = [list(span) for span in out[name]]
        out["rule"] = str(self.rule)
        return out


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()  # while the document lives


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy joins all tokens again on every access, and
    every component and the row builder ask for it (components run batch by batch, so a cache of
    the last document alone missed nearly every time)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def get_quotations(doc: Doc) -> list[Quotation]:
    return [Quotation(**item) for item in doc.user_data.get(USER_DATA_KEY, [])]


def set_quotations(doc: Doc, quotations: list[Quotation]) -> None:
    """Store the quotations in document order, and every piece of each in `doc.spans["quotes"]`."""
    quotations = sorted(quotations, key=lambda q: (q.start, -q.end))
    doc.user_data[USER_DATA_KEY] = [q.to_dict() for q in quotations]
    spans = []
    for number, q in enumerate(quotations):
        for start, end in q.quote:
            span = doc.char_span(start, end, label=q.type, alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=q.type, span_id=number))
    doc.spans[SPANS_KEY] = spans


def register_extensions() -> None:
    """`doc._.quotations`: the live view (called by the factories that write or read it)."""
    if not Doc.has_extension("quotations"):
        Doc.set_extension("quotations", getter=get_quotations)


def container_of(q: Quotation, quotations: list[Quotation]) -> Quotation | None:
    """The first quotation in `quotations`, not a direct one, whose statement holds `q`."""
    for c in quotations:
        if c.type != "direct":
            start, end = statement_extent(c)
            if start <= q.start and q.end <= end:
                return c
    return None


def statement_extent(q: Quotation) -> tuple[int, int]:
    spans = q.statement
    return min(s for s, _ in spans), max(e for _, e in spans)


# --- character spans and tokens ------------------------------------------------------------

SPAN_SEPARATOR = " … "  # between the pieces of a quote, cue or speaker written as one string


def tokens_at(doc: Doc, spans: list[list[int]]) -> list[Token]:
    """The tokens covering character spans (the inverse of `char_spans`)."""
    tokens = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens.extend(span if span is not None else ())
    return tokens


def char_spans(tokens) -> list[list[int]]:
    """Contiguous runs of tokens as character spans."""
    spans: list[list[int]] = []
    previous = None
    for t in sorted(tokens, key=lambda t: t.i):
        if previous is not None and t.i == previous + 1:
            spans[-1][1] = t.idx + len(t.text)
        else:
            spans.append([t.idx, t.idx + len(t.text)])
        previous = t.i
    return spans


def overlaps_sentence(sent: Span, spans: list[list[int]]) -> bool:
    return any(s < sent.end_char and e > sent.start_char for s, e in spans)
