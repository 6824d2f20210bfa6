"""Assemble the separately trained syntax, NER and sentence models into one pipeline.

Usage: python training/assemble.py BUILD_DIR OUT_DIR

Each part was trained with its own config (training/configs/*.cfg). The NER model's
listener is replaced by a private copy of its tok2vec so that it can live next to the
syntax model's shared tok2vec in one pipeline.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

MODEL_NAME = "open_news"  # the package name becomes de_open_news
META = {
    "name": MODEL_NAME,
    "version": "0.2.0",
    "description": "German news pipeline trained by this project on openly licensed data "
    "(UD German GSD/PUD, GermEval 2014, Europeana, NEISS Sturm, DFKI SmartData, WikiNews sentence boundaries).",
    "license": "CC BY-SA 4.0",
    "author": "german-claims project",
    "sources": [
        {"name": "UD German GSD (dev+test parts)", "license": "CC BY-SA 4.0"},
        {"name": "UD German PUD", "license": "CC BY-SA 3.0"},
        {"name": "GermEval 2014 NER (test part)", "license": "CC BY 4.0"},
        {"name": "Europeana Newspapers NER (German)", "license": "CC0 1.0"},
        {"name": "NEISS Sturm NER", "license": "CC BY 4.0"},
        {"name": "DFKI SmartData Corpus v1", "license": "CC BY 4.0"},
        {"name": "German WikiNews quotation dataset (sentence boundaries only)", "license": "CC BY-NC-SA 4.0"},
    ],
}


def assemble(build: Path, out: Path) -> None:
    syntax = spacy.load(build / "syntax/model-best")
    ner = spacy.load(build / "ner/model-best")
    senter = spacy.load(build / "senter/model-best")
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])

    nlp = syntax
    nlp.add_pipe("senter", source=senter, first=True)
    nlp.add_pipe("ner", source=ner, last=True)
    nlp.meta.update(META)
    nlp.to_disk(out)
    print(f"wrote {out}: pipeline {nlp.pipe_names}")
    print(json.dumps({k: nlp.meta[k] for k in ("lang", "name", "version")}))


if __name__ == "__main__":
    assemble(Path(sys.argv[1]), Path(sys.argv[2]))
