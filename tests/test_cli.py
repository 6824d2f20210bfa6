"""The CLI end to end on seeds/, and the parquet files against ../shared/claims-schema.md."""
import re
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import ROOT, SHARED

SCHEMA_DOC = SHARED / "claims-schema.md"
SCHEMA_V2_DOC = SHARED / "claims-schema-v2.md"
DOC_TYPES = {  # type words of the schema documents -> arrow types
    "string": pa.string(), "date": pa.date32(), "int32": pa.int32(), "float32": pa.float32(), "int64": pa.int64(),
    "list<struct>": pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())])),
    "list<string>": pa.list_(pa.string()),
}


def schema_from_doc(text=None):
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", text or SCHEMA_DOC.read_text(encoding="utf-8"), flags=re.M)
    return {name: DOC_TYPES[kind.split(",")[0].strip()] for name, kind in rows}


@pytest.mark.skipif(not SCHEMA_V2_DOC.exists(), reason="../shared/claims-schema-v2.md not beside the checkout")
def test_schema_2_columns_and_speakers_table(seed_run):
    """The claims columns, speakers.parquet and clusters.parquet of ../shared/claims-schema-v2.md."""
    out, _ = seed_run
    text = SCHEMA_V2_DOC.read_text(encoding="utf-8")
    new_columns, speakers_part = text.split("`speakers.parquet`, one row", 1)
    speakers_part, clusters_part = speakers_part.split("`clusters.parquet`, one row", 1)
    for path, expected in ((out / "claims.parquet", schema_from_doc(new_columns)),
                           (out / "speakers.parquet", schema_from_doc(speakers_part)),
                           (out / "clusters.parquet", schema_from_doc(clusters_part))):
        schema = pq.read_schema(path)
        assert expected, path
        for name, arrow_type in expected.items():
            assert name in schema.names and schema.field(name).type == arrow_type, (path.name, name)
    for table in ("speakers", "clusters"):
        assert {"n_claims", "n_docs"} <= set(pq.read_schema(out / f"{table}.parquet").names)
    assert {"first_doc_id", "first_published"} <= set(pq.read_schema(out / "clusters.parquet").names)
    version = pq.read_schema(out / "claims.parquet").metadata[b"claims_schema_version"]
    assert version == b"2.0"


@pytest.mark.skipif(not SCHEMA_DOC.exists(), reason="../shared/claims-schema.md not beside the checkout")
def test_claims_parquet_matches_schema_doc(seed_run, seed_claims):
    out, _ = seed_run
    expected = schema_from_doc()
    assert len(expected) >= 20
    schema = pq.read_schema(out / "claims.parquet")
    for name, arrow_type in expected.items():
        assert name in schema.names, f"missing column {name}"
        assert schema.field(name).type == arrow_type, f"{name}: {schema.field(name).type} != {arrow_type}"
    meta = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    assert meta["claims_schema_version"] and meta["backbone"] and meta["backbone_version"] and meta["project_version"]


def test_cli_outputs_and_offsets(seed_run, seed_claims):
    out, proc = seed_run
    assert "5 documents" in proc.stderr and "claims" in proc.stderr
    docs = pd.read_parquet(out / "docs.parquet")
    assert len(docs) == 5 and set(docs.status) == {"ok"}
    assert docs.n_claims.sum() == len(seed_claims) > 40
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    for row in seed_claims.itertuples():
        text = texts[row.doc_id]
        assert " … ".join(text[s["start"]:s["end"]] for s in row.quote_spans) == row.quote
        if pd.notna(row.speaker_mention):
            assert text[row.speaker_spans[0]["start"]:row.speaker_spans[-1]["end"]].startswith(row.speaker_mention.split(" … ")[0])
    assert seed_claims.claim_id.is_unique
    sentences = pd.read_parquet(out / "sentences.parquet")
    entities = pd.read_parquet(out / "entities.parquet")
    assert set(sentences.doc_id) == set(texts) and set(entities.label) <= {"PER", "ORG", "LOC", "MISC"}
    first = sentences.iloc[0]
    assert texts[first.doc_id][first.start:first.end] == first.text


def test_claim_ids_are_stable(seed_run, seed_claims, tmp_path):
    subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(ROOT / "seeds"), "--out", str(tmp_path), "-q"],
                   check=True, cwd=ROOT)
    again = pd.read_parquet(tmp_path / "claims.parquet")
    assert list(again.claim_id) == list(seed_claims.claim_id)


def test_stage_subcommands_match_one_pass(seed_claims, tmp_path):
    def claims(*args):
        subprocess.run([sys.executable, "-m", "pipeline.cli", *args, "--out", str(tmp_path)], check=True, cwd=ROOT,
                       capture_output=True)

    claims("segment", str(ROOT / "seeds"))
    assert (tmp_path / "sentences.parquet").exists()
    claims("entities")
    claims("attribute")
    claims("emit")
    staged = pd.read_parquet(tmp_path / "claims.parquet")
    assert list(staged.claim_id) == list(seed_claims.claim_id)


def test_help_explains_commands():
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "--help"], capture_output=True, text=True, cwd=ROOT)
    for command in ("extract", "segment", "entities", "attribute", "emit", "evaluate"):
        assert command in proc.stdout


def test_python_api():
    from pipeline import extract_claims

    df = extract_claims(["Der Minister sagte, die Lage sei ernst.", ROOT / "seeds" / "004_2b23fe2225fbf2d6.txt"])
    assert {"text-0", "004_2b23fe2225fbf2d6"} <= set(df.doc_id)
    assert df.dtypes["confidence"] == "float32"
