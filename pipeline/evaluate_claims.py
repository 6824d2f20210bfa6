"""Score claims against claim-level gold with canonical speakers (the realnews-dev format).

Gold: a folder with `gold.jsonl` (one claim per line: doc, speaker, aliases, type, quote,
char_start, char_end) and `articles/<doc>.txt`. What users judge is whether a statement was
found and whether the `speaker` column names the right person, so that is what is scored
(the rule of ../shared/data/realnews-dev/README.md):

- a gold claim is FOUND by a predicted claim of the same article whose quote spans cover at
  least 50 % of the gold quote's characters while the gold quote covers at least 30 % of the
  prediction's characters;
- its SPEAKER IS RIGHT when such a prediction's canonical `speaker` contains the gold speaker
  or one of its aliases as a whole word (case-insensitive); of several matching predictions
  the best counts (right speaker first, then the larger overlap);
- PRECISION is the share of predicted claims that match some gold claim by the overlap rule.
Found and speaker-right are reported overall and per gold type.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

GOLD_COVERED = 0.5  # share of the gold quote's characters a prediction must cover
PREDICTION_COVERED = 0.3  # share of the prediction's characters the gold quote must cover


@dataclass
class GoldClaim:
    doc: str
    speaker: str
    aliases: list[str]
    type: str
    start: int
    end: int


def is_claims_gold(folder: Path) -> bool:
    return (Path(folder) / "gold.jsonl").exists() and (Path(folder) / "articles").is_dir()


def load_claims_gold(folder: Path) -> list[GoldClaim]:
    claims = []
    for line in (Path(folder) / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            claims.append(GoldClaim(item["doc"], item["speaker"], item.get("aliases") or [], item["type"],
                                    item["char_start"], item["char_end"]))
    return claims


def article_paths(folder: Path, gold: list[GoldClaim]) -> list[Path]:
    return [Path(folder) / "articles" / f"{doc}.txt" for doc in sorted({g.doc for g in gold})]


def _characters(spans) -> set[int]:
    return {i for span in spans for i in range(int(span["start"]), int(span["end"]))}


def overlap_ok(gold: GoldClaim, predicted: set[int]) -> int:
    """The shared characters if the overlap rule holds, else 0."""
    shared = len(predicted & set(range(gold.start, gold.end)))
    if not predicted or shared < GOLD_COVERED * (gold.end - gold.start) or shared < PREDICTION_COVERED * len(predicted):
        return 0
    return shared


def speaker_right(gold: GoldClaim, speaker: str | None) -> bool:
    if not isinstance(speaker, str) or not speaker:  # (pandas gives NaN for a missing speaker)
        return False
    said = speaker.lower()
    return any(re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", said) for name in [gold.speaker, *gold.aliases])


def score_claims(gold: list[GoldClaim], predictions: list[dict]) -> dict:
    """Found / speaker right / precision, overall and per gold type. `predictions`: rows of
    claims.parquet (doc_id, speaker, quote_spans, quote_type)."""
    by_doc = defaultdict(list)
    rules = defaultdict(list)
    for row in predictions:
        by_doc[row["doc_id"]].append((_characters(row["quote_spans"]), row.get("speaker")))
        rules[row["doc_id"]].append(str(row.get("rule")))
    docs = {g.doc for g in gold}
    matched_predictions: set[tuple[str, int]] = set()
    per_type: dict[str, dict[str, int]] = defaultdict(lambda: {"claims": 0, "found": 0, "speaker_right": 0})
    misses = []
    for g in gold:
        best = None  # (speaker right, shared characters)
        for k, (chars, speaker) in enumerate(by_doc.get(g.doc, [])):
            shared = overlap_ok(g, chars)
            if shared:
                matched_predictions.add((g.doc, k))
                candidate = (speaker_right(g, speaker), shared)
                best = max(best, candidate) if best else candidate
        counts = per_type[g.type]
        counts["claims"] += 1
        counts["found"] += best is not None
        counts["speaker_right"] += bool(best and best[0])
        if not (best and best[0]):
            misses.append({"doc": g.doc, "type": g.type, "speaker": g.speaker, "found": best is not None})
    n_predicted = sum(len(v) for d, v in by_doc.items() if d in docs)
    total = {key: sum(c[key] for c in per_type.values()) for key in ("claims", "found", "speaker_right")}
    return {
        "claims": total["claims"],
        "found": _percent(total["found"], total["claims"]),
        "speaker_right": _percent(total["speaker_right"], total["claims"]),
        "precision": _percent(len(matched_predictions), n_predicted),
        "predicted": n_predicted,
        "by_type": {t: {"claims": c["claims"], "found": _percent(c["found"], c["claims"]),
                        "speaker_right": _percent(c["speaker_right"], c["claims"])} for t, c in sorted(per_type.items())},
        "by_article": _by_article(gold, misses),
        # the predictions no gold claim matches, by the rule that found them
        "unmatched_by_rule": dict(sorted(Counter(rules[d][k] for d, v in by_doc.items() if d in docs
                                                 for k in range(len(v)) if (d, k) not in matched_predictions).items())),
    }


def _by_article(gold: list[GoldClaim], misses: list[dict]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"claims": 0, "not_found": 0, "wrong_speaker": 0})
    for g in gold:
        out[g.doc]["claims"] += 1
    for miss in misses:
        out[miss["doc"]]["wrong_speaker" if miss["found"] else "not_found"] += 1
    return dict(sorted(out.items()))


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def format_claims_table(result: dict) -> str:
    lines = [f"{'gold type':24} {'claims':>6} {'found':>7} {'speaker':>8}"]
    for name, row in result["by_type"].items():
        lines.append(f"{name:24} {row['claims']:6} {row['found']:6.1f}% {row['speaker_right']:7.1f}%")
    lines.append(f"{'all':24} {result['claims']:6} {result['found']:6.1f}% {result['speaker_right']:7.1f}%")
    lines.append(f"precision {result['precision']:.1f}% of {result['predicted']} predicted claims")
    return "\n".join(lines)
