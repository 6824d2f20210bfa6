import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def rules_nlp():
    """The pipeline without the learned scorer and speaker linker: what the attribution rules alone find."""
    from pipeline import load_nlp

    return load_nlp(scorer=False, linker=False)


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """Run the CLI once on seeds/ and return (output dir, completed process)."""
    out = tmp_path_factory.mktemp("seed-outputs")
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(ROOT / "seeds"), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    return out, proc


@pytest.fixture(scope="session")
def seed_claims(seed_run):
    out, proc = seed_run
    assert proc.returncode == 0, proc.stderr
    return pd.read_parquet(out / "claims.parquet")


def claims_of(nlp, text):
    return nlp(text)._.quotations
