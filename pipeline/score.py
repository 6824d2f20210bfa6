"""Stage 3c, scoring: how likely each found quotation is one a careful annotator would mark.

The attribution rules over-generate: titles in quotation marks, speech-act verbs the
WikiNews annotators leave out, Konjunktiv sentences that are the author's own. A logistic
regression learned from WikiNews train (`training/train_scorer.py`, weights in
`models/claim_scorer/`) scores every quotation from plain features: the rule that found it,
its cue lemma, quote type, length and mood, the speaker's kind, nesting, position, and
whether the trained quote tagger (pipeline/tagger.py) also sees a quotation there. The
probability becomes the claim's `confidence`; quotations below the threshold chosen on
train are dropped, except quoted statements and reported speech by a named person or
organisation, which users want whatever the benchmark says. Without a
weights file the component keeps every quotation and the rules' own confidences.
"""
from __future__ import annotations

import math

from spacy.language import Language
from spacy.tokens import Doc

from .german.mood import is_finite_verb, is_konjunktiv
from .german.words import FIRST_PERSON
from .guard import guarded
from .model_files import JsonWeights
from .quotation import Quotation, doc_text, get_quotations, set_quotations, statement_extent, tokens_at
from .tagger import SPANS_KEY as TAGGER_KEY

DEFAULT_WEIGHTS = "models/claim_scorer/weights.json"  # relative to the project root
UNKNOWN_CUE = "cue=?"
DIRECT_STATEMENT_CHARS = 40  # a quoted statement, not a quoted phrase
NAMED_SPEAKERS = {"PER", "ORG"}  # speaker labels set by pipeline/resolve.py
CONTENT_POS = {"NOUN", "PROPN", "NUM"}  # a reported claim's content names something


@Language.factory("claims_scorer", default_config={"weights": DEFAULT_WEIGHTS, "threshold": None, "on_missing": "warn"})
def make_scorer(nlp: Language, name: str, weights: str | None, threshold: float | None, on_missing: str):
    """`threshold`: the probability below which a quotation is dropped (None: the threshold
    chosen on train, stored with the weights)."""
    scorer = QuotationScorer.from_config(weights, on_missing, name)
    if threshold is not None:
        scorer.threshold = threshold
    return guarded(scorer)


class QuotationScorer(JsonWeights):
    """Without weights (`weights = null`, or a missing file) every quotation is kept."""

    def __init__(self, weights: dict[str, float] | None, threshold: float = 0.0, direct_threshold: float = 0.0,
                 status: str = "off", reported_threshold: float | None = None):
        self.weights = weights
        self.threshold = threshold
        self.direct_threshold = direct_threshold
        self.reported_threshold = threshold if reported_threshold is None else reported_threshold
        self.model_status = status

    def load(self, data: dict) -> None:
        self.weights, self.threshold, self.direct_threshold = data["weights"], data["threshold"], data["direct_threshold"]
        self.reported_threshold = data.get("reported_threshold", self.threshold)

    def dump(self) -> dict:
        return {"weights": self.weights, "threshold": self.threshold, "direct_threshold": self.direct_threshold,
                "reported_threshold": self.reported_threshold}

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def __call__(self, doc: Doc) -> Doc:
        if self.weights is None:
            return doc
        quotations = get_quotations(doc)
        kept = []
        for q, features in zip(quotations, featurize(doc, quotations, self.weights)):
            q.confidence = round(self.probability(features), 3)
            if q.confidence >= threshold_for(q, self.threshold, self.direct_threshold, self.reported_threshold) \
                    or always_keep(q, doc):
                kept.append(q)
        set_quotations(doc, kept)
        return doc


def always_keep(q: Quotation, doc: Doc | None = None) -> bool:
    """Quoted statements are never dropped (direct speech is what users check first), only
    quoted phrases may be; nor is reported speech by a named person or organisation ("Kim
    kritisierte …", "Trump hat über Bodeneinsätze gesprochen"), which the WikiNews annotators
    mark for some verbs only; without a name it is mostly a passive ("wurden … verurteilt")
    or a crowd ("Menschen forderten …"), and the scorer decides. So it does where the reported
    content (read in `doc`) names nothing: "Dies bestätigte Key", "lehnte sie folglich ab"."""
    if q.type == "direct":
        return len(q.quote) > 1 or sum(e - s for s, e in q.quote) >= DIRECT_STATEMENT_CHARS
    return (q.type == "reported" and q.speaker_label in NAMED_SPEAKERS
            and (doc is None or any(t.pos_ in CONTENT_POS for t in tokens_at(doc, q.quote))))


