"""Throughput benchmark: bare backbone vs. full pipeline, 1 and 2 workers. Writes JSON.

Usage: python training/bench.py WIKINEWS_DIR OUT_JSON [--words N] [--memory-check | --components]

All pipeline configurations produce the rows of all four tables (as `claims extract` does,
without writing parquet). The corpus is every WikiNews train+dev article text, repeated until it has N words
(default 1,000,000). Each configuration (bare backbone; full pipeline with 1 and 2 worker
processes; the Dask engine on a 2-worker LocalCluster) runs in a fresh subprocess so that
its peak memory (ru_maxrss, per process) is its own. Words are the whitespace-separated
words of the input texts, the same count for every configuration. The cost of the pipeline
compares warm runs (models loaded); the speed-ups of 2 workers and Dask compare runs from their
start, each one's model loading included (a user waits for it). With --memory-check it
runs only the 2-worker pipeline, on N and on 10 x N words, and compares peak worker memory;
with --components it times each pipeline component in one process.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path


def corpus(wikinews: Path, words: int) -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["originalText"]
             for split in ("train", "dev") for p in sorted((wikinews / split).glob("*.json"))]
    out, total = [], 0
    while total < words:
        for text in texts:
            out.append(text)
            total += len(text.split())
            if total >= words:
                break
    return out


def run_one(mode: str, wikinews: str, words: int) -> dict:
    """Runs inside a subprocess: one configuration, timed."""
    from pipeline import nlp as assembly
    from pipeline.backbone import load_backbone
    from pipeline.inputs import Article

    texts = corpus(Path(wikinews), words)
    loading = time.perf_counter()
    # the bare backbone is the backbone as spaCy loads it, all its components (the trained
    # lemmatizer the pipeline switches off included; the project's sentence splitter not)
    nlp = load_backbone()[0] if mode == "backbone" else assembly.load_nlp()
    load_seconds = time.perf_counter() - loading
    n_words = sum(len(text.split()) for text in texts)
    if mode == "pipeline-1":
        from pipeline import engines

        engines._NLP_CACHE["auto"] = nlp  # this process is the worker
    peaks = PeakMemory()
    started = time.perf_counter()
    first_claim = None
    n_claims = 0
    if mode == "backbone":
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    else:
        from pipeline.engines import partitions, process_partition, run_on_dask, run_on_pool

        class Counter:  # stands in for the parquet writer: counts the claim rows that come back
            def add_rows(self, rows, n_docs, article_complete=True):
                nonlocal n_claims, first_claim
                n_claims += len(rows.get("claims", []))
                if n_claims and first_claim is None:
                    first_claim = time.perf_counter() - started

        articles = (Article(doc_id=str(i), text=t, source="bench") for i, t in enumerate(texts))
        workers = int(mode.split("-")[1])
        if mode.startswith("dask"):
            run_on_dask(articles, Counter(), None, None, workers, 20)
        elif workers > 1:
            run_on_pool(articles, Counter(), None, workers, 20)
        else:  # the same partition code in this process, as `claims extract --workers 1` runs
            counter = Counter()
            for partition in partitions(articles, 20):
                counter.add_rows(*process_partition(partition, None))
    seconds = time.perf_counter() - started
    peaks.stop()
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_workers = max(peaks.by_pid.values(), default=0)
    # the worker's start: its model loading for one worker in this process; 2 workers and Dask
    # start their processes and load their models inside `seconds`
    with_start = seconds + (load_seconds if mode == "pipeline-1" else 0.0)
    return {"mode": mode, "docs": len(texts), "words": n_words, "seconds": round(seconds, 1),
            "words_per_second": round(n_words / seconds), "model_load_seconds": round(load_seconds, 1),
            "words_per_second_with_start": round(n_words / with_start), "claims": n_claims,
            "seconds_to_first_claim": round(first_claim, 2) if first_claim else None,
            "peak_rss_mb_main": round(rss_self), "peak_rss_mb_worker": round(rss_workers) or round(rss_self),
            "worker_processes_seen": len(peaks.by_pid)}


class PeakMemory(threading.Thread):
    """Samples the peak RSS (VmHWM, Linux) of every descendant process once a second: local
    pool workers hang below a fork server and Dask workers below their nanny, where
    RUSAGE_CHILDREN does not see them. Only processes above 200 MB count (workers, not helpers)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.by_pid: dict[int, float] = {}
        self.running = True
        self.start()

    def run(self):
        while self.running:
            for pid in _descendants(os.getpid()):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        mb = int(line.split()[1]) / 1024
                        if mb > 200:
                            self.by_pid[pid] = max(mb, self.by_pid.get(pid, 0))
            time.sleep(1)

    def stop(self):
        self.running = False


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def main(wikinews: str, out: str, words: int) -> None:
    results = {"machine": f"{platform.machine()}, {os.cpu_count()} cores", "target_words": words}
    for mode in ("backbone", "pipeline-1", "pipeline-2", "dask-2"):
        proc = subprocess.run([sys.executable, __file__, "--one", mode, wikinews, str(words)],
                              capture_output=True, text=True, check=True)
        results[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
        print(json.dumps(results[mode]), file=sys.stderr)
    base, one, two, dask = (results[m]["words_per_second"] for m in ("backbone", "pipeline-1", "pipeline-2", "dask-2"))
    one_started = results["pipeline-1"]["words_per_second_with_start"]
    # the cost: both warm; the speed-ups: every run from its start, model loading included (before
    # session 12 the one-worker run was timed warm, the others not: `*_warm_one` keeps that ratio)
    results["pipeline_cost_vs_backbone"] = round(base / one, 2)
    results["speedup_2_workers"] = round(two / one_started, 2)
    results["speedup_dask_2_workers"] = round(dask / one_started, 2)
    results["speedup_2_workers_warm_one"] = round(two / one, 2)
    results["speedup_dask_2_workers_warm_one"] = round(dask / one, 2)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def memory_check(wikinews: str, out: str, words: int) -> None:
    """Peak RSS of the 2-worker pipeline on `words` and on 10x as many: it should not grow."""
    results = {"machine": f"{platform.machine()}, {os.cpu_count()} cores"}
    for label, n in (("1x", words), ("10x", 10 * words)):
        proc = subprocess.run([sys.executable, __file__, "--one", "pipeline-2", wikinews, str(n)],
                              capture_output=True, text=True, check=True)
        results[label] = json.loads(proc.stdout.strip().splitlines()[-1])
        print(json.dumps(results[label]), file=sys.stderr)
    results["worker_peak_growth_10x"] = round(
        results["10x"]["peak_rss_mb_worker"] / results["1x"]["peak_rss_mb_worker"], 2)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


def components(wikinews: str, out: str, words: int) -> None:
    """Seconds per pipeline component (one process, batches of 32): where the time goes."""
    from pipeline import nlp as assembly

    nlp = assembly.load_nlp()
    docs = [nlp.make_doc(text) for text in corpus(Path(wikinews), words)]
    seconds = {}
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] = time.perf_counter() - started
    total = sum(seconds.values())
    results = {"words": sum(len(d.text.split()) for d in docs),
               "components": {name: {"seconds": round(s, 2), "share": round(s / total, 3)} for name, s in seconds.items()}}
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for name, s in seconds.items():
        print(f"{name:24} {s:7.2f} s {100 * s / total:5.1f} %")


if __name__ == "__main__":
    if sys.argv[1] == "--one":
        print(json.dumps(run_one(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    else:
        words = int(sys.argv[sys.argv.index("--words") + 1]) if "--words" in sys.argv else 1_000_000
        mode = memory_check if "--memory-check" in sys.argv else components if "--components" in sys.argv else main
        mode(sys.argv[1], sys.argv[2], words)
