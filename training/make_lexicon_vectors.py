"""Static "lexicon vectors" for the backbone from the LanguageTool German POS dictionary.

Every word form of the dictionary (CC BY-SA 4.0, `../shared/data/german-open/german-pos-dict`)
gets a multi-hot vector of what the dictionary says it can be: its word classes ("SUB",
"VER", "EIG"…) and, per class, each value of its readings ("SUB:DAT", "VER:KJ1", "EIG:VOR"
for a first name, "EIG:STD" for a city), plus whether it is written capitalised or in lower
case. The tok2vec layers read these through `include_static_vectors`, so the taggers see the
ambiguity class of words they never saw in their small training sets.

Forms are keyed by their spelling (spaCy looks static vectors up by ORTH; `Vectors(attr=…)` is
not saved with a default-mode table), and the lower-case words of the closed classes
(articles, pronouns, prepositions, conjunctions, adverbs…) also in title case, so that a
capitalised sentence start ("Die", "Nach", "Auch") finds its entry. The 1,618 distinct
signatures are one row each and every form points at its signature's row, which keeps the
table small (about 6 MB in the model).

    python training/make_lexicon_vectors.py DUMP.tsv.gz OUT_DIR
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import numpy
import spacy
from spacy.strings import hash_string
from spacy.vectors import Vectors

from german_dictionary import read_tags  # sibling script

MIN_FEATURE_FORMS = 5  # a reading seen on fewer forms is a typo or an abbreviation note
# word classes whose lower-case forms also get a title-case key (sentence starts)
CLOSED_CLASSES = {"ART", "PRO", "PRP", "KON", "ADV", "NEG", "ZAL", "INJ", "PAR", "ABK", "ZUS"}


def read_readings(dump: Path) -> dict[str, set[str]]:
    """form -> its features (word classes, class:value pairs, UP/LO)."""
    readings: dict[str, set[str]] = collections.defaultdict(set)
    for form, tags in read_tags(dump).items():
        for tag in tags:
            word_class, *values = tag.split(":")
            readings[form] |= {word_class, "UP" if form[:1].isupper() else "LO"}
            readings[form].update(f"{word_class}:{value}" for value in values if value)
    for form, features in list(readings.items()):
        if form[:1].islower() and features & CLOSED_CLASSES:
            readings[form[:1].upper() + form[1:]] |= features
    return readings


def feature_index(readings: dict[str, set[str]], min_forms: int = MIN_FEATURE_FORMS) -> list[str]:
    counts = collections.Counter(f for features in readings.values() for f in features)
    return sorted(f for f, n in counts.items() if n >= min_forms)


def build_vectors(readings: dict[str, set[str]], min_forms: int = MIN_FEATURE_FORMS) -> Vectors:
    features = feature_index(readings, min_forms)
    column = {f: i for i, f in enumerate(features)}
    signature_row: dict[frozenset, int] = {}
    rows: list[numpy.ndarray] = []
    keys, key_rows = [], []
    for form, form_features in readings.items():
        signature = frozenset(f for f in form_features if f in column)
        if not signature:
            continue
        if signature not in signature_row:
            vector = numpy.zeros(len(features), dtype="float32")
            vector[[column[f] for f in signature]] = 1.0
            signature_row[signature] = len(rows)
            rows.append(vector)
        keys.append(hash_string(form))  # a hash key: the forms need not be in the vocab's strings
        key_rows.append(signature_row[signature])
    table = numpy.vstack(rows)
    vectors = Vectors(data=table)
    for key, row in zip(keys, key_rows):
        vectors.add(key, row=row)
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path, help="german_dump.tsv.gz of the LanguageTool dictionary")
    parser.add_argument("out", type=Path, help="a blank spaCy pipeline holding the vectors")
    args = parser.parse_args()
    readings = read_readings(args.dump)
    nlp = spacy.blank("de")
    vectors = build_vectors(readings)
    nlp.vocab.vectors = vectors
    nlp.to_disk(args.out)
    print(f"{len(vectors.key2row):,} forms, {vectors.shape[0]:,} signatures, {vectors.shape[1]} features -> {args.out}")


if __name__ == "__main__":
    main()
