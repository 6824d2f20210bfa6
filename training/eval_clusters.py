"""Statement clusters of a finished run: their scores against a gold set, and what the two
corpus passes (speaker identities, clusters) cost.

    python training/eval_clusters.py OUT_DIR [GOLD.json]

OUT_DIR holds a run's claims.parquet (`claims extract … --out OUT_DIR`); GOLD is a gold set in
the format of tests/data/cluster_gold.json. Prints one JSON object.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import clusters, identity  # noqa: E402
from pipeline.evaluate_clusters import cluster_scores  # noqa: E402


def main(out: Path, gold: Path | None) -> None:
    claims = pq.read_table(out / "claims.parquet")
    result = {"claims": claims.num_rows}
    for name, module, index_class in (("speakers", identity, identity.SpeakerIndex),
                                      ("clusters", clusters, clusters.ClusterIndex)):
        rows = claims.select(module.ROW_COLUMNS).to_pylist()
        started = time.perf_counter()
        index = index_class(rows)
        result[f"{name}_seconds"] = round(time.perf_counter() - started, 3)
        result[name] = len(index.rows)
    if gold is not None:
        result["gold"] = cluster_scores(gold, claims.to_pylist())
    print(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
