"""Person names: first names by gender, and a person's full name read off the text.

The small backbone's NER cuts names short ("Ursula" for Ursula von der Leyen) or misses them
("Carsten Brzeski" tagged NOUN PROPN, no entity). A known first name followed by capitalised
words is a person's name whatever the tagger says; the first name also gives the person's
gender, which pronouns must agree with. The first names come from `nomquamgender` (MIT),
filtered by `training/make_first_names.py` into `pipeline/data/first_names.tsv`.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .german.words import NAME_PARTICLES
from .lemmas import dictionary_lemma, known_word

FIRST_NAMES_FILE = Path(__file__).parent / "data" / "first_names.tsv"
PERSON_NOUNS_FILE = Path(__file__).parent / "data" / "person_nouns.tsv"
PLACE_NAMES_FILE = Path(__file__).parent / "data" / "place_names.tsv"
MIN_COMPOUND_HEAD = 5  # "Finanz|professor": a compound whose head is a person noun this long
MAX_NAME_WORDS = 4  # after the first name: "Marjorie Taylor Greene", "Ursula von der Leyen"


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    table = {}
    for line in FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            table[name] = gender
    return table


@lru_cache(maxsize=1)
def _place_names() -> dict[str, str]:
    """place name -> "city", "country" or "region"."""
    return dict(line.split("\t") for line in PLACE_NAMES_FILE.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#"))


def is_place_name(word: str) -> bool:
    """A city, country or region the dictionary knows and never as a person's name ("Moskau")."""
    return word in _place_names()


def is_country_name(word: str) -> bool:
    """A country or region ("Russland", "Bayern"): unlike a city ("Hagen", "Metz"), never a surname."""
    return _place_names().get(word) in {"country", "region"}


