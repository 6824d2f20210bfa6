"""Roles and titles of speakers: the role nouns an article introduces people and organisations
with ("Staatschef Kim Jong Un", "Yotam Ophir, Experte für …", "die staatliche Nachrichtenagentur
KCNA"), which later definite role nouns refer back to ("der nordkoreanische Staatschef", "die
Nachrichtenagentur"), the role a mention gives a named speaker (`speaker_role`), and the
organisations' own names in a mention (`organisation_name`, `organisation_body`: "Das Institut
für Arbeitsschutz der DGUV" speaks, not the DGUV), and the organisation a bare description
refers back to (`organisation_described`: "der Konzern", "die Organisation").
"""
from __future__ import annotations

import os
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .names import is_first_name, is_person_noun, normalize_name
from .quotation import Quotation

# Role nouns that all denote a head of state or government, so that a later mention with one
# of them finds an entity introduced with another.
ROLE_SYNONYMS = [
    {"staatschef", "machthaber", "führer", "staatsoberhaupt", "präsident", "diktator", "herrscher", "regierungschef", "kremlchef"},
    {"minister", "verteidigungsminister", "außenminister", "ressortchef"},
    {"sprecher", "sprecherin", "regierungssprecher", "pressesprecher"},
]
ROLE_WORDS = set().union(*ROLE_SYNONYMS)


MAX_ROLE_WORDS = 8


def speaker_role(doc: Doc, q: Quotation, canonical: str | None, label: str | None) -> str | None:
    """The role or title the mention gives a named speaker, without the name:
    "EU-Kommissionspräsidentin Ursula von der Leyen" -> "EU-Kommissionspräsidentin",
    "Luke Bartholomew vom Vermögensverwalter Aberdeen Investments" -> "Vermögensverwalter Aberdeen Investments"."""
    if not q.speaker or not canonical or label not in {"PER", "ORG"}:
        return None
    mention = doc.char_span(q.speaker[0][0], q.speaker[-1][1], alignment_mode="expand")
    name_words = set(normalize_name(canonical).split())
    rest = [t for t in mention if not t.is_punct and not set(normalize_name(t.text).split()) <= name_words
            and not lexicon.is_source_noun(t.lower_)]  # "Ansicht von Lang": no role
    while rest and rest[0].pos_ in {"DET", "ADP", "PRON", "CCONJ"}:
        rest = rest[1:]
    while rest and rest[-1].pos_ in {"DET", "ADP", "CCONJ"}:
        rest = rest[:-1]
    if not rest or not any(t.is_title and t.pos_ in {"NOUN", "PROPN", "X"} for t in rest) or len(rest) > MAX_ROLE_WORDS:
        return None  # (a longer rest is a misparse that glued the next phrase on)
    return " ".join(t.text for t in rest)


def organisation_roles(doc: Doc, clusters) -> dict[str, dict]:
    """Noun -> organisation (a cluster of `resolve.NameClusters`), from the noun right before an organisation's name ("die
    staatliche Nachrichtenagentur KCNA") or heading an apposition after it ("KCNA, die
    staatliche Nachrichtenagentur"). Only exact nouns: "die Agentur" is not "die Nachrichtenagentur"."""
    roles: dict[str, dict] = {}
    for ent in clusters.names:
        if ent.label_ != "ORG" or len(ent.text) < 4:  # "Städtetag NRW": a region, not the name
            continue
        cluster = clusters.lookup(ent.text, "ORG")
        before = doc[ent.start - 1] if ent.start > 0 else None
        nouns = [before] if before is not None and before.pos_ == "NOUN" and before.is_title else []
        if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            after = doc[ent.end + 1:min(len(doc), ent.end + 1 + MAX_APPOSITION_ROLE)]
            nouns += [t for t in after if t.pos_ == "NOUN" and t.is_title][:1]
        for noun in nouns:
            if cluster is not None and not lexicon.is_source_noun(noun.lower_):
                roles.setdefault(noun.lower_, cluster)
    return roles


MAX_APPOSITION_ROLE = 4  # "Yotam Ophir, Experte für …": role words this close after the comma


