"""Break attribution errors down by the rule that produced each claim (tuning aid, train split).

    python training/diagnose.py GOLD_DIR PRED_DIR

For every rule: how many of its claims pair with a gold quotation (and its mean quote F1),
how often the type agrees, how often the speaker overlaps the gold speaker; then the
unpaired gold quotations by type.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from pipeline.evaluate import _f1, load_gold, pair, predicted_items


def main(gold_dir: str, pred_dir: str) -> None:
    gold = load_gold(Path(gold_dir))
    claims = pd.read_parquet(Path(pred_dir) / "claims.parquet")
    by_doc = {k: g.to_dict("records") for k, g in claims.groupby("doc_id")}
    stats = defaultdict(Counter)
    missed = Counter()
    gold_total = Counter()
    for doc_id, (_, g) in gold.items():
        rows = by_doc.get(doc_id, [])
        pred = predicted_items(g, rows)
        pairs = dict((p, q) for q, p in pair(g.items, pred))
        for i, (row, item) in enumerate(zip(rows, pred)):
            s = stats[row["rule"]]
            s["n"] += 1
            if i not in pairs:
                continue
            gi = g.items[pairs[i]]
            s["paired"] += 1
            s["f1x100"] += round(100 * _f1(gi.parts["quote"], item.parts["quote"]))
            s["type_ok"] += gi.type == item.type
            if gi.parts["speaker"]:
                s["spk_gold"] += 1
                s["spk_ok"] += bool(gi.parts["speaker"] & item.parts["speaker"])
        paired_gold = set(pairs.values())
        for j, gi in enumerate(g.items):
            gold_total[gi.type] += 1
            missed[gi.type] += j not in paired_gold
    print(f"{'rule':34} {'n':>5} {'paired':>7} {'qF1':>5} {'type':>5} {'spk':>5}")
    for rule, s in sorted(stats.items(), key=lambda kv: -kv[1]["n"]):
        p = max(1, s["paired"])
        print(f"{rule:34} {s['n']:5} {s['paired']:7} {s['f1x100'] / p:5.0f} "
              f"{100 * s['type_ok'] / p:5.0f} {100 * s['spk_ok'] / max(1, s['spk_gold']):5.0f}")
    print("\nunpaired gold by type:")
    for t, n in gold_total.most_common():
        print(f"  {t:24} {missed[t]:5} of {n}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
