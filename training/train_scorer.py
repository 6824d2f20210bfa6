"""Train the quotation scorer (pipeline/score.py) on WikiNews train.

Usage: python training/train_scorer.py TRAIN_DIR OUT_DIR [--dev DEV_DIR] [--tagger-folds A B]
                                      [--model auto] [--folds 5]

1. Run the pipeline without the scorer over the training articles; every quotation it finds
   is an example, labelled 1 when the dataset's metric pairs it with a gold quotation. The
   quote tagger's spans come from a tagger that did not see the article (--tagger-folds).
2. Fit an L2-regularised logistic regression (scipy L-BFGS) on sparse features; cue lemmas
   seen fewer than MIN_CUE_COUNT times share one feature.
3. Choose the threshold on out-of-fold probabilities (folds by article) that maximises
   Message F1 on train (Joint F1 breaks ties), then the (lower) threshold for quoted phrases that keeps
   direct-quote recall at MIN_DIRECT_RECALL, then the threshold for reported speech (at most
   the general one) that maximises Message F1; refit on all articles. Quotations the scorer always
   keeps (`pipeline.score.always_keep`) count as kept here too.
Writes OUT_DIR/weights.json, OUT_DIR/scores.json (cross-validated train scores and, with
--dev, the whole pipeline's scores on DEV_DIR with the new weights) and the model card
OUT_DIR/README.md.
The weights are derived from CC BY-NC-SA 4.0 data and carry that licence.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy.optimize import minimize

from pipeline.quotation import get_quotations
from pipeline.evaluate import Tally, item_of_quotation, pair, score_document, summarize, unrounded_f1
from pipeline.nlp import load_nlp
from pipeline.score import UNKNOWN_CUE, QuotationScorer, always_keep, featurize, threshold_for

from oof import gold_docs  # a sibling script

MIN_CUE_COUNT = 5
L2 = 1.0
MIN_DIRECT_RECALL = 95.5  # issue 4's bar is 95 on dev; quoted phrases are kept at this recall
THRESHOLDS = np.round(np.arange(0.0, 0.61, 0.025), 3)
# quoted phrases score low, so their threshold needs a finer grid near zero
DIRECT_THRESHOLDS = np.round(np.concatenate([np.arange(0.0, 0.2, 0.005), np.arange(0.2, 0.61, 0.025)]), 3)


class Article(NamedTuple):
    """One article's examples: the rules' quotations with their features and labels."""
    doc_id: str
    gold: object  # pipeline.evaluate.GoldDoc
    items: list  # the quotations as gold-token sets (pipeline.evaluate.Item)
    features: list[dict[str, float]]
    labels: list[float]  # 1.0 where the metric pairs the quotation with a gold one
    keep: list[bool]  # always kept by the scorer
    quotations: list


def collect(gold_dir: Path, model: str, weights: Path | None = None,
            tagger_folds: list[Path] | None = None) -> list[Article]:
    """One `Article` per gold file (with `weights`: its quotations after scoring with them). With `tagger_folds` (taggers
    trained on fold a and fold b), each article's tagger spans come from the tagger that did
    not see it (training/convert_quotes.py assigns the folds)."""
    nlp = load_nlp(model, scorer=weights is not None)
    if weights is not None:
        nlp.get_pipe("claims_scorer").component = QuotationScorer.from_config(str(weights))
    articles = []
    for doc_id, g, doc in gold_docs(gold_dir, nlp, tagger_folds):
        quotations = get_quotations(doc)
        items = [item_of_quotation(g, q)
                 for q in quotations]
        paired = {p for _, p in pair(g.items, items)}
        labels = [float(i in paired) for i in range(len(items))]
        keep = [always_keep(q, doc) for q in quotations]
        articles.append(Article(doc_id, g, items, featurize(doc, quotations), labels, keep, quotations))
    return articles


def prune_cues(articles) -> None:
    counts = Counter(k for a in articles for f in a.features for k in f if k.startswith("cue="))
    for a in articles:
        for f in a.features:
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


def score_at(articles: list[Article], probs: list[np.ndarray], threshold: float, direct_threshold: float,
             reported_threshold: float | None = None) -> dict:
    tally = Tally()
    for a, p in zip(articles, probs):
        kept = [it for it, pi, k, q in zip(a.items, p, a.keep, a.quotations)
                if k or pi >= threshold_for(q, threshold, direct_threshold, reported_threshold)]
        score_document(a.gold.items, kept, tally)
    scores = summarize(tally, len(articles))
    # unrounded Message and Joint F1: the rounded values tie on neighbouring thresholds, and the
    # tie would decide the threshold
    scores["objective"] = [round(unrounded_f1(tally, "message"), 3), round(unrounded_f1(tally, "joint"), 3)]
    return scores


def _row(name: str, r: dict | None) -> str:
    if r is None:
        return f"| {name} | – | – | – | – | – | – |"
    return (f"| {name} | {r['message']['P']} / {r['message']['R']} / {r['message']['F1']} | {r['roles']['F1']} | "
            f"{r['joint']['F1']} | {r['form']['F1']} | {r['speaker_accuracy']} % | {r['direct_recall']} % |")


def model_card(scores: dict, n_weights: int) -> str:
    return f"""# claim_scorer: which found quotations to keep

