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
