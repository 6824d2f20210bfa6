"""`claims`: extract who said what from German news articles.

`claims extract INPUT... --out DIR` runs every stage in one pass. The stage subcommands
(`segment`, `entities`, `attribute`, `emit`) each read the previous stage's saved docs
(`DIR/stage-*.spacy`) and write their own, so one stage can be inspected or re-run.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable, List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from . import nlp as assembly
from .backbone import BackboneError
from .emit import OutputWriter, run_metadata
from .inputs import read_articles
from .runner import table_rows

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console(stderr=True)

EXIT_OK, EXIT_DOC_ERRORS, EXIT_FAILURE = 0, 1, 2
MODEL_HELP = "Backbone: 'auto' (de_core_news_lg if installed, else models/de_open_news), a package name or a path. Env: CLAIMS_MODEL."
STAGE_FILES = {"segment": "stage-segment.spacy", "entities": "stage-entities.spacy", "attribute": "stage-attribute.spacy"}


def _load(model: str):
    try:
        return assembly.load_nlp(model)
    except BackboneError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_FAILURE)


def _progress(quiet: bool):
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.completed} docs"),
                    TextColumn("{task.fields[claims]} claims"), TimeElapsedColumn(),
                    console=console, disable=quiet or not console.is_terminal)


def _metadata(nlp) -> dict[str, str]:
    return run_metadata(nlp.meta["claims_backbone"], nlp.meta["claims_backbone_version"],
                        nlp.meta.get("claims_models"), nlp.meta.get("claims_warnings"))


def _summary(writer: OutputWriter, docs_status: dict[str, int], seconds: float, backbone: str, out: Path) -> None:
    resumed = f", {docs_status['resumed']} resumed" if docs_status.get("resumed") else ""
    console.print(
        f"[green]done[/green] {sum(docs_status.values())} documents "
        f"({docs_status.get('ok', 0)} ok, {docs_status.get('skipped', 0)} skipped, {docs_status.get('error', 0)} errors{resumed}), "
        f"{writer.counts.get('sentences', 0)} sentences, {writer.counts.get('entities', 0)} entities, "
        f"{writer.counts.get('claims', 0)} claims in {seconds:.1f} s, backbone {escape(backbone)} -> {out}/"
    )


class _RunReport:
    """Counts document outcomes and shows them: the progress bar, a line per document with
    --verbose, a line per 100 documents when the output is not a terminal."""

    def __init__(self, progress, writer: OutputWriter, quiet: bool, verbose: bool):
        self.progress, self.writer, self.quiet, self.verbose = progress, writer, quiet, verbose
        self.task = progress.add_task("extracting", total=None, claims=0)
        self.status: dict[str, int] = {"resumed": len(writer.done_ids)} if writer.done_ids else {}
        self.started = time.perf_counter()

    def document(self, doc_id, state: str, n_claims: int, error) -> None:
        self.status[state] = self.status.get(state, 0) + 1
        self.progress.update(self.task, advance=1, claims=self.writer.counts["claims"])
        if self.verbose:
            self.progress.console.print(f"{doc_id}: {state}, {n_claims} claims" + (f" ({escape(str(error))})" if error else ""))
        if not console.is_terminal and not self.quiet and sum(self.status.values()) % 100 == 0:
            console.print(f"{sum(self.status.values())} documents, {self.writer.counts['claims']} claims")

    def rows(self, rows: dict[str, list[dict]]) -> None:
        """Count the documents whose rows were written (one docs row per finished article)."""
        for row in rows.get("docs", []):
            self.document(row["doc_id"], row["status"], row["n_claims"], row["error"])

    def finish(self, nlp, out: Path, as_directories: bool) -> int:
        """Publish the tables, print the summary; returns the exit code."""
        self.writer.close(as_directories)
        for warning in nlp.meta.get("claims_warnings", []):  # shown even with --quiet
            console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
        if not self.quiet:
            _summary(self.writer, self.status, time.perf_counter() - self.started, nlp.meta["claims_backbone"], out)
        return EXIT_DOC_ERRORS if self.status.get("error") else EXIT_OK


def _write_all(nlp, docs: Iterable, out: Path, quiet: bool, writer: OutputWriter | None = None,
               verbose: bool = False, as_directories: bool = False) -> int:
    """Write the four tables from processed docs; returns the exit code."""
    writer = writer or OutputWriter(out, _metadata(nlp))
    with _progress(quiet) as progress:
        report = _RunReport(progress, writer, quiet, verbose)
        for doc in docs:
            writer.add(doc)
            report.document(doc.user_data.get("claims:doc_id"), doc.user_data.get("claims:status", "ok"),
                            len(doc.user_data.get("claims:quotations", [])), doc.user_data.get("claims:error"))
    return report.finish(nlp, out, as_directories)


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Files or folders: .txt, .jsonl, .json (WikiNews), .parquet, .csv"),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder for the parquet tables."),
    model: str = typer.Option("auto", "--model", "-m", envvar="CLAIMS_MODEL", help=MODEL_HELP),
    batch_size: int = typer.Option(32, help="Documents per nlp.pipe batch."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=1,
                                help="Worker processes, default all cores (each loads the model once)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every document."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run in OUT: finished documents are not processed again."),
    checkpoint_every: int = typer.Option(200, min=1, help="Documents per checkpoint (a part file under OUT/.parts)."),
    engine: str = typer.Option("local", help="'local' (this machine, --workers processes) or 'dask'."),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address (tcp://host:8786); default: a LocalCluster of --workers processes."),
    partition_size: int = typer.Option(20, min=1, help="Articles per task sent to a worker (the local pool uses at most 20)."),
    parts: bool = typer.Option(False, "--parts", help="Write each table as a folder of part files instead of one file."),
):
    """Run all stages on INPUTS and write claims, sentences, entities and docs parquet files.

    Exit code: 0 if every document was processed (or skipped with a reason),
    1 if some documents failed (see docs.parquet: status, error), 2 on a fatal error.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    for noisy in ("distributed", "dask"):
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.WARNING)
    nlp = _load(model)
    writer = OutputWriter(out, _metadata(nlp), resume=resume, part_size=checkpoint_every)
    articles = (a for a in read_articles(inputs) if a.doc_id not in writer.done_ids)
    if engine not in ("local", "dask"):
        console.print(f"[red]error:[/red] unknown engine {engine!r}: use 'local' or 'dask'")
        raise typer.Exit(EXIT_FAILURE)
    if engine == "dask" or workers > 1:
        raise typer.Exit(_run_partitioned(nlp, articles, writer, out, model, engine, scheduler, workers,
                                          partition_size, batch_size, quiet, verbose, parts))
    raise typer.Exit(_extract_to(nlp, articles, out, writer, quiet, verbose, parts, batch_size))


