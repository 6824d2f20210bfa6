"""Train the speaker linker (pipeline/link.py) on WikiNews train.

Usage: python training/train_linker.py TRAIN_DIR OUT_DIR [--tagger-folds A B] [--model auto] [--folds 5]

1. Run the pipeline without the linker and the scorer over the training articles (tagger
   spans out of fold, see training/oof.py). For every quotation that the dataset's metric
   pairs with a gold quotation that has a speaker, each candidate mention is an example,
   labelled 1 when it overlaps the gold speaker.
2. Fit a conditional logit model (a softmax over each quotation's candidates, L2-regularised)
   that puts the probability on the candidates overlapping the gold speaker; noun lemmas
   seen in fewer than MIN_NOUN_COUNT articles get no feature.
3. Choose the margin (how much more probable than the rules' speaker a candidate must be)
   and the minimum probability (for quotations the rules left without a speaker) on
   out-of-fold probabilities (folds by article): the most conservative setting within
   TOLERANCE of the best speaker accuracy + Joint F1 of the rules' quotations; refit on all
   articles.
Writes OUT_DIR/weights.json, OUT_DIR/scores.json and the model card OUT_DIR/README.md.
The weights are derived from CC BY-NC-SA 4.0 data and carry that licence.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from pipeline.german.phrases import full_mention
from pipeline.quotation import char_spans, get_quotations, tokens_at
from pipeline.evaluate import GoldDoc, Item, Tally, item_of_quotation, pair, score_document, summarize
from pipeline.link import choose, link_examples
from pipeline.nlp import load_nlp

from oof import gold_docs  # sibling scripts
from train_scorer import matrix

MIN_NOUN_COUNT = 5
L2 = 5.0  # chosen on train cross-validation (1.0 and 12 were worse)
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4)
MIN_PROBABILITIES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
TOLERANCE = 0.2  # points of speaker accuracy + Joint F1 given up for a more conservative setting


@dataclass
class Example:
    """One quotation: its metric item, its candidates as gold-token sets, features and labels."""
    item: Item
    candidates: list  # pipeline.link.Candidate
    speakers: list[set[int]]  # each candidate's gold tokens
    features: list[dict[str, float]]
    labels: list[float] | None  # None where the quotation has no gold speaker to learn from
    rule: str  # the attribution rule that found the quotation


@dataclass
class Article:
    gold: GoldDoc
    examples: list[Example]


def collect(gold_dir: Path, model: str, tagger_folds: list[Path] | None) -> list[Article]:
    nlp = load_nlp(model, scorer=False, linker=False)
    return [Article(g, examples_of(g, doc)) for _, g, doc in gold_docs(gold_dir, nlp, tagger_folds)]


def examples_of(g: GoldDoc, doc) -> list[Example]:
    linked = list(link_examples(doc, get_quotations(doc)))
    items = [item_of_quotation(g, q)
             for q, _, _ in linked]
    gold_of = {p: gi for gi, p in pair(g.items, items)}
    examples = []
    for k, ((q, candidates, features), item) in enumerate(zip(linked, items)):
        quote = {t.i for t in tokens_at(doc, q.statement)}
        # what the component writes when it picks a candidate: the candidate's whole noun phrase
        speakers = [g.tokens_of(char_spans(full_mention(c.tokens, quote))) for c in candidates]
        gold_speaker = g.items[gold_of[k]].parts["speaker"] if k in gold_of else set()
        labels = [float(bool(s & gold_speaker)) for s in speakers] if gold_speaker else None
        examples.append(Example(item, candidates, speakers, features, labels, q.rule))
    return examples


def prune_nouns(articles: list[Article]) -> None:
    """Noun lemmas seen in fewer than MIN_NOUN_COUNT articles get no feature (names the
    tagger took for nouns would otherwise be learned article by article)."""
    counts = Counter(k for a in articles for k in {k for e in a.examples for f in e.features for k in f}
                     if k.startswith("noun="))
    for a in articles:
        for e in a.examples:
            for f in e.features:
                for k in [k for k in f if k.startswith("noun=") and counts[k] < MIN_NOUN_COUNT]:
                    del f[k]


def fit_ranker(groups: list[tuple[np.ndarray, np.ndarray]], bias_col: int) -> np.ndarray:
    """Conditional logit: within each quotation's candidates, maximise the softmax probability
    of the candidates that overlap the gold speaker (L2-regularised, scipy L-BFGS)."""
    groups = [(x, y) for x, y in groups if y.any()]
    x = np.vstack([g[0] for g in groups])
    y = np.concatenate([g[1] for g in groups]).astype(bool)
    starts = np.cumsum([0] + [len(g[1]) for g in groups[:-1]])
    group_of = np.repeat(np.arange(len(groups)), [len(g[1]) for g in groups])
    penalty = np.full(x.shape[1], L2)
    penalty[bias_col] = 0.0

    def loss(w):
        z = x @ w
        z = z - np.maximum.reduceat(z, starts)[group_of]
        e = np.exp(z)
        total = np.add.reduceat(e, starts)
        positive = np.add.reduceat(np.where(y, e, 0.0), starts)
        value = -np.sum(np.log(positive) - np.log(total)) + 0.5 * np.sum(penalty * w * w)
        grad_z = e / total[group_of] - np.where(y, e / positive[group_of], 0.0)
        return value, x.T @ grad_z + penalty * w

    return minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max()) if len(z) else z
    return e / e.sum() if len(z) else z


def score_with(articles: list[Article], probs: list[list[np.ndarray]], margin: float, min_probability: float) -> dict:
    """The dataset's metric over the rules' quotations with the linker's speakers."""
    tally = Tally()
    for a, article_probs in zip(articles, probs):
        items = []
        for e, p in zip(a.examples, article_probs):
            choice = choose(e.candidates, list(p), margin, min_probability)
            speaker = e.speakers[e.candidates.index(choice)] if choice is not None else e.item.parts["speaker"]
            items.append(replace(e.item, parts={**e.item.parts, "speaker": speaker}))
        score_document(a.gold.items, items, tally)
    return summarize(tally, len(articles))


