"""Write pipeline/data/place_names.tsv: names of cities, countries and regions, with their kind.

    python training/make_place_names.py ../shared/data/german-open/german-pos-dict/german_dump.tsv.gz \
        pipeline/data/place_names.tsv

Source: the LanguageTool German POS dictionary (`german-pos-dict`, from Morphy; CC BY-SA 4.0),
dumped as form TAB lemma TAB tag. Kept: proper names tagged as a city (`EIG:…:STD`), country
(`COU`) or region (`GEB`) that the dictionary never tags as a first name or surname (so not
"Jordan" or "Paris"). `pipeline/names.py` stops a person's name at them: the small NER runs
on from a name into the object that follows it ("Kim Jong Un Moskau seine Unterstützung
zusicherte"); a city right after a first name may be a surname ("Nina Hagen"), a country
not. The list is derived from CC BY-SA 4.0 data and carries that licence.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from german_dictionary import read_tags  # sibling script

PLACE = re.compile(r"^EIG:.*:(STD|COU|GEB)$")
PERSON = re.compile(r"^EIG:.*:(VOR|NAC)$")


KINDS = {"COU": "country", "GEB": "region", "STD": "city"}  # (a form with several: the first of these)


def place_names(dump: Path) -> dict[str, str]:
    """place name -> its kind ("city", "country", "region")."""
    tags = read_tags(dump)
    places = {}
    for form, form_tags in tags.items():
        kinds = {m.group(1) for t in form_tags if (m := PLACE.match(t))}
        if kinds and not any(PERSON.match(t) for t in form_tags):
            places[form] = next(KINDS[k] for k in KINDS if k in kinds)
    return dict(sorted(places.items()))


def main() -> None:
    dump, out = Path(sys.argv[1]), Path(sys.argv[2])
    names = place_names(dump)
    out.write_text("# place name TAB city/country/region, from the LanguageTool German POS dictionary, "
                   "CC BY-SA 4.0; made by training/make_place_names.py\n"
                   + "".join(f"{name}\t{kind}\n" for name, kind in names.items()), encoding="utf-8")
    print(f"{len(names)} place names -> {out}")


if __name__ == "__main__":
    main()
