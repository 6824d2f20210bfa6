"""Stage 6, emit: the claims table and its companions as parquet, per ../shared/claims-schema.md.

Tables are written in checkpointed parts and joined at the end through a temporary file
that is renamed into place, so a reader never sees a half-written file and an interrupted
run can resume (`claims extract --resume`).
Before a batch of claims is written it is validated against the schema and the text:
offsets inside the text, `text[start:end]` equal to the quoted span.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from spacy.tokens import Doc

from . import __version__ as PROJECT_VERSION
from .quotation import QUOTE_TYPES, SOURCE_PREFIX, SPAN_SEPARATOR, Quotation, Rule, doc_text, get_quotations

CLAIMS_SCHEMA_VERSION = "2.0"  # ../shared/claims-schema-v2.md: speaker ids, speakers and clusters tables

SPAN_LIST = pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))
CLAIMS_SCHEMA = pa.schema([
    ("claim_id", pa.string()), ("doc_id", pa.string()), ("source", pa.string()),
    ("outlet", pa.string()), ("published", pa.date32()), ("claim_date", pa.date32()),
    ("speaker", pa.string()), ("speaker_mention", pa.string()), ("speaker_spans", SPAN_LIST),
    ("speaker_type", pa.string()), ("cue", pa.string()), ("cue_lemma", pa.string()),
    ("cue_spans", SPAN_LIST), ("quote", pa.string()), ("quote_spans", SPAN_LIST),
    ("quote_type", pa.string()), ("frame_spans", SPAN_LIST), ("addressee", pa.string()),
    ("addressee_spans", SPAN_LIST), ("via", pa.string()), ("sentence_index", pa.int32()),
    ("confidence", pa.float32()),
    # additions (allowed by the schema: columns may be added)
    ("claim_date_text", pa.string()), ("claim_date_granularity", pa.string()), ("rule", pa.string()),
    ("fragment_spans", SPAN_LIST),  # the quoted words inside a paraphrase, with their marks (mixed claims)
    # schema 2.0: speaker_id and cluster_id are set over the whole run (identity.py, clusters.py)
    ("speaker_id", pa.string()), ("speaker_role", pa.string()), ("cluster_id", pa.string()),
])
SENTENCES_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("sentence_index", pa.int32()), ("start", pa.int64()),
    ("end", pa.int64()), ("text", pa.string()),
])
ENTITIES_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("sentence_index", pa.int32()), ("text", pa.string()),
    ("label", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
])
DOCS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("source", pa.string()), ("title", pa.string()),
    ("published", pa.date32()), ("n_sentences", pa.int32()), ("n_claims", pa.int32()),
    ("status", pa.string()), ("error", pa.string()), ("outlet", pa.string()),
    ("text", pa.string()),  # the article as read, so that views and notebooks can show claims in context
])
TABLES = {"claims": CLAIMS_SCHEMA, "sentences": SENTENCES_SCHEMA, "entities": ENTITIES_SCHEMA, "docs": DOCS_SCHEMA}


class SchemaViolation(ValueError):
    """Our own output broke the claims schema: a bug, reported as an error."""


def _meta(doc: Doc, key: str):
    return doc.user_data.get(f"claims:{key}")


def _date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _spans(spans) -> list[dict]:
    return [{"start": int(s), "end": int(e)} for s, e in spans]


def _joined(text: str, spans) -> str | None:
    return SPAN_SEPARATOR.join(text[s:e] for s, e in spans) if spans else None


def claim_id(doc_id: str, text: str, quote_type: str, spans) -> str:
    """Stable across runs: depends on the document, its text and the quote's offsets only."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    offsets = ";".join(f"{int(start)}-{int(end)}" for start, end in spans)
    key = f"{doc_id}|{digest}|{quote_type}|{offsets}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def claim_rows(doc: Doc) -> list[dict]:
    doc_id, text = _meta(doc, "doc_id"), doc_text(doc)
    quotations = get_quotations(doc)
    sentence_starts = [s.start_char for s in doc.sents] if any(q.rule == Rule.KONJUNKTIV for q in quotations) else None
    claims = [[with_inner_source(c) for c in sentence_claims(q, text, sentence_starts)] for q in quotations]
    # the schema's mixed case: quoted words inside one paraphrase row's quote ("nannte sie eine
    # „Unternehmerin“") are part of that row, as the realnews annotators mark them (the WikiNews
    # ones add a nested direct quote: `evaluate.nested_fragments`)
    paraphrases = [c for q, pieces in zip(quotations, claims) if q.type != "direct" for c in pieces]
    folded = {id(q) for q in quotations if q.rule == Rule.DIRECT_NESTED and any(_holds(c, q) for c in paraphrases)}
    rows = []
    for q, pieces in zip(quotations, claims):
        if id(q) in folded:
            continue  # a part of its paraphrase's row, as `fragment_spans`
        for c in pieces:
            inside = [span for f in quotations if id(f) in folded and _holds(c, f) for span in f.quote]
            rows.append(_row(doc, doc_id, text, c, inside))
    validate_claims(rows, text)
    return rows


