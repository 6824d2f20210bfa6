"""Write pipeline/data/first_names.tsv: first names whose gender is clear, from nomquamgender.

    python training/make_first_names.py pipeline/data/first_names.tsv

Source: the PyPI package `nomquamgender` 0.1.4 (MIT licence; 721,739 names with the share of
female bearers, from several name-gender sources). Kept: alphabetic names seen at least
MIN_COUNT times in at least MIN_SOURCES sources (about 35,000), with gender "f" or "m" where
the female share is at least 0.9 or at most 0.1, else "?" ("Kim", "Andrea"). The attribution
reads the table to tell a person's name from other capitalised words and to let pronouns
agree with the person they stand for.
"""
from __future__ import annotations

import importlib.resources
import json
import sys

from spacy.lang.de.stop_words import STOP_WORDS as GERMAN_STOP_WORDS
from pathlib import Path

MIN_COUNT = 100
MIN_SOURCES = 5
DECISIVE = 0.1  # female share at most this (male) or at least 1 - this (female)
# Words that are names somewhere but mostly something else here: months and countries, and
# German function words ("Der", "Von", "Eine" are rare first names in the sources)
NOT_NAMES = {"january", "april", "may", "june", "july", "august", "china", "india", "israel", "jordan",
             "georgia"} | GERMAN_STOP_WORDS


def main(out: Path) -> None:
    data = json.loads(importlib.resources.files("nomquamgender").joinpath("name_data.json").read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, female, *_rest) in sorted(data.items()):
        if name.isalpha() and name not in NOT_NAMES and count >= MIN_COUNT and sources >= MIN_SOURCES:
            gender = "f" if female >= 1 - DECISIVE else "m" if female <= DECISIVE else "?"
            rows.append(f"{name}\t{gender}")
    header = ("# first name\tgender (f/m, ? for both); derived from nomquamgender 0.1.4 (MIT licence) by "
              "training/make_first_names.py\n")
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
