"""Run the pipeline on a Dask cluster: partitions of articles go to workers, rows come back.

Each Dask worker process loads the spaCy pipeline once (`_worker_nlp` caches it per
process) and turns a partition of articles into table rows with the same code as the
local engine (`nlp.make_docs`, `nlp.process`, `emit.RowBuilder`). The driver reads the
inputs lazily, keeps at most `2 x workers` partitions in flight (bounded memory), and
writes the rows in input order through the same checkpointing `OutputWriter`, so the
output equals the local engine's and `--resume` works the same way.
"""
from __future__ import annotations

from dataclasses import asdict
from itertools import islice
from typing import Iterable, Iterator

from .emit import RowBuilder
from .inputs import Article

_NLP_CACHE: dict[str, object] = {}


def _worker_nlp(model: str | None):
    """The pipeline of this worker process, loaded on first use."""
    key = model or "auto"
    if key not in _NLP_CACHE:
        from .nlp import load_nlp

        _NLP_CACHE[key] = load_nlp(model)
    return _NLP_CACHE[key]


def process_partition(records: list[dict], model: str | None, batch_size: int = 32) -> tuple[dict, int]:
    """Rows of all tables for a partition of articles (plain dicts in, plain dicts out)."""
    from . import nlp as assembly

    nlp = _worker_nlp(model)
    builder = RowBuilder()
    rows: dict[str, list[dict]] = {}
    articles = [Article(**record) for record in records]
    for doc in assembly.process(nlp, assembly.make_docs(nlp, articles), batch_size):
        for table, produced in builder.rows(doc).items():
            rows.setdefault(table, []).extend(produced)
    return rows, len(articles)


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[dict]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield [asdict(article) | {"meta": {}} for article in chunk]


def run_on_dask(articles: Iterable[Article], writer, model: str | None, scheduler: str | None = None,
                workers: int = 2, partition_size: int = 50, on_progress=None) -> None:
    """Process articles on a Dask cluster (a LocalCluster of `workers` processes if no scheduler)."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        in_flight_limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending = []  # futures in submission order
        for partition in _partitions(articles, partition_size):
            pending.append(client.submit(process_partition, partition, model, pure=False))
            while len(pending) >= in_flight_limit:
                _write_next(pending, writer, on_progress)
        while pending:
            _write_next(pending, writer, on_progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _write_next(pending: list, writer, on_progress) -> None:
    rows, n_docs = pending.pop(0).result()
    writer.add_rows(rows, n_docs)
    if on_progress:
        on_progress(rows, n_docs)
