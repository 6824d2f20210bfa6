"""Write pipeline/data/noun_genders.tsv: the grammatical gender of German nouns.

    python training/make_noun_genders.py ../shared/data/german-open/german-pos-dict/german_dump.tsv.gz pipeline/data/noun_genders.tsv

Source: the LanguageTool German POS dictionary (`german-pos-dict`, from Morphy; CC BY-SA 4.0).
A noun lemma ("SUB:…:MAS") with one gender only is kept (nominalised adjectives such as
"Abgeordnete" have several and are left out), and a compound whose head gives the same gender
is dropped: the pipeline finds "Reichsvermögensgesetz" by its head "Gesetz". The speaker
resolution reads the table to give a name found in the genitive or dative in the nominative
("des Auswärtigen Amtes" -> "Auswärtiges Amt"), where the morphologizer's gender is often
wrong. The table is derived from CC BY-SA 4.0 data and carries that licence.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from german_dictionary import readings  # a sibling script
from pipeline.german.inflection import compound_head

GENDERS = {"MAS": "m", "FEM": "f", "NEU": "n"}


def main(dump: Path, out: Path) -> None:
    genders: dict[str, set[str]] = defaultdict(set)  # lemma -> genders of its noun readings
    for _, lemma, tag in readings(dump):
        parts = tag.split(":")
        if parts[0] == "SUB" and len(parts) >= 4 and parts[3] in GENDERS:
            genders[lemma].add(GENDERS[parts[3]])
    known = {word: next(iter(g)) for word, g in genders.items() if len(g) == 1 and word[:1].isupper()}
    kept = {word: g for word, g in known.items() if known.get(compound_head(word, known) or "") != g}
    header = ("# noun\tgender (m, f, n); derived from the LanguageTool German POS dictionary (Morphy, CC BY-SA 4.0) "
              "by training/make_noun_genders.py; compounds are looked up by their head\n")
    out.write_text(header + "".join(f"{w}\t{g}\n" for w, g in sorted(kept.items())), encoding="utf-8")
    print(f"{out}: {len(kept)} nouns ({len(known)} before compounds were dropped)")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
