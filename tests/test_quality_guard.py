"""Quality guard: the held-out numbers this project reached may not fall by more than a point.

Runs the shipped pipeline on WikiNews dev (150 articles, Message F1) and realnews-dev (18 real
news articles, speaker right); both read ../shared, which CI has beside the checkout.
The floors are the numbers in the README's quality tables minus one point.
"""
import pytest

from pipeline.evaluate import evaluate_claims, load_gold
from pipeline.evaluate_claims import article_paths, load_claims_gold, score_claims
from pipeline.inputs import read_articles
from pipeline.runner import table_rows
from tests.conftest import SHARED

WIKINEWS_DEV = SHARED / "data" / "wikinews-quotes" / "dev"
REALNEWS_DEV = SHARED / "data" / "realnews-dev"
WIKINEWS_MESSAGE_F1_FLOOR = 78.7  # reached: 79.7 (`make eval`, session 17; 79.6 in session 16)
WIKINEWS_JOINT_F1_FLOOR = 73.0  # reached: 74.0 (session 17: the cues and addressees; 73.3 in session 16)
REALNEWS_SPEAKER_RIGHT_FLOOR = 80.5  # reached: 81.5 % (`make eval`, session 16; 81.2 in session 15)
REALNEWS_PRECISION_FLOOR = 86.1  # reached: 87.1 % (sessions 14 to 16; 86.9 in session 13)


def _claims(nlp, paths):
    return [row for rows, _ in table_rows(nlp, read_articles(paths), tables=("claims", "docs")) for row in rows["claims"]]


@pytest.mark.skipif(not WIKINEWS_DEV.exists(), reason="../shared/data/wikinews-quotes/dev not found")
def test_wikinews_dev_message_and_joint_f1(nlp):
    gold = load_gold(WIKINEWS_DEV)
    by_doc: dict[str, list[dict]] = {}
    for row in _claims(nlp, [path for path, _ in gold.values()]):
        by_doc.setdefault(row["doc_id"], []).append(row)
    result = evaluate_claims(gold, by_doc)
    assert result["message"]["F1"] >= WIKINEWS_MESSAGE_F1_FLOOR
    assert result["joint"]["F1"] >= WIKINEWS_JOINT_F1_FLOOR


@pytest.mark.skipif(not REALNEWS_DEV.exists(), reason="../shared/data/realnews-dev not found")
def test_realnews_dev_speaker_right_and_precision(nlp):
    gold = load_claims_gold(REALNEWS_DEV)
    result = score_claims(gold, _claims(nlp, article_paths(REALNEWS_DEV, gold)))
    assert result["speaker_right"] >= REALNEWS_SPEAKER_RIGHT_FLOOR
    assert result["precision"] >= REALNEWS_PRECISION_FLOOR
