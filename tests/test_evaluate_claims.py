"""The claims-gold scorer (realnews-dev format) on hand-made claims, and the quality guard."""
import pytest

from pipeline.evaluate_claims import GoldClaim, score_claims, speaker_right


GOLD = [GoldClaim("a", "Ulf Kämpfer", ["Ulf Kämpfer", "Kämpfer"], "direct", 10, 30),
        GoldClaim("a", "Polizei", ["Polizei", "Polizeiangaben"], "indirect", 50, 90)]


def _row(start, end, speaker, doc="a"):
    return {"doc_id": doc, "speaker": speaker, "quote_spans": [{"start": start, "end": end}], "quote_type": "direct"}


def test_found_needs_both_overlaps():
    assert score_claims(GOLD[:1], [_row(10, 20, "Ulf Kämpfer")])["found"] == 100.0  # half of the gold
    assert score_claims(GOLD[:1], [_row(10, 19, "Ulf Kämpfer")])["found"] == 0.0
    assert score_claims(GOLD[:1], [_row(0, 100, "Ulf Kämpfer")])["found"] == 0.0  # gold is under 30 % of it
    assert score_claims(GOLD[:1], [_row(10, 30, "Ulf Kämpfer", doc="b")])["found"] == 0.0


def test_speaker_is_a_whole_word_alias():
    assert speaker_right(GOLD[0], "Bürgermeister Ulf Kämpfer")
    assert not speaker_right(GOLD[0], "Kämpferin Müller") and not speaker_right(GOLD[0], None)
    assert not speaker_right(GOLD[0], float("nan"))


def test_best_match_counts_and_precision():
    result = score_claims(GOLD, [_row(10, 30, "Er"), _row(12, 30, "Kämpfer"), _row(200, 240, "X")])
    assert result["found"] == 50.0 and result["speaker_right"] == 50.0
    assert result["precision"] == pytest.approx(66.7)
    assert result["by_type"]["indirect"]["found"] == 0.0


def test_unmatched_predictions_are_counted_by_rule():
    rows = [dict(_row(10, 30, "Kämpfer"), rule="direct+cue"), dict(_row(200, 240, "X"), rule="direct+nested"),
            dict(_row(300, 320, "Y"), rule="direct+nested"), dict(_row(200, 240, "Z", doc="other"), rule="tagger")]
    assert score_claims(GOLD, rows)["unmatched_by_rule"] == {"direct+nested": 2}
