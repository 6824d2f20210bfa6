"""The nominative of a name or description found in the genitive or dative ("nach Angaben des
Auswärtigen Amtes" -> "Auswärtiges Amt", "laut dem chinesischen Außenministerium" -> "das
chinesische Außenministerium", "auf die Frage eines Journalisten" -> "ein Journalist"), so that
one speaker is named alike whichever phrase of the article named it.

Only adjectives before a common noun are changed, with the article that marks their case
either before the phrase or as its first word; names (proper nouns) and anything else stay as
they are written.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

NOUN_GENDERS_FILE = Path(__file__).parent.parent / "data" / "noun_genders.tsv"
MIN_HEAD = 4  # the shortest compound head looked up ("Amt" is no head of "Samt")

# the genders and numbers an oblique article marks (a nominative "der Sprecher" is left as it is;
# "den Experten" may be a dative plural or an accusative singular, "dieses" a nominative: not changed)
ARTICLE_KINDS = {"des": {"Masc", "Neut"}, "eines": {"Masc", "Neut"},
                 "der": {"Fem", "Plur"}, "einer": {"Fem"}, "dem": {"Masc", "Neut"}, "einem": {"Masc", "Neut"}}
GENITIVE_SINGULAR = {"des", "eines"}  # the noun takes -s, -es or -en
INDEFINITE = {"eines", "einer", "einem", "einen"}
CONTRACTED = {"vom", "zum", "beim", "im"}  # preposition + "dem"
GENITIVE_ENDINGS = {"s", "es", "n", "en"}  # "Amtes", "Konzerns", "Präsidenten"
DATIVE_ENDINGS = {"n", "en"}  # "dem Augenzeugen", "einem Präsidenten"
# nominative articles and adjective endings by the noun's gender or number
GENDER_NAMES = {"m": "Masc", "f": "Fem", "n": "Neut"}
NOMINATIVE_DEFINITE = {"Masc": "der", "Neut": "das", "Fem": "die", "Plur": "die"}
NOMINATIVE_INDEFINITE = {"Masc": "ein", "Neut": "ein", "Fem": "eine"}
STRONG_ENDINGS = {"Masc": "er", "Neut": "es", "Fem": "e", "Plur": "e"}  # no article: "Rotes Kreuz"
WEAK_ENDINGS = {"Masc": "e", "Neut": "e", "Fem": "e", "Plur": "en"}  # "das Rote Kreuz"
MIXED_ENDINGS = {"Masc": "er", "Neut": "es", "Fem": "e"}  # "ein neues Gesetz"


def nominative(tokens: list[Token]) -> str | None:
    """The phrase in the nominative, or None where it is not [article] adjectives + common noun
    after (or opening with) an oblique article, is one already, or where the noun's lemma or
    gender is not known for sure."""
    tokens = list(tokens)
    if not tokens:
        return None
    own_article = tokens[0].lower_ in ARTICLE_KINDS
    if own_article:
        article, tokens = tokens[0].lower_, tokens[1:]
    elif tokens[0].i > 0:
        article = tokens[0].doc[tokens[0].i - 1].lower_
        article = "dem" if article in CONTRACTED else article
    else:
        return None
    if article not in ARTICLE_KINDS or not tokens or tokens[-1].pos_ != "NOUN" \
            or any(t.pos_ != "ADJ" for t in tokens[:-1]):
        return None
    head = tokens[-1]
    # the gender by the dictionary (the morphologizer's is often wrong: "der OSZE-Bericht"/Fem)
    number, gender = head.morph.get("Number"), noun_gender(head.lemma_)
    kind = "Plur" if number == ["Plur"] else (gender if number == ["Sing"] else None)
    if kind not in ARTICLE_KINDS[article] or (kind == "Plur" and head.lemma_ == head.text):
        return None  # (a plural only where its form shows it: "der Behörden", not "der Sprecher")
    noun = head.text
    if kind in {"Masc", "Neut"} and noun != head.lemma_:
        noun = _without_ending(head, GENITIVE_ENDINGS if article in GENITIVE_SINGULAR else DATIVE_ENDINGS)
        if noun is None:
            return None
    if not own_article:
        words, endings = [], STRONG_ENDINGS
    elif article in INDEFINITE:
        words, endings = [NOMINATIVE_INDEFINITE[kind]], MIXED_ENDINGS
    else:
        words, endings = [NOMINATIVE_DEFINITE[kind]], WEAK_ENDINGS
    # ("Berliner", "Münchner" do not inflect; only an oblique "-en" changes)
    words += [t.text[:-2] + endings[kind] if t.text.endswith("en") else t.text for t in tokens[:-1]] + [noun]
    written = " ".join(([article] if own_article else []) + [t.text for t in tokens])
    changed = " ".join(words)
    return changed if changed.lower() != written.lower() else None


def _without_ending(noun: Token, endings: set[str]) -> str | None:
    """'Amtes' -> 'Amt' by the lemma; None where the lemma does not explain the ending."""
    lemma = noun.lemma_
    if lemma and noun.text.startswith(lemma) and noun.text[len(lemma):] in endings:
        return lemma
    return None


@lru_cache(maxsize=1)
def _noun_genders() -> dict[str, str]:
    rows = (line.rstrip("\n").split("\t") for line in NOUN_GENDERS_FILE.open(encoding="utf-8")
            if not line.startswith("#"))
    return {word: gender for word, gender in rows}


def compound_head(word: str, known) -> str | None:
    """The longest proper suffix of the word that is a known noun ("Reichsvermögensgesetz" ->
    "Gesetz", "OSZE-Bericht" -> "Bericht")."""
    for k in range(1, len(word) - MIN_HEAD + 1):
        head = word[k:].lstrip("-")
        head = head[:1].upper() + head[1:]
        if head in known:
            return head
    return None


@lru_cache(maxsize=20_000)
def noun_gender(lemma: str) -> str | None:
    """'Masc', 'Fem' or 'Neut' by the dictionary (`noun_genders.tsv`), a compound by its head;
    None for a noun it does not know."""
    genders = _noun_genders()
    gender = genders.get(lemma) or genders.get(compound_head(lemma, genders) or "")
    return GENDER_NAMES.get(gender) if gender else None
