"""The attribution component: runs the construction passes over a parsed Doc in a fixed order."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..german.mood import is_konjunktiv_i
from ..german.phrases import full_mention, names_nobody
from ..guard import guarded
from ..quotation import (
    Quotation,
    Rule,
    char_spans,
    overlaps_sentence,
    register_extensions,
    set_quotations,
    tokens_at,
)
from .cues import lexicon_cue
from .direct import (
    MIN_DIRECT_TOKENS,
    attribute_direct,
    find_quote_spans,
    is_statement,
    looks_like_name,
)
from .finishing import (
    drop_quoted_names,
    fill_continuations,
    include_final_punctuation,
    share_speaker_with_container,
)
from .indirect import (
    anaphoric_frame,
    coordinated_statement,
    indirect_with_cue,
    konjunktiv_after_colon,
    konjunktiv_frame,
)
from .konjunktiv import (
    follows_quotation,
    konjunktiv_continuation,
    merge_konjunktiv_runs,
)
from .reported import (
    act_before_statement,
    attributive_act,
    coordinated_reports,
    hearsay,
    reported_speech,
    speech_act_before_quote,
)
from .sources import names_a_source, source_phrase
from .tagged import tagged_quotations


@Language.factory("claims_attribution", default_config={"min_direct_tokens": MIN_DIRECT_TOKENS})
def make_attribution(nlp: Language, name: str, min_direct_tokens: int):
    register_extensions()
    return guarded(QuotationAttributor(min_direct_tokens))


class QuotationAttributor:
    """Finds the quotations of a parsed Doc; `__call__` lists the passes in the order they run."""

    def __init__(self, min_direct_tokens: int = MIN_DIRECT_TOKENS):
        self.min_direct_tokens = min_direct_tokens

    def __call__(self, doc: Doc) -> Doc:
        state = _DocState(doc, self.min_direct_tokens)
        self.direct_quotes(state)  # 1. quotation marks and their frames
        self.sentence_patterns(state)  # 2. indirect, source phrases, reported, Konjunktiv, hearsay
        self.quoted_fragments(state)  # 3. short quoted words where someone is being quoted
        state.quotations.extend(tagged_quotations(doc, state.quotations, state.sent_index))  # 4. the tagger's spans
        quotations = drop_quoted_names(doc, state.quotations)  # 5. finishing passes
        share_speaker_with_container(quotations)
        fill_continuations(doc, quotations)
        speakers_as_full_mentions(doc, quotations)
        quotations = merge_konjunktiv_runs(doc, quotations, state.sentences)
        for q in quotations:
            include_final_punctuation(doc, q)
        set_quotations(doc, quotations)
        return doc

    def direct_quotes(self, state: "_DocState") -> None:
        for span in state.direct:
            state.quotations.append(attribute_direct(state.doc, span, state.sentences, state.sent_index, state.quotations))
            state.claimed.update(range(state.sent_index[span[0].sent.start], state.sent_index[span[-1].sent.start] + 1))

    def sentence_patterns(self, state: "_DocState") -> None:
        sentences, quotations = state.sentences, state.quotations
        for i, sent in enumerate(sentences):
            covered = sum(1 for q in quotations if q.type == "direct" and overlaps_sentence(sent, q.quote))
            # "… . Das berichtete Kyodo.": the frame of the sentence before comes first
            found = anaphoric_frame(sent, sentences[i - 1], i - 1, quotations) if i > 0 and i - 1 not in state.claimed else []
            if not found:
                found = attribute_sentence(sent, i, quotations, state.direct, i in state.claimed, covered)
            quotations.extend(found)

    def quoted_fragments(self, state: "_DocState") -> None:
        for span in state.fragments:
            index = state.sent_index[span[0].sent.start]
            in_claim = any(q.sentence_index == index for q in state.quotations)
            if in_claim or any(lexicon_cue(t) for t in span.sent if not span.start <= t.i < span.end) \
                    or sum(t.is_alpha for t in span) >= 2:
                state.quotations.append(attribute_direct(state.doc, span, state.sentences, state.sent_index,
                                                         state.quotations))


class _DocState:
    """What the passes share while one document is attributed."""

    def __init__(self, doc: Doc, min_direct_tokens: int = MIN_DIRECT_TOKENS):
        self.doc = doc
        self.sentences = list(doc.sents)
        self.sent_index = {s.start: i for i, s in enumerate(self.sentences)}
        self.quotations: list[Quotation] = []
        self.claimed: set[int] = set()  # sentences whose frame already produced a claim
        quoted = [span for span in find_quote_spans(doc) if not looks_like_name(span)]
        self.direct = [span for span in quoted if is_statement(span, min_direct_tokens)]
        self.fragments = [span for span in quoted if span not in self.direct]


def speakers_as_full_mentions(doc: Doc, quotations: list[Quotation]) -> None:
    """Each speaker becomes its whole noun phrase; "es" and "man" name nobody."""
    # no speaker reaches into a quote ("„…“, sagte Anja Berger, „und wir …“": "und wir" is the quote's)
    quoted = {t.i for q in quotations if q.type == "direct" for t in tokens_at(doc, q.quote)}
    for q in quotations:
        # (the cue is never part of it: "das Argument der Landesregierung, dass …" -> "der Landesregierung")
        cue = {t.i for t in tokens_at(doc, q.cue)}
        mention = [t for t in tokens_at(doc, q.speaker) if t.i not in quoted]
        speaker = full_mention(mention, {t.i for t in tokens_at(doc, q.statement)} | quoted | cue, cue)
        q.speaker = [] if names_nobody(speaker) else char_spans(speaker)


def attribute_sentence(sent: Span, index: int, previous: list[Quotation], direct: list[Span],
                       claimed: bool, covered: int) -> list[Quotation]:
    """The statement(s) of one sentence: the first construction that matches, in order of
    reliability; in a sentence whose quote has its frame, the speech act before the quote's
    colon ("Weiss beschreibt die Situation als schwierig: „…“")."""
    found = _first_construction(sent, index, previous, direct, claimed, covered)
    if not found and claimed and (q := speech_act_before_quote(sent, direct)) is not None:
        q.sentence_index = index
        found = [q]
    return found


def _first_construction(sent: Span, index: int, previous: list[Quotation], direct: list[Span],
                        claimed: bool, covered: int) -> list[Quotation]:
    tokens = [t for t in sent if not t.is_space]
    if not tokens or _mostly_inside(tokens, direct):
        return []
    in_direct = {t.i for span in direct for t in span}
    free = [t for t in tokens if t.i not in in_direct]
    # a sentence whose direct quote has its frame is done, unless it has a cue of its own, the
    # quote is a phrase inside a longer paraphrase ("…, sei „mit Vorsicht zu genießen“, da …, so die FIFA"),
    # a Konjunktiv I verb outside the quotes carries them ("Dieses »Momentum« zu nutzen, sei »folgerichtig«"),
    # or a source phrase does ("Das Buch ist laut einem Jury-Mitglied eine „kluge … Geschichte“")
    if (claimed and not any(lexicon_cue(t) or is_konjunktiv_i(t) for t in free)
            and 2 * len(free) < len(tokens) and not names_a_source(free)):
        return []
    for pattern in (indirect_with_cue, source_phrase, konjunktiv_after_colon, reported_speech, konjunktiv_continuation,
                    hearsay, attributive_act):
        q = pattern(sent, tokens, previous)
        if q is not None and not claimed and konjunktiv_frame(q, tokens) and follows_quotation(sent, previous):
            # "Man gehe davon aus, dass …" after reported speech: the frame itself is reported, so
            # the whole sentence continues the paraphrase before it
            q = konjunktiv_continuation(sent, tokens, previous) or q
        if q is not None:
            # a claimed sentence keeps its Konjunktiv: "Der Airbus sei erst „weit hinter …“ gelandet"
            # and a speech act whose object holds the quoted words ("sprach vom Ausbruch als „Plandemie“")
            if (claimed and q.type in ("reported", "indirect_free_indirect", "free_indirect")
                    and q.rule != Rule.KONJUNKTIV and not _holds_quotes(q, direct, sent)):
                return []
            if claimed and q.rule.startswith("source") and _words_outside(q, in_direct, sent) < MIN_PARAPHRASE_WORDS:
                return []  # "„…“, laut Polizei, „…“": a quote interrupted by its source, no paraphrase
            q.sentence_index = index
            if covered and _same_as_direct(q, previous):
                return []
            if q.rule == Rule.REPORTED:
                parts = coordinated_reports(q, sent)
                for part in parts:
                    part.sentence_index = index
                return parts
            if q.rule != Rule.INDIRECT_CUE:
                return [q]
            acts = [act_before_statement(tokens, q), q, coordinated_statement(sent, tokens, q, previous)]
            return [a for a in acts if a is not None]
    return []


MIN_PARAPHRASE_WORDS = 2


def _words_outside(q: Quotation, in_direct: set[int], sent: Span) -> int:
    """The claim's words outside quotation marks: a paraphrase has some of its own."""
    return sum(1 for t in tokens_at(sent.doc, q.quote) if t.is_alpha and t.i not in in_direct)


def _holds_quotes(q: Quotation, direct: list[Span], sent: Span) -> bool:
    """A reported claim whose object contains every quote of its sentence: one mixed statement."""
    if q.type != "reported":
        return False
    inside = [span for span in direct if sent.start <= span.start < sent.end]
    return bool(inside) and all(any(s <= span.start_char and span.end_char <= e for s, e in q.quote) for span in inside)


def _mostly_inside(tokens: list[Token], direct: list[Span]) -> bool:
    inside = sum(1 for t in tokens if any(span.start <= t.i < span.end for span in direct))
    return inside >= len(tokens) - 1


def _same_as_direct(q: Quotation, previous: list[Quotation]) -> bool:
    """An 'indirect' found around a direct quote that covers the same content is a duplicate."""
    for prior in previous:
        if prior.type != "direct":
            continue
        ps, pe = prior.quote[0]
        qs, qe = q.start, max(e for _, e in q.quote)
        if ps <= qs and qe <= pe + 2:
            return True
    return False
