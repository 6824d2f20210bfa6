"""Stage 4, speakers: a canonical name per quotation.

Within one article:
- name variants are merged ("Kim", "Kim Jong-un", "Kim Jong Un" -> one cluster); the
  canonical form is the longest full name, preferring the spelling with separate words;
- a speaker mention that contains a named person/organisation takes that entity's cluster;
- pronouns ("Er", "sie") take the most recent person speaker (or person entity) before them;
- role nouns ("der nordkoreanische Staatschef") take the entity that the article introduced
  with the same role word ("Staatschef Kim Jong Un", "Der Führer Nordkoreas, Kim Jong-un"),
  else the most recent person speaker.
"""
from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .german.words import NAME_PARTICLES, PRONOUNS
from .guard import guarded
from .names import first_name_gender, full_person_name, gender_of_name, person_name_in
from .quotation import Quotation, get_quotations, set_quotations

# Role nouns that all denote a head of state or government, so that a later mention with one
# of them finds an entity introduced with another.
ROLE_SYNONYMS = [
    {"staatschef", "machthaber", "führer", "staatsoberhaupt", "präsident", "diktator", "herrscher", "regierungschef", "kremlchef"},
    {"minister", "verteidigungsminister", "außenminister", "ressortchef"},
    {"sprecher", "sprecherin", "regierungssprecher", "pressesprecher"},
]
ROLE_WORDS = set().union(*ROLE_SYNONYMS)