def _holds(claim: Quotation, fragment: Quotation) -> bool:
    return claim.start <= fragment.start and fragment.end <= claim.end


def sentence_claims(q: Quotation, text: str, sentence_starts: list[int] | None) -> list[Quotation]:
    """A Konjunktiv run is one claim per sentence: users read one statement per row, and the
    realnews-dev annotators mark each sentence. (The pipeline keeps the run whole, as the
    WikiNews annotators mark it; `pipeline/evaluate.py` joins the rows again for WikiNews.)"""
    if q.rule != Rule.KONJUNKTIV or not sentence_starts:
        return [q]
    start, end = q.start, q.end
    cuts = [c for c in sentence_starts[bisect.bisect_right(sentence_starts, start):] if c < end]
    if not cuts:
        return [q]
    pieces = []
    for k, (a, b) in enumerate(zip([start, *cuts], [*cuts, end])):
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append(replace(q, quote=[[a, b]], sentence_index=q.sentence_index + k))
    return pieces or [q]


def with_inner_source(q: Quotation) -> Quotation:
    """A source phrase inside its clause stays in the quote ("Die Täter waren nach Angaben des
    Ministeriums Siedler" is one statement, as users read it and the realnews annotators mark
    it; the WikiNews ones leave the phrase out: `pipeline/evaluate.py` takes it out again)."""
    if not str(q.rule).startswith(SOURCE_PREFIX) or len(q.quote) < 2:
        return q
    return replace(q, quote=[[q.start, q.end]])


def _row(doc: Doc, doc_id: str, text: str, q: Quotation, fragments: list | None = None) -> dict:
    return {
        "claim_id": claim_id(doc_id, text, q.type, q.quote),
        "doc_id": doc_id, "source": _meta(doc, "source"), "outlet": _meta(doc, "outlet"),
        "published": _date(_meta(doc, "published")), "claim_date": _date(q.claim_date),
        "speaker": q.speaker_canonical, "speaker_mention": _joined(text, q.speaker),
        "speaker_spans": _spans(q.speaker), "speaker_type": q.speaker_label,
        "cue": _joined(text, q.cue), "cue_lemma": q.cue_lemma, "cue_spans": _spans(q.cue),
        "quote": _joined(text, q.quote) or "", "quote_spans": _spans(q.quote),
        "quote_type": q.type, "frame_spans": _spans(q.frame),
        "addressee": _joined(text, q.addressee), "addressee_spans": _spans(q.addressee),
        "via": q.via, "sentence_index": q.sentence_index, "confidence": q.confidence,
        "claim_date_text": q.claim_date_text, "claim_date_granularity": q.claim_date_granularity,
        "rule": str(q.rule), "fragment_spans": _spans(sorted(fragments or [])),
        "speaker_id": None, "speaker_role": q.speaker_role, "cluster_id": None,
    }


