"""German claim extraction: who said what in German news.

    from pipeline import extract_claims, load_nlp
    df = extract_claims(["Der Minister sagte, die Lage sei ernst."])
    doc = load_nlp()("…"); doc._.quotations
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable

try:  # the one place of the version is pyproject.toml
    __version__ = version("german-claims")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
__all__ = ["extract_claims", "load_nlp", "__version__"]


def load_nlp(model: str | None = None, scorer: bool = True, linker: bool = True):
    """The assembled spaCy pipeline (backbone + segment/entities/attribution/speaker linker/
    speakers/scorer/dates).

    `scorer=False` keeps every quotation the rules find, with the rules' own confidences;
    `linker=False` keeps the speakers the rules chose."""
    from .nlp import load_nlp as _load

    return _load(model, scorer=scorer, linker=linker)


def extract_claims(texts_or_paths: Iterable[str | Path], model: str | None = None, nlp=None):
    """Claims as a pandas DataFrame with the columns and types of outputs/claims.parquet.

    Items that are existing paths (files or folders) are read like `claims extract` inputs;
    other strings are article texts (doc_id "text-0", "text-1", …). `df.attrs` says which
    backbone and models produced the claims, as the parquet metadata does.
    """
    import pyarrow as pa

    from .clusters import assign_clusters
    from .emit import CLAIMS_SCHEMA, run_metadata
    from .identity import assign_speakers
    from .runner import articles_from, table_rows

    nlp = nlp or load_nlp(model)
    rows = [row for produced, _ in table_rows(nlp, articles_from(texts_or_paths), tables=("claims", "docs"))
            for row in produced["claims"]]
    claims, _ = assign_speakers(pa.Table.from_pylist(rows, schema=CLAIMS_SCHEMA))
    claims, _ = assign_clusters(claims)
    df = claims.to_pandas()
    df.attrs.update(run_metadata(nlp.meta["claims_backbone"], nlp.meta["claims_backbone_version"],
                                 nlp.meta.get("claims_models"), nlp.meta.get("claims_warnings")))
    return df
