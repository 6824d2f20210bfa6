"""Score the assembled backbone on the held-out parts and time it; prints JSON.

Usage: python training/evaluate_backbone.py MODEL_DIR CORPUS_DIR [--splitter SPLITTER_DIR]

- syntax (POS, MORPH, LEMMA, UAS, LAS): UD German GSD dev
- NER (P/R/F overall and per label): GermEval 2014 dev
- sentence segmentation (SENTS_F): WikiNews-quotes dev, whole articles; the backbone alone
  (its parser splits sentences) and with the sentence splitter the claims pipeline puts first
- speed: words per second with nlp.pipe on one core (the WikiNews dev texts), load time
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402


def _examples(nlp, path: Path):
    return [Example(nlp.make_doc(ref.text), ref) for ref in DocBin().from_disk(path).get_docs(nlp.vocab)]


def _round(scores: dict) -> dict:
    out = {}
    for key, value in scores.items():
        if isinstance(value, float):
            out[key] = round(100 * value, 2)
        elif isinstance(value, dict):
            out[key] = _round(value)
    return out


def _sentences(nlp, corpus: Path) -> dict:
    scores = nlp.evaluate(_examples(nlp, corpus / "sents-dev.spacy"))
    return _round({k: scores[k] for k in ("sents_p", "sents_r", "sents_f")})


def evaluate(model: Path, corpus: Path, splitter: Path | None = None) -> dict:
    started = time.perf_counter()
    nlp = spacy.load(model)
    load_seconds = time.perf_counter() - started
    syntax = nlp.evaluate(_examples(nlp, corpus / "syntax-dev.spacy"))
    ner = nlp.evaluate(_examples(nlp, corpus / "ner-dev.spacy"))
    sentences = _sentences(nlp, corpus)
    if splitter is not None:
        nlp.add_pipe("senter", source=spacy.load(splitter), first=True)
        with_splitter = _sentences(nlp, corpus)
        nlp.remove_pipe("senter")
    texts = [doc.text for doc in DocBin().from_disk(corpus / "sents-dev.spacy").get_docs(nlp.vocab)]
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    speed = words / (time.perf_counter() - started)
    return {
        "model": str(model),
        "pipeline": nlp.pipe_names,
        "syntax (UD GSD dev)": _round({k: syntax[k] for k in ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las")}),
        "ner (GermEval 2014 dev)": _round({k: ner[k] for k in ("ents_p", "ents_r", "ents_f", "ents_per_type")}),
        "sentences (WikiNews dev)": sentences,
        **({"sentences with the splitter (WikiNews dev)": with_splitter} if splitter is not None else {}),
        "words_per_second_1_core": round(speed),
        "load_seconds": round(load_seconds, 2),
        "size_mb": round(sum(f.stat().st_size for f in Path(model).rglob("*") if f.is_file()) / 1e6, 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Score the backbone on the held-out parts; prints JSON.")
    parser.add_argument("model", type=Path)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--splitter", type=Path, help="the sentence splitter (models/sentence_splitter)")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.model, args.corpus, args.splitter), indent=2, ensure_ascii=False))
