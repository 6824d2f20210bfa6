"""Stage 3, attribution: find quotations and attribute each to its speaker, cue and frame.

Types follow the WikiNews quotation dataset (see ../shared/claims-schema.md):
direct, indirect, indirect_free_indirect, free_indirect, reported.

The component works in passes over the parsed document:
1. direct quotes: balanced quotation marks in every German style, possibly spanning
   several sentences; the frame is the rest of the sentence(s), or a preceding
   sentence that ends with a colon;
2. per remaining sentence, in order of reliability: a speech verb with a clausal
   complement (indirect), a source phrase ("laut X", "nach Angaben von X", "X zufolge",
   "wie X berichtete"), a Konjunktiv sentence continuing the previous speaker
   (indirect_free_indirect), hearsay modals "soll/sollen" (free_indirect), and a speech-act
   verb with an object (reported);
3. spans the trained quote tagger proposes (pipeline/tagger.py) where no rule found one.
The learned scorer (pipeline/score.py) later decides which quotations to keep.

Parses are read through `backbone` helpers so that TIGER and UD label sets both work;
where the parse says nothing useful, surface patterns (commas, word order) take over.
Results are stored as plain dicts in `doc.user_data` (so they survive `DocBin`) and exposed
as `doc._.quotations` (a list of `Quotation`) and `doc.spans["quotes"]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import lexicon
from .guard import guarded
from .verbforms import lemma_of
from .tagger import SPANS_KEY as TAGGER_KEY
from .backbone import ACCUSATIVE_DEPS, KONJUNKTIV_FORMS, DATIVE_DEPS, NOMINAL_ATTACHMENT_DEPS, dep, is_finite_verb, is_infinitive, is_konjunktiv, is_subject, verb_lemma

USER_DATA_KEY = "claims:quotations"
QUOTE_TYPES = ("direct", "indirect", "free_indirect", "indirect_free_indirect", "reported")

# Opening mark -> the closing marks that can end it.
QUOTE_PAIRS = {"„": "“”\"", "“": "”“", "”": "”", "«": "»", "»": "«", '"': '"', "‚": "‘’", "‹": "›", "›": "‹"}
MIN_DIRECT_TOKENS = 4  # shorter quoted fragments are titles or scare quotes, not claims
MAX_CONTINUATION_GAP = 80  # tokens after the last quotation within which Konjunktiv continues it


SPAN_FIELDS = ("quote", "speaker", "cue", "frame", "addressee")  # character spans [start, end)


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
    claim_date: str | None = None  # ISO date
    claim_date_text: str | None = None
    claim_date_granularity: str | None = None
    rule: str = ""

    @property
    def start(self) -> int:
        return min(s for s, _ in self.quote)

    def to_dict(self) -> dict:
        # (dataclasses.asdict deep-copies recursively and is slow; spans are lists of pairs)
        out = dict(self.__dict__)
        for name in SPAN_FIELDS:
            out[name] = [list(span) for span in out[name]]
        return out


_last_text: tuple = (None, "")  # (doc, text) of the last document whose text was asked for


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per document: spaCy joins all tokens again on every access, and
    the components and the row builder ask for the text of one document one after another.
    (One immutable pair, replaced whole: safe where threads share the module.)"""
    global _last_text
    cached = _last_text
    if cached[0] is doc:
        return cached[1]
    text = doc.text
    _last_text = (doc, text)
    return text


def get_quotations(doc: Doc) -> list[Quotation]:
    return [Quotation(**item) for item in doc.user_data.get(USER_DATA_KEY, [])]