def _extract_to(nlp, articles, out: Path, writer: OutputWriter | None = None, quiet: bool = False,
                verbose: bool = False, as_directories: bool = False, batch_size: int = 32) -> int:
    """Process articles in this process and write all tables to OUT; returns the exit code."""
    writer = writer or OutputWriter(out, _metadata(nlp))
    with _progress(quiet) as progress:
        report = _RunReport(progress, writer, quiet, verbose)
        for rows, article_complete in table_rows(nlp, articles, batch_size):
            writer.add_rows(rows, n_docs=1, article_complete=article_complete)
            report.rows(rows)
    return report.finish(nlp, out, as_directories)


def _run_partitioned(nlp, articles, writer: OutputWriter, out: Path, model: str, engine: str, scheduler,
                     workers: int, partition_size: int, batch_size: int, quiet: bool, verbose: bool,
                     as_directories: bool = False) -> int:
    """Worker processes (a local pool or Dask) turn partitions of articles into rows."""
    from .engines import run_on_dask, run_on_pool

    model_name = None if model == "auto" else model
    with _progress(quiet) as progress:
        report = _RunReport(progress, writer, quiet, verbose)

        def count(rows, n_docs):
            report.rows(rows)

        if engine == "dask":
            run_on_dask(articles, writer, model_name, scheduler, workers, partition_size, count)
        else:
            run_on_pool(articles, writer, model_name, workers, min(partition_size, 20), batch_size, count)
    return report.finish(nlp, out, as_directories)


