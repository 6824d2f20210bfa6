"""Hostile inputs, kill-and-resume, and arbitrary text through the stages."""
import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED
from pipeline.nlp import split_long_text

CLI = [sys.executable, "-m", "pipeline.cli", "extract"]
GOOD = "Der Sprecher des Ministeriums sagte, die Verhandlungen würden am Montag fortgesetzt."


def _run(*args, **kwargs):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=ROOT, **kwargs)


def test_hostile_inputs_are_reported_and_nothing_is_lost(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "bom.txt").write_bytes(("\ufeff" + GOOD).encode("utf-8"))
    (src / "empty.txt").write_text(" \n\t", encoding="utf-8")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "mojibake.txt").write_bytes(b"caf\xe9 \xff\xfe cr\xe8me")
    (src / "english.txt").write_text("The minister said on Monday that the talks with the union had failed and that "
                                     "he was going to meet them again in the spring, according to the report.")
    long_text = ("Die Regierung sagte, die Lage sei ernst. " * 40 + "\n\n") * 70  # ~115,000 characters
    (src / "long.txt").write_text(long_text, encoding="utf-8")
    (src / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "a1", "text": GOOD}),
        "{not json",
        json.dumps({"id": "a1", "text": "Die Ministerin erklärte, dass sie zurücktrete."}),
        json.dumps({"id": "a3", "title": "ohne Text"}),
    ]), encoding="utf-8")
    out = tmp_path / "out"
    proc = _run(src, "--out", out)
    assert proc.returncode == 1, proc.stderr  # some documents failed
    docs = pd.read_parquet(out / "docs.parquet").set_index("doc_id")
    status = docs.status.to_dict()
    assert status["good"] == status["bom"] == status["a1"] == status["a1~2"] == status["long"] == "ok"
    assert status["empty"] == "skipped" and "empty" in docs.error["empty"]
    assert status["english"] == "skipped" and "English" in docs.error["english"]
    assert status["binary"] == "error" and "binary" in docs.error["binary"]
    assert status["mojibake"] == "error" and "UTF-8" in docs.error["mojibake"]
    assert status["a3"] == "error" and "text" in docs.error["a3"]
    assert "duplicate" in docs.error["a1~2"]
    broken = [d for d in docs.index if d.startswith("feed-")]
    assert len(broken) == 1 and "line 2" in docs.error[broken[0]]
    assert len(docs) == 11 and "errors" in proc.stderr

    claims = pd.read_parquet(out / "claims.parquet")
    assert {"good", "bom", "a1", "a1~2", "long"} <= set(claims.doc_id)
    long_claims = claims[claims.doc_id == "long"]
    n_parts = len(split_long_text(long_text))
    assert n_parts > 1 and len(long_claims) >= 2000 and f"{n_parts} parts" in docs.error["long"]
    for row in long_claims.itertuples():  # offsets point into the whole article
        span = row.quote_spans[0]
        assert long_text[span["start"]:span["end"]] == row.quote.split(" … ")[0]
    assert long_claims.sentence_index.is_monotonic_increasing
    assert long_claims.claim_id.is_unique


def test_outputs_never_left_half_written(tmp_path):
    """Only complete tables appear under their final names; parts live in .parts/."""
    out = tmp_path / "out"
    proc = _run(ROOT / "seeds", "--out", out, "--checkpoint-every", "1")
    assert proc.returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["claims.parquet", "clusters.parquet", "docs.parquet", "entities.parquet", "sentences.parquet",
                                                        "speakers.parquet"]


@pytest.mark.skipif(not (SHARED / "data/wikinews-quotes/train").exists(), reason="needs ../shared/data")
def test_kill_and_resume_gives_the_uninterrupted_result(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((SHARED / "data/wikinews-quotes/train").glob("*.json"))[:240]:
        (corpus / path.name).write_bytes(path.read_bytes())
    reference = tmp_path / "reference"
    assert _run(corpus, "--out", reference, "-q", "--workers", "1").returncode == 0

    out = tmp_path / "interrupted"
    proc = subprocess.Popen([*CLI, str(corpus), "--out", str(out), "-q", "--checkpoint-every", "20", "--workers", "1"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while not (out / ".parts" / "docs-000002.parquet").exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "claims.parquet").exists()

    resumed = _run(corpus, "--out", out, "--resume", "--workers", "1")
    assert resumed.returncode == 0 and "resumed" in resumed.stderr
    for table in ("claims", "docs", "sentences", "entities", "speakers", "clusters"):
        expected = pd.read_parquet(reference / f"{table}.parquet")
        got = pd.read_parquet(out / f"{table}.parquet")
        pd.testing.assert_frame_equal(got, expected)


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300) | st.lists(
    st.sampled_from(["Er sagte", ",", "„", "“", "«", "»", '"', "dass", "laut", "Kim", "sei", "soll", ".", "\n", " ",
                     "Die Regierung", "erklärte", ":", "haben", "Nach Angaben", "der Polizei"]), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_arbitrary_text_never_breaks_the_stages(nlp, text):
    from pipeline.emit import claim_rows

    doc = nlp.make_doc(text)
    doc.user_data["claims:doc_id"] = "x"
    doc = nlp(doc)
    assert doc.user_data.get("claims:status", "ok") == "ok", doc.user_data.get("claims:error")
    for sent in doc.sents:
        assert 0 <= sent.start_char <= sent.end_char <= len(text)
    for row in claim_rows(doc):  # validates offsets and types, raises on any violation
        for span in row["quote_spans"]:
            assert text[span["start"]:span["end"]]
