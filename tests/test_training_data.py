"""Readers of the training corpora (training/convert.py) on small hand-made files."""
import gzip
import json
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
import convert  # noqa: E402


def _smartdata_object(text: str, mentions: list[tuple[int, int, str]]) -> dict:
    return {"id": "x", "text": {"string": text},
            "conceptMentions": {"array": [{"span": {"start": s, "end": e}, "type": t} for s, e, t in mentions]}}


def test_smartdata_mentions_become_per_org_loc(tmp_path):
    first = "Michael Peters von Euronews sprach in Cannes über die E-Plus-Übernahme und die deutsche Lage am 12.04.2016."
    second = "Telefónica Deutschland\nmeldet Zahlen."

    def at(word: str, label: str) -> tuple[int, int, str]:
        start = first.index(word)
        return start, start + len(word), label

    mentions = [at("Michael Peters", "person"), at("Euronews", "organization-company"), at("Cannes", "location-city"),
                at("E-Plus", "organization-company"),  # inside a compound: no entity, as in GermEval
                at("deutsche", "location"),             # an adjective: no entity, as in GermEval
                at("12.04.2016", "date")]               # dates are not an entity type here
    path = tmp_path / "smart.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:  # objects one after another, as upstream
        fh.write(json.dumps(_smartdata_object(first, mentions), indent=2) + "\n")
        fh.write(json.dumps(_smartdata_object(second, [(0, 23, "organization")]), indent=2))
    docs = convert.read_smartdata(path, spacy.blank("de").tokenizer)
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Michael Peters", "PER"), ("Euronews", "ORG"), ("Cannes", "LOC")]
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Telefónica Deutschland", "ORG")]  # trailing line break cut


import make_lexicon_vectors  # noqa: E402


def test_lexicon_vectors_share_rows_by_signature_and_key_sentence_starts(tmp_path):
    dump = tmp_path / "dump.tsv.gz"
    lines = ["Berlin\tBerlin\tEIG:NOM:SIN:NEU:NOA:STD", "Hamburg\tHamburg\tEIG:NOM:SIN:NEU:NOA:STD",
             "sagte\tsagen\tVER:3:SIN:PRT:SFT", "sei\tsein\tVER:3:SIN:KJ1:NON", "die\tder\tART:DEF:NOM:SIN:FEM",
             "#preis\tpreisen\tVER:IMP:SIN:NON -- a false alarm"]
    with gzip.open(dump, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    readings = make_lexicon_vectors.read_readings(dump)
    assert "#preis" not in readings and "preis" not in readings
    assert "Die" in readings  # an article also keyed in title case, for sentence starts
    assert "Sagte" not in readings  # open classes are not: "Sagte" is no word of the dictionary
    assert {"VER", "VER:KJ1", "LO"} <= readings["sei"] and "VER:PRT" not in readings["sei"]
    vectors = make_lexicon_vectors.build_vectors(readings, min_forms=1)
    nlp = spacy.blank("de")
    nlp.vocab.vectors = vectors
    berlin, hamburg, sei = (nlp.vocab.vectors.find(key=word) for word in ("Berlin", "Hamburg", "sei"))
    assert berlin == hamburg != sei  # one row per signature
    assert nlp.vocab.vectors.find(key="Paris") == -1
    assert nlp.vocab.vectors.shape[0] == len({frozenset(f) for f in readings.values()})


def test_pud_lines_are_retagged_as_gsd_tags_them():
    def line(form, upos, deprel):
        return ["1", form, form.lower(), upos, "_", "_", "0", deprel, "_", "_"]

    adjectives = {"schnell"}
    cases = [(line("Montag", "NOUN", "obl"), ("PROPN", "obl")),
             (line("als", "CCONJ", "cc"), ("ADP", "case")),
             (line("um", "SCONJ", "mark"), ("ADP", "mark")),
             (line("schnell", "ADV", "advmod"), ("ADJ", "advmod")),
             (line("schnell", "ADV", "compound:prt"), ("ADV", "compound:prt")),  # a verb particle stays
             (line("sehr", "ADV", "advmod"), ("ADV", "advmod")),                 # an adverb stays
             (line("Mark", "NOUN", "obj"), ("NOUN", "obj"))]
    for columns, expected in cases:
        out = convert.harmonise_pud(columns, adjectives)
        assert (out[3], out[7]) == expected and len(out) == 10