def _save_stage(docs: Iterable, path: Path, writer: OutputWriter) -> int:
    """Save the docs for the next stage (a DocBin, renamed into place) and write their rows."""
    from spacy.tokens import DocBin

    bin_ = DocBin(store_user_data=True)
    count = 0
    for doc in docs:
        bin_.add(doc)
        writer.add(doc)
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    bin_.to_disk(tmp)
    tmp.replace(path)
    return count


def _load_stage(nlp, out: Path, stage: str):
    from spacy.tokens import DocBin

    path = out / STAGE_FILES[stage]
    if not path.exists():
        console.print(f"[red]error:[/red] {path} not found: run `claims {stage}` first")
        raise typer.Exit(EXIT_FAILURE)
    return DocBin().from_disk(path).get_docs(nlp.vocab)


def _run_stage(nlp, docs, stage: str, out: Path, table: str) -> None:
    names = assembly.stage_components(nlp, stage)
    writer = OutputWriter(out, _metadata(nlp), tables=(table,))
    count = _save_stage(assembly.run_components(nlp, docs, names), out / STAGE_FILES[stage], writer)
    writer.close()
    console.print(f"{stage}: {count} documents ({', '.join(names)}) -> {out / STAGE_FILES[stage]}, {out / (table + '.parquet')}")