def set_quotations(doc: Doc, quotations: list[Quotation]) -> None:
    quotations = sorted(quotations, key=lambda q: (q.start, -max(e for _, e in q.quote)))
    doc.user_data[USER_DATA_KEY] = [q.to_dict() for q in quotations]
    spans = []
    for q in quotations:
        start, end = q.quote[0]
        span = doc.char_span(start, end, label=q.type, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["quotes"] = spans


@Language.factory("claims_attribution", default_config={"min_direct_tokens": MIN_DIRECT_TOKENS})
def make_attribution(nlp: Language, name: str, min_direct_tokens: int):
    if not Doc.has_extension("quotations"):
        Doc.set_extension("quotations", getter=get_quotations)
    return guarded(QuotationAttributor(min_direct_tokens))


class QuotationAttributor:
    def __init__(self, min_direct_tokens: int = MIN_DIRECT_TOKENS):
        self.min_direct_tokens = min_direct_tokens

    def __call__(self, doc: Doc) -> Doc:
        sentences = list(doc.sents)
        sent_index = {s.start: i for i, s in enumerate(sentences)}
        quotations: list[Quotation] = []
        claimed: set[int] = set()  # sentences whose frame already produced a claim
        quoted = find_quote_spans(doc)
        direct = [span for span in quoted if _is_statement(span, self.min_direct_tokens)]
        fragments = [span for span in quoted if span not in direct]
        for span in direct:
            q = attribute_direct(doc, span, sentences, sent_index, quotations)
            quotations.append(q)
            claimed.update(range(sent_index[span[0].sent.start], sent_index[span[-1].sent.start] + 1))
        for i, sent in enumerate(sentences):
            covered = sum(1 for q in quotations if q.type == "direct" and _inside(sent, q.quote))
            # "… . Das berichtete Kyodo.": the frame of the sentence before comes first
            found = anaphoric_frame(sent, sentences[i - 1], i - 1, quotations) if i > 0 and i - 1 not in claimed else []
            if not found:
                found = attribute_sentence(sent, i, quotations, direct, fragments, i in claimed, covered)
            quotations.extend(found)
        for span in fragments:  # short quoted words count where someone is being quoted
            if _looks_like_name(span):
                continue
            index = sent_index[span[0].sent.start]
            in_claim = any(q.sentence_index == index for q in quotations)
            if in_claim or any(lexicon_cue(t) for t in span.sent if not span.start <= t.i < span.end) \
                    or sum(t.is_alpha for t in span) >= 2:
                quotations.append(attribute_direct(doc, span, sentences, sent_index, quotations))
        quotations.extend(tagged_quotations(doc, quotations, sent_index))
        quotations = drop_quoted_names(doc, quotations)
        share_speaker_with_container(quotations)
        fill_continuations(doc, quotations)
        for q in quotations:
            speaker = full_mention(tokens_at(doc, q.speaker), {t.i for t in tokens_at(doc, q.quote)})
            q.speaker = [] if _names_nobody(speaker) else _char_spans(speaker)
        quotations = merge_konjunktiv_runs(doc, quotations, sentences)
        for q in quotations:
            include_final_punctuation(doc, q)
        set_quotations(doc, quotations)
        return doc


NESTED_RULE = "direct+nested"  # a direct quote inside another quotation, sharing its speaker
CONTINUATION_RULES = {"direct+continuation", "konjunktiv", "hearsay", "tagger"}
TAGGER_TYPES = {"INDIRECT": "indirect", "REPORTED": "reported", "FREE_INDIRECT": "free_indirect",
                "INDIRECT_FREE_INDIRECT": "indirect_free_indirect"}


def tagged_quotations(doc: Doc, quotations: list[Quotation], sent_index: dict[int, int]) -> list[Quotation]:
    """Spans proposed by the quote tagger (pipeline/tagger.py) that no rule found: their cue and
    speaker come from the rest of the sentence (a lexicon cue, else the subject of its verb),
    else they continue the previous speaker."""
    covered = {t.i for q in quotations for t in tokens_at(doc, q.quote)}
    found = []
    for span in doc.spans[TAGGER_KEY] if TAGGER_KEY in doc.spans else []:
        tokens = _strip_end(list(span))
        if span.label_ not in TAGGER_TYPES or len(tokens) < 4 or any(t.i in covered for t in span):
            continue
        sent = span[0].sent
        frame = [t for t in sent if not span.start <= t.i < span.end and not t.is_space and not _is_final_punct(t)]
        q = Quotation(type=TAGGER_TYPES[span.label_], quote=_char_spans(tokens), sentence_index=sent_index[sent.start],
                      rule="tagger", confidence=0.5)
        cue = _find_cue(frame, span)
        if cue is not None:
            _fill_from_cue(q, cue, frame, exclude=range(span.start, span.end))
            q.frame, q.rule = _char_spans(frame), "tagger+cue"
        elif subject := _frame_subject(frame):  # a verb outside the lexicon: its subject speaks
            q.speaker, q.frame, q.rule = _char_spans(subject), _char_spans(frame), "tagger+frame"
        found.append(q)
    return found


def fill_continuations(doc: Doc, quotations: list[Quotation]) -> None:
    """Quotations without a frame of their own take the speaker of the nearest earlier one,
    pointing at that speaker's latest mention before the quotation (its name, else as given).

    Runs after all passes, because direct quotes are found before the sentence patterns
    that may precede them in the text."""
    last_speaker: list[list[int]] = []
    text = doc_text(doc)
    for q in sorted(quotations, key=lambda q: q.start):
        if q.rule in CONTINUATION_RULES:
            q.speaker = _latest_mention(doc, text, last_speaker, q.start)
        elif q.speaker:
            last_speaker = q.speaker


def merge_konjunktiv_runs(doc: Doc, quotations: list[Quotation], sentences: list[Span]) -> list[Quotation]:
    """Konjunktiv sentences that follow one another in a paragraph, none with a frame of its own,
    are one paraphrase: the WikiNews annotators mark such a run as one indirect_free_indirect
    quotation (a one-off count on train: 48 of 48 such neighbours lay in one gold quotation)."""
    merged: list[Quotation] = []
    run: Quotation | None = None  # the run being extended
    run_end = -1  # sentence index of the last sentence in the current run
    text = doc_text(doc)
    for q in sorted(quotations, key=lambda q: q.start):
        if (q.rule == "konjunktiv" and run is not None and "\n" not in text[run.quote[-1][1]:q.start]
                and all(_in_mood(sentences[k]) for k in range(run_end + 1, q.sentence_index))):
            run.quote = [[run.start, max(e for _, e in q.quote)]]
            run_end = q.sentence_index
            continue
        merged.append(q)
        if q.rule == "konjunktiv":
            run, run_end = q, q.sentence_index
        elif q.type != "direct" or q.cue:  # a quoted phrase inside the run does not end it
            run = None
    return merged


def _in_mood(sent: Span) -> bool:
    """A sentence in the middle of a Konjunktiv run that no rule made a quotation of its own
    (typically one with a quoted phrase: 'Der Airbus sei erst „weit hinter …“ gebracht worden')."""
    return any(_konjunktiv_i(t) for t in sent)


WHOLE_SENTENCE_TYPES = {"reported", "free_indirect", "indirect_free_indirect"}


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
    """A quoted fragment inside some claim's speaker or cue ('laut „Euronews“', 'zitiert die
    „Computerwoche“') or naming its relay ('wird von der „Netzeitung“ zitiert') names a source;
    it is no quotation of its own."""
    roles = [span for q in quotations for span in q.speaker + q.cue]
    relays = [q.via for q in quotations if q.via]
    text = doc_text(doc)

    def inside_role(q: Quotation) -> bool:
        start, end = q.quote[0]
        inner = text[start + 1:end - 1].strip()  # without the quotation marks
        return any(s <= start and end <= e for s, e in roles) or any(inner and inner in relay for relay in relays)

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
            q.rule = NESTED_RULE


def container_of(q: Quotation, quotations: list[Quotation]) -> Quotation | None:
    """The first quotation in `quotations`, not a direct one, whose span holds `q`."""
    start, end = q.start, q.quote[-1][1]
    return next((c for c in quotations if c.type != "direct" and c.start <= start and end <= c.quote[-1][1]), None)


# --- direct quotes ----------------------------------------------------------------------

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


def _is_statement(span: Span, min_tokens: int) -> bool:
    words = [t for t in span if not t.is_punct]
    return len(words) >= min_tokens


def _looks_like_name(span: Span) -> bool:
    """'„Süddeutsche Zeitung“', '„Eagle“': titles and names in quotation marks are no quotes."""
    words = [t for t in span if t.is_alpha]
    if not words or any(t.is_lower for t in words):
        return False
    return len(words) > 1 or words[0].pos_ == "PROPN" or words[0].ent_type_ != ""


def attribute_direct(doc, span: Span, sentences, sent_index, previous: list[Quotation]) -> Quotation:
    first = sent_index[span[0].sent.start]
    last = sent_index[span[-1].sent.start]
    frame_tokens = [t for k in range(first, last + 1) for t in sentences[k] if not (span.start <= t.i < span.end)]
    cue = _find_cue(frame_tokens, span)
    rule = "direct+cue"
    if cue is None and first > 0:  # "Er sagte: „…“" over a sentence break
        prev = sentences[first - 1]
        if prev[-1].text == ":" or (len(prev) > 1 and prev[-2].text == ":"):
            frame_tokens = [t for t in prev if t.text != ":"]
            cue = _find_cue(frame_tokens)
            rule = "direct+colon"
    q = Quotation(type="direct", quote=[[span.start_char, span.end_char]], sentence_index=first, rule=rule)
    if cue is not None:
        _fill_from_cue(q, cue, frame_tokens, exclude=range(span.start, span.end))
        q.frame = _char_spans(_trim(frame_tokens))
        q.confidence = 0.9 if q.speaker else 0.7
    elif (source := source_phrase(span.sent, [t for t in frame_tokens if not t.is_space], previous)) and source.speaker:
        # "„…“, so die FIFA", "laut Polizei „…“": the source phrase names the speaker
        q.speaker, q.cue, q.cue_lemma, q.via = source.speaker, source.cue, source.cue_lemma, source.via
        q.frame, q.confidence, q.rule = _char_spans(_trim(frame_tokens)), 0.8, "direct+source"
    else:
        speaker = _speaker_in_frame(frame_tokens) or _frame_subject(frame_tokens)
        if speaker:
            q.speaker = _char_spans(speaker)
            q.frame = _char_spans(_trim(frame_tokens))
            q.confidence, q.rule = 0.7, "direct+frame"
        elif last + 1 < len(sentences) and (following := _frame_after(sentences[last + 1])):
            # "„…“ Das sagte Steinbrück am Montag.": the frame follows in a sentence of its own
            cue, frame_tokens = following
            _fill_from_cue(q, cue, frame_tokens, exclude=range(span.start, span.end))
            q.frame = _char_spans(_trim(frame_tokens))
            q.confidence, q.rule = 0.7, "direct+next-frame"
        else:  # the speaker is filled in by fill_continuations
            q.confidence, q.rule = 0.55, "direct+continuation"
    return q


def _frame_subject(frame: list[Token]) -> list[Token]:
    """'Der Randalierer rief „…“', 'Eine Organisation feierte die Absage als „…“': the subject of a
    finite verb of the frame, for frames whose verb is not in the cue lexicon."""
    inside = {t.i for t in frame}
    subjects = [_subject_of(verb) for verb in frame if is_finite_verb(verb)]
    # a mis-tagged verb ("rief" as ADJ) still has its subject attached
    subjects += [_noun_phrase(t) for t in frame if is_subject(t) and t.pos_ in {"NOUN", "PROPN", "PRON"}]
    for subject in subjects:
        subject = [t for t in subject if t.i in inside]
        if subject and not _is_expletive(subject) and not _is_demonstrative(subject) \
                and any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in subject):
            return subject
    return []


def _frame_after(sent: Span) -> tuple[Token, list[Token]] | None:
    """A short following sentence that only frames the quote: 'So äußerte sich X.', 'Das sagte X.'"""
    tokens = [t for t in sent if not t.is_space]
    if not tokens or len(tokens) > 15 or any(t.text in QUOTE_PAIRS for t in tokens):
        return None
    cue = _find_cue(tokens)
    if cue is None or tokens[0].lower_ not in {"so", "das", "dies", "dieses", "diese", "damit", "mit", "dazu"}:
        return None
    return cue, tokens


# --- sentence-level patterns ------------------------------------------------------------

def attribute_sentence(sent: Span, index: int, previous: list[Quotation], direct: list[Span],
                       fragments: list[Span], claimed: bool, covered: int) -> list[Quotation]:
    tokens = [t for t in sent if not t.is_space]
    if not tokens or _mostly_inside(tokens, direct):
        return []
    in_direct = {t.i for span in direct for t in span}
    free = [t for t in tokens if t.i not in in_direct]
    # a sentence whose direct quote has its frame is done, unless it has a cue of its own or the
    # quote is a phrase inside a longer paraphrase ("…, sei „mit Vorsicht zu genießen“, da …, so die FIFA")
    if claimed and not any(t.i not in in_direct and lexicon_cue(t) for t in free) and 2 * len(free) < len(tokens):
        return []
    for pattern in (indirect_with_cue, source_phrase, reported_speech, konjunktiv_continuation, hearsay):
        q = pattern(sent, tokens, previous)
        if q is not None and not claimed and _konjunktiv_frame(q, tokens) and _follows_quotation(sent, previous):
            # "Man gehe davon aus, dass …" after reported speech: the frame itself is reported, so
            # the whole sentence continues the paraphrase before it
            q = konjunktiv_continuation(sent, tokens, previous) or q
        if q is not None:
            # a claimed sentence keeps its Konjunktiv: "Der Airbus sei erst „weit hinter …“ gelandet"
            if claimed and q.type in ("reported", "indirect_free_indirect", "free_indirect") and q.rule != "konjunktiv":
                return []
            q.sentence_index = index
            if covered and _same_as_direct(q, previous):
                return []
            second = coordinated_statement(sent, tokens, q, previous) if q.rule == "indirect+cue" else None
            return [q, second] if second is not None else [q]
    return []


def coordinated_statement(sent: Span, tokens: list[Token], first: Quotation, previous) -> Quotation | None:
    """'X hat anerkannt, dass …, und sagte, seine Soldaten hätten …': a second speech verb in a
    coordinated clause after the first quotation introduces a second one, by the same speaker."""
    end = first.quote[-1][1]
    rest = [t for t in tokens if t.idx >= end]
    start = next((k for k in range(len(rest) - 1) if rest[k].lower_ == "und" and lexicon_cue(rest[k + 1]) in
                  lexicon.SPEECH_VERBS and is_finite_verb(rest[k + 1])), None)
    if start is None:
        return None
    q = indirect_with_cue(sent, rest[start:], previous)
    if q is None or q.rule != "indirect+cue":
        return None
    if not q.speaker:
        q.speaker = first.speaker
    q.sentence_index = first.sentence_index
    return q


