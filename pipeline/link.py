"""Stage 3b, speaker linking: choose each quotation's speaker among the noun phrases around it.

The attribution rules name one speaker per quotation from a few patterns (the cue's
subject, a source phrase, the previous quotation's speaker). Where the parse is wrong or
the speaker was introduced a sentence earlier, they pick the wrong phrase. This component
collects candidate mentions (nouns, names and personal pronouns in the quotation's
sentence, the two sentences before it and the one after it) and scores each with a
conditional logit model (a softmax over one quotation's candidates) learned from WikiNews
train (`training/train_linker.py`, weights in `models/speaker_linker/`): its position
relative to the quotation and the cue, its grammatical role and case, entity type,
preposition, whether the rules chose it, whether it names the previous or an earlier
quotation's speaker. The best candidate replaces the rules' choice when its probability is
higher by the margin chosen on train, and the speaker becomes its whole noun phrase
(`german.phrases.full_mention`). A direct quote nested in another quotation keeps that
quotation's speaker. Without a weights file the component changes nothing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import lexicon
from .attribution.cues import lexicon_cue, verb_chain
from .attribution.roles import spoken_by_no_one
from .german.labels import is_subject
from .german.labels import role as grammatical_role
from .german.phrases import capitalised_non_noun, full_mention, is_dateline, is_said_object, noun_phrase, with_entities
from .german.words import DATE_WORDS, PHRASE_FINAL_MARKS, PRONOUNS
from .guard import guarded
from .model_files import JsonWeights
from .quotation import (
    CONTINUATION_RULES,
    Quotation,
    Rule,
    char_spans,
    container_of,
    doc_text,
    get_quotations,
    set_quotations,
    tokens_at,
)

DEFAULT_WEIGHTS = "models/speaker_linker/weights.json"  # relative to the project root
SENTENCES_BEFORE = 2
SENTENCES_AFTER = 1
MAX_MENTION_TOKENS = 15
KNOWN_PREPOSITIONS = {"laut", "nach", "von", "vom", "gegenüber", "zufolge", "mit", "in", "im", "bei", "für", "an", "vor",
                      "aus", "über", "durch", "gegen", "zu", "zur", "zum", "auf"}


@Language.factory("claims_speaker_linker",
                  default_config={"weights": DEFAULT_WEIGHTS, "margin": None, "on_missing": "warn"})
def make_speaker_linker(nlp: Language, name: str, weights: str | None, margin: float | None, on_missing: str):
    """`margin`: how much more probable a candidate must be than the rules' speaker to replace
    it (None: the margin chosen on train, stored with the weights)."""
    linker = SpeakerLinker.from_config(weights, on_missing, name)
    if margin is not None:
        linker.margin = margin
    return guarded(linker)


@dataclass
class Candidate:
    """A mention that could be a quotation's speaker."""
    tokens: list[Token]
    head: Token
    chosen: bool  # overlaps the speaker the rules chose


