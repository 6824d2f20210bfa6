"""Assemble the separately trained syntax, NER and sentence models into one pipeline.

Usage: python training/assemble.py BUILD_DIR OUT_DIR
       python training/assemble.py --replace-ner BACKBONE_DIR NER_MODEL_DIR OUT_DIR

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
    nlp = spacy.load(build / "syntax/model-best")
    nlp.add_pipe("senter", source=spacy.load(build / "senter/model-best"), first=True)
    nlp.add_pipe("ner", source=_ner_with_own_tok2vec(build / "ner/model-best"), last=True)
    _save(nlp, out)


def replace_ner(backbone: Path, ner_model: Path, out: Path) -> None:
    """The backbone with a newly trained NER: its syntax and sentence models stay as they are
    (the quote tagger, linker and scorer learned on their output)."""
    nlp = spacy.load(backbone)
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=_ner_with_own_tok2vec(ner_model), last=True)
    _save(nlp, out)


def _ner_with_own_tok2vec(path: Path):
    ner = spacy.load(path)
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    return ner


def _save(nlp, out: Path) -> None:
    nlp.meta.update(META)
    nlp.to_disk(out)
    print(f"wrote {out}: pipeline {nlp.pipe_names}")
    print(json.dumps({k: nlp.meta[k] for k in ("lang", "name", "version")}))


if __name__ == "__main__":
    if sys.argv[1] == "--replace-ner":  # --replace-ner BACKBONE NER_MODEL OUT
        replace_ner(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        assemble(Path(sys.argv[1]), Path(sys.argv[2]))
