"""Turn WikiNews gold quotations into spaCy training data for the quote tagger.

Usage: python training/convert_quotes.py TRAIN_DIR OUT_DIR [--model auto]

Each article is tokenized with the backbone's tokenizer (so that training and inference see
the same tokens) and its gold quotations become entity spans labelled by type (DIRECT,
INDIRECT, FREE_INDIRECT, INDIRECT_FREE_INDIRECT, REPORTED). Entities cannot nest: where
quotations overlap (a direct quote inside an indirect one) the longer one is kept. A
discontinuous quotation (interrupted by its frame) gives one entity per contiguous piece.
One article in ten (by a stable hash of its id) goes to `dev.spacy` for model selection;
WikiNews dev stays untouched for reporting. The other articles go to `train.spacy` and are
also split into two halves, `fold-a.spacy` and `fold-b.spacy`: a tagger trained on one half
proposes spans on the other, so that the scorer learns from predictions on unseen articles
(see training/train_scorer.py). The output is derived from CC BY-NC-SA 4.0 data.
"""
from __future__ import annotations

import argparse
import json
import zlib
from pathlib import Path

from spacy.tokens import DocBin
from spacy.util import filter_spans

from pipeline.backbone import load_backbone

LABELS = {"Direct": "DIRECT", "Indirect": "INDIRECT", "FreeIndirect": "FREE_INDIRECT",
          "IndirectFreeIndirect": "INDIRECT_FREE_INDIRECT", "Reported": "REPORTED"}


def quote_entities(doc, annotations: list[dict]):
    spans = []
    for ann in annotations:
        label = LABELS.get(ann["type"])
        for piece in ann["quote"]["spans"] if label else []:
            span = doc.char_span(piece["charBegin"], piece["charEnd"], label=label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
    return filter_spans(spans)  # longest first, no overlaps


def split_of(name: str) -> str:
    """'dev' (one article in ten), else the fold: 'a' or 'b'."""
    if zlib.crc32(name.encode()) % 10 == 0:
        return "dev"
    return "ab"[zlib.adler32(name.encode()) % 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--model", default="auto")
    args = parser.parse_args()
    nlp, _ = load_backbone(args.model)
    bins = {"train": DocBin(), "dev": DocBin(), "fold-a": DocBin(), "fold-b": DocBin()}
    for path in sorted(args.train_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        doc = nlp.make_doc(record["originalText"])
        doc.ents = quote_entities(doc, record["annotations"])
        split = split_of(path.stem)
        if split == "dev":
            bins["dev"].add(doc)
        else:
            bins["train"].add(doc)
            bins[f"fold-{split}"].add(doc)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for split, docbin in bins.items():
        docbin.to_disk(args.out_dir / f"{split}.spacy")
        print(f"{split}: {len(docbin)} articles")


if __name__ == "__main__":
    main()