def _konjunktiv_frame(q: Quotation, tokens: list[Token]) -> bool:
    """An indirect quotation whose frame verb is in Konjunktiv I ('Man gehe davon aus, dass …')."""
    if q.rule not in {"indirect+cue", "indirect+dass"}:
        return False
    frame_verb = next((t for t in tokens if t.idx < q.start and is_finite_verb(t)), None)
    # only unambiguous forms: "gestanden" may be tagged Konjunktiv
    return (frame_verb is not None and _konjunktiv_i(frame_verb)
            and (frame_verb.lower_ in {"sei", "seien"} or frame_verb.lower_.endswith("e")))


ANAPHORS = {"dies", "das", "dieses"}


MAX_ANAPHORIC_FRAME = 24  # tokens


def anaphoric_frame(sent: Span, before: Span, before_index: int, previous: list[Quotation]) -> list[Quotation]:
    """'… . Dies bestätigte Kim Jong Un.': a short frame whose content is the sentence before."""
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) < 3 or len(tokens) > MAX_ANAPHORIC_FRAME or tokens[0].lower_ not in ANAPHORS:
        return []
    cue = tokens[1] if lexicon_cue(tokens[1]) in lexicon.SPEECH_VERBS else None
    if cue is None or any(_inside(before, q.quote) for q in previous):
        return []
    content = [t for t in before if not t.is_space]
    if len(content) < 4 or any(t.text in QUOTE_PAIRS for t in content):
        return []
    frame = [t for t in tokens if not _is_final_punct(t)]
    # "Das berichtet die Nachrichtenagentur Kyodo …": the noun phrase right after the verb speaks
    # ("Das erklärte gestern ein Sprecher", "Dies geht aus einer Pressemitteilung … hervor")
    after = next((k for k in range(2, len(tokens)) if tokens[k].pos_ not in {"ADV", "ADP"}), len(tokens))
    speaker = (_np_after(tokens, after) or _entity_after(cue, frame)
               or _with_entities([t for t in _subject_of(cue) if t.lower_ not in ANAPHORS]))
    if not speaker:
        return []
    q = Quotation(type="indirect", quote=_char_spans(_strip_end(content, keep_final=True)), speaker=_char_spans(speaker),
                  cue=_char_spans(_cue_tokens(cue)), cue_lemma=lexicon_cue(cue), frame=_char_spans(frame),
                  sentence_index=before_index, rule="indirect+anaphor", confidence=0.7)
    return [q]


def indirect_with_cue(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'X sagte, (dass) Y' and 'Y, sagte X' with a speech verb."""
    for cue in (t for t in tokens if lexicon_cue(t) in lexicon.SPEECH_VERBS):
        content = _complement_after(cue, tokens) or _complement_before(cue, tokens)
        if content is None:
            continue
        frame = [t for t in tokens if t not in content and not _is_final_punct(t)]
        q = Quotation(type="indirect", quote=_char_spans(content), rule="indirect+cue")
        _fill_from_cue(q, cue, frame, exclude={t.i for t in content})
        q.frame = _char_spans(frame)
        q.confidence = 0.8 if q.speaker else 0.6
        return q
    return noun_cue(tokens) or dass_clause(tokens)


def dass_clause(tokens: list[Token]) -> Quotation | None:
    """'Die Experten kamen zu dem Ergebnis, dass …', 'Im Mai wurde bekannt, dass …': a dass-clause
    under a verb outside the lexicon. Over-generates on purpose: the scorer (pipeline/score.py)
    learns from the governing verb's lemma which of these are quotations."""
    for k in range(1, len(tokens) - 3):
        if tokens[k].lower_ not in {"dass", "daß"} or tokens[k - 1].text != ",":
            continue
        if k >= 2 and tokens[k - 2].lower_ in {"so", "ohne", "als", "statt", "anstatt"}:
            continue
        verb = _governing_verb(tokens[:k - 1])
        content = _strip_end(tokens[k:])
        if verb is None or len(content) < 4:
            continue
        frame = [t for t in tokens[:k] if not _is_final_punct(t)]
        q = Quotation(type="indirect", quote=_char_spans(content), rule="indirect+dass")
        _fill_from_cue(q, verb, frame, exclude={t.i for t in content})
        q.cue_lemma = verb_lemma(verb)
        q.frame = _char_spans(frame)
        q.confidence = 0.5
        return q
    return None


def _governing_verb(main_clause: list[Token]) -> Token | None:
    """The verb of the clause before the comma: its participle or infinitive if it has one,
    else its finite verb."""
    verbs = [t for t in main_clause if t.pos_ in {"VERB", "AUX"}]
    if not verbs:
        return None
    full = [t for t in verbs if t.pos_ == "VERB"]
    return (full or verbs)[-1]


def noun_cue(tokens: list[Token]) -> Quotation | None:
    """'die Forderung des CSU-Vorsitzenden, dass …', 'der Vorwurf, …': a speech-act noun with a clause."""
    for k, noun in enumerate(tokens):
        if noun.pos_ != "NOUN" or not any(noun.lower_.startswith(stem) for stem in lexicon.NOUN_CUES):
            continue
        comma = next((j for j in range(k + 1, min(k + 8, len(tokens))) if tokens[j].text == ","), None)
        if comma is None or comma + 1 >= len(tokens):
            continue
        content = _strip_end(tokens[comma + 1:])
        first_clause = _first_clause(content)
        # "die These vertreten, die Partei stagniere …": a Konjunktiv clause, like a dass-clause,
        # after a main clause ("sobald er sich der Meinung … anschließe, …" is no frame)
        clause_opener = next((t for t in reversed(tokens[:k]) if t.text == "," or t.pos_ == "SCONJ"
                              or t.lower_ in ADVERBIAL_CONJUNCTIONS), None)
        if content[0].lower_ not in {"dass", "daß", "ob"} and not _zu_infinitive(content) and (
                not any(_konjunktiv_i(t) for t in first_clause) or any(_konjunktiv_i(t) for t in tokens[:comma])
                or (clause_opener is not None and clause_opener.text != ",")):
            continue
        if len(content) < 4:
            continue
        holder = [t for t in tokens[k + 1:comma] if not t.is_punct]
        if not holder or not (holder[0].lower_ in GENITIVE_DETERMINERS | {"von", "vom"} or holder[0].pos_ == "PROPN"):
            # "hatte das Gericht eine Mahnung an die Politik ausgesprochen, …": the frame's subject holds it
            holder = _clause_subject(tokens[:comma], exclude=noun)
        q = Quotation(type="indirect", quote=_char_spans(content), cue=_char_spans([noun]), cue_lemma=noun.lemma_.lower(),
                      speaker=_char_spans(holder) if any(t.pos_ in {"NOUN", "PROPN"} for t in holder) else [],
                      frame=_char_spans(tokens[max(0, k - 1):comma + 1]), rule="indirect+noun", confidence=0.5)
        return q
    return None


def _first_clause(tokens: list[Token], min_length: int = 0) -> list[Token]:
    """The tokens before the first comma that has at least `min_length` tokens before it."""
    return tokens[:next((j for j, t in enumerate(tokens) if t.text == "," and j >= min_length), len(tokens))]


def _clause_subject(clause: list[Token], exclude: Token) -> list[Token]:
    """The subject of a clause's main verb or of its finite auxiliary (parsers attach it to either)."""
    verbs = [_governing_verb(clause)] + [t for t in clause if is_finite_verb(t)]
    for verb in verbs:
        subject = [t for t in _subject_of(verb) if t.i != exclude.i] if verb is not None else []
        if subject:
            return subject
    return []


def _complement_after(cue: Token, tokens: list[Token]) -> list[Token] | None:
    """Content after the comma that follows the cue: ', dass …', ', ob …' or a Konjunktiv clause."""
    # a separated particle closes the frame: "gab der Leiter, Andreas Huber, bekannt, dass …"
    particle = next((t for t in tokens if t.i > cue.i and _is_particle_of(t, cue)), None)
    frame_end = particle.i if particle is not None else cue.i
    positions = [k for k, t in enumerate(tokens) if t.i > frame_end and t.text in {",", ":"}]
    if not positions:
        return None
    k = positions[0]
    if len(positions) > 1 and _follows_noun(tokens[k - 1]) and _apposition(tokens[k + 1:positions[1]]):
        k = positions[1]  # "schrieb X in der „Correio da Manhã“, einem Boulevardblatt, die … sei …"
    between = tokens[tokens.index(cue) + 1:k]
    if any(is_finite_verb(t) for t in between):
        return None
    content = _without_relative_source(_content_end(_strip_end(tokens[k + 1:])))
    if len(content) < 3:
        return None
    if content[0].lower_ == "wie" and any(lexicon_cue(t) for t in content[:8]):
        return None  # "…, wie die Tagesschau berichtet": a source clause, not what was said
    if content[0].lower_ in ADVERBIAL_CONJUNCTIONS:
        return None  # "rief er an, um sein Abo zu kündigen": purpose, not content
    # the clause right after the comma must carry the verb: "kritisierte die USA, Japan und
    # Südkorea, die … führe" is an enumeration followed by a relative clause, not content
    first_clause = _first_clause(content)
    first_person = any(t.lower_ == "ich" for t in first_clause)
    if (content[0].lower_ in {"dass", "daß", "ob", "wie", "warum", "weshalb", "wann", "wo"}
            or tokens[k].text == ":"
            or any(is_konjunktiv(t) or _third_person_in_e(t, first_person) for t in first_clause
                   if t.pos_ in {"AUX", "VERB"} or t.lower_ in KONJUNKTIV_FORMS)
            or _zu_infinitive(content)
            or (lexicon_cue(cue) in lexicon.SAYING_VERBS and any(is_finite_verb(t) for t in first_clause[:8]))):
        return content
    return None


RELATIVE_SOURCES = [("wonach",), ("nach", "denen"), ("denen", "zufolge"), ("dem", "zufolge"), ("laut", "denen")]


def _without_relative_source(content: list[Token]) -> list[Token]:
    """'Berichte, wonach Zeugen …', 'Studien, nach denen …': the relative source words belong to
    the frame, the clause after them is the content."""
    words = tuple(t.lower_ for t in content[:2])
    for opener in RELATIVE_SOURCES:
        if words[:len(opener)] == opener:
            return content[len(opener):]
    return content


ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}
COMMENT_RELATIVES = {"wobei", "worauf", "woraufhin", "wodurch", "weshalb", "weswegen"}
OPENING_MARKS = set(QUOTE_PAIRS)