@app.command()
def segment(
    inputs: List[Path] = typer.Argument(..., help="Files or folders, as for `extract`."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o"),
    model: str = typer.Option("auto", "--model", "-m", envvar="CLAIMS_MODEL", help=MODEL_HELP),
):
    """Stage 1: read articles, split sentences (and tag/parse); writes sentences.parquet."""
    nlp = _load(model)
    docs = assembly.make_docs(nlp, read_articles(inputs))
    _run_stage(nlp, docs, "segment", out, "sentences")


@app.command()
def entities(
    out: Path = typer.Option(Path("outputs"), "--out", "-o"),
    model: str = typer.Option("auto", "--model", "-m", envvar="CLAIMS_MODEL", help=MODEL_HELP),
):
    """Stage 2: named entities (PER/ORG/LOC/MISC) on the segmented docs; writes entities.parquet."""
    nlp = _load(model)
    _run_stage(nlp, _load_stage(nlp, out, "segment"), "entities", out, "entities")


@app.command()
def attribute(
    out: Path = typer.Option(Path("outputs"), "--out", "-o"),
    model: str = typer.Option("auto", "--model", "-m", envvar="CLAIMS_MODEL", help=MODEL_HELP),
):
    """Stages 3-5: quotations, speakers and dates on the entity-tagged docs; writes claims.parquet."""
    nlp = _load(model)
    _run_stage(nlp, _load_stage(nlp, out, "entities"), "attribute", out, "claims")


@app.command()
def emit(
    out: Path = typer.Option(Path("outputs"), "--out", "-o"),
    model: str = typer.Option("auto", "--model", "-m", envvar="CLAIMS_MODEL", help=MODEL_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
):
    """Stage 6: write all four parquet tables from the attributed docs."""
    nlp = _load(model)
    raise typer.Exit(_write_all(nlp, _load_stage(nlp, out, "attribute"), out, quiet))


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="WikiNews-format gold JSON files (../shared/data/wikinews-quotes/dev) or a claims-gold folder with gold.jsonl and articles/ (../shared/data/realnews-dev)."),
    pred: Optional[Path] = typer.Option(None, help="Folder with a claims.parquet made from these gold files; default: run the pipeline now."),
    model: str = typer.Option("auto", "--model", "-m", envvar="CLAIMS_MODEL", help=MODEL_HELP),
    limit: Optional[int] = typer.Option(None, help="Score only the first N gold files (quick checks)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON instead of a table."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Also write the predictions' parquet files here."),
    min_confidence: float = typer.Option(0.0, help="Score only the claims with at least this confidence."),
):
    """Score attribution against gold: WikiNews JSON files (Message/Roles/Joint/Form P/R/F1,
    speaker accuracy) or a claims-gold folder with gold.jsonl and articles/ (found, speaker
    right, precision; the realnews-dev format)."""
    import json

    import pandas as pd

    from .evaluate import evaluate_claims, format_table, load_gold
    from .evaluate_claims import is_claims_gold

    if is_claims_gold(gold_dir):
        raise typer.Exit(_evaluate_claims_gold(gold_dir, pred, out, model, as_json, min_confidence))
    gold = load_gold(gold_dir, limit)
    if not gold:
        console.print(f"[red]error:[/red] no gold .json files in {gold_dir}")
        raise typer.Exit(EXIT_FAILURE)
    if pred is None:
        nlp = _load(model)
        pred = out or Path(tempfile.mkdtemp(prefix="claims-eval-"))
        _extract_to(nlp, read_articles([path for path, _ in gold.values()]), pred, quiet=True)
    claims = pd.read_parquet(pred / "claims.parquet")
    claims = claims[claims.confidence >= min_confidence]
    by_doc = {doc_id: group.to_dict("records") for doc_id, group in claims.groupby("doc_id")}
    result = evaluate_claims(gold, by_doc)
    typer.echo(json.dumps(result, indent=2) if as_json else format_table(result))


def _evaluate_claims_gold(gold_dir: Path, pred: Optional[Path], out: Optional[Path], model: str, as_json: bool,
                         min_confidence: float) -> int:
    import json

    import pandas as pd

    from .evaluate_claims import article_paths, format_claims_table, load_claims_gold, score_claims

    gold = load_claims_gold(gold_dir)
    if pred is None:
        nlp = _load(model)
        pred = out or Path(tempfile.mkdtemp(prefix="claims-eval-"))
        _extract_to(nlp, read_articles(article_paths(gold_dir, gold)), pred, quiet=True)
    claims = pd.read_parquet(pred / "claims.parquet")
    claims = claims[claims.confidence >= min_confidence]
    result = score_claims(gold, claims.to_dict("records"))
    typer.echo(json.dumps(result, indent=2) if as_json else format_claims_table(result))
    return EXIT_OK


@app.command()
def show(
    doc_id: str = typer.Argument(..., help="The doc_id of an article in OUT/docs.parquet."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder of a finished run."),
    html_file: Optional[Path] = typer.Option(None, "--html", help="Write a self-contained HTML view of the article here."),
):
    """Show one article's claims: a table in the terminal, or highlighted in an HTML page."""
    from rich.table import Table

    from .views import load_outputs, write_article

    if html_file is not None:
        try:
            write_article(out, doc_id, html_file)
        except KeyError as exc:
            console.print(f"[red]error:[/red] {exc.args[0]}")
            raise typer.Exit(EXIT_FAILURE)
        console.print(f"wrote {html_file}")
        return
    claims, _ = load_outputs(out)
    table = Table("speaker", "mention", "type", "cue", "quote", "date", title=doc_id)
    for row in claims[claims.doc_id == doc_id].itertuples():
        table.add_row(*(escape(str(v)) if v is not None and v == v else "" for v in
                        (row.speaker, row.speaker_mention, row.quote_type, row.cue, row.quote, row.claim_date)))
    Console().print(table)


@app.command()
def report(
    html_file: Path = typer.Option(..., "--html", help="Write the report page here (article pages go to ./articles/ beside it)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder of a finished run."),
):
    """A self-contained HTML report of a run: sortable, filterable claims table, counts, article views."""
    from .views import write_report

    write_report(out, html_file)
    console.print(f"wrote {html_file} and {html_file.parent / 'articles'}/")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
