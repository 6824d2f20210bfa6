"""Train the quotation scorer (pipeline/score.py) on WikiNews train.

Usage: python training/train_scorer.py TRAIN_DIR OUT_DIR [--model auto] [--folds 5]

1. Run the pipeline without the scorer over the training articles; every quotation it finds
   is an example, labelled 1 when the dataset's metric pairs it with a gold quotation.
2. Fit an L2-regularised logistic regression (scipy L-BFGS) on sparse features; cue lemmas
   seen fewer than MIN_CUE_COUNT times share one feature.
3. Choose the threshold on out-of-fold probabilities (folds by article) that maximises
   Message F1 + Joint F1 on train, then refit on all articles. Quotations the scorer always
   keeps (`pipeline.score.always_keep`) count as kept here too.
Writes OUT_DIR/weights.json and OUT_DIR/scores.json (cross-validated train scores).
The weights are derived from CC BY-NC-SA 4.0 data and carry that licence.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from pipeline.attribute import get_quotations
from pipeline.evaluate import ROLES, Item, Tally, load_gold, pair, score_document, summarize
from pipeline.nlp import load_nlp
from pipeline.score import UNKNOWN_CUE, always_keep, featurize

MIN_CUE_COUNT = 5
L2 = 1.0
THRESHOLDS = np.round(np.arange(0.0, 0.61, 0.025), 3)


def collect(train_dir: Path, model: str):
    """Per article: gold items, predicted items, feature dicts and pair labels."""
    nlp = load_nlp(model, scorer=False)
    gold = load_gold(train_dir)
    texts = [g.text for _, g in gold.values()]
    articles = []
    for (doc_id, (_, g)), doc in zip(gold.items(), nlp.pipe(texts, batch_size=16)):
        quotations = get_quotations(doc)
        items = [Item(q.type, {"quote": g.tokens_of(q.quote), **{r: g.tokens_of(getattr(q, r)) for r in ROLES}})
                 for q in quotations]
        paired = {p for _, p in pair(g.items, items)}
        labels = [float(i in paired) for i in range(len(items))]
        keep = [always_keep(q) for q in quotations]
        articles.append((doc_id, g, items, featurize(doc, quotations), labels, keep))
    return articles


def prune_cues(articles) -> None:
    counts = Counter(k for a in articles for f in a[3] for k in f if k.startswith("cue="))
    for *_, feats, _, _ in articles:
        for f in feats:
            for k in [k for k in f if k.startswith("cue=") and counts[k] < MIN_CUE_COUNT]:
                f[UNKNOWN_CUE] = f.pop(k)


def matrix(feats: list[dict], names: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(feats), len(names)))
    for i, f in enumerate(feats):
        for k, v in f.items():
            if k in names:
                x[i, names[k]] = v
    return x


def fit(x: np.ndarray, y: np.ndarray, bias_col: int) -> np.ndarray:
    penalty = np.full(x.shape[1], L2)
    penalty[bias_col] = 0.0

    def loss(w):
        z = np.clip(x @ w, -30, 30)
        p = 1 / (1 + np.exp(-z))
        value = -np.sum(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)) + 0.5 * np.sum(penalty * w * w)
        return value, x.T @ (p - y) + penalty * w

    return minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x


def score_at(articles, probs: list[np.ndarray], threshold: float) -> dict:
    tally = Tally()
    for (_, g, items, _, _, keep), p in zip(articles, probs):
        score_document(g.items, [it for it, pi, k in zip(items, p, keep) if pi >= threshold or k], tally)
    return summarize(tally, len(articles))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--model", default="auto")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    articles = collect(args.train_dir, args.model)
    prune_cues(articles)
    names = {k: i for i, k in enumerate(sorted({k for a in articles for f in a[3] for k in f}))}
    xs = [matrix(a[3], names) for a in articles]
    ys = [np.array(a[4]) for a in articles]
    fold = np.arange(len(articles)) % args.folds
    probs: list[np.ndarray] = [np.empty(0)] * len(articles)
    for k in range(args.folds):
        train = [i for i in range(len(articles)) if fold[i] != k]
        w = fit(np.vstack([xs[i] for i in train]), np.concatenate([ys[i] for i in train]), names["bias"])
        for i in range(len(articles)):
            if fold[i] == k:
                probs[i] = 1 / (1 + np.exp(-np.clip(xs[i] @ w, -30, 30)))
    results = {float(t): score_at(articles, probs, t) for t in THRESHOLDS}
    best = max(results, key=lambda t: results[t]["message"]["F1"] + results[t]["joint"]["F1"])
    w = fit(np.vstack(xs), np.concatenate(ys), names["bias"])
    args.out_dir.mkdir(parents=True, exist_ok=True)
    weights = {k: round(float(w[i]), 5) for k, i in sorted(names.items())}
    (args.out_dir / "weights.json").write_text(json.dumps(
        {"threshold": best, "weights": weights}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    scores = {"examples": int(sum(len(y) for y in ys)), "positive_share": round(float(np.concatenate(ys).mean()), 3),
              "folds": args.folds, "threshold": best,
              "train_cv_without_scorer": results[0.0], "train_cv_with_scorer": results[best]}
    (args.out_dir / "scores.json").write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    for t in THRESHOLDS:
        r = results[float(t)]
        print(f"threshold {t:5.3f}: message F1 {r['message']['F1']:5.1f}  roles {r['roles']['F1']:5.1f}  "
              f"joint {r['joint']['F1']:5.1f}  form {r['form']['F1']:5.1f}  speaker {r['speaker_accuracy']:5.1f}")
    print(f"chosen threshold {best}; weights in {args.out_dir / 'weights.json'}")


if __name__ == "__main__":
    main()