def _content_end(content: list[Token]) -> list[Token]:
    """Where a complement clause ends before the sentence does: before a clause commenting on the
    whole ('…, wobei diese Aufgabe … angesiedelt wurde'), a second main clause of the speaker
    ('… und kündigte an, …') or a direct quote ('…: „…“')."""
    quoted = False
    for j in range(1, len(content) - 2):
        word, following, after = content[j], content[j + 1], content[j + 2]
        quoted = _inside_quotation_marks(word, quoted)
        if quoted:
            continue
        if word.text == ":" and following.text in OPENING_MARKS:
            return _strip_end(content[:j])
        if (word.text == "," and following.lower_ in COMMENT_RELATIVES
                and not any(is_konjunktiv(t) and is_finite_verb(t) for t in content[j + 1:])):
            return _strip_end(content[:j])
        # "… und kündigte an": a finite verb right after "und", not an adjective before a noun
        if (word.lower_ == "und" and following.is_lower and is_finite_verb(following) and not is_konjunktiv(following)
                and after.pos_ not in {"NOUN", "PROPN", "ADJ"}):
            return _strip_end(content[:j])
    return content


def _inside_quotation_marks(token: Token, inside: bool) -> bool:
    """Whether the text after `token` is inside quotation marks, given whether it was before."""
    if token.text in {"„", "«", "‚"}:
        return True
    if token.text in {"“", "”", "\"", "»", "‘"}:
        return not inside  # closes „…“, or opens “…”
    return inside


def _follows_noun(token: Token) -> bool:
    """An apposition needs a noun (or a quoted name) before its comma."""
    return token.pos_ in {"NOUN", "PROPN"} or token.text in {"“", "”", "\"", "»", "«"}


def _apposition(segment: list[Token]) -> bool:
    """A short verbless noun phrase between commas that opens with an article ('einem
    Boulevardblatt'); not an enumeration ('Japan und Südkorea') nor a clause whose verb the
    tagger missed ('dies geschehe/DET in dem Versuch')."""
    return (0 < len(segment) <= MAX_APPOSITION_TOKENS and segment[0].lower_ in ARTICLES
            and any(t.pos_ in {"NOUN", "PROPN"} for t in segment)
            and all(t.pos_ in NP_POS or t.lower_ in NP_LINKS for t in segment))


def _outside_relative_clauses(tokens: list[Token]) -> list[Token]:
    """The tokens outside comma-delimited stretches that open with a relative pronoun ('…, der
    seit Jahren im Exil lebt, …', '…, in denen …'); a comma goes with the stretch after it."""
    out: list[Token] = []
    relative = False
    for k, t in enumerate(tokens):
        if t.text == ",":
            rest = tokens[k + 1:k + 3]
            first = rest[1] if len(rest) == 2 and rest[0].pos_ == "ADP" else rest[0] if rest else None
            relative = first is not None and first.pos_ == "PRON" and "Rel" in first.morph.get("PronType")
        if not relative:
            out.append(t)
    return out


def _third_person_in_e(token: Token, first_person: bool) -> bool:
    """'…, diese Sorte erspare …': a finite verb ending in -e (not the past '-te') in a clause
    without 'ich' is Konjunktiv I, whatever the morphologizer says (indicative third person ends in -t)."""
    past_form = token.lower_.endswith("te") and "Pres" not in token.morph.get("Tense")  # "sagte"
    return (is_finite_verb(token) and token.lower_.endswith("e") and token.lower_ not in KONJUNKTIV_II
            and not past_form and not first_person)


def _konjunktiv_i(token: Token) -> bool:
    """A finite verb in Konjunktiv I (the mood of reported speech), not Konjunktiv II."""
    return is_konjunktiv(token) and is_finite_verb(token) and token.lower_ not in KONJUNKTIV_II


def _zu_infinitive(content: list[Token]) -> bool:
    """'… bereit erklärt, auf das Amt zu verzichten': an infinitive clause with zu."""
    first_clause = _first_clause(content, min_length=2)
    return any(t.lower_ == "zu" and k + 1 < len(content) and content[k + 1].pos_ in {"VERB", "AUX"}
               for k, t in enumerate(content)) or any("zu" in t.lower_[2:-2] and is_infinitive(t)
                                                      for t in content[-2:] + first_clause[-3:])


def _complement_before(cue: Token, tokens: list[Token]) -> list[Token] | None:
    """'Y, sagte X.' / 'Y, so X.': the content precedes a comma right before the cue."""
    position = tokens.index(cue)
    k = position - 1
    if k >= 0 and tokens[k].lower_ == "so":
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    content = tokens[:k]
    # (a lowercase "noun" is a verb the tagger missed: "Die Strahlung betrage/NOUN …, erklärte TEPCO";
    # a verb only in a relative clause leaves a subject: "Thaksin Shinawatra, der … lebt, wandte sich …")
    main_parts = _outside_relative_clauses(content)
    if len(content) < 3 or not any(t.pos_ in {"VERB", "AUX"} or (t.pos_ == "NOUN" and t.is_lower) for t in main_parts):
        return None  # "Der CSU-Vorsitzende, Edmund Stoiber, warf …": a subject, not content
    if content[0].lower_ in ADVERBIAL_CONJUNCTIONS:
        return None  # "Da Krebsbehandlungen … verlaufen, rechnet Dittrich mit …": a fronted adverbial clause
    return content


# Conjunctions that open adverbial clauses (cause, time, concession, purpose): never what was said
ADVERBIAL_CONJUNCTIONS = {"da", "während", "nachdem", "weil", "als", "wenn", "obwohl", "bevor", "seit", "seitdem",
                          "sobald", "falls", "um", "indem", "damit"}