def find_roles(doc: Doc, clusters) -> dict[str, dict]:
    """Role word -> person, from 'Staatschef Kim Jong Un', 'Der Führer Nordkoreas, Kim Jong-un'
    and 'Yotam Ophir, Experte für …'."""
    roles: dict[str, dict] = {}
    for ent in clusters.names:
        if ent.label_ != "PER":
            continue
        cluster = clusters.lookup(ent.text, ent.label_, genitive=False)
        if cluster is None or "Gen" in ent[-1].morph.get("Case"):
            continue  # "Der Führer Nordkoreas, Kim Jong-un", "Der Arzt Lahms": the genitive is not the role's holder
        sent = ent.sent
        window = list(doc[max(sent.start, ent.start - 5):ent.start])
        if ent.end < sent.end and doc[ent.end].text == ",":  # an apposition after the name
            window += _apposition_role(doc[ent.end + 1:min(sent.end, ent.end + 1 + MAX_APPOSITION_ROLE)])
        for token in window:
            if lexicon.is_source_noun(token.lower_):  # "Medienberichten zufolge … Tyson Fury"
                continue
            known_role = _role_key(token.lower_) != token.lower_ or token.lower_ in ROLE_WORDS
            # (right before the name any capitalised word is a title: "Synodenpräsidentin Annekathrin Preidel")
            # ("US-Luftwaffengeneral C.Q. Brown": capitalised, if not in title case)
            right_before = (token.i == ent.start - 1 and token.text[:1].isupper() and not token.is_upper
                            and not is_first_name(token.text))
            if (known_role or right_before or token.pos_ == "NOUN"
                    or (token.is_title and token.pos_ != "PROPN" and not token.is_sent_start)):
                key = _role_key(token.lower_)
                # several names near one role word ("Der Führer Nordkoreas, Kim Jong-un"):
                # the fullest personal name holds the role
                if key not in roles or len(cluster["words"]) > len(roles[key]["words"]):
                    roles[key] = cluster
    return roles


def _apposition_role(after: Span) -> list[Token]:
    """The noun of an apposition right after a name's comma ("Yotam Ophir, Experte für …", "X, die
    frühere Ministerin"): an article only first, then adjectives; "so Lang, schade die
    CDU-Politikerin" is a clause, and the role there belongs to someone else."""
    for k, token in enumerate(after):
        if token.pos_ == "NOUN":
            return [token]
        if not ((token.pos_ == "DET" and k == 0) or token.pos_ in {"ADJ", "NUM"}):
            return []
    return []


MIN_SHARED_ROLE_SUFFIX = 8  # "Synodal|präsidentin" and "Synoden|präsidentin" share the role's head


def role_holder(roles: dict[str, dict], word: str) -> dict | None:
    """The cluster introduced with this role word, or with a compound of the same head noun;
    a genitive names the role too ("des obersten US-Generals" -> "US-Luftwaffengeneral C.Q. Brown")."""
    for form in (word, word[:-1]) if word.endswith("s") and len(word) > 6 else (word,):
        key = _role_key(form)
        if key in roles:
            return roles[key]
        head = form.rsplit("-", 1)[-1]  # "us-general" -> "general", the head of "us-luftwaffengeneral"
        for role, cluster in roles.items():
            if len(role) >= 5 and (form.endswith(role) or _shared_suffix(form, role) >= MIN_SHARED_ROLE_SUFFIX
                                   or (head != form and len(head) >= 6 and role.endswith(head))):
                return cluster
    return None


def _shared_suffix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a[::-1], b[::-1]]))


@lru_cache(maxsize=50_000)
def _role_key(word: str) -> str:
    for group in ROLE_SYNONYMS:
        if word in group or any(word.endswith(w) for w in group if len(w) > 5):
            return min(group)
    return word


def organisation_name(ent: Span, mention: Span) -> Span:
    """An organisation's name with the capitalised words the NER left off before it, inside the
    mention ("die New York Times": the NER tagged "York Times")."""
    start = ent.start
    while start > mention.start and ent.doc[start - 1].text[:1].isupper() and ent.doc[start - 1].pos_ in {"PROPN", "ADJ", "X"} \
            and not ent.doc[start - 1].is_sent_start:
        start -= 1
    return Span(ent.doc, start, ent.end, label=ent.label_)


