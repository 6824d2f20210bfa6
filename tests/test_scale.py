"""Streaming in checkpointed parts, worker processes and the Dask engine give the same rows."""
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT, SHARED

TABLES = ("claims", "docs", "sentences", "entities", "speakers", "clusters")


def _extract(inputs, out, *options):
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", *map(str, inputs), "--out", str(out), "-q",
                           *options], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {t: pd.read_parquet(out / f"{t}.parquet") for t in TABLES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds plus 300 WikiNews train articles (or the seeds alone without ../shared)."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in (ROOT / "seeds").glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    for path in sorted((SHARED / "data/wikinews-quotes/train").glob("*.json"))[:300]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    return _extract([corpus], tmp_path_factory.mktemp("ref"), "--workers", "1")


def test_streaming_in_many_parts_equals_one_pass(corpus, reference, tmp_path):
    streamed = _extract([corpus], tmp_path, "--checkpoint-every", "7", "--batch-size", "4", "--workers", "1")
    for table in TABLES:
        pd.testing.assert_frame_equal(streamed[table], reference[table])
    assert len(reference["docs"]) > 7 * 3


def test_two_worker_processes_equal_one(corpus, reference, tmp_path):
    parallel = _extract([corpus], tmp_path, "--workers", "2")
    for table in TABLES:
        pd.testing.assert_frame_equal(parallel[table], reference[table])


def test_dask_engine_equals_local(corpus, reference, tmp_path):
    pytest.importorskip("distributed")
    on_dask = _extract([corpus], tmp_path, "--engine", "dask", "--workers", "2", "--partition-size", "40")
    for table in TABLES:
        pd.testing.assert_frame_equal(on_dask[table], reference[table])


def test_parquet_folder_output_reads_back(corpus, reference, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(corpus), "--out", str(tmp_path), "-q",
                           "--parts", "--checkpoint-every", "50"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "claims.parquet").is_dir() and len(list((tmp_path / "claims.parquet").glob("part-*.parquet"))) > 1
    for table in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / f"{table}.parquet"), reference[table])