A logistic regression over {n_weights} sparse features that gives every quotation found by the
attribution rules (`pipeline/attribution/`) the probability that WikiNews annotators would
mark it. `pipeline/score.py` (spaCy factory `claims_scorer`) writes that probability into the
claims' `confidence` and drops quotations below {scores['threshold']} (quoted phrases below
{scores['direct_threshold']}, reported speech below {scores['reported_threshold']}; quoted statements, and reported speech by a named person or
organisation with one of the speech-act verbs the claims schema names, are always kept).

- **Data**: the 700 training articles of the German WikiNews quotation dataset
  (`../shared/data/wikinews-quotes/train`, Petersen-Frey & Biemann, LREC-COLING 2024).
  {scores['examples']} quotations found by the rules, {100 * scores['positive_share']:.1f} % of them paired
  with a gold quotation by the dataset's metric (the label).
- **Licence**: the weights are derived from CC BY-NC-SA 4.0 material and are CC BY-NC-SA 4.0
  themselves (attribution, non-commercial, share-alike).
- **Features**: the rule that found the quotation, its type, cue lemma (lemmas seen fewer than
  {MIN_CUE_COUNT} times share one feature), length per rule, Konjunktiv and finite verbs inside,
  first-person words, question mark, capitalised start, title-like phrase, lead sentence,
  speaker kind, via, addressee, frame length, nesting, other quotations in the sentence, and how much of it the
  quote tagger (`models/quote_tagger`) also marks (any type, same type).
- **Training**: L2-regularised (C = 1/{L2}) logistic regression with scipy's L-BFGS; thresholds
  chosen on {scores['folds']}-fold cross-validation by article (maximum Message F1, ties broken by Joint F1;
  quoted phrases: keep direct-quote recall at {MIN_DIRECT_RECALL} %).

## Scores (dataset metric: `pipeline/evaluate.py`)

| | Message P / R / F1 | Roles F1 | Joint F1 | Form F1 | speaker | direct found |
|---|---|---|---|---|---|---|
{_row("train, cross-validated, rules only", scores["train_cv_without_scorer"])}
{_row("train, cross-validated, rules + scorer", scores["train_cv_with_scorer"])}
{_row("dev, whole pipeline with these weights", scores["dev_pipeline"])}

## Retrain

