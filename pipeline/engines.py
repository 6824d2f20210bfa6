"""Run the pipeline in worker processes: partitions of articles go out, table rows come back.

Two engines share this code: a local process pool (`--workers N`) and a Dask cluster
(`--engine dask [--scheduler ADDRESS]`). Each worker process loads the spaCy pipeline once, on
its first task (`_worker_nlp`), and turns a partition of articles into rows of all four tables with the
same code as a single-process run (`runner.table_rows`).
Only plain dicts cross process boundaries, never Docs, so the parent does little besides
reading inputs and writing parquet. The parent reads inputs lazily, keeps at most
`2 x workers` partitions in flight (bounded memory) and writes the rows in input order
through the checkpointing `OutputWriter`: every engine gives the same output, and
`--resume` works the same way.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from itertools import islice
from typing import Callable, Iterable, Iterator

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
    from .runner import table_rows

    nlp = _worker_nlp(model)
    rows: dict[str, list[dict]] = {}
    articles = [Article(**record) for record in records]
    for produced, _ in table_rows(nlp, articles, batch_size):
        for table, table_rows_ in produced.items():
            rows.setdefault(table, []).extend(table_rows_)
    return rows, len(articles)


def partitions(articles: Iterable[Article], size: int) -> Iterator[list[dict]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield [asdict(article) | {"meta": {}} for article in chunk]


def write_in_order(futures_of: Callable[[list[dict]], object], articles: Iterable[Article], writer,
                   partition_size: int, in_flight_limit: int, on_progress=None) -> None:
    """Submit partitions, at most `in_flight_limit` at a time, and write results in input order."""
    pending = []  # futures in submission order
    for partition in partitions(articles, partition_size):
        pending.append(futures_of(partition))
        while len(pending) >= in_flight_limit:
            _write_next(pending, writer, on_progress)
    while pending:
        _write_next(pending, writer, on_progress)


def _write_next(pending: list, writer, on_progress) -> None:
    rows, n_docs = pending.pop(0).result()
    writer.add_rows(rows, n_docs)
    if on_progress:
        on_progress(rows, n_docs)


def run_on_pool(articles: Iterable[Article], writer, model: str | None, workers: int,
                partition_size: int = 20, batch_size: int = 32, on_progress=None) -> None:
    """Process articles in `workers` local processes. They are started by a fork server (or
    spawned), not forked from this process: its progress-bar thread and open files stay here."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        write_in_order(lambda part: pool.submit(process_partition, part, model, batch_size),
                       articles, writer, partition_size, 2 * workers, on_progress)


# What made a LocalCluster 23 % slower than the local pool on the same 2 cores (measured on
# 150k words of WikiNews): its nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc
# hands memory back to the system after nearly every spaCy batch and takes it again (most of the
# gap), and its workers sample their threads' stacks every 10 ms for the dashboard's profile.
# A LocalCluster started here runs without both; the thread limits Dask sets are kept. Its
# event loops also wake every 20 ms (tick), 100 ms (memory monitor) and 500 ms (system monitor)
# and take the GIL from the worker's compute thread each time: session 11 slowed them down
# (`make bench`: Dask 1.75x -> 1.78x one worker; a one-off timing of warm workers on 100k
# words, not a command of this repository: 18.6 -> 18.3 s).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


def run_on_dask(articles: Iterable[Article], writer, model: str | None, scheduler: str | None = None,
                workers: int = 2, partition_size: int = 20, on_progress=None) -> None:
    """Process articles on a Dask cluster (a LocalCluster of `workers` processes if no scheduler)."""
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        in_flight_limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        write_in_order(lambda part: client.submit(process_partition, part, model, pure=False),
                       articles, writer, partition_size, in_flight_limit, on_progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
