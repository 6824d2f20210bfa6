"""The data model and the pipeline as spaCy sees it: rule ids, serialisation, entry points."""
import json
import subprocess
import sys
from pathlib import Path

import spacy

from pipeline.model_files import resolve_model_path
from pipeline.quotation import Quotation, Rule

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "„Wir werden nicht nachgeben“, sagte die Ministerin am Montag in Berlin. Sie fügte hinzu, die Kosten stiegen.",
    "Nach Angaben der Polizei wurden drei Menschen festgenommen. Der Sprecher kritisierte die Gewalt der Demonstranten.",
]


def _claims(nlp, text):
    return [(q.type, q.quote, q.speaker, q.speaker_canonical, q.rule, q.confidence) for q in nlp(text)._.quotations]


def test_every_rule_the_models_weigh_is_a_rule():
    """A renamed rule would silently get weight 0 in the scorer and the linker."""
    for model in ("models/claim_scorer/weights.json", "models/speaker_linker/weights.json"):
        weights = json.loads(resolve_model_path(model).read_text(encoding="utf-8"))["weights"]
        named = {key.split("rule=", 1)[1].split("|")[0] for key in weights if "rule=" in key}
        assert named and named <= {str(rule) for rule in Rule}, named - {str(rule) for rule in Rule}


def test_rules_survive_the_record():
    q = Quotation(type="indirect", quote=[[0, 4]], rule="source:laut")
    assert q.rule is Rule.SOURCE_LAUT and Quotation(**q.to_dict()).rule is Rule.SOURCE_LAUT
    assert q.to_dict()["rule"] == "source:laut" and f"rule={q.rule}" == "rule=source:laut"


def test_saved_pipeline_gives_the_same_claims(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    for component in ("claims_quote_tagger", "claims_speaker_linker", "claims_scorer"):
        assert any((tmp_path / "pipeline" / component).iterdir()), component
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    assert reloaded.meta["claims_backbone"] == nlp.meta["claims_backbone"]
    for text in TEXTS:
        expected = _claims(nlp, text)
        assert expected and _claims(reloaded, text) == expected


def test_saved_pipeline_does_not_need_the_project_models(nlp, tmp_path):
    """The saved copy carries its models: with the config pointing nowhere, from_disk still loads them."""
    nlp.to_disk(tmp_path / "pipeline")
    config = tmp_path / "pipeline" / "config.cfg"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("models/", "no-such-folder/"), encoding="utf-8")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert all(pipe.model_status.startswith("loaded") for _, pipe in reloaded.pipeline if hasattr(pipe, "model_status"))
    assert _claims(reloaded, TEXTS[0]) == _claims(nlp, TEXTS[0])


def test_factories_are_entry_points():
    """Another project can add our components without importing the package first."""
    code = ("import spacy, sys; nlp = spacy.blank('de'); nlp.add_pipe('claims_attribution'); "
            "nlp.add_pipe('claims_dates'); print(' '.join(nlp.pipe_names))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["claims_attribution", "claims_dates"]