def accuracy_by_rule(articles: list[Article], probs: list[list[np.ndarray]], margin: float,
                     min_probability: float) -> dict[str, dict]:
    """Per attribution rule: quotations with a gold speaker, and how often the candidates cover
    it, the rules' speaker hits it and the linked speaker hits it (in %)."""
    counts: dict[str, Counter] = {}
    for a, article_probs in zip(articles, probs):
        for e, p in zip(a.examples, article_probs):
            if not e.labels:
                continue
            rules_hit = any(label and c.chosen for label, c in zip(e.labels, e.candidates))
            choice = choose(e.candidates, list(p), margin, min_probability)
            c = counts.setdefault(e.rule, Counter())
            c["quotations"] += 1
            c["covered"] += any(e.labels)
            c["rules"] += rules_hit
            c["linked"] += bool(e.labels[e.candidates.index(choice)]) if choice is not None else rules_hit
    return {rule: {"quotations": c["quotations"],
                   **{k: round(100 * c[k] / c["quotations"], 1) for k in ("covered", "rules", "linked")}}
            for rule, c in sorted(counts.items(), key=lambda kv: -kv[1]["quotations"])}


def _row(name: str, r: dict) -> str:
    return (f"| {name} | {r['speaker_accuracy']} % | {r['per_role']['speaker']['P']} / {r['per_role']['speaker']['R']} / "
            f"{r['per_role']['speaker']['F1']} | {r['roles']['F1']} | {r['joint']['F1']} |")