`make -j2 train-quotes` (about 25 minutes on 2 cores from a clean clone, a few minutes when
the taggers are already built) retrains the quote tagger and two
half-data taggers, re-mines the cue lexicon, retrains these weights from
`../shared/data/wikinews-quotes/train` on out-of-fold tagger spans, and scores dev. The last step:

    python training/train_scorer.py ../shared/data/wikinews-quotes/train models/claim_scorer \\
        --dev ../shared/data/wikinews-quotes/dev \\
        --tagger-folds build/quotes/fold-a/model-best build/quotes/fold-b/model-best
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--dev", type=Path, help="score the whole pipeline with the new weights on this split")
    parser.add_argument("--tagger-folds", type=Path, nargs=2, metavar=("FOLD_A_MODEL", "FOLD_B_MODEL"),
                        help="quote taggers trained on fold a and fold b (out-of-fold tagger spans)")
    parser.add_argument("--model", default="auto")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    articles = collect(args.train_dir, args.model, tagger_folds=args.tagger_folds)
    prune_cues(articles)
    names = {k: i for i, k in enumerate(sorted({k for a in articles for f in a.features for k in f}))}
    xs = [matrix(a.features, names) for a in articles]
    ys = [np.array(a.labels) for a in articles]
    fold = np.arange(len(articles)) % args.folds
    probs: list[np.ndarray] = [np.empty(0)] * len(articles)
    for k in range(args.folds):
        train = [i for i in range(len(articles)) if fold[i] != k]
        w = fit(np.vstack([xs[i] for i in train]), np.concatenate([ys[i] for i in train]), names["bias"])
        for i in range(len(articles)):
            if fold[i] == k:
                probs[i] = 1 / (1 + np.exp(-np.clip(xs[i] @ w, -30, 30)))
    def objective(r: dict) -> tuple[float, float]:
        # Message F1 is the headline measure (and issue 4's tightest bar); Joint F1 breaks ties
        return tuple(r["objective"])

    results = {float(t): score_at(articles, probs, t, 0.0) for t in THRESHOLDS}
    best = max(results, key=lambda t: objective(results[t]))
    direct_results = {float(t): score_at(articles, probs, best, t) for t in DIRECT_THRESHOLDS}
    kept_recall = [t for t in direct_results if direct_results[t]["direct_recall"] >= MIN_DIRECT_RECALL]
    best_direct = max(kept_recall, key=lambda t: objective(direct_results[t]))
    # reported speech gets its own threshold, at most the general one
    reported_results = {float(t): score_at(articles, probs, best, best_direct, t) for t in THRESHOLDS if t <= best}
    best_reported = max(reported_results, key=lambda t: objective(reported_results[t]))
    w = fit(np.vstack(xs), np.concatenate(ys), names["bias"])
    args.out_dir.mkdir(parents=True, exist_ok=True)
    weights = {k: round(float(w[i]), 5) for k, i in sorted(names.items())}
    (args.out_dir / "weights.json").write_text(json.dumps(
        {"threshold": best, "direct_threshold": best_direct, "reported_threshold": best_reported, "weights": weights}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.dev:
        dev = collect(args.dev, args.model, args.out_dir / "weights.json")
        dev_scores = score_at(dev, [np.ones(len(a.items)) for a in dev], 0.0, 0.0)
    scores = {"examples": int(sum(len(y) for y in ys)), "positive_share": round(float(np.concatenate(ys).mean()), 3),
              "folds": args.folds, "threshold": best, "direct_threshold": best_direct,
              "reported_threshold": best_reported,
              "train_cv_without_scorer": results[0.0], "train_cv_with_scorer": reported_results[best_reported],
              "dev_pipeline": dev_scores if args.dev else None}
    (args.out_dir / "scores.json").write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    for t in THRESHOLDS:
        r = results[float(t)]
        print(f"threshold {t:5.3f}: message F1 {r['message']['F1']:5.1f}  roles {r['roles']['F1']:5.1f}  "
              f"joint {r['joint']['F1']:5.1f}  form {r['form']['F1']:5.1f}  speaker {r['speaker_accuracy']:5.1f}")
    (args.out_dir / "README.md").write_text(model_card(scores, len(weights)), encoding="utf-8")
    print(f"chosen threshold {best}, for quoted phrases {best_direct}, for reported speech {best_reported}; "
          f"weights in {args.out_dir / 'weights.json'}")


if __name__ == "__main__":
    main()
