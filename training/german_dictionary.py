"""Read the LanguageTool German POS dictionary dump (`german-pos-dict/german_dump.tsv.gz`,
CC BY-SA 4.0): form TAB lemma TAB tag, one reading per line; lines starting with "#" are forms
the dictionary marks as special (false alarms of its spell checker) and are skipped.
Shared by `make_konjunktiv_forms.py`, `make_place_names.py`, `make_noun_genders.py` and
`make_lexicon_vectors.py`."""
from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path


def readings(dump: Path):
    """(form, lemma, tag) of every reading the dump holds."""
    with gzip.open(dump, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3 and fields[0]:
                yield fields[0], fields[1], fields[2].strip()


def read_tags(dump: Path, lower: bool = False) -> dict[str, set[str]]:
    """form (lower-cased if `lower`) -> the tags of all its readings ("VER:3:SIN:KJ1:NON", …)."""
    tags: dict[str, set[str]] = defaultdict(set)
    for form, _, tag in readings(dump):
        tags[form.lower() if lower else form].add(tag)
    return tags