def model_card(scores: dict, n_weights: int) -> str:
    return f"""# speaker_linker: who said it

A conditional logit model (a softmax over one quotation's candidates) with {n_weights} sparse
features that scores every candidate mention
(nouns, names and personal pronouns in the quotation's sentence, the two sentences before it
and the one after it) as the speaker of a quotation found by the attribution rules.
`pipeline/link.py` (spaCy factory `claims_speaker_linker`) replaces the rules' speaker by the
best candidate when that candidate's probability is higher by {scores['margin']} or more
(quotations without a speaker take the best candidate from probability
{scores['min_probability']}). A direct quote inside another quotation takes that quotation's
speaker after linking instead of a choice of its own (the scores below count its own choice).

- **Data**: the 700 training articles of the German WikiNews quotation dataset
  (`../shared/data/wikinews-quotes/train`, Petersen-Frey & Biemann, LREC-COLING 2024):
  {scores['candidates']} candidates of {scores['quotations']} quotations that the dataset's
  metric pairs with a gold quotation with a speaker; {100 * scores['positive_share']:.1f} % of
  the candidates overlap the gold speaker (the label).
- **Licence**: the weights are derived from CC BY-NC-SA 4.0 material and are CC BY-NC-SA 4.0
  themselves (attribution, non-commercial, share-alike).
- **Features**: position relative to the quotation (before, after, sentences apart) and its
  token distance, both also per rule family and quote type; grammatical role (subject,
  object, dative, attribute, oblique, apposition; TIGER and UD labels alike) and case; part
  of speech and entity type; preposition before it (`laut`, `nach`, `von` …) or `zufolge`
  after; pronoun form; subject of the cue or of another speech verb; distance to the cue;
  commas between it and the cue, right after the cue; inside the frame or inside another
  quotation; rank among the candidates of its kind on its side of the quotation; whether the
  rules chose it; whether it names the previous quotation's speaker or any earlier one; how
  often its head word appeared before; head noun lemma (lemmas seen in at least
  {MIN_NOUN_COUNT} articles) and its last three letters.
- **Training**: L2-regularised (C = 1/{L2}) conditional logit with scipy's L-BFGS; margin and minimum
  probability chosen on {scores['folds']}-fold cross-validation by article (the most
  conservative setting within {TOLERANCE} points of the best speaker accuracy + Joint F1).

## Scores (dataset metric: `pipeline/evaluate.py`; the rules' quotations before the scorer)

| train, cross-validated | speaker accuracy | speaker P / R / F1 | Roles F1 | Joint F1 |
|---|---|---|---|---|
{_row("rules' speakers", scores["train_cv_rules"])}
{_row("linked speakers", scores["train_cv_linked"])}

Speaker accuracy per attribution rule (train, cross-validated; "covered": a candidate
overlaps the gold speaker):

| rule | quotations | covered | rules' speaker | linked speaker |
|---|---|---|---|---|
""" + "\n".join(f"| {rule} | {r['quotations']} | {r['covered']} % | {r['rules']} % | {r['linked']} % |"
            for rule, r in scores["train_cv_by_rule"].items() if r["quotations"] >= 10) + """

The whole pipeline's dev scores are in `models/claim_scorer/README.md` and the README.

## Retrain

`make -j2 train-quotes` (about 25 minutes on 2 cores from a clean clone, a few minutes when
the taggers are already built) retrains the quote taggers, then this
linker, then the scorer. The linker's step:

    python training/train_linker.py ../shared/data/wikinews-quotes/train models/speaker_linker \\
        --tagger-folds build/quotes/fold-a/model-best build/quotes/fold-b/model-best
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--tagger-folds", type=Path, nargs=2, metavar=("FOLD_A_MODEL", "FOLD_B_MODEL"),
                        help="quote taggers trained on fold a and fold b (out-of-fold tagger spans)")
    parser.add_argument("--model", default="auto")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    articles = collect(args.train_dir, args.model, args.tagger_folds)
    prune_nouns(articles)
    names = {k: i for i, k in enumerate(sorted({k for a in articles for e in a.examples for f in e.features for k in f}))}

    def groups(members):
        return [(matrix(e.features, names), np.array(e.labels)) for i in members for e in articles[i].examples
                if e.labels]

    fold = np.arange(len(articles)) % args.folds
    probs: list[list[np.ndarray]] = [[] for _ in articles]
    for k in range(args.folds):
        w = fit_ranker(groups([i for i in range(len(articles)) if fold[i] != k]), names["bias"])
        for i in np.flatnonzero(fold == k):
            probs[i] = [softmax(matrix(e.features, names) @ w) for e in articles[i].examples]
    results = {(m, p): score_with(articles, probs, m, p) for m in MARGINS for p in MIN_PROBABILITIES}
    def objective(mp):
        return results[mp]["speaker_accuracy"] + results[mp]["joint"]["F1"]

    # the most conservative setting (largest margin, then highest minimum) within TOLERANCE of
    # the best: where the learned choice is barely better, the rules' choice stays
    top = max(objective(mp) for mp in results)
    best = max((mp for mp in results if objective(mp) >= top - TOLERANCE), key=lambda mp: (mp[0], mp[1]))
    rules_only = score_with(articles, probs, 1.0, 1.01)
    for (m, p), r in sorted(results.items()):
        print(f"margin {m:4.2f} min_probability {p:4.2f}: speaker accuracy {r['speaker_accuracy']:5.1f}  "
              f"roles {r['roles']['F1']:5.1f}  joint {r['joint']['F1']:5.1f}")
    training = groups(range(len(articles)))
    y = np.concatenate([labels for _, labels in training])
    w = fit_ranker(training, names["bias"])
    args.out_dir.mkdir(parents=True, exist_ok=True)
    weights = {k: round(float(w[i]), 5) for k, i in sorted(names.items())}
    (args.out_dir / "weights.json").write_text(json.dumps(
        {"margin": best[0], "min_probability": best[1], "weights": weights}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8")
    scores = {"quotations": sum(1 for a in articles for e in a.examples if e.labels), "candidates": int(len(y)),
              "positive_share": round(float(y.mean()), 3), "folds": args.folds, "margin": best[0],
              "min_probability": best[1], "train_cv_rules": rules_only, "train_cv_linked": results[best],
              "train_cv_by_rule": accuracy_by_rule(articles, probs, *best)}
    (args.out_dir / "scores.json").write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    (args.out_dir / "README.md").write_text(model_card(scores, len(weights)), encoding="utf-8")
    print(f"rules' speakers: accuracy {rules_only['speaker_accuracy']}; linked: {results[best]['speaker_accuracy']} "
          f"(margin {best[0]}, min_probability {best[1]}); weights in {args.out_dir / 'weights.json'}")


if __name__ == "__main__":
    main()