def organisation_body(mention: Span, organisations: list[Span]) -> str | None:
    """'Das Institut für Arbeitsschutz der Deutschen Gesetzlichen Unfallversicherung', 'Der von
    der Hamas kontrollierte Zivilschutz': a body whose head noun is qualified by the organisation
    named inside the mention speaks, not that organisation; the head and what follows it. None
    where the head names a person ("Sprecher der Polizei"), a source ("Angaben der Polizei") or is
    the organisation's own title ("Nachrichtenagentur KCNA")."""
    words = [t for t in mention if not t.is_punct]
    k = 0
    if len(words) > 2 and words[0].pos_ == "DET" and words[1].lower_ in {"von", "vom"}:  # a participle attribute
        k = next((j + 1 for j in range(2, len(words) - 1) if words[j].is_lower and words[j].pos_ in {"ADJ", "VERB", "AUX"}),
                 len(words))
    head = next((t for t in words[k:] if t.pos_ in {"NOUN", "PROPN"}), None)
    # (a common noun the NER tagged alone is still a head: "Das Institut/ORG für …")
    organisations = [e for e in organisations if not (head is not None and e.start == head.i and len(e) == 1)]
    inside = {i for e in organisations for i in range(e.start, e.end)}
    if (head is None or head.i in inside or head.pos_ != "NOUN" or lexicon.is_source_noun(head.lower_)
            or is_person_noun(head) or not any(e.start > head.i + 1 or e.end <= head.i for e in organisations)):
        return None
    owner = min((e.start for e in organisations if e.start > head.i), default=mention.end)
    if any(lexicon.is_source_noun(t.lower_) for t in mention.doc[head.i + 1:owner]):
        return None  # "im weiteren Verlauf der Pressemitteilung der NASA": the NASA's own words
    following = next((t for t in mention.doc[head.i + 1:mention.end] if not t.is_punct), None)
    if following is not None and any(e.start == following.i for e in organisations):
        return None  # "Nachrichtenagentur KCNA", "die Zeitung „Yated Ne'eman“": the name is the head's apposition
    end = mention.end
    while end > head.i + 1 and mention.doc[end - 1].is_punct and mention.doc[end - 1].text != ")":
        end -= 1
    return mention.doc[head.i:end].text


# "der Konzern", "die Organisation": nouns that any organisation of their kind is referred back with
GENERIC_ORGANISATION_NOUNS = {"konzern", "unternehmen", "firma", "organisation", "partei", "bank", "plattform", "agentur"}
# "das Ministerium", "die Behörde", "die Nachrichtenagentur": often a body the article never
# names, or one of a kind the last organisation need not be; only an organisation whose own name
# contains the noun ("die Kommission" -> "Europäische Kommission")
BODY_NOUNS = {"ministerium", "behörde", "regierung", "institut", "verband", "gewerkschaft", "kommission", "gericht",
              "nachrichtenagentur", "hilfsorganisation", "polizei", "armee", "amt", "staatsanwaltschaft"}


def organisation_described(words: list[Token], clusters, before_char: int) -> dict | None:
    """'Der chinesische Konzern weist die Vorwürfe von sich': a definite description of article,
    adjectives and an organisation noun refers back to the organisation named last before it
    (not to an authority: "der Konzern" is no "Polizei"); a body noun only to one whose name
    contains it. None for anything else."""
    if not 2 <= len(words) <= 4 or words[0].lower_ not in {"der", "die", "das"} or words[-1].pos_ != "NOUN" \
            or any(t.pos_ != "ADJ" for t in words[1:-1]):
        return None
    noun = words[-1].lower_
    if noun not in GENERIC_ORGANISATION_NOUNS | BODY_NOUNS:
        return None
    named = [e for e in clusters.names if e.label_ == "ORG" and e.end_char <= before_char]
    if noun in BODY_NOUNS or any(noun in e.text.lower() for e in named):
        named = [e for e in named if noun in e.text.lower()]
    else:
        named = [e for e in named if not any(body in e.text.lower() for body in BODY_NOUNS)]
    return clusters.lookup(named[-1].text, "ORG") if named else None
