"""The learned speaker linker: candidates, the replacement rule, the component."""
import json

from pipeline.quotation import get_quotations, tokens_at
from pipeline.model_files import resolve_model_path
from pipeline.link import DEFAULT_WEIGHTS, Candidate, DocIndex, SpeakerLinker, choose, find_candidates, link_examples

TEXT = ("Bundeskanzler Olaf Scholz traf am Montag den französischen Präsidenten. "
        "Er sagte, die Lage sei ernst und man müsse jetzt handeln.")


def _candidate(chosen: bool) -> Candidate:
    return Candidate(tokens=[], head=None, chosen=chosen)


def test_choose_keeps_the_rules_speaker_unless_clearly_beaten():
    rules, other = _candidate(True), _candidate(False)
    assert choose([rules, other], [0.6, 0.7], margin=0.2, min_probability=0.5) is None
    assert choose([rules, other], [0.3, 0.7], margin=0.2, min_probability=0.5) is other
    assert choose([rules, other], [0.8, 0.7], margin=0.0, min_probability=0.5) is None


def test_choose_fills_a_missing_speaker_only_when_probable():
    a, b = _candidate(False), _candidate(False)
    assert choose([a, b], [0.2, 0.45], margin=0.0, min_probability=0.5) is None
    assert choose([a, b], [0.2, 0.55], margin=0.0, min_probability=0.5) is b
    assert choose([], [], margin=0.0, min_probability=0.0) is None


def test_candidates_surround_the_quotation_and_include_the_rules_choice(rules_nlp):
    doc = rules_nlp(TEXT)
    q = next(q for q in get_quotations(doc) if "Lage" in doc.text[q.start:q.quote[-1][1]])
    candidates = find_candidates(DocIndex(doc, get_quotations(doc)), q, tokens_at(doc, q.quote))
    texts = {" ".join(t.text for t in c.tokens) for c in candidates}
    quote = {t.i for t in tokens_at(doc, q.quote)}
    assert any("Scholz" in text for text in texts), texts  # the previous sentence is in the window
    assert [c for c in candidates if c.chosen], "the rules' speaker must be a candidate"
    assert not any(t.i in quote for c in candidates for t in c.tokens)


def test_weights_decide_the_speaker(rules_nlp):
    """A linker that prefers names replaces the rules' pronoun by a name; without weights nothing changes."""
    doc = rules_nlp(TEXT)
    before = [q.to_dict() for q in get_quotations(doc)]
    assert [q.to_dict() for q in SpeakerLinker.from_config(None)(doc)._.quotations] == before
    prefers_names = SpeakerLinker({"pos=PROPN": 5.0, "pos=PRON": -5.0}, margin=0.1, min_probability=0.5)
    linked = prefers_names(doc)._.quotations
    q = next(q for q in linked if "Lage" in doc.text[q.start:q.quote[-1][1]])
    assert "Scholz" in " ".join(t.text for t in tokens_at(doc, q.speaker))


def test_features_are_finite_and_name_the_rules_choice(rules_nlp):
    doc = rules_nlp(TEXT)
    for q, candidates, features in link_examples(doc, get_quotations(doc)):
        assert len(candidates) == len(features)
        for c, f in zip(candidates, features):
            assert f["chosen"] == float(c.chosen)
            assert all(value == value and abs(value) < 100 for value in f.values())


def test_shipped_weights_are_complete():
    data = json.loads(resolve_model_path(DEFAULT_WEIGHTS).read_text(encoding="utf-8"))
    assert 0 <= data["margin"] < 1 and 0 < data["min_probability"] <= 1.01
    assert {"bias", "chosen", "role=subject", "position=before0"} <= set(data["weights"])