def source_phrase(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'Laut X …', 'Nach Angaben von X …', 'X zufolge …', 'wie X berichtete, …', 'Demnach …'."""
    lowered = [t.lower_ for t in tokens]
    is_konjunktiv_sentence = any(is_konjunktiv(t) and is_finite_verb(t) for t in tokens)
    for k, word in enumerate(lowered):
        cue_tokens, speaker = None, None
        if word in {"laut", "gemäß"} or (word == "nach" and _source_noun_follows(tokens, k)):
            # (a name the noun phrase stops inside runs to its end: "der Gesellschaft für bedrohte Völker")
            cue_tokens, speaker = [tokens[k]], _with_apposition(tokens, _with_entities(_np_after(tokens, k + 1)))
            if word == "laut" and not speaker:  # "rief laut „Lasst mich raus!“": loudly
                continue
            if k == 0:
                speaker = _prefield_rest(tokens, speaker)
        elif (word == "nach" and 0 < k <= 5 and any(lowered[k - 1].endswith(n) for n in lexicon.SOURCE_NOUNS)
              and _np_before(tokens, k) and _np_before(tokens, k)[0].i == tokens[0].i):
            # postposition opening the sentence: "Seiner Meinung nach …", "Angaben der Polizei nach"
            cue_tokens, speaker = [tokens[k]], _np_before(tokens, k)
        elif word == "so" and k > 1 and lowered[k - 1] == "," and _np_to_end(tokens, k + 1):
            cue_tokens, speaker = [tokens[k]], _np_to_end(tokens, k + 1)
        elif word == "zufolge" and k > 0:
            cue_tokens, speaker = [tokens[k]], _np_before(tokens, k)
        elif word == "wie" and k + 2 < len(tokens):
            verb = next((t for t in tokens[k + 1:k + 12] if lexicon_cue(t) in lexicon.WIE_VERBS), None)
            if verb is not None:
                cue_tokens, speaker = [tokens[k], verb], [t for t in tokens[k + 1:tokens.index(verb)] if not t.is_punct]
        elif word in lexicon.SOURCE_ADVERBS and (word == "demnach" or (word == "wonach" and k == 0)
                                                 or (word == "danach" and is_konjunktiv_sentence)):
            # "Demnach …": the adverb stands for the source (the dataset marks it as cue and speaker)
            cue_tokens, speaker = [tokens[k]], [tokens[k]]
        if cue_tokens is None:
            continue
        used = set(t.i for t in cue_tokens) | set(t.i for t in (speaker or []))
        lo = min(used)
        hi = max(used)
        # the phrase's extent: up to the following comma when it opens the sentence, and over an
        # insertion after it ("Nach Angaben eines Sprechers, der … angehört, wurde …")
        end_of_frame = hi
        if hi + 1 - tokens[0].i < len(tokens) and tokens[hi + 1 - tokens[0].i].text == "," and lo == tokens[0].i:
            end_of_frame = _insertion_end(tokens, hi + 1)
        content = [t for t in tokens if (t.i < lo or t.i > end_of_frame) and not _is_final_punct(t)]
        clause_start = _clause_start(tokens, lo)
        if clause_start > tokens[0].i:  # the subordinate clause ends at its verb-final comma
            clause_end = _clause_end(tokens, hi)
            content = [t for t in content if clause_start <= t.i < clause_end]
        content = _strip_edges(content)
        if len(content) < 3:
            continue
        if word == "wie" and any(lexicon_cue(t) and _subject_of(t) for t in content):
            continue  # "Kim beschuldigte die USA …, wie die Tagesschau berichtet": Kim speaks, via the Tagesschau
        frame = [t for t in tokens if lo <= t.i <= end_of_frame]
        q = Quotation(type="indirect", quote=_char_spans(content), cue=_char_spans(cue_tokens),
                      frame=_char_spans(frame), cue_lemma=" ".join(t.lower_ for t in cue_tokens),
                      rule=f"source:{word}", confidence=0.75)
        q.speaker = _char_spans(speaker or [])
        if not speaker:
            _continue_previous(q, previous)
        return q
    return None


MAX_APPOSITION_TOKENS = 10


def _clause_start(tokens: list[Token], k: int) -> int:
    """'Die Hunde trafen verspätet ein, da nach Angaben der Fluggesellschaft …': a source phrase
    inside a subordinate clause speaks for that clause only."""
    comma = next((t.i for t in reversed(tokens) if t.i < k and t.text == ","), None)
    if comma is None or comma + 1 >= k:
        return tokens[0].i
    doc = tokens[0].doc
    opener = doc[comma + 1]
    relative_after_preposition = opener.pos_ == "ADP" and comma + 2 < k and doc[comma + 2].lower_ in RELATIVE_PRONOUNS
    if opener.lower_ in CLAUSE_OPENERS or opener.pos_ == "SCONJ" or relative_after_preposition:
        return comma + 1
    return tokens[0].i


def _clause_end(tokens: list[Token], k: int) -> int:
    """Token id where a subordinate clause around position k ends: at the first comma after k
    that is followed by the main clause's finite verb ('…, auf dem sich … befunden haben sollen,
    ist gekentert'), else at the sentence end."""
    doc = tokens[0].doc
    for t in tokens:
        if t.i > k + 1 and t.text == "," and t.i < tokens[-1].i and is_finite_verb(doc[t.i + 1]):
            return t.i
    return tokens[-1].i + 1


MAX_INSERTION_TOKENS = 20


def _insertion_end(tokens: list[Token], comma: int) -> int:
    """The comma after a sentence-opening source phrase, or, when a relative clause or an
    apposition follows it ('…, der vom Sender befragt wurde, würde …'), the comma that closes
    that insertion: the one right before the main clause's finite verb (verb-second)."""
    doc = tokens[0].doc
    last = tokens[-1].i
    if comma + 1 <= last and is_finite_verb(doc[comma + 1]):
        return comma
    for j in range(comma + 2, min(last, comma + MAX_INSERTION_TOKENS + 1)):
        if doc[j].text == "," and j + 1 <= last and is_finite_verb(doc[j + 1]):
            return j
    return comma


CLAUSE_OPENERS = {"da", "weil", "dass", "wobei", "obwohl", "nachdem", "wenn", "als", "sodass", "die", "der", "das",
                  "dem", "den", "denen", "dessen", "deren", "welche", "welcher", "wo", "worauf", "womit", "woraufhin"}
RELATIVE_PRONOUNS = {"dem", "der", "den", "denen", "dessen", "deren", "welchem", "welcher", "welchen"}  # "auf dem …"
MAX_PREFIELD_REST = 12
PREFIELD_LOWER_POS = {"DET", "ADJ", "ADP", "CCONJ", "NUM", "PRON", "PUNCT"}  # lowercase words a source phrase may hold


def _prefield_rest(tokens: list[Token], phrase: list[Token]) -> list[Token]:
    """'Nach Angaben der Gesellschaft für Menschenrechte kommt es …': a source phrase that opens
    the sentence fills the whole prefield, so it runs up to the finite verb (German verb-second
    order), through what the noun phrase rules stop at: attributes ('für …', 'aus dem Jahr
    2005'), names in quotation marks, enumerations ('vieler Experten und Fans')."""
    if not phrase:
        return phrase
    k = phrase[-1].i - tokens[0].i + 1
    rest = []
    for t in tokens[k:k + MAX_PREFIELD_REST + 1]:
        if is_finite_verb(t):
            return phrase + rest
        if t.text in {",", ":", ";"} or _is_final_punct(t) or t.pos_ in {"VERB", "AUX", "SCONJ"}:
            return phrase
        if t.is_lower and t.pos_ not in PREFIELD_LOWER_POS:  # "… Shops misst/NOUN das Gerät": a missed verb
            return phrase
        if t.pos_ == "NUM" and t.i < tokens[-1].i and t.nbor().pos_ in {"NOUN", "ADJ"}:  # "… 7.000 Menschen"
            return phrase
        rest.append(t)
    return phrase


def _with_apposition(tokens: list[Token], phrase: list[Token]) -> list[Token]:
    """'nach Angaben von Kristján Loftsson, einem Manager der Firma, wurde …': a verbless noun
    phrase between commas right after the source phrase belongs to it."""
    if not phrase:
        return phrase
    k = phrase[-1].i - tokens[0].i + 1  # position after the phrase in `tokens`
    if k >= len(tokens) or tokens[k].text != ",":
        return phrase
    closing = next((j for j in range(k + 1, min(len(tokens), k + 2 + MAX_APPOSITION_TOKENS)) if tokens[j].text == ","), None)
    inner = tokens[k + 1:closing] if closing is not None else []
    if (len(inner) < 2 or inner[0].pos_ not in {"DET", "ADJ", "NOUN", "PROPN"}
            or any(t.pos_ not in NP_POS and t.lower_ not in NP_LINKS for t in inner)
            or not any(t.pos_ in {"NOUN", "PROPN"} for t in inner)):
        return phrase
    return phrase + [tokens[k]] + inner


def _source_noun_follows(tokens: list[Token], k: int) -> bool:
    """'nach Angaben …', 'nach ersten Informationen', 'nach einer norwegischen Studie'."""
    for n, t in enumerate(tokens[k + 1:k + 5]):
        if t.pos_ in {"NOUN", "PROPN"} or t.is_title:
            if n == 0 and t.lower_.endswith("s") and t.pos_ == "PROPN":  # "nach Grupps Meinung"
                continue
            return any(t.lower_.endswith(noun) for noun in lexicon.SOURCE_NOUNS)
    return False


def _np_to_end(tokens: list[Token], k: int) -> list[Token]:
    """'…, so der Sprecher.': a noun phrase that runs to the end of the sentence, with no verb."""
    rest = _strip_end(tokens[k:])
    if not rest or len(rest) > 12 or any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return []
    return rest if any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in rest) else []


