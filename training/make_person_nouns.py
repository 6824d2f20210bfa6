"""Write pipeline/data/person_nouns.tsv: nouns that name a person, with their gender.

    python training/make_person_nouns.py ../shared/data/lexicons/role-noun-pairs.tsv pipeline/data/person_nouns.tsv

Source: `role-noun-pairs.tsv` of `../shared/data/lexicons` (4,794 masculine/feminine pairs of
person nouns such as Minister/Ministerin, derived from German Wiktionary via the `german-nouns`
package; CC BY-SA 4.0). Written lower-cased, one noun per line with `m` or `f`. The speaker
resolution reads it to tell "der Experte" (a person, to be resolved like "er") from "der Bericht".
The list is derived from CC BY-SA 4.0 data and carries that licence.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path


# Pairs of the source that are no person nouns ("Schutz/Schützin" is a Wiktionary slip for
# "Schütze"); as compound heads they would make "Zivilschutz" a person.
NOT_PERSON_NOUNS = {"schutz"}


def main(pairs: Path, out: Path) -> None:
    genders: dict[str, str] = {}
    with pairs.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for word, gender in ((row["masculine"], "m"), (row["feminine"], "f")):
                word = word.strip().lower()
                if word.isalpha() and len(word) >= 4 and word not in NOT_PERSON_NOUNS:
                    genders.setdefault(word, gender)
    header = ("# person noun (lower case)\tgender; derived from role-noun-pairs.tsv (German Wiktionary via german-nouns, "
              "CC BY-SA 4.0) by training/make_person_nouns.py\n")
    out.write_text(header + "".join(f"{w}\t{g}\n" for w, g in sorted(genders.items())), encoding="utf-8")
    print(f"{out}: {len(genders)} nouns")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