def threshold_for(q: Quotation, threshold: float, direct_threshold: float, reported_threshold: float | None = None) -> float:
    """Quoted phrases have their own, lower threshold (chosen to keep direct-quote recall), and
    so has reported speech: its features are weaker, so one threshold for all would drop most of it."""
    if q.type == "direct":
        return direct_threshold
    if q.type == "reported" and reported_threshold is not None:
        return reported_threshold
    return threshold


def featurize(doc: Doc, quotations: list[Quotation], known: dict | None = None) -> list[dict[str, float]]:
    """One sparse feature dict per quotation. `known` (the weights) maps rare cue lemmas to
    one shared feature, as in training."""
    out = []
    sentences = list(doc.sents)
    lead_end = sentences[1].start_char if len(sentences) > 1 else len(doc_text(doc))
    tagged = [(span.start_char, span.end_char, span.label_.lower()) for span in doc.spans.get(TAGGER_KEY, [])]
    for q in quotations:
        tokens = tokens_at(doc, q.statement)
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        n = max(1, len(words))
        cue = f"cue={q.cue_lemma}" if q.cue_lemma else "cue=-"
        if known is not None and cue not in known:
            cue = UNKNOWN_CUE
        f = {
            "bias": 1.0,
            f"rule={q.rule}": 1.0,
            f"type={q.type}": 1.0,
            f"len|rule={q.rule}": math.log(n),
            cue: 1.0,
            f"speaker={q.speaker_label or ('-' if not q.speaker else 'other')}": 1.0,
            "short": float(n < 6),
            "konjunktiv": float(any(is_konjunktiv(t) and is_finite_verb(t) for t in tokens)),
            "finite_verb": float(any(is_finite_verb(t) for t in tokens)),
            "first_person": float(any(t.lower_ in FIRST_PERSON for t in tokens)),
            "question": float(any(t.text == "?" for t in tokens)),
            "capitalised": float(bool(words) and words[0].text[:1].isupper()),
            "title_like": float(_title_like(words)),
            "lead_sentence": float(q.statement[0][0] < lead_end),
            "via": float(bool(q.via)),
            "addressee": float(bool(q.addressee)),
            "has_cue": float(bool(q.cue)),
            "frame_len": math.log1p(sum(e - s for s, e in q.frame) / 6) if q.type != "reported" else 0.0,
            "nested": float(any(_contains(other, q) for other in quotations if other is not q)),
            "contains": float(any(_contains(q, other) for other in quotations if other is not q)),
            "same_sentence": math.log1p(sum(1 for o in quotations if o is not q and o.sentence_index == q.sentence_index)),
            "tagged": _tagged_share(q, tagged),
            "tagged_same_type": _tagged_share(q, [t for t in tagged if t[2] == q.type]),
        }
        out.append(f)
    return out


def _title_like(words: list) -> bool:
    """'„Stunde der Reichsregierung“', '„BILD am Sonntag“': a short verbless phrase whose first and
    last words are capitalised reads as a title or name, not as words someone said."""
    return (0 < len(words) <= 6 and words[0].text[:1].isupper() and words[-1].text[:1].isupper()
            and not any(t.pos_ in {"VERB", "AUX"} for t in words))


def _tagged_share(q: Quotation, tagged: list[tuple[int, int, str]]) -> float:
    """Share of the quotation's characters inside spans of the quote tagger."""
    size = sum(e - s for s, e in q.statement)
    inside = sum(max(0, min(e, te) - max(s, ts)) for s, e in q.statement for ts, te, _ in tagged)
    return min(1.0, inside / size) if size else 0.0


def _contains(outer: Quotation, inner: Quotation) -> bool:
    (os_, oe), (is_, ie) = statement_extent(outer), statement_extent(inner)
    return os_ <= is_ and ie <= oe and (oe - os_) > (ie - is_)
