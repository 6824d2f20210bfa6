"""The learned quotation scorer: confidences, thresholds, what it never drops."""
import json

import pytest

from pipeline.quotation import Quotation
from pipeline.model_files import resolve_model_path
from pipeline.score import DEFAULT_WEIGHTS, QuotationScorer, always_keep

TEXT = ("Der Minister sagte, die Lage sei ernst. Man müsse jetzt schnell handeln. "
        "„Wir werden alles tun, um die Menschen zu schützen“, sagte er am Montag in Berlin. "
        "Die Zeitung „Die Welt“ erschien am Dienstag.")


def test_shipped_weights_are_complete():
    data = json.loads(resolve_model_path(DEFAULT_WEIGHTS).read_text(encoding="utf-8"))
    assert 0 < data["threshold"] < 1 and 0 <= data["direct_threshold"] <= data["threshold"]
    assert {"bias", "rule=indirect+cue", "rule=konjunktiv", "type=direct", "cue=sagen"} <= set(data["weights"])


def test_confidence_is_the_scorer_probability(nlp, rules_nlp):
    scored, unscored = nlp(TEXT)._.quotations, rules_nlp(TEXT)._.quotations
    assert scored and len(scored) <= len(unscored)
    assert all(0.0 <= q.confidence <= 1.0 for q in scored)
    # the rules' fixed confidences (0.4 … 0.9 in steps) are replaced by probabilities
    assert {q.confidence for q in scored} - {q.confidence for q in unscored}


def test_always_keep_protects_statements_and_named_reported_speech():
    doc_quotes = [Quotation(type="indirect", quote=[[0, 10]], rule="konjunktiv"),
                  Quotation(type="direct", quote=[[0, 60]], rule="direct+cue"),
                  Quotation(type="direct", quote=[[0, 12]], rule="direct+nested"),
                  Quotation(type="reported", quote=[[0, 10]], cue_lemma="danken", rule="reported", speaker=[[20, 25]],
                            speaker_label="PER"),
                  Quotation(type="reported", quote=[[0, 10]], cue_lemma="sprechen", rule="reported", speaker=[[20, 25]],
                            speaker_label="ORG"),
                  Quotation(type="reported", quote=[[0, 10]], cue_lemma="verurteilen", rule="reported"),
                  Quotation(type="reported", quote=[[0, 10]], cue_lemma="fordern", rule="reported", speaker=[[20, 25]])]
    assert [always_keep(q) for q in doc_quotes] == [False, True, False, True, True, False, False]


@pytest.mark.parametrize("text, kept", [
    ("Ministerpräsident Peter Krause wies sie folglich zurück.", False),  # the content names nothing
    ("Peter Krause kritisierte den Beschluss des Stadtrates scharf.", True),
])
def test_named_reported_speech_is_kept_where_its_content_names_something(rules_nlp, text, kept):
    doc = rules_nlp(text)
    reported = [q for q in doc._.quotations if q.type == "reported" and q.speaker_label == "PER"]
    assert reported and [always_keep(q, doc) for q in reported] == [kept]


def test_without_weights_nothing_changes(rules_nlp):
    scorer = QuotationScorer.from_config(None)
    doc = rules_nlp(TEXT)
    before = [q.to_dict() for q in doc._.quotations]
    assert [q.to_dict() for q in scorer(doc)._.quotations] == before


def test_high_threshold_keeps_only_protected(rules_nlp):
    strict = QuotationScorer.from_config(DEFAULT_WEIGHTS)
    strict.threshold = strict.direct_threshold = 1.01
    kept = strict(rules_nlp(TEXT))._.quotations
    assert kept and all(always_keep(q) for q in kept)


def test_reported_speech_has_its_own_threshold():
    scorer = QuotationScorer({"bias": 0.0}, threshold=0.5, direct_threshold=0.1, reported_threshold=0.3)
    assert scorer.dump()["reported_threshold"] == 0.3
    old = QuotationScorer(None)
    old.load({"weights": {}, "threshold": 0.4, "direct_threshold": 0.05})  # weights saved before it existed
    assert old.reported_threshold == 0.4
    from pipeline.score import threshold_for
    reported, indirect = Quotation(type="reported", quote=[[0, 5]]), Quotation(type="indirect", quote=[[0, 5]])
    assert threshold_for(reported, 0.5, 0.1, 0.3) == 0.3 and threshold_for(indirect, 0.5, 0.1, 0.3) == 0.5
