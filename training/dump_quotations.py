"""Dump every quotation the pipeline finds, for behaviour comparisons across refactorings.

    python training/dump_quotations.py OUT.jsonl INPUT [INPUT ...] [--rules-only]

One JSON line per document: doc_id and its quotations (type, spans, cue lemma, via, rule,
confidence, canonical speaker). `diff` two dumps to see which claims a change moved.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import load_nlp  # noqa: E402
from pipeline import nlp as assembly  # noqa: E402
from pipeline.inputs import read_articles  # noqa: E402

FIELDS = ("type", "quote", "speaker", "cue", "frame", "addressee", "cue_lemma", "via", "rule", "confidence",
          "speaker_canonical", "speaker_label", "sentence_index", "claim_date")


def main(argv: list[str]) -> None:
    rules_only = "--rules-only" in argv
    args = [a for a in argv if a != "--rules-only"]
    out, inputs = Path(args[0]), args[1:]
    nlp = load_nlp(scorer=not rules_only, linker=not rules_only)
    with out.open("w", encoding="utf-8") as handle:
        for doc in assembly.process(nlp, assembly.make_docs(nlp, read_articles(inputs))):
            quotations = [{k: q.to_dict().get(k) for k in FIELDS} for q in doc._.quotations] if assembly.is_ok(doc) else []
            row = {"doc_id": doc.user_data.get("claims:doc_id"), "status": doc.user_data.get("claims:status", "ok"),
                   "quotations": quotations}
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
