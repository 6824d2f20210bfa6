"""Write pipeline/data/place_names.txt: names of cities, countries and regions.

    python training/make_place_names.py ../shared/data/german-open/german-pos-dict/german_dump.tsv.gz \
        pipeline/data/place_names.txt

Source: the LanguageTool German POS dictionary (`german-pos-dict`, from Morphy; CC BY-SA 4.0),
dumped as form TAB lemma TAB tag. Kept: proper names tagged as a city (`EIG:…:STD`), country
(`COU`) or region (`GEB`) that the dictionary never tags as a first name or surname (so not
"Jordan" or "Paris"). `pipeline/names.py` stops a person's name at them: the small NER runs
on from a name into the object that follows it ("Kim Jong Un Moskau seine Unterstützung
zusicherte"). The list is derived from CC BY-SA 4.0 data and carries that licence.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from german_dictionary import read_tags  # sibling script

PLACE = re.compile(r"^EIG:.*:(STD|COU|GEB)$")
PERSON = re.compile(r"^EIG:.*:(VOR|NAC)$")


def place_names(dump: Path) -> list[str]:
    tags = read_tags(dump)
    return sorted(form for form, form_tags in tags.items()
                  if any(PLACE.match(t) for t in form_tags) and not any(PERSON.match(t) for t in form_tags))


def main() -> None:
    dump, out = Path(sys.argv[1]), Path(sys.argv[2])
    names = place_names(dump)
    out.write_text("# place names (cities, countries, regions) from the LanguageTool German POS dictionary, "
                   "CC BY-SA 4.0; made by training/make_place_names.py\n" + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} place names -> {out}")


if __name__ == "__main__":
    main()
