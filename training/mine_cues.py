"""Mine cue verbs from the WikiNews training split: which verb lemmas introduce quotations.

Usage: python training/mine_cues.py TRAIN_DIR OUT_TSV [--model auto]

For every verb lemma (with its separated particle, "ankündigen"), counts how often it lies
inside a gold cue span, how often inside a gold `Reported` quotation, and how often it
occurs at all; writes lemma, n_cue, n_total, precision (n_cue / n_total), the quote type
it introduces most often, n_reported and reported_share (n_reported / n_total). The attribution
stage reads the lemmas that pass its thresholds (see pipeline/lexicon.py). The list is
derived from CC BY-NC-SA 4.0 data and carries that licence.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.backbone import load_backbone
from pipeline.verbforms import verb_lemma


def mine(train_dir: Path, model: str = "auto") -> list[tuple]:
    nlp, _ = load_backbone(model)
    nlp.select_pipes(disable=[n for n in ("ner", "senter") if n in nlp.pipe_names])
    files = sorted(train_dir.glob("*.json"))
    data = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    n_cue, n_total, n_reported, types = Counter(), Counter(), Counter(), defaultdict(Counter)
    for record, doc in zip(data, nlp.pipe((d["originalText"] for d in data), batch_size=16)):
        cue_chars, reported_chars = {}, set()
        for ann in record["annotations"]:
            if ann["type"] == "Reported":
                for span in ann["quote"]["spans"]:
                    reported_chars.update(range(span["charBegin"], span["charEnd"]))
            for span in (ann.get("cue") or {}).get("spans", []):
                for c in range(span["charBegin"], span["charEnd"]):
                    cue_chars[c] = ann["type"]
        for token in doc:
            if token.pos_ not in {"VERB", "AUX"}:
                continue
            lemma = verb_lemma(token)
            n_total[lemma] += 1
            n_reported[lemma] += token.idx in reported_chars
            if token.idx in cue_chars:
                n_cue[lemma] += 1
                types[lemma][cue_chars[token.idx]] += 1
    lemmas = set(n_cue) | {lemma for lemma, n in n_reported.items() if n}
    rows = [(lemma, n_cue[lemma], n_total[lemma], round(n_cue[lemma] / n_total[lemma], 3),
             types[lemma].most_common(1)[0][0] if types[lemma] else "", n_reported[lemma],
             round(n_reported[lemma] / n_total[lemma], 3)) for lemma in lemmas]
    return sorted(rows, key=lambda r: (-r[1], -r[5], r[0]))


if __name__ == "__main__":
    train, out = Path(sys.argv[1]), Path(sys.argv[2])
    model = sys.argv[sys.argv.index("--model") + 1] if "--model" in sys.argv else "auto"
    rows = mine(train, model)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("lemma\tn_cue\tn_total\tprecision\ttype\tn_reported\treported_share\n")
        for row in rows:
            fh.write("\t".join(map(str, row)) + "\n")
    print(f"{out}: {len(rows)} cue lemmas from {train}")
