"""Assemble the separately trained syntax and NER models into the backbone, and save the
sentence splitter beside it.

Usage: python training/assemble.py BUILD_DIR OUT_DIR SPLITTER_OUT_DIR
       python training/assemble.py --replace-ner BACKBONE_DIR NER_MODEL_DIR OUT_DIR

Each part was trained with its own config (training/configs/*.cfg). The NER model's
listener is replaced by a private copy of its tok2vec so that it can live next to the
syntax model's shared tok2vec in one pipeline. The sentence recognizer learns from WikiNews
sentence boundaries (CC BY-NC-SA 4.0), so it is not part of the backbone (CC BY-SA 4.0): it is
`models/sentence_splitter`, which the claims pipeline puts before the backbone's components.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

MODEL_NAME = "open_news"  # the package name becomes de_open_news
META = {
    "name": MODEL_NAME,
    "version": "0.3.0",
    "description": "German news pipeline trained by this project on openly licensed data "
    "(UD German GSD/PUD, GermEval 2014, Europeana, NEISS Sturm, DFKI SmartData, LanguageTool German POS dictionary).",
    "license": "CC BY-SA 4.0",
    "author": "german-claims project",
    "sources": [
        {"name": "UD German GSD (dev+test parts)", "license": "CC BY-SA 4.0"},
        {"name": "UD German PUD", "license": "CC BY-SA 3.0"},
        {"name": "GermEval 2014 NER (test part)", "license": "CC BY 4.0"},
        {"name": "Europeana Newspapers NER (German)", "license": "CC0 1.0"},
        {"name": "NEISS Sturm NER", "license": "CC BY 4.0"},
        {"name": "DFKI SmartData Corpus v1", "license": "CC BY 4.0"},
        {"name": "LanguageTool German POS dictionary (lexicon vectors)", "license": "CC BY-SA 4.0"},
    ],
}


SPLITTER_META = {
    "name": "sentence_splitter",
    "version": "0.1.0",
    "description": "German sentence recognizer for news, trained on the sentence boundaries of the German "
    "WikiNews quotation dataset; used by the claims pipeline before the de_open_news backbone.",
    "license": "CC BY-NC-SA 4.0",
    "author": "german-claims project",
    "sources": [{"name": "German WikiNews quotation dataset (train, sentence boundaries only)",
                 "license": "CC BY-NC-SA 4.0"}],
}


def assemble(build: Path, out: Path, splitter_out: Path) -> None:
    nlp = spacy.load(build / "syntax/model-best")
    _add_ner(nlp, build / "ner/model-best")
    _save(nlp, out)
    splitter = spacy.load(build / "senter/model-best")
    splitter.meta.update(SPLITTER_META)
    splitter.to_disk(splitter_out)
    print(f"wrote {splitter_out}: pipeline {splitter.pipe_names}")


def replace_ner(backbone: Path, ner_model: Path, out: Path) -> None:
    """The backbone with a newly trained NER: its syntax and sentence models stay as they are
    (the quote tagger, linker and scorer learned on their output)."""
    nlp = spacy.load(backbone)
    nlp.remove_pipe("ner")
    _add_ner(nlp, ner_model)
    _save(nlp, out)


def _add_ner(nlp, path: Path) -> None:
    """The NER model with a private copy of its tok2vec, at the end of `nlp`. Both models read
    the same lexicon vectors (`make_lexicon_vectors.py`); a pipeline without them takes the NER's."""
    ner = spacy.load(path)
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    if ner.vocab.vectors.shape != nlp.vocab.vectors.shape:
        if nlp.vocab.vectors.shape[0]:
            raise SystemExit(f"{path} was trained with other static vectors than the pipeline it joins")
        nlp.vocab.vectors = ner.vocab.vectors
    nlp.add_pipe("ner", source=ner, last=True)


def _save(nlp, out: Path) -> None:
    nlp.meta.update(META)
    nlp.to_disk(out)
    print(f"wrote {out}: pipeline {nlp.pipe_names}")
    print(json.dumps({k: nlp.meta[k] for k in ("lang", "name", "version")}))


if __name__ == "__main__":
    if sys.argv[1] == "--replace-ner":  # --replace-ner BACKBONE NER_MODEL OUT
        replace_ner(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        assemble(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