def normalize_name(name: str) -> str:
    """Case-, hyphen- and accent-insensitive key for comparing name variants."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[-‐‑–'’]", " ", text.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@Language.factory("claims_speakers")
def make_speaker_resolver(nlp: Language, name: str):
    return guarded(SpeakerResolver())


class SpeakerResolver:
    def __call__(self, doc: Doc) -> Doc:
        quotations = get_quotations(doc)
        if not quotations:
            return doc
        clusters = NameClusters(name_spans(doc))
        roles = find_roles(doc, clusters)
        resolved_so_far: list[tuple[int, str, str]] = []  # (char offset, canonical, label)
        for q in sorted(quotations, key=lambda q: _speaker_start(q)):
            canonical, label = resolve_mention(doc, q, clusters, roles, resolved_so_far)
            q.speaker_canonical, q.speaker_label = canonical, label or q.speaker_label
            if canonical and q.speaker:
                resolved_so_far.append((q.speaker[0][0], canonical, label))
        set_quotations(doc, quotations)
        return doc


def name_spans(doc: Doc) -> list[Span]:
    """Persons and organisations of the article: PER entities grown to the whole name
    ("Ursula" -> "Ursula von der Leyen"), names the NER missed ("Carsten Brzeski": a known
    first name and a surname), and ORG entities."""
    names, covered = [], set()
    for ent in doc.ents:
        if ent.label_ == "PER":
            name = full_person_name(doc, ent.start, ent.end)
            names.append(Span(doc, name.start, name.end, label="PER"))
            covered.update(range(name.start, name.end))
        elif ent.label_ == "ORG":
            names.append(ent)
    for token in doc:
        if token.i not in covered and token.is_title and first_name_gender(token.text):
            name = person_name_in([token])
            if name is not None and not covered & set(range(name.start, name.end)):
                names.append(Span(doc, name.start, name.end, label="PER"))
                covered.update(range(name.start, name.end))
    return sorted(names, key=lambda span: span.start)


def _speaker_start(q: Quotation) -> int:
    return q.speaker[0][0] if q.speaker else q.start


class NameClusters:
    """Groups entity mentions whose normalized token sets are contained in each other."""

    def __init__(self, entities: list[Span]):
        self.names = entities  # in document order
        self.clusters: list[dict] = []
        for ent in sorted(entities, key=lambda e: -len(normalize_name(e.text).split())):
            self._add(ent)

    def _add(self, ent: Span) -> None:
        words = set(normalize_name(ent.text).split()) - NAME_PARTICLES
        if not words:
            return
        for cluster in self.clusters:
            if cluster["label"] == ent.label_ and words <= cluster["words"]:
                cluster["mentions"].append(ent)
                return
        self.clusters.append({"label": ent.label_, "words": words, "mentions": [ent]})

    def lookup(self, text: str, label: str | None = None) -> dict | None:
        words = set(normalize_name(text).split()) - NAME_PARTICLES
        if not words:
            return None
        for cluster in self.clusters:
            if (label is None or cluster["label"] == label) and words <= cluster["words"]:
                return cluster
        return None

    @staticmethod
    def canonical(cluster: dict) -> str:
        """The longest variant; among equally long ones, the one written with separate words."""
        def key(ent: Span):
            return (len(normalize_name(ent.text).split()), ent.text.count(" "), -ent.start)
        return display_name(max(cluster["mentions"], key=key).text)


def display_name(name: str) -> str:
    """Romanised East Asian given names written 'Jong-un' are shown as 'Jong Un' (the form
    most news outlets use); German double names ('Hans-Peter') keep their hyphen."""
    return re.sub(r"(\w)-([a-z])", lambda m: f"{m.group(1)} {m.group(2).upper()}", " ".join(name.split()))


def find_roles(doc: Doc, clusters: NameClusters) -> dict[str, dict]:
    """Role word -> cluster, from 'Staatschef Kim Jong Un' and 'Der Führer Nordkoreas, Kim Jong-un'."""
    roles: dict[str, dict] = {}
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        cluster = clusters.lookup(ent.text, "PER")
        if cluster is None or "Gen" in ent[-1].morph.get("Case"):
            continue  # "Der Führer Nordkoreas, Kim Jong-un": the genitive is not the role's holder
        window = doc[max(ent.sent.start, ent.start - 5):ent.start]
        for token in window:
            known_role = _role_key(token.lower_) != token.lower_ or token.lower_ in ROLE_WORDS
            if known_role or token.pos_ == "NOUN" or (token.is_title and token.pos_ != "PROPN" and not token.is_sent_start):
                key = _role_key(token.lower_)
                # several names near one role word ("Der Führer Nordkoreas, Kim Jong-un"):
                # the fullest personal name holds the role
                if key not in roles or len(cluster["words"]) > len(roles[key]["words"]):
                    roles[key] = cluster
    return roles


def _role_key(word: str) -> str:
    for group in ROLE_SYNONYMS:
        if word in group or any(word.endswith(w) for w in group if len(w) > 5):
            return min(group)
    return word


def resolve_mention(doc, q: Quotation, clusters: NameClusters, roles, resolved_so_far):
    """Return (canonical name, entity label) for the quotation's speaker mention."""
    if not q.speaker:
        return None, None
    start, end = q.speaker[0][0], q.speaker[-1][1]
    mention = doc.char_span(start, end, alignment_mode="expand")
    if mention is None:
        return None, None
    # 1. a named entity inside the mention: persons before organisations, then the longest
    #    ("Der Führer Nordkoreas, Kim Jong-un" -> "Kim Jong-un")
    # (a person's name may run past a mention the parse cut short: "Der Betroffenenvertreter Detlev")
    named = [e for e in clusters.names if (e.label_ == "PER" and e.start < mention.end and e.end > mention.start)
             or (e.label_ == "ORG" and e.start >= mention.start and e.end <= mention.end)]
    if named:
        ent = max(named, key=lambda e: (e.label_ == "PER", len(e), e.start))
        cluster = clusters.lookup(ent.text, ent.label_)
        return (NameClusters.canonical(cluster) if cluster else ent.text), ent.label_
    words = [t for t in mention if not t.is_punct]
    earlier = [r for r in resolved_so_far if r[0] < start]
    # 2. a pronoun: the latest person speaker before it
    if len(words) == 1 and words[0].lower_ in PRONOUNS:
        gender = pronoun_gender(words[0])
        person = next((r for r in reversed(earlier) if r[2] == "PER" and agrees(r[1], gender)), None)
        if person:
            return person[1], "PER"
        entity = _latest_name_before(clusters.names, start, "PER", gender)
        return (NameClusters.canonical(clusters.lookup(entity.text, "PER")) if entity else None), ("PER" if entity else None)
    # 3. a name the NER missed, matching a known cluster ("Kim")
    proper = [t for t in words if t.pos_ == "PROPN"]
    for candidate in ([" ".join(t.text for t in proper)] if proper else []) + [t.text for t in words if t.is_title]:
        cluster = clusters.lookup(candidate)
        if cluster:
            return NameClusters.canonical(cluster), cluster["label"]
    # 4. a role noun
    for token in words:
        if token.pos_ == "NOUN" or token.is_title:
            cluster = roles.get(_role_key(token.lower_))
            if cluster:
                return NameClusters.canonical(cluster), cluster["label"]
    if proper:  # "Die USA und Südkorea" -> "USA und Südkorea"
        return mention.doc[proper[0].i:proper[-1].i + 1].text, None
    return mention.text, None


def _latest_name_before(names: list[Span], char: int, label: str, gender: str | None = None) -> Span | None:
    candidates = [e for e in names if e.label_ == label and e.end_char <= char and agrees(e.text, gender)]
    return candidates[-1] if candidates else None


def pronoun_gender(token: Token) -> str | None:
    """'m' for er/ihn/ihm, 'f' for a singular sie/ihr, None where the pronoun tells nothing."""
    if token.lower_ in {"er", "ihn", "ihm"}:
        return "m"
    if token.lower_ in {"sie", "ihr"} and "Plur" not in token.morph.get("Number"):
        return "f"
    return None


def agrees(name: str, gender: str | None) -> bool:
    """A person's name agrees with a pronoun's gender unless its first name says otherwise."""
    named = gender_of_name(name)
    return gender is None or named is None or named == gender