def validate_claims(rows: list[dict], text: str) -> None:
    for row in rows:
        if row["quote_type"] not in QUOTE_TYPES:
            raise SchemaViolation(f"claim {row['claim_id']}: unknown quote_type {row['quote_type']!r}")
        if not row["quote_spans"]:
            raise SchemaViolation(f"claim {row['claim_id']}: empty quote_spans")
        for column in ("speaker_spans", "cue_spans", "quote_spans", "frame_spans", "addressee_spans", "fragment_spans"):
            for span in row[column]:
                if not 0 <= span["start"] < span["end"] <= len(text):
                    raise SchemaViolation(f"claim {row['claim_id']}: {column} {span} outside the text")
        if not 0.0 <= row["confidence"] <= 1.0:
            raise SchemaViolation(f"claim {row['claim_id']}: confidence {row['confidence']} not in 0..1")


def sentence_rows(doc: Doc) -> list[dict]:
    doc_id = _meta(doc, "doc_id")
    if not doc.has_annotation("SENT_START"):
        return []
    return [{"doc_id": doc_id, "sentence_index": i, "start": s.start_char, "end": s.end_char, "text": s.text}
            for i, s in enumerate(doc.sents)]


def entity_rows(doc: Doc) -> list[dict]:
    doc_id = _meta(doc, "doc_id")
    if not doc.has_annotation("SENT_START"):
        return []
    index = {s.start: i for i, s in enumerate(doc.sents)}
    return [{"doc_id": doc_id, "sentence_index": index[e.sent.start], "text": e.text, "label": e.label_,
             "start": e.start_char, "end": e.end_char} for e in doc.ents]


def shift_offsets(rows: list[dict], offset: int, sentence_base: int) -> None:
    """Move the rows of one part of a long article to article offsets and sentence numbers."""
    for row in rows:
        if "sentence_index" in row:
            row["sentence_index"] += sentence_base
        for key in ("start", "end"):
            if key in row:
                row[key] += offset
        for key, value in row.items():
            if key.endswith("_spans"):
                row[key] = [{"start": s["start"] + offset, "end": s["end"] + offset} for s in value]


def doc_row(doc: Doc, n_claims: int) -> dict:
    n_sentences = len(list(doc.sents)) if doc.has_annotation("SENT_START") else 0
    return {"doc_id": _meta(doc, "doc_id"), "source": _meta(doc, "source"), "title": _meta(doc, "title"),
            "published": _date(_meta(doc, "published")), "n_sentences": n_sentences, "n_claims": n_claims,
            "status": _meta(doc, "status") or "ok", "error": _meta(doc, "error"), "outlet": _meta(doc, "outlet"),
            "text": doc_text(doc)}