class SpeakerLinker(JsonWeights):
    """Without weights (`weights = null`, or a missing file) the rules' speakers stay."""

    def __init__(self, weights: dict[str, float] | None, margin: float = 0.0, min_probability: float = 1.0,
                 status: str = "off"):
        self.weights = weights
        self.margin = margin
        self.min_probability = min_probability
        self.model_status = status

    def load(self, data: dict) -> None:
        self.weights, self.margin, self.min_probability = data["weights"], data["margin"], data["min_probability"]

    def dump(self) -> dict:
        return {"weights": self.weights, "margin": self.margin, "min_probability": self.min_probability}

    def probabilities(self, features: list[dict[str, float]]) -> list[float]:
        """Softmax over one quotation's candidates (the model is a conditional logit)."""
        weight = self.weights.get
        scores = [sum([weight(name, 0.0) * value for name, value in f.items()]) for f in features]
        top = max(scores, default=0.0)
        exps = [math.exp(z - top) for z in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def __call__(self, doc: Doc) -> Doc:
        if self.weights is None:
            return doc
        quotations = get_quotations(doc)
        for q, candidates, features in link_examples(doc, quotations, self.weights, own_choice_for_nested=False):
            container = _speaking_container(q, quotations)
            if container is not None:  # linked before it (document order)
                q.speaker = container.speaker
                continue
            if spoken_by_no_one(q, tokens_at(doc, q.cue)):
                continue  # "Dem Minister wurde vorgeworfen, …": no one named, no one guessed
            choice = choose(candidates, self.probabilities(features), self.margin, self.min_probability)
            if choice is not None:
                q.speaker = char_spans(full_mention(choice.tokens, {t.i for t in tokens_at(doc, q.statement)}))
        set_quotations(doc, quotations)
        return doc


def _speaking_container(q: Quotation, quotations: list[Quotation]) -> Quotation | None:
    """For a direct quote nested in another quotation: that quotation, whose speaker it keeps."""
    return container_of(q, quotations) if q.rule == Rule.DIRECT_NESTED else None


def choose(candidates: list[Candidate], probabilities: list[float], margin: float,
           min_probability: float) -> Candidate | None:
    """The candidate that replaces the rules' speaker, or None to keep it."""
    if not candidates:
        return None
    best = max(range(len(candidates)), key=lambda k: probabilities[k])
    if candidates[best].chosen:
        return None
    chosen = [p for c, p in zip(candidates, probabilities) if c.chosen]
    if chosen:
        return candidates[best] if probabilities[best] > max(chosen) + margin else None
    return candidates[best] if probabilities[best] >= min_probability else None


class DocIndex:
    """Per-document lookups computed once (a spaCy `Token.sent` walks the document each time)."""

    def __init__(self, doc: Doc, quotations: list[Quotation]):
        self.doc = doc
        self.text = doc_text(doc)
        self.sentences = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for k, sent in enumerate(self.sentences):
            self.sent_of[sent.start:sent.end] = [k] * len(sent)
        self.quoted = {t.i for q in quotations for t in tokens_at(doc, q.statement)}
        self.mentions: dict[tuple, Mention] = {}  # facts per candidate mention (see mention_facts)
        self.phrases: dict[int, tuple[set[int], list[Token]]] = {}  # head -> (noun phrase ids, mention)

    def sentence(self, token: Token) -> Span:
        return self.sentences[self.sent_of[token.i]]


def link_examples(doc: Doc, quotations: list[Quotation], known: dict | None = None,
                  own_choice_for_nested: bool = True):
    """(quotation, candidates, feature dicts) for every quotation, in document order.
    `known` (the weights) leaves out noun-lemma features never seen in training. Without
    `own_choice_for_nested`, a direct quote nested in another quotation gets no candidates
    (the component gives it its container's speaker; training learns from its own choice)."""
    index = DocIndex(doc, quotations)
    previous: list[Token] = []  # the speaker mention of the previous quotation
    earlier: set[str] = set()
    for q in sorted(quotations, key=lambda q: q.start):
        if not own_choice_for_nested and _speaking_container(q, quotations) is not None:
            yield q, [], []
        else:
            quote = tokens_at(doc, q.statement)
            candidates = find_candidates(index, q, quote) if quote else []
            context = QuoteContext(q, quote, verb_chain(tokens_at(doc, q.cue)), {t.i for t in tokens_at(doc, q.frame)},
                                   previous, set(earlier))
            features = [candidate_features(index, context, c, known) for c in candidates]
            add_rank_features(candidates, features, quote, index)
            yield q, candidates, features
        if q.speaker:
            previous = tokens_at(doc, q.speaker)
            earlier |= _name_words(previous)


def find_candidates(index: DocIndex, q: Quotation, quote_tokens: list[Token]) -> list[Candidate]:
    doc, quote = index.doc, {t.i for t in quote_tokens}
    speaker = {t.i for t in tokens_at(doc, q.speaker)}
    first, last = index.sent_of[min(quote)], index.sent_of[max(quote)]
    window = [t for s in index.sentences[max(0, first - SENTENCES_BEFORE):last + 1 + SENTENCES_AFTER] for t in s]
    quote_end = quote_tokens[-1].idx + len(quote_tokens[-1])
    paragraph_end = index.text.find("\n", quote_end)  # (-1: the quote's paragraph runs to the end)
    candidates = []
    for t in window:
        if t.i in quote or not _is_mention_head(t) or is_dateline(t, index.sentence(t)) or t.lower_ in DATE_WORDS:
            continue  # ("Anfang November", "Ende Januar" speak no more than "Montag")
        if 0 <= paragraph_end < t.idx:
            continue  # a frame after a quote stays in its paragraph: the next line is a headline or a new topic
        if t.i not in index.phrases:  # (the mention of a head, where no quotation cuts into it)
            index.phrases[t.i] = ({x.i for x in noun_phrase(t)}, _mention(t, set(), index))
        subtree, tokens = index.phrases[t.i]
        if subtree & quote:
            tokens = _mention(t, quote, index)
        candidates.append(Candidate(tokens, t, bool(speaker & {x.i for x in tokens})))
    if speaker and not any(c.chosen for c in candidates):  # the rules' speaker is always a candidate
        tokens = [doc[i] for i in sorted(speaker)]
        candidates.append(Candidate(tokens, tokens[-1], True))
    return candidates


def _is_mention_head(token: Token) -> bool:
    """A noun, name or personal pronoun that heads its mention (one candidate per named entity:
    its last token)."""
    if token.pos_ == "PRON":
        return token.lower_ in PRONOUNS
    if token.pos_ not in {"NOUN", "PROPN"} or not token.text[:1].isupper() or capitalised_non_noun(token):
        return False  # ("Ähnlich wie 2020 sprachen …": an adverb the tagger took for a noun)
    if is_said_object(token):
        return False  # ("Tiktok weist die Vorwürfe zurück")
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return following is None or following.ent_iob_ != "I"


def _mention(head: Token, quote: set[int], index: DocIndex) -> list[Token]:
    """The noun phrase around a head, outside the quotation, at most MAX_MENTION_TOKENS long,
    extended to the named entities it touches."""
    sentence = index.sent_of[head.i]
    phrase = [t for t in noun_phrase(head) if t.i not in quote and index.sent_of[t.i] == sentence]
    if not phrase or len(phrase) > MAX_MENTION_TOKENS or head not in phrase:
        phrase = [head]
    ids = {t.i for t in phrase}
    run = [t for t in phrase if all(i in ids for i in range(min(t.i, head.i), max(t.i, head.i) + 1))]
    while run[0].i != head.i and (run[0].is_punct or run[0].is_space):
        run.pop(0)
    while run[-1].i != head.i and (run[-1].is_punct or run[-1].is_space) and run[-1].text not in PHRASE_FINAL_MARKS:
        run.pop()
    return with_entities(run)


@dataclass
class QuoteContext:
    """What the features of all candidates of one quotation share."""
    q: Quotation
    quote: list[Token]
    cue: list[Token]
    frame: set[int]
    previous_speaker: list[Token]  # the previous quotation's speaker mention
    earlier_names: set[str]  # name words of every earlier quotation's speaker in the document
    previous_ids: set[int] = field(init=False)
    previous_names: set[str] = field(init=False)
    previous_lemmas: set[str] = field(init=False)

    def __post_init__(self):
        self.previous_ids = {t.i for t in self.previous_speaker}
        self.previous_names = _name_words(self.previous_speaker)
        self.previous_lemmas = {t.lemma_ for t in self.previous_speaker}


@dataclass
class Mention:
    """What a candidate mention is, whichever quotation it is scored for (computed once)."""
    ids: set[int]
    static: dict[str, float]  # features that do not depend on the quotation
    kinds: tuple[str, ...]  # role, part of speech, entity type: for conjunctions with the quotation
    names: set[str]
    lemma: str
    after_preposition: bool


def mention_facts(index: DocIndex, c: Candidate) -> Mention:
    key = (c.head.i, c.tokens[0].i, c.tokens[-1].i, len(c.tokens))
    if key not in index.mentions:
        index.mentions[key] = _mention_facts(index, c)
    return index.mentions[key]


def _mention_facts(index: DocIndex, c: Candidate) -> Mention:
    doc, head = index.doc, c.head
    start, end = c.tokens[0].i, c.tokens[-1].i
    previous = doc[start - 1] if start > 0 else None
    role, ent = grammatical_role(head), head.ent_type_ or "-"
    static = {
        f"role={role}": 1.0,
        f"case={'/'.join(head.morph.get('Case')) or '-'}": 1.0,
        f"pos={head.pos_}": 1.0,
        f"ent={ent}": 1.0,
        "sentence_start": float(c.tokens[0].is_sent_start or (previous is not None and previous.is_space)),
        "length": math.log(len(c.tokens)),
        "has_verb": float(any(t.pos_ in {"VERB", "AUX"} for t in c.tokens)),
        "lowercase_start": float(c.tokens[0].is_lower and c.tokens[0].pos_ != "DET"),
        "in_other_quotation": float(head.i in index.quoted),  # said, not saying
    }
    preposition = next((t for t in c.tokens if t.i < head.i and t.pos_ == "ADP"), None)
    if preposition is None and previous is not None and previous.pos_ == "ADP":
        preposition = previous
    if preposition is not None:
        word = preposition.lower_ if preposition.lower_ in KNOWN_PREPOSITIONS else "?"
        # "nach Angaben der Polizei" names a source, "nach Russland" a direction
        source = any(lexicon.is_source_noun(t.lower_) for t in c.tokens)
        static[f"prep={word}{'+source' if source else ''}"] = 1.0
    if end + 1 < len(doc) and doc[end + 1].lower_ == "zufolge":
        static["prep=zufolge"] = 1.0
    if head.pos_ == "PRON":
        static[f"pronoun={head.lower_}"] = 1.0
    if head.pos_ == "NOUN":
        static[f"noun={head.lemma_.lower()}"] = 1.0
        static[f"suffix={head.lemma_.lower()[-3:]}"] = 1.0  # "-er" people speak, "-ung" things rarely
    return Mention({t.i for t in c.tokens}, static, (f"role={role}", f"pos={head.pos_}", f"ent={ent}"),
                   _name_words(c.tokens), head.lemma_, preposition is not None)


def candidate_features(index: DocIndex, context: QuoteContext, c: Candidate,
                       known: dict | None = None) -> dict[str, float]:
    sent_of, q, quote = index.sent_of, context.q, context.quote
    head, mention = c.head, mention_facts(index, c)
    start, end = c.tokens[0].i, c.tokens[-1].i
    before = end < quote[0].i
    side = "before" if before else ("after" if start > quote[-1].i else "inside")
    gap = (sent_of[quote[0].i] - sent_of[head.i]) if before else (sent_of[head.i] - sent_of[quote[-1].i])
    position = f"{side}{min(max(gap, 0), 2)}"
    distance = math.log1p((quote[0].i - end) if before else max(0, start - quote[-1].i))
    group = "continuation" if q.rule in CONTINUATION_RULES else q.rule.split(":")[0]
    role, pos, ent = mention.kinds
    chosen = float(c.chosen)
    same_name = float(bool(context.previous_names & mention.names))
    f = {name: value for name, value in mention.static.items()
         if not name.startswith("noun=") or known is None or name in known}
    f.update({
        "bias": 1.0,
        "chosen": chosen,
        f"chosen|rule={q.rule}": chosen,
        f"chosen|{pos}": chosen,
        f"position={position}": 1.0,
        f"position={position}|{group}": 1.0,
        f"position={position}|type={q.type}": 1.0,
        "distance": distance,
        f"distance|{group}": distance,
        "in_frame": float(bool(context.frame & mention.ids)),
        f"{role}|{group}": 1.0,
        f"{ent}|{group}": 1.0,
        "previous_speaker": same_name,
        f"previous_speaker|{group}": same_name,
        f"previous_mention|{group}": float(bool(context.previous_ids & mention.ids)),
        f"earlier_speaker|{group}": float(bool(context.earlier_names & mention.names)),
        f"previous_head|{group}": float(mention.lemma in context.previous_lemmas),
        "mentions": math.log1p(index.text.count(head.text, 0, quote[0].idx)) if len(head.text) > 2 else 0.0,
        f"{role}|position={position}": 1.0,
        f"{role}|{pos}|position={position}": 1.0,
        f"{ent}|position={position}|{group}": 1.0,
    })
    if mention.after_preposition:
        f[f"prep|{group}"] = 1.0
    if context.cue:
        f.update(_cue_features(context.cue, c, group, sent_of))
    return f


def add_rank_features(candidates: list[Candidate], features: list[dict[str, float]], quote: list[Token],
                      index: DocIndex) -> None:
    """How many candidates of the same kind lie between a candidate and the quotation: the
    nearest subject before a quotation is a better bet than the third."""
    sides = {"before": [k for k, c in enumerate(candidates) if c.tokens[-1].i < quote[0].i],
             "after": [k for k, c in enumerate(candidates) if c.tokens[0].i > quote[-1].i]}
    for side, on_side in sides.items():
        on_side.sort(key=lambda k: features[k]["distance"])
        seen: dict[str, int] = {}
        for k in on_side:
            role, pos, _ = mention_facts(index, candidates[k]).kinds
            for kind in ("any", role, pos):
                rank = seen.get(kind, 0)
                features[k][f"rank|{side}|{kind}={min(rank, 3)}"] = 1.0
                seen[kind] = rank + 1


def _cue_features(cue: list[Token], c: Candidate, group: str, sent_of: list[int]) -> dict[str, float]:
    verbs = [t for t in cue if t.pos_ in {"VERB", "AUX"}] or cue
    head = c.head
    near = min(abs(head.i - t.i) for t in cue)
    same_sentence = sent_of[head.i] == sent_of[cue[0].i]
    first, last = c.tokens[0], c.tokens[-1]
    between = head.doc[min(last.i, cue[0].i) + 1:max(first.i, cue[-1].i)] if same_sentence else []
    commas = sum(1 for t in between if t.text in {",", "–", "(", ")"})
    return {
        f"commas_to_cue={min(commas, 2)}" if same_sentence else "commas_to_cue=-": 1.0,
        f"commas_to_cue={min(commas, 2)}|{group}" if same_sentence else f"commas_to_cue=-|{group}": 1.0,
        "right_after_cue": float(same_sentence and first.i == cue[-1].i + 1),
        f"right_after_cue|pos={head.pos_}": float(same_sentence and first.i == cue[-1].i + 1),
        "subject_of_cue": float(is_subject(head) and head.head in verbs),
        f"subject_of_cue|{group}": float(is_subject(head) and head.head in verbs),
        "child_of_cue": float(head.head in verbs),
        "cue_distance": math.log1p(near) if same_sentence else 0.0,
        "before_cue": float(same_sentence and head.i < cue[0].i),
        "cue_other_sentence": float(not same_sentence),
        "subject_of_speech_verb": float(is_subject(head) and lexicon_cue(head.head) is not None),
    }


def _name_words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in {"PER", "ORG"}}
