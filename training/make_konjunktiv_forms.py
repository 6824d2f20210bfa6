"""Write pipeline/data/konjunktiv_i.txt: verb forms that are Konjunktiv I in the third person.

    python training/make_konjunktiv_forms.py ../shared/data/german-open/german-pos-dict/german_dump.tsv.gz \
        pipeline/data/konjunktiv_i.txt

Source: the LanguageTool German POS dictionary (`german-pos-dict`, from Morphy; CC BY-SA 4.0),
dumped as form TAB lemma TAB tag. Kept: forms tagged third-person Konjunktiv I
(`VER:3:SIN:KJ1`, `VER:AUX:3:PLU:KJ1`, …) that the dictionary never tags as an indicative of
the second or third person or of the plural ("beobachte", "schäme", "seien"; not "gehen",
which is also the indicative plural) and never as anything but a verb ("Ende" the noun, so not
"ende"). Such a form is ambiguous only with the first person singular ("ich beobachte") and
the imperative, which `pipeline/german/mood.py` rules out from the clause. The small backbone
tags many of them Mood=Ind ("Die EZB beobachte derzeit …"), so the attribution missed the
Konjunktiv runs they carry. The list is derived from CC BY-SA 4.0 data and carries that licence.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from german_dictionary import read_tags  # sibling script

KONJUNKTIV_I = re.compile(r"^VER(:AUX|:MOD)?:3:(SIN|PLU):KJ1")
INDICATIVE = re.compile(r"^VER(:AUX|:MOD)?:([23]:(SIN|PLU)|1:PLU):(PRÄ|PRT)")


def konjunktiv_i_forms(dump: Path) -> list[str]:
    tags = read_tags(dump, lower=True)
    return sorted(form for form, form_tags in tags.items()
                  if any(KONJUNKTIV_I.match(t) for t in form_tags)
                  and not any(INDICATIVE.match(t) for t in form_tags)
                  and all(t.startswith("VER") for t in form_tags)
                  and form.isalpha())


def main(dump: Path, out: Path) -> None:
    forms = konjunktiv_i_forms(dump)
    header = ("# third-person Konjunktiv I forms, never indicative of the 2nd/3rd person or plural; derived from the "
              "LanguageTool German POS dictionary (german-pos-dict, CC BY-SA 4.0) by training/make_konjunktiv_forms.py\n")
    out.write_text(header + "\n".join(forms) + "\n", encoding="utf-8")
    print(f"{out}: {len(forms)} forms")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