class RowBuilder:
    """Turns processed docs into table rows, in input order.

    The parts of a long article (see `nlp.make_docs`) arrive one after another: their
    offsets and sentence numbers are shifted into the article, and they share one docs row.
    """

    def __init__(self, tables=tuple(TABLES)):
        self.tables = tuple(tables)
        self.open_article: dict | None = None  # docs row of a long article whose parts are coming in
        self.article_sentences = 0  # sentences in the earlier parts of that article

    def rows(self, doc: Doc) -> dict[str, list[dict]]:
        """Rows for every table; a doc whose claims break the schema becomes an error row."""
        claims: list[dict] = []
        if "claims" in self.tables and doc.user_data.get("claims:status", "ok") == "ok":
            try:
                claims = claim_rows(doc)
            except SchemaViolation as exc:
                doc.user_data["claims:status"], doc.user_data["claims:error"] = "error", f"schema violation: {exc}"
        makers = {"claims": lambda: claims, "sentences": lambda: sentence_rows(doc),
                  "entities": lambda: entity_rows(doc), "docs": lambda: self._doc_rows(doc, len(claims))}
        offset = doc.user_data.get("claims:char_offset", 0)
        part = doc.user_data.get("claims:part")
        sentence_base = self.article_sentences if part and part > 1 else 0
        out = {}
        for table in self.tables:
            out[table] = makers[table]()
            if offset or sentence_base:
                shift_offsets(out[table], offset, sentence_base)
        if part:
            self.article_sentences = sentence_base + (len(list(doc.sents)) if doc.has_annotation("SENT_START") else 0)
            if part == doc.user_data.get("claims:n_parts"):
                self.open_article = None
        return out

    def _doc_rows(self, doc: Doc, n_claims: int) -> list[dict]:
        """One row per article: the parts of a long article are summed into one row."""
        row = doc_row(doc, n_claims)
        part, n_parts = doc.user_data.get("claims:part"), doc.user_data.get("claims:n_parts")
        if part is None:
            return [row]
        if self.open_article is None:
            self.open_article = {**row, "n_sentences": 0, "n_claims": 0}
        article = self.open_article
        article["n_sentences"] += row["n_sentences"]
        article["n_claims"] += row["n_claims"]
        if part > 1:
            article["text"] += row["text"]
        if row["status"] == "error":
            article["status"], article["error"] = "error", f"part {part}: {row['error']}"
        if part < n_parts:
            return []
        note = f"long article processed in {n_parts} parts"
        article["error"] = f"{article['error']}; {note}" if article["error"] else note
        return [article]


