"""Speaker identities across the corpus: one `speaker_id` per person or organisation.

`pipeline/resolve.py` names each claim's speaker within its article ("Er" -> "Ulf Kämpfer").
This pass runs once over all claims of a run, when the tables are published, so that every
engine (one process, a local pool, Dask, a resumed run) gives the same ids:

- named speakers (PER, ORG, or a name without a type) are one identity when their names
  agree after spelling normalisation (case, accents, hyphens and common transliteration
  variants: "Kim Jong-un" = "Kim Jong Un", "Belousov" = "Beloussow", "Andrei" = "Andrej");
  a surname alone joins the one full name of the corpus that ends in it ("Kämpfer" ->
  "Ulf Kämpfer"), and stays apart where two do; names whose words rapidfuzz finds alike
  are one identity too ("al-Gaddafi" / "al-Gadhafi");
- unnamed speakers ("ein Polizeisprecher") are one identity per article and description:
  two articles' police spokesmen are not known to be one person; within an article "ein
  Feuerwehrsprecher" and "der Feuerwehr-Sprecher" are one, and "die Sprecherin" joins the one
  "eine Sprecherin der Polizei"; a description anchored to a place or name ("die südkoreanische
  Regierung", "Die Bundesregierung") names one body in every article, as a name does;
- the identity's name, written into the `speaker` column, is its fullest variant.

`speaker_id` is a hash of the identity's key: the same inputs give the same ids.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from functools import lru_cache

import pyarrow as pa
from rapidfuzz import fuzz

from .german.words import ARTICLES, GENERIC_PRONOUNS, INDEFINITE_ARTICLES, PRONOUNS, QUANTIFIERS
from .names import is_place_name, listed_first_name, normalize_name, person_noun_gender

SPEAKERS_SCHEMA = pa.schema([
    ("speaker_id", pa.string()), ("name", pa.string()), ("type", pa.string()),
    ("aliases", pa.list_(pa.string())), ("roles", pa.list_(pa.string())),
    ("n_claims", pa.int64()), ("n_docs", pa.int64()), ("first_published", pa.date32()),
])
NAMED_TYPES = ("PER", "ORG")
# Spelling variants of transliterated names, applied to both sides of a comparison.
TRANSLITERATION = [("tsch", "ch"), ("sch", "sh"), ("ph", "f"), ("ck", "k"), ("w", "v"), ("j", "i"), ("y", "i"),
                   ("z", "s")]


def spelling_key(name: str) -> str:
    """'Beloussow' and 'Belousov', 'Kim Jong-un' and 'Kim Jong Un', 'Selenskyj' and
    'Zelensky' give the same key."""
    key = normalize_name(name)
    for old, new in TRANSLITERATION:
        key = key.replace(old, new)
    return re.sub(r"(\w)\1+", r"\1", key)


MIN_NAME_SIMILARITY = 90  # rapidfuzz ratio of two spelling keys that name one person ("gadafi"/"gadhafi")


def fuzzy_variants(keys: list[str]) -> dict[str, str]:
    """Spelling keys that rapidfuzz finds alike (`MIN_NAME_SIMILARITY`), word by word, with as
    many words each, map to the first of them: "Muammar al-Gaddafi" and "Muammar al-Gadhafi".
    Compared only within a block of keys whose last words begin alike, and never two names
    whose surnames agree but whose first names differ ("Hans Müller", "Anna Müller")."""
    blocks = defaultdict(list)
    for key in keys:
        words = key.split()
        blocks[(len(words), words[-1][:2])].append(key)
    mapped: dict[str, str] = {}
    for block in blocks.values():
        for k, key in enumerate(block):
            if key in mapped:
                continue
            for other in block[k + 1:]:
                if other not in mapped and all(fuzz.ratio(a, b) >= MIN_NAME_SIMILARITY or a == b
                                               for a, b in zip(key.split(), other.split())) and \
                        fuzz.ratio(key, other) >= MIN_NAME_SIMILARITY:
                    mapped[other] = key
    return mapped


ATTRIBUTE_OPENERS = {"der", "des", "von", "vom", "aus", "für"}  # "eine Sprecherin der Polizei"
# How likely a description's first word makes it a subject: "ein …", "die …" over "der …" (also a
# genitive or dative: "der Studie") over "dem …", "den …"
NOMINATIVE_RANK = {"dem": 0, "den": 0, "des": 0, "einem": 0, "einen": 0, "einer": 0, "eines": 0, "der": 1}
# First words of a description, not a name: articles and quantifiers in any case and ending
# ("Der Feuerwehrsprecher" opening a sentence, "Mehreren Medienberichten")
DESCRIBING_WORDS = ARTICLES | QUANTIFIERS | {"zahlreiche", "weitere", "verschiedene"}


@lru_cache(maxsize=100_000)  # (asked several times per claim row while the identities are built)
def speaker_type(speaker: str | None, label: str | None) -> str | None:
    """PER or ORG by the entity label; `anonymous` for a description ("ein Polizeisprecher",
    "Der Feuerwehrsprecher", "die Experten"), unless a place or name anchors it to one body
    ("Die südkoreanische Regierung", "die Berliner Polizei", "Die Ukraine"): `other`, as names."""
    if not speaker:
        return None
    if label in NAMED_TYPES:
        return label
    first = speaker.split(maxsplit=1)[0]
    described = _describing(first) or _role_description(speaker.split())
    if described and first.lower() not in INDEFINITE_ARTICLES and _anchored(_without_article(speaker).split()):
        return "other"
    return "anonymous" if described or speaker[:1].islower() else "other"


def _role_description(words: list[str]) -> bool:
    """A role noun, alone or after adjectives, describes someone: "Experte", "UN-Mitarbeiter",
    "Politische Beobachter"; not a name that ends in one ("Joschka Fischer", "Hans Bauer")."""
    return bool(person_noun_gender(words[-1])) and all(
        re.search(r"(e|en|er|es)$", w) and not listed_first_name(w) for w in words[:-1])


def _describing(word: str) -> bool:
    return word.lower() in DESCRIBING_WORDS or word.lower().rstrip("nmrs") in DESCRIBING_WORDS


def _without_article(speaker: str) -> str:
    words = speaker.split()
    return " ".join(words[1:]) if len(words) > 1 and _describing(words[0]) else speaker


def _anchored(words: list[str]) -> bool:
    """A body named by its place or name: a place ("Ukraine"), a place or nationality adjective
    ("südkoreanische", "Berliner", "Vereinigten") before the head, a federal body ("Die
    Bundesregierung"); never a person ("der syrische Arzt" in two articles is not known to be
    one man)."""
    head = next((words[:k] for k, w in enumerate(words) if k and w.lower() in ATTRIBUTE_OPENERS), words)
    if not head or person_noun_gender(head[-1]):
        return False  # ("ein Sprecher der Feuerwehr", "Der syrische Arzt")
    return (any(is_place_name(w) or re.search(r"isch(e|en|er|es|em)?$", w) or w.lower().startswith("bundes")
                for w in head)
            or (len(words) == 2 and words[0][:1].isupper() and re.search(r"(er|en|e)$", words[0]) is not None))


# (as spelling keys, which the words of a name key are)
OWNER_WORDS = {spelling_key(w) for w in ("der", "des", "für")}
NAME_PARTICLE_KEYS = {spelling_key(w) for w in ("von", "van", "de", "da", "di", "zu")}  # "Ursula von der Leyen"


def _owned_by_last_word(words: list[str]) -> bool:
    """'verlauf der pressemitteilung der nasa': the last word owns what the key names ("der
    NASA"), so it is no surname of a full name."""
    return len(words) > 2 and words[-2] in OWNER_WORDS and words[-3] not in NAME_PARTICLE_KEYS


def description_key(speaker: str) -> str:
    """'ein Feuerwehrsprecher', 'Der Feuerwehr-Sprecher' -> 'feuerwehrsprecher': the words
    after the article, case-, hyphen- and accent-insensitive."""
    return normalize_name(re.sub(r"(\w)-(\w)", r"\1\2", _without_article(speaker)))


def _name_key(speaker: str) -> str:
    """The spelling key of a name, or of an anchored description without its article ("Die
    südkoreanische Regierung" = "die südkoreanische Regierung")."""
    return spelling_key(_without_article(speaker))


class Identities:
    """The identity key of every (article, speaker, type) and the identities' names."""

    def __init__(self, rows: list[dict]):
        self.key_of: dict[tuple, tuple] = {}
        named = {}  # spelling key -> variants
        bodies = set()  # keys of anchored descriptions ("südkoreanische regierung"): no full names
        for row in rows:
            kind = speaker_type(row["speaker"], row["speaker_type"])
            if kind in {"anonymous"} or kind is None:
                continue
            named.setdefault(_name_key(row["speaker"]), set()).add(row["speaker"])
            if _describing(row["speaker"].split(maxsplit=1)[0]):
                bodies.add(_name_key(row["speaker"]))
        self.merged = self._surnames_to_full_names(named, bodies)
        variants = fuzzy_variants(sorted(set(self.merged.values())))
        self.merged = {key: variants.get(full, full) for key, full in self.merged.items()}
        self.described = self._short_to_full_descriptions(rows)
        for row in rows:
            key = self._row_key(row)
            if key not in self.key_of:
                self.key_of[key] = self._identity(row)

    @staticmethod
    def _surnames_to_full_names(named: dict[str, set[str]], bodies: set[str] = frozenset()) -> dict[str, str]:
        """A one-word key -> the one multi-word key that ends in it (else itself); a described
        body is no full name ("Bundesregierung" is not "Die deutsche Bundesregierung")."""
        by_last_word = defaultdict(set)
        for key in named:
            words = key.split()
            if len(words) > 1 and key not in bodies and not _owned_by_last_word(words):
                by_last_word[words[-1]].add(key)
        merged = {}
        for key in named:
            fuller = by_last_word.get(key, set()) if len(key.split()) == 1 else set()
            merged[key] = next(iter(fuller)) if len(fuller) == 1 else key
        return merged

    @staticmethod
    def _short_to_full_descriptions(rows: list[dict]) -> dict[tuple, str]:
        """Per article, a description key -> the one longer description there that begins with
        its words ("die Sprecherin" -> "eine Sprecherin der Polizei"; else itself)."""
        keys = defaultdict(set)
        for row in rows:
            if speaker_type(row["speaker"], row["speaker_type"]) == "anonymous":
                keys[row["doc_id"]].add(description_key(row["speaker"]))
        merged = {}
        for doc_id, in_doc in keys.items():
            for key in in_doc:
                # (continued by an attribute: "die chinesische Regierung, man" is a misparse)
                longer = {other for other in in_doc if other.startswith(key + " ")
                          and other[len(key) + 1:].split()[0] in ATTRIBUTE_OPENERS}
                merged[doc_id, key] = next(iter(longer)) if len(longer) == 1 else key
        return merged

    @staticmethod
    def _row_key(row: dict) -> tuple:
        return row["doc_id"], row["speaker"], row["speaker_type"]

    def _identity(self, row: dict) -> tuple | None:
        kind = speaker_type(row["speaker"], row["speaker_type"])
        if kind is None:
            return None
        if kind == "anonymous":
            return "anonymous", row["doc_id"], self.described[row["doc_id"], description_key(row["speaker"])]
        return "named", self.merged[_name_key(row["speaker"])]

    def of(self, row: dict) -> tuple | None:
        return self.key_of[self._row_key(row)]


def speaker_id(key: tuple) -> str:
    return "spk-" + hashlib.sha1("|".join(key).encode("utf-8")).hexdigest()[:12]


ROW_COLUMNS = ["doc_id", "speaker", "speaker_type", "speaker_mention", "speaker_role", "published"]


class SpeakerIndex:
    """Built from the identity columns of all claims (`ROW_COLUMNS`, a first pass that reads
    little); `apply` then adds ids and names to any part of the claims table."""

    def __init__(self, rows: list[dict]):
        identities = Identities(rows)
        members: dict[tuple, list[dict]] = defaultdict(list)
        for row in rows:
            key = identities.of(row)
            if key is not None:
                members[key].append(row)
        self.lookup: dict[tuple, tuple[str, str]] = {}
        self.rows = []
        for key, group in sorted(members.items(), key=lambda item: speaker_id(item[0])):
            found = speaker_id(key), _fullest(group, described=key[0] == "anonymous")
            self.lookup.update({Identities._row_key(row): found for row in group})
            self.rows.append(_speaker_row(key, found[1], group))

    def apply(self, claims: pa.Table) -> pa.Table:
        keys = zip(*(claims.column(name).to_pylist() for name in ("doc_id", "speaker", "speaker_type")))
        found = [self.lookup.get(key, (None, key[1])) for key in keys]
        for column, values in (("speaker_id", [f[0] for f in found]), ("speaker", [f[1] for f in found])):
            claims = claims.set_column(claims.schema.get_field_index(column), claims.schema.field(column),
                                       pa.array(values, pa.string()))
        return claims

    def table(self) -> pa.Table:
        return pa.Table.from_pylist(self.rows, schema=SPEAKERS_SCHEMA)


def assign_speakers(claims: pa.Table) -> tuple[pa.Table, pa.Table]:
    """The claims with `speaker_id` and the corpus-wide `speaker` name; and the speakers table."""
    index = SpeakerIndex(claims.select(ROW_COLUMNS).to_pylist())
    return index.apply(claims), index.table()


def _tidy(name: str) -> str:
    """'US -Außenministerium' (a spacing machine-translated texts have) -> 'US-Außenministerium'."""
    return re.sub(r"(?<=\w) -(?=\w)", "-", name)


def _fullest(group: list[dict], described: bool = False) -> str:
    """The name with the most words, then the most frequent, then the first in order; a
    description: the one with the most words, then a nominative, then the first ("ein
    Feuerwehrsprecher" before "der Feuerwehr-Sprecher" later in the article)."""
    group = [{**row, "speaker": _tidy(row["speaker"])} for row in group]
    counts = Counter(row["speaker"] for row in group)
    if described:
        first: dict[str, int] = {}
        for k, row in enumerate(group):
            first.setdefault(row["speaker"], k)
        # (a nominative first: "Der Niederländer" rather than a misparse's "Dem Niederländer")
        return max(counts, key=lambda name: (len(name.split()), NOMINATIVE_RANK.get(name.split()[0].lower(), 2),
                                             -first[name]))
    return max(counts, key=lambda name: (len(name.split()), counts[name], -len(name)))


def _speaker_row(key: tuple, name: str, group: list[dict]) -> dict:
    types = Counter(speaker_type(row["speaker"], row["speaker_type"]) for row in group)
    aliases = {row["speaker"] for row in group} | {row["speaker_mention"] for row in group if row["speaker_mention"]}
    published = [row["published"] for row in group if row["published"] is not None]
    return {
        "speaker_id": speaker_id(key), "name": name, "type": types.most_common(1)[0][0],
        "aliases": sorted(a for a in aliases if a.lower() not in PRONOUNS | GENERIC_PRONOUNS),
        "roles": sorted({row["speaker_role"] for row in group if row["speaker_role"]}),
        "n_claims": len(group), "n_docs": len({row["doc_id"] for row in group}),
        "first_published": min(published) if published else None,
    }