@lru_cache(maxsize=1)
def _person_nouns() -> dict[str, str]:
    return dict(line.split("\t") for line in PERSON_NOUNS_FILE.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#"))


def person_noun_gender(noun: str) -> str | None:
    """'m' or 'f' for a noun that names a person ("Experte", "Finanzprofessor" by its head
    "professor"), else None ("Bericht", "Polizei")."""
    word = noun.lower()
    if word in _person_nouns():
        return _person_nouns()[word]
    for k in range(1, len(word) - MIN_COMPOUND_HEAD + 1):
        if word[k:] in _person_nouns():
            return _person_nouns()[word[k:]]
    return None


def is_person_noun(token: Token) -> bool:
    """A noun that names a person, by its form or its lemma ("Experten" -> "Experte")."""
    return token.pos_ == "NOUN" and bool(person_noun_gender(token.text) or person_noun_gender(token.lemma_))


@lru_cache(maxsize=50_000)
def _lookup(word: str) -> str | None:
    lower = word.lower()
    gender = _in_table(lower)
    # the table is written without diacritics ("Jürgen", "José", "Nicolás" are "jurgen", "jose",
    # "nicolas"); an inflected common noun is no name for it ("Länder", a form of "Land")
    folded = without_diacritics(lower)
    if gender is None and folded != lower and dictionary_lemma(word) == word:
        gender = _in_table(folded)
    return gender


def _in_table(word: str) -> str | None:
    first_part = word.split("-")[0]
    return _first_names().get(word) or (_first_names().get(first_part) if "-" in word and len(first_part) > 2 else None)


def listed_first_name(word: str) -> bool:
    """In the first-name table, accents folded, without the dictionary check of `is_first_name`
    (which loads the lemma dictionary: the identity pass runs where no pipeline has loaded it)."""
    lower = word.lower()
    return _in_table(lower) is not None or _in_table(without_diacritics(lower)) is not None


def is_first_name(word: str) -> bool:
    """A known first name of either gender ('Marie-Agnes' by its first part)."""
    return _lookup(word) is not None


def first_name_gender(word: str) -> str | None:
    """'f' or 'm' for a first name borne (nearly) only by women or by men, else None ('Kim')."""
    gender = _lookup(word)
    return gender if gender in {"f", "m"} else None


def _name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name ("Ha-Gyu" in "Jeon Ha-Gyu" too): no verb, no
    sentence-opening article."""
    return ((token.is_title or token.is_upper and len(token) > 1) and token.text.replace("-", "").isalpha()
            and token.pos_ not in {"VERB", "AUX"})


# Endings of person nouns that stand before names ("Synodenpräsidentin", "Verteidigungsminister")
ROLE_ENDINGS = ("in", "er", "ent", "ist", "or", "eur", "ant", "chef", "ende", "te", "rat", "at")


def _looks_like_role(token: Token) -> bool:
    """A title before a name, not the family name of a name written family name first ("Jeon Ha-Gyu")."""
    return len(token) >= 6 and token.lower_.endswith(ROLE_ENDINGS) and not is_first_name(token.text)


def full_person_name(doc: Doc, start: int, end: int, limit: int | None = None) -> Span:
    """The name span [start, end) cut to start at a first name inside it and grown to the whole
    name: a first name right before it
    ("Taylor Greene" -> "Marjorie Taylor Greene"), a surname after a lone first name, whatever
    its tag ("Jens" -> "Jens Aberle", "Ursula" -> "Ursula von der Leyen"), and further
    capitalised words tagged as names. A common noun after the name ends it ("Olaf Scholz
    Journalisten"), which is why only the surname may carry another tag."""
    sentence_end = min(doc[start].sent.end, limit if limit is not None else len(doc))
    while end - start > 1 and _inflected_common_noun(doc[end - 1]):
        end -= 1  # "sieht Bernd Bönte Vorteile": the NER ran on into the object
    first_name = next((k for k in range(start + 1, end) if doc[k].is_title and is_first_name(doc[k].text)), None)
    if first_name is not None and _looks_like_role(doc[start]):
        start = first_name  # "Synodenpräsidentin Annekathrin Preidel": the role is no part of the name
    elif end - start > 1 and _looks_like_role(doc[start]) and "-" in doc[start].text:
        start += 1  # "Capco-Expertin Neumüller": a compound title before a surname
    if start > 1 and _apostrophe_inside(doc, start - 1, len(doc)) and doc[start - 2].is_title:
        start -= 2  # "Michael O’Leary" where the NER tagged "Leary"
    if start > 0 and not doc[start].is_sent_start and doc[start - 1].is_title and is_first_name(doc[start - 1].text):
        start -= 1
    surname_missing = end - start == 1 and is_first_name(doc[start].text)
    while end < sentence_end and end - start < MAX_NAME_WORDS:
        k = end
        if _apostrophe_inside(doc, k, sentence_end):  # "O’Keefe", split by the tokenizer at "’"
            end = k + 2
            continue
        if doc[k].lower_ in ARTICLE_PARTICLES:
            break  # "erklärt Nadeschdin der DW": an article starts no name part ("von der Leyen" does)
        while k < sentence_end and doc[k].is_lower and doc[k].lower_ in NAME_PARTICLES:
            k += 1
        if k >= sentence_end or doc[k].is_sent_start or not _name_word(doc[k]):
            break
        if is_country_name(doc[k].text) or (is_place_name(doc[k].text) and doc[k].ent_type_ == "LOC") or (
                (not _name_like(doc[k]) or doc[k].ent_type_ in {"LOC", "ORG", "MISC"} or is_place_name(doc[k].text))
                and not surname_missing):
            break  # "Kim Jong Un Moskau", "versicherte Kim Russland …": a place is no part of a name
        if k > end and _german_noun(doc[k].text):
            break  # "Carsten Brzeski von der Direktbank": after "von der" only a name ("von der Leyen")
        surname_missing = False
        end = k + 1
    return doc[start:end]


ARTICLE_PARTICLES = {"der", "den"}  # name particles only after "von", "van", "de"


def _apostrophe_inside(doc: Doc, k: int, limit: int) -> bool:
    """doc[k] is an apostrophe written inside a name, between two of its letters ("O’Keefe")."""
    return (0 < k and k + 1 < limit and doc[k].text in {"’", "'"} and not doc[k - 1].whitespace_
            and not doc[k].whitespace_ and doc[k + 1].is_title)


def _name_like(token: Token) -> bool:
    """A proper noun, or a "noun" that is no German word ("Marjorie Taylor Greene": the tagger
    called the foreign surname a noun), not even a compound of one ("Zinsplattform")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and not _german_noun(token.text))


@lru_cache(maxsize=8192)
def _german_noun(word: str) -> bool:
    """The dictionary knows the word or the noun it ends in ("Zins|plattform")."""
    return known_word(word) or any(known_word(word[k].upper() + word[k + 1:]) for k in range(1, len(word) - 3))


def _inflected_common_noun(token: Token) -> bool:
    """A noun the dictionary (simplemma) knows in another form ("Vorteile" -> "Vorteil",
    "Soldaten"): no part of a name. Surnames keep their form ("Bönte", "Koch")."""
    return token.pos_ == "NOUN" and dictionary_lemma(token.text) != token.text


def person_name_in(tokens: list[Token]) -> Span | None:
    """The first run 'first name + capitalised words' among the tokens ('Carsten Brzeski von
    der Direktbank ING' -> 'Carsten Brzeski'); a lone first name does not count."""
    for t in tokens:
        if t.is_title and is_first_name(t.text) and t.i + 1 < len(t.doc) and _name_word(t.doc[t.i + 1]):
            name = full_person_name(t.doc, t.i, t.i + 1)
            if len(name) > 1:
                return name
    return None


def gender_of_name(name: str) -> str | None:
    """The gender of a person's name by its first word, if that is a known first name."""
    words = name.split()
    return first_name_gender(words[0]) if words else None


@lru_cache(maxsize=100_000)
def without_diacritics(text: str) -> str:
    """'Nicolás' -> 'Nicolas', 'Jürgen' -> 'Jurgen'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize_name(name: str) -> str:
    """Case-, hyphen- and accent-insensitive key for comparing name variants."""
    text = re.sub(r"[-‐‑–'’]", " ", without_diacritics(name).lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())
