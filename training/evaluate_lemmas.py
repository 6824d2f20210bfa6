"""Lemma accuracy on UD German GSD dev: the backbone's trained lemmatizer, and the pipeline's
lemmas (with `claims_lemmas`, the simplemma dictionary lookup).

    python training/evaluate_lemmas.py ../shared/data/german-open/ud-gsd/de_gsd-ud-dev.conllu

Gold tokens are given to the pipeline as words, so tokenization does not count.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spacy.tokens import Doc  # noqa: E402

from pipeline.nlp import load_nlp  # noqa: E402


def sentences(path: Path):
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        rows = [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]
        rows = [r for r in rows if "-" not in r[0] and "." not in r[0]]
        if rows:
            yield [r[1] for r in rows], [r[2] for r in rows]


def main(path: Path) -> None:
    nlp = load_nlp(scorer=False, linker=False)
    backbone = [name for name in nlp.pipe_names if not name.startswith("claims_")]
    total = trained = ours = 0
    for words, lemmas in sentences(path):
        doc = Doc(nlp.vocab, words=words)
        for name in backbone:
            doc = nlp.get_pipe(name)(doc)
        trained += sum(t.lemma_ == gold for t, gold in zip(doc, lemmas))
        if "claims_lemmas" in nlp.pipe_names:
            doc = nlp.get_pipe("claims_lemmas")(doc)
        ours += sum(t.lemma_ == gold for t, gold in zip(doc, lemmas))
        total += len(words)
    print(json.dumps({"tokens": total, "trained_lemmatizer": round(100 * trained / total, 2),
                      "pipeline": round(100 * ours / total, 2)}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
