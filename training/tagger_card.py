"""Name, licence and model card for the trained quote tagger.

Usage: python training/tagger_card.py MODEL_DIR

Fills in meta.json (name, version, licence, description) and writes MODEL_DIR/README.md from
the scores spaCy recorded on the held-out tenth of WikiNews train.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from spacy.util import load_config

LICENSE = "CC BY-NC-SA 4.0"
VERSION = "1.1.0"  # 1.0.0 (sessions 6-12): encoder width 96, depth 4


def card(meta: dict, encoder: dict, size_mb: float) -> str:
    perf = meta.get("performance", {})
    rows = "\n".join(f"| {label} | {100 * s['p']:.1f} | {100 * s['r']:.1f} | {100 * s['f']:.1f} |"
                     for label, s in sorted((perf.get("ents_per_type") or {}).items()))
    return f"""# quote_tagger: quotation spans learned from WikiNews

A spaCy entity recognizer (its own CNN tok2vec over NORM/PREFIX/SUFFIX/SHAPE, width {encoder['width']},
depth {encoder['depth']}; transition-based NER head) whose "entities" are quotation spans labelled by type: DIRECT,
INDIRECT, FREE_INDIRECT, INDIRECT_FREE_INDIRECT, REPORTED. `pipeline/tagger.py` (factory
`claims_quote_tagger`) runs it on a copy of each document's tokens and stores its spans in
`doc.spans["quote_candidates"]`; the attribution stage adds the non-direct ones that no rule
found (rule `tagger` / `tagger+cue`) and the scorer (`models/claim_scorer`) decides which stay.

- **Data**: the 700 training articles of the German WikiNews quotation dataset
  (`../shared/data/wikinews-quotes/train`, Petersen-Frey & Biemann, LREC-COLING 2024), tokenized
  by the project's backbone; nested quotations keep the longer one. One article in ten is held
  out for model selection (`training/convert_quotes.py`).
- **Licence**: {LICENSE}. The weights are derived from CC BY-NC-SA 4.0 material (attribution,
  non-commercial use, share-alike).
- **Config**: `training/configs/quotes.cfg`. Size about {size_mb:.0f} MB.

## Scores on the held-out tenth of train (exact span match)

| | P | R | F1 |
|---|---|---|---|
| all types | {100 * perf.get('ents_p', 0):.1f} | {100 * perf.get('ents_r', 0):.1f} | {100 * perf.get('ents_f', 0):.1f} |
{rows}

Exact span match is strict; the pipeline's scores on WikiNews dev with the tagger and the
scorer are in `models/claim_scorer/README.md` and the project README.

Version 1.1.0 (session 13) has a smaller encoder than 1.0.0 (width 96, depth 4; held-out F1
49.8): the tagger costs a third less time, and the pipeline's scores did not move (WikiNews dev
Message 78.2 -> 78.3, Joint 71.5 -> 71.6; realnews-dev found and speaker right equal; NOTES.md).

## Retrain

`make train-quotes` converts the data, trains this tagger and two half-data taggers (whose
out-of-fold spans train the scorer), copies `build/quotes/train/model-best` here and retrains
the scorer. About 10 minutes on 2 cores with `make -j2 train-quotes`.
"""


def main(model_dir: str) -> None:
    path = Path(model_dir)
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    meta.update(name="quote_tagger", version=VERSION, license=LICENSE, author="claims project",
                description="Quotation spans by type, trained on German WikiNews (CC BY-NC-SA 4.0)")
    (path / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    encoder = load_config(path / "config.cfg")["components"]["quotes"]["model"]["tok2vec"]["encode"]
    size_mb = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6
    (path / "README.md").write_text(card(meta, encoder, size_mb), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