def reported_speech(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'Kim kritisierte die Kooperation …': a speech-act verb with a subject and an object."""
    for cue in tokens:
        lemma = lexicon_cue(cue)
        if lemma not in lexicon.REPORTED_VERBS or (cue.pos_ not in {"VERB", "AUX"} and not _mistagged_verb(cue)):
            continue
        speaker = _passive_agent(cue, tokens) or _with_entities(_subject_of(cue))
        if _is_demonstrative(speaker) or not speaker:  # "Zusätzlich kritisierte Kim …" (a misparse)
            speaker = _entity_after(cue, tokens, within=3) or _proper_noun_after(cue, within=2) or speaker
        if not speaker:
            continue
        content = _strip_end(tokens)
        q = Quotation(type="reported", quote=_char_spans(content), speaker=_char_spans(speaker),
                      cue=_char_spans(_cue_tokens(cue)), cue_lemma=lemma, rule="reported", confidence=0.6)
        _fill_addressee(q, cue)
        q.via = _via([t for t in tokens if t.i != cue.i], speaker)
        return q
    return None


def konjunktiv_continuation(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """A Konjunktiv main clause without a frame continues the previous speaker."""
    if not previous or sent.start - _last_end_token(sent.doc, previous) > MAX_CONTINUATION_GAP:
        return None
    # the main clause's finite verb: the first finite verb before any subordinate-clause comma
    main_clause = _first_clause(tokens, min_length=3)
    finite = [t for t in main_clause if is_finite_verb(t) or t.lower_ in KONJUNKTIV_FORMS]
    subjunctive = [t for t in finite[:2] if is_konjunktiv(t)]
    if not subjunctive:
        return None
    # Konjunktiv II ("hätte", "würde", "wäre") is also the mood of hypotheticals: it continues
    # reported speech only right after another quotation
    if all(t.lower_ in KONJUNKTIV_II for t in subjunctive) and not _follows_quotation(sent, previous):
        return None
    q = Quotation(type="indirect_free_indirect", quote=_char_spans(_strip_end(tokens, keep_final=True)),
                  rule="konjunktiv", confidence=0.5)
    _continue_previous(q, previous)  # provisional: a direct quote nested in it shares this speaker
    return q


KONJUNKTIV_II = {"hätte", "hätten", "würde", "würden", "wäre", "wären", "könnte", "könnten", "müsste", "müssten",
                 "dürfte", "dürften", "sollte", "sollten", "wollte", "wollten", "gäbe", "käme", "kämen"}


def _follows_quotation(sent: Span, previous: list[Quotation]) -> bool:
    """True if a quotation ends in the sentence right before this one."""
    doc = sent.doc
    if sent.start == 0:
        return False
    before = doc[sent.start - 1].sent
    return any(before.start_char <= max(e for _, e in q.quote) <= sent.start_char + 1 for q in previous)


def hearsay(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'Ein vierter Mann soll den Irakern geholfen haben': hearsay modal without a frame."""
    modal = next((t for t in tokens if t.lower_ in lexicon.MODAL_HEARSAY and t.pos_ in {"AUX", "VERB"}), None)
    hearsay_adverb = any(t.lower_ in lexicon.HEARSAY_ADVERBS for t in tokens)
    # "soll … geholfen haben / verhaftet worden sein": modal + perfect infinitive is hearsay;
    # "soll … ausgebaut werden" is a plan, not a report
    perfect = modal is not None and any(t.i > modal.i and t.lower_ in {"haben", "sein"} for t in tokens)
    if not (perfect or (modal is not None and hearsay_adverb)):
        return None
    q = Quotation(type="free_indirect", quote=_char_spans(_strip_end(tokens, keep_final=True)),
                  rule="hearsay", confidence=0.4)
    _continue_previous(q, previous)  # provisional, as for Konjunktiv continuations
    return q


# --- cues, speakers, addressees -----------------------------------------------------------

def lexicon_cue(token: Token) -> str | None:
    """The lexicon lemma of a cue verb (with its separated particle), else None."""
    if token.pos_ not in {"VERB", "AUX"} and token.lower_ not in lexicon.SURFACE_CUES and not _mistagged_verb(token):
        return None
    lemmas = [lemma for lemma in (lemma_of(token.lower_), token.lemma_.lower()) if lemma]
    particle = next((c.lower_ for c in token.children if c.lower_ in lexicon.PARTICLES and dep(c) in {"svp", "compound:prt"}), None)
    particle = particle or _clause_final_particle(token)
    candidates = [particle + lemma for lemma in lemmas] if particle else []
    candidates += lemmas + [_crude_lemma(token.lower_)]
    for cand in candidates:
        if cand in lexicon.SPEECH_VERBS or cand in lexicon.REPORTED_VERBS:
            return cand
    return None


def _mistagged_verb(token: Token) -> bool:
    """The root of its sentence, a lowercase form of a cue verb that the tagger took for an
    adverb or adjective ('Im September leugnete/ADV der russische Präsident …')."""
    return (token.pos_ in {"ADV", "ADJ"} and token.dep_ == "ROOT" and _is_cue_verb_form(token)
            and token.lower_ not in lexicon.NOT_VERB_FORMS)


def _is_cue_verb_form(token: Token) -> bool:
    """A lowercase form of a lexicon verb, whatever the tagger says it is."""
    return token.is_lower and lemma_of(token.lower_) is not None


def _is_particle_of(token: Token, verb: Token) -> bool:
    """Is the token the separated particle of this cue verb ('gab … bekannt')?"""
    if token.lower_ not in lexicon.PARTICLES:
        return False
    if token.head.i == verb.i and dep(token) in {"svp", "compound:prt"}:
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (following is None or following.is_punct) and lexicon_cue(verb) == token.lower_ + verb.lemma_.lower()


def _clause_final_particle(verb: Token) -> str | None:
    """'räumte zwar ein, …': a separated verb particle at the end of the verb's clause."""
    for t in verb.doc[verb.i + 1:verb.sent.end]:
        if t.is_punct or t.pos_ in {"VERB", "AUX"} or t.lower_ in {"dass", "und", "oder"}:
            previous = t.doc[t.i - 1]
            if previous.i > verb.i and previous.lower_ in lexicon.PARTICLES and previous.pos_ in {"ADP", "ADV", "PART", "ADJ"}:
                return previous.lower_
            return None
    return None


def _crude_lemma(word: str) -> str:
    for suffix, repl in (("ten", "en"), ("te", "en"), ("t", "en"), ("en", "en")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def _find_cue(tokens: list[Token], near: Span | None = None) -> Token | None:
    """A cue among the tokens: speech verbs before other speech-act verbs, nearest to the quote."""
    cues = [t for t in tokens if lexicon_cue(t)]
    if not cues:
        return None

    def distance(t: Token) -> int:
        return 0 if near is None else min(abs(t.i - near.start), abs(t.i - near.end))

    # "…“, sagte Kim, berichtete KCNA": a reporting verb names the intermediary, not the speaker
    return min(cues, key=lambda t: (lexicon_cue(t) not in lexicon.SPEECH_VERBS,
                                    lexicon_cue(t) in lexicon.RELAY_VERBS, distance(t)))


def _cue_tokens(cue: Token) -> list[Token]:
    """The cue verb with its separated particle and auxiliaries ('hatte … erklärt', 'gab … bekannt')."""
    particle = [c for c in cue.children if dep(c) in {"svp", "compound:prt"}]
    auxiliaries = [c for c in cue.children if dep(c) in {"aux", "aux:pass"} and c.lemma_ in {"haben", "sein", "werden"}]
    if dep(cue) == "oc" and cue.head.pos_ == "AUX":  # TIGER: the auxiliary heads the participle
        auxiliaries.append(cue.head)
    return sorted([cue] + particle + auxiliaries, key=lambda t: t.i)


def _fill_from_cue(q: Quotation, cue: Token, frame: list[Token], exclude) -> None:
    q.cue = _char_spans(_cue_tokens(cue))
    q.cue_lemma = lexicon_cue(cue)
    speaker = _passive_agent(cue, frame) or _with_entities([t for t in _subject_of(cue) if t.i not in exclude])
    if _is_demonstrative(speaker):  # "Dies bekräftigte Kim": the parser took the object for the subject
        speaker = _entity_after(cue, frame) or speaker
    if _is_expletive(speaker):  # "heißt es in dem Bericht": the document is the source
        speaker = _source_after_in(frame, exclude)
    if not speaker:
        speaker = _earlier_subject(cue, exclude)
    if not speaker:
        speaker = _speaker_in_frame([t for t in frame if t.i not in exclude], cue)
    if not speaker:
        speaker = _nominal_before(cue, [t for t in frame if t.i not in exclude])
    if not speaker:  # inverted order: "Weiterhin äußerte der nordkoreanische Staatschef, …"
        speaker = _nominal_after(cue, [t for t in frame if t.i not in exclude])
    q.speaker = _char_spans(speaker)
    _fill_addressee(q, cue)
    q.via = _via(frame, speaker)
    if q.cue_lemma == "zitieren" and (roles := _quoted_and_relay(cue, frame, exclude)):
        person, relay = roles
        q.speaker, q.via, q.addressee = _char_spans(person), _name_in(relay), []


def _quoted_and_relay(cue: Token, frame: list[Token], exclude) -> tuple[list[Token], list[Token]] | None:
    """'Die Rundschau zitiert einen Augenzeugen mit den Worten …' and 'Ratzmann wird von der
    „Netzeitung“ mit den Worten zitiert': the one quoted said it, the one quoting passed it on."""
    agent = _passive_agent(cue, frame)
    subject = [t for t in _subject_of(cue) if t.i not in exclude]
    if agent:
        return (_with_entities(subject), agent) if subject else None
    quoted = next((c for c in cue.children if dep(c) in ACCUSATIVE_DEPS and c.pos_ in {"NOUN", "PROPN"}
                   and c.i not in exclude), None)
    if quoted is None or not subject:
        return None
    return _with_entities(_noun_phrase(quoted)), _with_entities(subject)


def _name_in(tokens: list[Token]) -> str:
    """The organisation or person named in a phrase, else the phrase ('der „Netzeitung“')."""
    ent = next((e for e in tokens[0].doc.ents if e.label_ in {"ORG", "PER"} and e.start >= tokens[0].i
                and e.end <= tokens[-1].i + 1), None) if tokens else None
    return ent.text if ent is not None else tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text


def _subject_of(verb: Token) -> list[Token]:
    """The subject noun phrase of a verb; coordinated verbs borrow their head verb's subject."""
    for candidate in (verb, *_verb_heads(verb)):
        for child in candidate.children:
            if is_subject(child) and _can_be_speaker(child):
                return _noun_phrase(child)
    return []


def _can_be_speaker(token: Token) -> bool:
    """A subject head that can name a speaker: a nominal, not an adverbial the parser misread."""
    if token.pos_ not in {"NOUN", "PROPN", "PRON", "X"} or token.is_punct or token.lower_ in SENTENCE_ADVERBS:
        return False
    cases = token.morph.get("Case")
    return not cases or "Nom" in cases


def _with_entities(tokens: list[Token]) -> list[Token]:
    """Extend a speaker phrase to cover every named entity it touches ('Olaf' -> 'Olaf Scholz')."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    ids = {t.i for t in tokens}
    for t in tokens:  # walk each touched entity's IOB tags (no scan over all of doc.ents)
        if t.ent_iob_ in {"B", "I"}:
            start, end = t.i, t.i + 1
            while doc[start].ent_iob_ == "I" and start > 0:
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            ids.update(range(start, end))
    return [doc[i] for i in sorted(ids)]


MAX_SPEAKER_TOKENS = 20
MAX_TITLE_GAP = 3  # a title noun this close to a name heads the same phrase ("Präsident … Chirac")
SPEAKER_LEADERS = {"ADP", "ADV", "CCONJ", "PART", "PUNCT", "SPACE"}  # "nach Angaben …", "Einzig Sony"
SOURCE_WORDS = {"laut", "nach", "gemäß", "zufolge", "wie", "so"}
NOUN_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "X", "PUNCT", "ADP"}  # what may precede the head
APPOSITION_DEPS = {"appos", "app", "flat", "flat:name", "pnc"}


def _names_nobody(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    return len(words) == 1 and words[0].lower_ in lexicon.GENERIC_PRONOUNS


def full_mention(tokens: list[Token], outside: set[int] = frozenset()) -> list[Token]:
    """The whole noun phrase a speaker mention belongs to, as the WikiNews annotators mark it:
    'Jacques Chirac' -> 'Frankreichs Präsident Jacques Chirac', 'Günther Platter' ->
    'Günther Platter, der Verteidigungsminister Österreichs'; never the tokens in `outside`
    (the quotation). Pronouns stay as they are."""
    if not tokens:
        return tokens
    ids = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])
    if top.pos_ not in {"NOUN", "PROPN"}:
        return tokens
    phrase = _phrase_around(top, ids, outside)
    doc = tokens[0].doc
    start, end = min(ids), max(ids)
    while start - 1 in phrase and doc[start - 1].pos_ in NOUN_PHRASE_POS:
        start -= 1
    while end + 1 in phrase and doc[end + 1].pos_ not in {"VERB", "AUX"}:
        end += 1
    trimmed = _trim_speaker(doc, start, end)
    if trimmed is None or trimmed[1] - trimmed[0] + 1 > MAX_SPEAKER_TOKENS:
        return tokens
    return _with_entities(list(doc[trimmed[0]:trimmed[1] + 1]))


def _phrase_around(top: Token, ids: set[int], outside: set[int]) -> set[int]:
    """Token ids of the phrase: climb from the mention's head through nominal attachments to
    nouns on its left (a noun on the right that claims it is mostly a misparse: "Angaben der
    Junta zehn Personen"), add what stands before each noun on the way (articles, adjectives,
    titles) and a comma or bracket apposition after the last one."""
    path = [top]
    # the head may sit further left when the noun has its own premodifiers in between
    while (top.head.i < top.i and top.head.pos_ in {"NOUN", "PROPN"} and dep(top) in NOMINAL_ATTACHMENT_DEPS
           and top.head.i not in outside and top.i - top.head.i <= MAX_TITLE_GAP + len(list(top.lefts))):
        top = top.head
        path.append(top)
    phrase = ids | {t.i for t in path}
    for node in path:
        phrase |= {t.i for child in node.lefts for t in child.subtree}
    for child in top.rights:  # ", der Verteidigungsminister Österreichs", "(CDU)"
        opener = child.left_edge.i if child.left_edge.is_punct else child.left_edge.i - 1
        if dep(child) in APPOSITION_DEPS and opener >= 0 and child.doc[opener].text in {",", "("}:
            phrase |= {t.i for t in _noun_phrase(child)} | set(range(opener, child.i))
    return phrase - set(outside)


def _trim_speaker(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """No leading "nach", "Wie", "betonte", no trailing "weiter" or ":", and nothing glued to a
    person's name but an apposition or an attachment ("Präsident Putin Gerüchte" and "Kim
    Russland seiner Unterstützung" are misparses). None when no noun is left."""
    nominal = [k for k in range(start, end + 1) if doc[k].pos_ in {"NOUN", "PROPN"}]
    if not nominal:
        return None
    if doc[start].lower_ in ANAPHORS:  # "Das gab Minister Stolpe bekannt" parsed as one phrase
        verbs = [k for k in range(start, nominal[-1])
                 if doc[k].pos_ in {"VERB", "AUX"} or _is_cue_verb_form(doc[k])]  # "gab/ADJ"
        start = verbs[-1] + 1 if verbs else start
    while start < nominal[-1] and (doc[start].pos_ in SPEAKER_LEADERS | {"VERB", "AUX", "SCONJ"}
                                   or doc[start].lower_ in SOURCE_WORDS):  # "Laut" tagged as a noun
        start += 1
    names = [k for k in range(start, end + 1) if doc[k].ent_type_ == "PER"]
    if names and names[-1] < end:
        after = doc[names[-1] + 1]
        if not (after.is_punct or after.pos_ == "ADP" or after.ent_iob_ == "I"
                or (after.pos_ == "PROPN" and after.ent_iob_ != "B")):
            end = names[-1]
    while end > nominal[-1] and (doc[end].pos_ in {"ADV", "VERB", "AUX", "SCONJ", "CCONJ", "SPACE"}
                                 or doc[end].is_punct and doc[end].text not in {")", "“", "”", "»", "«"}):
        end -= 1
    return start, end


def _verb_heads(verb: Token):
    node = verb
    for _ in range(3):
        if dep(node) in {"conj", "cj", "cd"} or dep(node.head) in {"cd"}:
            node = node.head
            yield node
        elif node.head is not node and node.head.pos_ in {"AUX", "VERB"} and dep(node) in {"oc", "xcomp", "aux", "aux:pass"}:
            node = node.head
            yield node
        else:
            return


def _noun_phrase(head: Token) -> list[Token]:
    """The subtree of a noun, cut before relative clauses and trailing punctuation."""
    tokens = []
    subtree = list(head.subtree)
    breaks = [k for k, t in enumerate(subtree) if t.text in {"–", "—", ":"} and (t.i < head.i or _is_dateline(head))]
    if breaks:  # "TAIPEI, Taiwan – Nordkorea": a dateline is no part of the subject
        subtree = subtree[breaks[-1] + 1:]
    for t in subtree:
        if t.i > head.i and (t.pos_ in {"VERB", "AUX"} or t.lower_ in {"der", "die", "das", "welche"} and t.nbor(-1).text == ","):
            break
        tokens.append(t)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in {")", "“", "”"}:
        tokens.pop()
    return tokens


SPEAKER_ENTITY_TYPES = {"PER", "ORG", "LOC"}  # countries speak too ("Nordkorea sagte")


def _speaker_in_frame(frame: list[Token], cue: Token | None = None) -> list[Token]:
    """Fallback: the entity or personal pronoun nearest before the cue, else the first after it."""
    candidates = []
    for t in frame:
        if t.ent_type_ in SPEAKER_ENTITY_TYPES and t.ent_iob_ == "B" and not _is_dateline(t):
            candidates.append(list(next(e for e in t.doc.ents if e.start == t.i)))
        elif t.lower_ in {"er", "sie"} and t.pos_ == "PRON":
            candidates.append([t])
    if not candidates:
        return []
    if cue is None:
        return candidates[0]
    before = [c for c in candidates if c[-1].i < cue.i]
    return before[-1] if before else candidates[0]


def _is_dateline(token: Token, sent: Span | None = None) -> bool:
    """'TAIPEI, Taiwan –' / 'SEOUL:' at the start of an article line is a dateline, not a speaker.
    (`sent`: the token's sentence, where the caller knows it; `Token.sent` walks the document.)"""
    sent = sent if sent is not None else token.sent
    return token.i - sent.start <= 3 and any(t.text in {"–", "-", ":"} for t in sent[:6]) and (token.is_upper or token.i > sent.start)


# Capitalised at the start of a sentence, a small parser may take these for subjects.
SENTENCE_ADVERBS = {"weiterhin", "zudem", "außerdem", "zusätzlich", "dabei", "damit", "daher", "allerdings",
                    "jedoch", "inzwischen", "bereits", "gestern", "heute", "zuletzt", "später", "zuvor", "demnach",
                    "sinngemäß", "offiziell", "ebenso", "auch", "nun", "dennoch", "trotzdem", "schließlich"}
TIME_NOUNS = {"uhr", "jahr", "jahren", "tag", "tagen", "woche", "wochen", "monat", "monaten", "montag", "dienstag",
              "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "abend", "morgen", "mittag", "nacht"}


def _nominal_before(cue: Token, frame: list[Token]) -> list[Token]:
    """Last resort: the first nominative noun phrase of the cue's clause ('Die Kanadier hingegen sagen')."""
    clause = [t for t in frame if t.i < cue.i]
    for k in range(len(clause) - 1, -1, -1):  # only the clause right before the cue
        if clause[k].text in {",", ";", ":"}:
            clause = clause[k + 1:]
            break
    for k, t in enumerate(clause):
        if _nominative_noun(t) and not any(x.pos_ == "ADP" for x in clause[max(0, k - 3):k]):
            return _noun_phrase_at(clause, k)  # (a noun after a preposition is inside a PP: skipped)
    return []


def _nominative_noun(token: Token) -> bool:
    """A capitalised noun or name that is not marked as another case than the nominative."""
    if token.pos_ not in {"NOUN", "PROPN"} or not token.is_title or token.lower_ in TIME_NOUNS:
        return False
    cases = token.morph.get("Case")
    return not cases or "Nom" in cases


def _noun_phrase_at(tokens: list[Token], k: int) -> list[Token]:
    """The noun phrase around tokens[k]: its determiners/adjectives before, genitives after."""
    start = k
    while start > 0 and tokens[start - 1].pos_ in {"DET", "ADJ", "NUM"}:
        start -= 1
    return _with_entities(_np_after(tokens, start))


def _nominal_after(cue: Token, frame: list[Token]) -> list[Token]:
    """A nominative noun phrase directly after the cue verb (German verb-second inversion)."""
    following = [t for t in frame if cue.i < t.i <= cue.i + 6]
    for k, t in enumerate(following):
        if t.text in {",", ":"}:
            return []
        if t.pos_ in {"NOUN", "PROPN"} and t.is_title and t.lower_ not in TIME_NOUNS:
            return _noun_phrase_at(following, k) if _nominative_noun(t) or _not_oblique(following, k) else []
    return []


def _not_oblique(tokens: list[Token], k: int) -> bool:
    """Not marked dative or genitive: right after a speech verb the small backbone often tags the
    inverted subject ('gab Karsai an', 'teilte das Unternehmen mit') as an accusative object."""
    if {"Dat", "Gen"} & set(tokens[k].morph.get("Case")):
        return False
    return not any(t.lower_ in {"dem", "einem", "der", "einer", "des", "eines"} for t in tokens[max(0, k - 2):k])


def _passive_agent(cue: Token, frame: list[Token]) -> list[Token]:
    """'wurden von Bundesverkehrsminister Stolpe als unrealistisch bezeichnet': the von-agent speaks."""
    participle = "Part" in cue.morph.get("VerbForm") or not is_finite_verb(cue)
    if not participle or not any(t.lemma_ == "werden" and t.i < cue.i for t in cue.sent):
        return []
    for k, t in enumerate(frame):
        if t.lower_ in {"von", "vom"} and t.i < cue.i:
            np = _np_after(frame, k + 1)
            if np and any(x.pos_ in {"NOUN", "PROPN"} for x in np):
                return _with_entities(np)
    return []


def _is_expletive(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ == "es"


def _source_after_in(frame: list[Token], exclude) -> list[Token]:
    """'In der Pressemitteilung des WWF heißt es, …' -> 'der Pressemitteilung des WWF'."""
    for k, t in enumerate(frame):
        if t.lower_ in {"in", "im", "auf"} and t.i not in exclude:
            np = [x for x in _np_after(frame, k + 1) if x.i not in exclude]
            if np and any(x.pos_ in {"NOUN", "PROPN"} for x in np):
                return np
    return []


def _earlier_subject(cue: Token, exclude) -> list[Token]:
    """'X hat anerkannt, dass …, und sagte, …': a coordinated cue shares the sentence's first subject."""
    previous = cue.doc[cue.i - 1] if cue.i > cue.sent.start else None
    if previous is None or previous.lower_ not in {"und", "sowie", "aber"}:
        return []
    for t in cue.sent:
        if t.i >= cue.i:
            break
        if is_subject(t) and t.i not in exclude and t.pos_ in {"NOUN", "PROPN", "PRON"}:
            return _with_entities(_noun_phrase(t))
    return []


def _is_demonstrative(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ in {"dies", "das", "dieses", "diese", "es"}


def _proper_noun_after(cue: Token, within: int) -> list[Token]:
    """A name right after the verb that the NER missed: 'kritisierte Kim die …'."""
    for t in cue.doc[cue.i + 1:min(cue.i + 1 + within, cue.sent.end)]:
        if t.pos_ == "PROPN" and t.is_title:
            return [t]
    return []


def _entity_after(cue: Token, frame: list[Token], within: int = 100) -> list[Token]:
    for t in frame:
        if cue.i < t.i <= cue.i + within and t.ent_type_ in {"PER", "ORG"} and t.ent_iob_ == "B":
            return list(next(e for e in t.doc.ents if e.start == t.i))
    return []


def _fill_addressee(q: Quotation, cue: Token) -> None:
    """Who was spoken to: 'gegenüber dem „Tagesspiegel“', 'vor Journalisten', 'sagte zur
    Sportschau', 'appellierte an X', a dative object ('warf Ertel vor'), or the accusative
    object of verbs such as 'auffordern' or 'kritisieren'."""
    clause = list(cue.sent)
    speaker = {i for s, e in q.speaker for i in range(s, e)}
    lemma = q.cue_lemma or cue.lemma_.lower()
    for k, t in enumerate(clause):
        if abs(t.i - cue.i) > 12:
            continue
        np = []
        if t.lower_ == "gegenüber":
            np = _np_after(clause, k + 1)
        elif t.lower_ == "vor" and k + 1 < len(clause):
            np = _np_after(clause, k + 1)
            np = np if any(w.lower_.startswith(lexicon.AUDIENCE_NOUNS) for w in np) else []
        elif t.lower_ in lexicon.ADDRESSEE_PREPOSITIONS and lemma in lexicon.ADDRESSEE_PREPOSITIONS[t.lower_] and t.i > cue.i:
            np = _np_after(clause, k + 1)
        if np and np[0].idx not in speaker:
            q.addressee = _char_spans(np)
            return
    for child in cue.children:
        if child.idx in speaker or child.pos_ not in {"NOUN", "PROPN", "PRON"}:
            continue
        dative = dep(child) in DATIVE_DEPS and ("Dat" in child.morph.get("Case") or child.pos_ == "PROPN")
        addressed = dep(child) in ACCUSATIVE_DEPS and lemma in lexicon.ADDRESSEE_OBJECT_VERBS
        if dative or addressed:
            q.addressee = _char_spans(_noun_phrase(child))
            return


def _via(frame: list[Token], speaker: list[Token]) -> str | None:
    """'so berichtet Reuters', 'berichtete KCNA': an organisation that passed it on."""
    speaker_ids = {t.i for t in speaker}
    for t in frame:
        if lexicon_cue(t) in lexicon.VIA_VERBS:
            for other in frame:
                if other.ent_type_ == "ORG" and other.i not in speaker_ids and other.ent_iob_ == "B":
                    ent = next(e for e in other.doc.ents if e.start == other.i)
                    return ent.text
    return None


NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"}
NP_LINKS = {"von", "vom", "des", "der", "dem", "den", "und", "sowie", "(", ")", "„", "“", "«", "»", "\"", "-"}


def _np_after(tokens: list[Token], k: int) -> list[Token]:
    """Noun phrase after 'laut'/'nach Angaben': determiners, adjectives, nouns and genitives."""
    out = []
    for t in tokens[k:]:
        if t.pos_ not in NP_POS and t.lower_ not in NP_LINKS and not (not out and t.lower_ in {"dessen", "deren"}):
            break
        if out and _starts_next_phrase(t, out):  # "laut Polizei zwei Tote", "nach Angaben der UN ein Ergebnis"
            break
        out.append(t)
    while out and out[-1].lower_ in NP_LINKS and out[-1].text not in {")", "“", "»", "«"}:
        out.pop()
    return out[:15]


GENITIVE_DETERMINERS = {"des", "der", "eines", "einer", "dieses", "dieser", "jenes", "jener", "seines", "seiner",
                        "ihres", "ihrer", "deren", "dessen", "unseres", "unserer", "eures", "eurer"}


def _starts_next_phrase(token: Token, before: list[Token]) -> bool:
    """After a noun, only a genitive or prepositional attribute continues a noun phrase; an
    article that is no genitive, a number or an adjective opens the clause's next phrase."""
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in before) or before[-1].pos_ not in {"NOUN", "PROPN", "X"}:
        return False
    if token.pos_ in {"DET", "PRON"}:
        return token.lower_ not in GENITIVE_DETERMINERS
    # "nach Angaben französischer Behörden": a genitive without article after a source noun
    genitive_adjective = token.lower_.endswith("er") and before[-1].lower_.endswith(lexicon.SOURCE_NOUNS)
    return token.pos_ == "NUM" or (token.pos_ == "ADJ" and token.is_lower and not genitive_adjective)


def _np_before(tokens: list[Token], k: int) -> list[Token]:
    out = []
    for t in reversed(tokens[:k]):
        if t.text in {",", ":", ";"} or t.pos_ in {"VERB", "AUX"}:
            break
        out.insert(0, t)
    return out[-8:]


def _continue_previous(q: Quotation, previous: list[Quotation]) -> None:
    """Give the quotation the speaker of the nearest earlier quotation that had one."""
    for prior in reversed(previous):
        if prior.speaker:
            q.speaker = [list(s) for s in prior.speaker]
            q.speaker_label = prior.speaker_label
            return


# --- small helpers ------------------------------------------------------------------------

def tokens_at(doc: Doc, spans: list[list[int]]) -> list[Token]:
    """The tokens covering character spans (the inverse of `_char_spans`)."""
    tokens = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens.extend(span if span is not None else ())
    return tokens


def _char_spans(tokens) -> list[list[int]]:
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


def _is_final_punct(token: Token) -> bool:
    return token.is_punct and token.text in {".", "!", "?", ":", ";"} and token.i == token.sent.end - 1 - _trailing_space(token.sent)


def _trailing_space(sent: Span) -> int:
    n = 0
    for t in reversed(sent):
        if not t.is_space:
            break
        n += 1
    return n


def _strip_end(tokens: list[Token], keep_final: bool = False) -> list[Token]:
    tokens = [t for t in tokens if not t.is_space]
    if not keep_final:
        while tokens and tokens[-1].is_punct and tokens[-1].text not in {"“", "”", "\"", "»", "«", ")"}:
            tokens = tokens[:-1]
    return tokens


def _strip_edges(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].is_punct and tokens[0].text in {",", ":", ";", "-", "–"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text in {",", ":", ";", "-", "–"}:
        tokens = tokens[:-1]
    return tokens


def _trim(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_space and not _is_final_punct(t)]


def _inside(sent: Span, spans: list[list[int]]) -> bool:
    return any(s < sent.end_char and e > sent.start_char for s, e in spans)


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


def _last_end_token(doc: Doc, previous: list[Quotation]) -> int:
    end_char = max(e for q in previous for _, e in q.quote)
    span = doc.char_span(end_char - 1, end_char, alignment_mode="expand")
    return span.end if span is not None else 0