class OutputWriter:
    """The tables of one run, checkpointed in parts so that an interrupted run can resume.

    Rows are buffered and written every `part_size` documents as one part file per table
    under `DIR/.parts/` (each under a temporary name, then renamed). The last table of a
    part (`docs` in a full run) is written last and marks the part complete: on resume,
    incomplete parts are dropped and the documents of complete ones are skipped.
    `close()` joins the parts into `DIR/<table>.parquet`, again through a temporary name,
    so a reader never finds a truncated table, and then removes the parts.
    """

    def __init__(self, out_dir: Path, metadata: dict[str, str], tables=tuple(TABLES),
                 resume: bool = False, part_size: int = 200):
        self.out_dir, self.parts = Path(out_dir), Path(out_dir) / ".parts"
        self.tables, self.part_size = tuple(tables), part_size
        self.schemas = {t: TABLES[t].with_metadata({k: str(v) for k, v in metadata.items()}) for t in self.tables}
        if not resume:
            shutil.rmtree(self.parts, ignore_errors=True)
        self.parts.mkdir(parents=True, exist_ok=True)
        self.buffers: dict[str, list[dict]] = {t: [] for t in self.tables}
        self.pending = 0
        self.counts = {t: 0 for t in self.tables}
        self.done_ids: set[str] = set()
        self.builder = RowBuilder(self.tables)
        self.next_part = self._scan_complete_parts()

    def _part(self, table: str, number: int) -> Path:
        return self.parts / f"{table}-{number:06d}.parquet"

    def _scan_complete_parts(self) -> int:
        marker = self.tables[-1]
        complete = sorted(int(p.stem.rsplit("-", 1)[1]) for p in self.parts.glob(f"{marker}-*.parquet"))
        for path in self.parts.iterdir():
            number = path.stem.rsplit("-", 1)[-1]
            if path.suffix != ".parquet" or not number.isdigit() or int(number) not in complete:
                path.unlink()
        for number in complete:
            for table in self.tables:
                self.counts[table] += pq.ParquetFile(self._part(table, number)).metadata.num_rows
            if "docs" in self.tables:
                self.done_ids.update(pq.read_table(self._part("docs", number), columns=["doc_id"]).column(0).to_pylist())
        return complete[-1] + 1 if complete else 0

    def add(self, doc: Doc) -> int:
        """Buffer one processed doc's rows; returns its number of claims."""
        rows = self.builder.rows(doc)
        self.add_rows(rows, n_docs=1, article_complete=self.builder.open_article is None)
        return len(rows.get("claims", []))

    def add_rows(self, rows: dict[str, list[dict]], n_docs: int, article_complete: bool = True) -> None:
        """Buffer rows made elsewhere (e.g. by a Dask worker's RowBuilder)."""
        for table in self.tables:
            self.buffers[table].extend(rows.get(table, []))
            self.counts[table] += len(rows.get(table, []))
        self.pending += n_docs
        if self.pending >= self.part_size and article_complete:  # never checkpoint inside an article
            self._write_part()

    def _write_part(self) -> None:
        for table in self.tables:  # the marker table last
            path = self._part(table, self.next_part)
            tmp = path.with_name(path.name + ".partial")
            pq.write_table(pa.Table.from_pylist(self.buffers[table], schema=self.schemas[table]), tmp)
            os.replace(tmp, path)
            self.buffers[table] = []
        self.next_part += 1
        self.pending = 0

    def close(self, as_directories: bool = False) -> None:
        """Write the last part and publish the tables: joined into one file each, or, with
        `as_directories`, as folders of part files (`claims.parquet/part-000000.parquet` …),
        which skips the final copy for very large runs; `pd.read_parquet` reads either."""
        if self.pending or self.next_part == 0:
            self._write_part()
        if "claims" in self.tables:
            from . import clusters, identity

            self._corpus_pass("speakers", identity.ROW_COLUMNS, identity.SpeakerIndex)
            self._corpus_pass("clusters", clusters.ROW_COLUMNS, clusters.ClusterIndex)
        for table in self.tables:
            final = self.out_dir / f"{table}.parquet"
            tmp = self.out_dir / f".{table}.parquet.partial"
            if as_directories:
                tmp.mkdir()
                for number in range(self.next_part):
                    os.replace(self._part(table, number), tmp / f"part-{number:06d}.parquet")
            else:
                with pq.ParquetWriter(tmp, self.schemas[table]) as writer:
                    for number in range(self.next_part):
                        writer.write_table(pq.read_table(self._part(table, number), schema=self.schemas[table]))
            _remove(final)
            os.replace(tmp, final)
        shutil.rmtree(self.parts, ignore_errors=True)


    def _corpus_pass(self, name: str, columns: list[str], index_class) -> None:
        """Columns that need the whole run (speaker ids, pipeline/identity.py; statement clusters,
        pipeline/clusters.py): a first pass reads `columns` of every claims part, a second fills
        the column into each part, and `<name>.parquet` is written beside the tables."""
        parts = [self._part("claims", number) for number in range(self.next_part)]
        index = index_class([row for part in parts for row in pq.read_table(part, columns=columns).to_pylist()])
        for part in parts:
            tmp = part.with_name(part.name + ".partial")
            pq.write_table(index.apply(pq.read_table(part, schema=self.schemas["claims"])), tmp)
            os.replace(tmp, part)
        self._publish_beside(name, index.table())

    def _publish_beside(self, name: str, table: pa.Table) -> None:
        final, tmp = self.out_dir / f"{name}.parquet", self.out_dir / f".{name}.parquet.partial"
        pq.write_table(table.replace_schema_metadata(self.schemas["claims"].metadata), tmp)
        _remove(final)
        os.replace(tmp, final)


def _remove(path: Path) -> None:
    """Remove an earlier run's table, a file or a folder of parts."""
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def run_metadata(backbone: str, backbone_version: str, models: dict[str, str] | None = None,
                 warnings: list[str] | None = None) -> dict[str, str]:
    """Table metadata: which schema, backbone, project version and trained models made the rows."""
    return {"claims_schema_version": CLAIMS_SCHEMA_VERSION, "backbone": backbone,
            "backbone_version": backbone_version, "project_version": PROJECT_VERSION,
            "models": json.dumps(models or {}, ensure_ascii=False), "warnings": json.dumps(warnings or [], ensure_ascii=False)}
