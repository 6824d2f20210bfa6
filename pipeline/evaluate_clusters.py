"""Score statement clusters against a hand-made gold set (tests/data/cluster_gold.json).

The gold lists, for one speaker, groups of claims that report the same statement, each claim
named by its article (doc_id prefix) and a text its quote contains; every other claim of the
speaker is a statement of its own. Scored over pairs of the speaker's claims in different
articles: precision is the share of predicted same-cluster pairs that the gold pairs too,
recall the share of gold pairs that are predicted.
"""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path


def gold_group_of(claim: dict, groups: list[dict]) -> int | None:
    for k, group in enumerate(groups):
        if any(claim["doc_id"].startswith(doc) and text in (claim["quote"] or "") for doc, text in group["claims"]):
            return k
    return None


def cluster_scores(gold_file: Path, claims: list[dict]) -> dict:
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    mine = [c for c in claims if c["speaker"] == gold["speaker"]]
    predicted, expected = set(), set()
    for a, b in combinations(range(len(mine)), 2):
        first, second = mine[a], mine[b]
        if first["doc_id"] == second["doc_id"]:
            continue
        if first["cluster_id"] and first["cluster_id"] == second["cluster_id"]:
            predicted.add((a, b))
        group = gold_group_of(first, gold["groups"])
        if group is not None and group == gold_group_of(second, gold["groups"]):
            expected.add((a, b))
    hits = len(predicted & expected)
    return {"gold_groups": len(gold["groups"]), "gold_pairs": len(expected), "predicted_pairs": len(predicted),
            "precision": round(100 * hits / len(predicted), 1) if predicted else 0.0,
            "recall": round(100 * hits / len(expected), 1) if expected else 0.0}
