"""Stage 6, emit: the claims table and its companions as parquet, per ../shared/claims-schema.md.

Tables are written incrementally (one row group per batch) to a temporary file that is
renamed into place only when complete, so a reader never sees a half-written file.
Before a batch of claims is written it is validated against the schema and the text:
offsets inside the text, `text[start:end]` equal to the quoted span.
"""
from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from spacy.tokens import Doc

from .attribute import get_quotations

CLAIMS_SCHEMA_VERSION = "1.0"
PROJECT_VERSION = "0.1.0"

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
])
TABLES = {"claims": CLAIMS_SCHEMA, "sentences": SENTENCES_SCHEMA, "entities": ENTITIES_SCHEMA, "docs": DOCS_SCHEMA}
QUOTE_TYPES = {"direct", "indirect", "free_indirect", "indirect_free_indirect", "reported"}


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
    return " … ".join(text[s:e] for s, e in spans) if spans else None


def claim_id(doc_id: str, text: str, quote_type: str, spans) -> str:
    """Stable across runs: depends on the document, its text and the quote's offsets only."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    offsets = ";".join(f"{int(start)}-{int(end)}" for start, end in spans)
    key = f"{doc_id}|{digest}|{quote_type}|{offsets}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def claim_rows(doc: Doc) -> list[dict]:
    doc_id, text = _meta(doc, "doc_id"), doc.text
    rows = []
    for q in get_quotations(doc):
        rows.append({
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
            "rule": q.rule,
        })
    validate_claims(rows, text)
    return rows


def validate_claims(rows: list[dict], text: str) -> None:
    for row in rows:
        if row["quote_type"] not in QUOTE_TYPES:
            raise SchemaViolation(f"claim {row['claim_id']}: unknown quote_type {row['quote_type']!r}")
        if not row["quote_spans"]:
            raise SchemaViolation(f"claim {row['claim_id']}: empty quote_spans")
        for column in ("speaker_spans", "cue_spans", "quote_spans", "frame_spans", "addressee_spans"):
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


def doc_row(doc: Doc, n_claims: int) -> dict:
    n_sentences = len(list(doc.sents)) if doc.has_annotation("SENT_START") else 0
    return {"doc_id": _meta(doc, "doc_id"), "source": _meta(doc, "source"), "title": _meta(doc, "title"),
            "published": _date(_meta(doc, "published")), "n_sentences": n_sentences, "n_claims": n_claims,
            "status": _meta(doc, "status") or "ok", "error": _meta(doc, "error"), "outlet": _meta(doc, "outlet")}


class TableWriter:
    """Writes one parquet file incrementally under a temporary name; `close()` publishes it."""

    def __init__(self, path: Path, schema: pa.Schema, metadata: dict[str, str]):
        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.partial")
        self.schema = schema.with_metadata({k: str(v) for k, v in metadata.items()})
        self.writer = pq.ParquetWriter(self.tmp, self.schema)
        self.buffer: list[dict] = []
        self.flushed = False

    def write(self, rows: list[dict], row_group_size: int = 5000) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= row_group_size:
            self.flush()

    def flush(self) -> None:
        # an empty table still writes the schema, so that empty outputs stay readable
        self.writer.write_table(pa.Table.from_pylist(self.buffer, schema=self.schema))
        self.buffer, self.flushed = [], True

    def close(self) -> None:
        if self.buffer or not self.flushed:
            self.flush()
        self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.writer.close()
        self.tmp.unlink(missing_ok=True)


class OutputWriter:
    """The four tables of one run."""

    def __init__(self, out_dir: Path, metadata: dict[str, str], tables=tuple(TABLES)):
        out_dir.mkdir(parents=True, exist_ok=True)
        self.writers = {name: TableWriter(out_dir / f"{name}.parquet", TABLES[name], metadata) for name in tables}
        self.counts = {name: 0 for name in tables}

    def add(self, doc: Doc) -> int:
        """Write one processed doc's rows; a doc whose claims break the schema becomes an error row."""
        claims: list[dict] = []
        if doc.user_data.get("claims:status", "ok") == "ok":
            try:
                claims = claim_rows(doc)
            except SchemaViolation as exc:
                doc.user_data["claims:status"], doc.user_data["claims:error"] = "error", f"schema violation: {exc}"
        rows = {"claims": claims, "sentences": sentence_rows(doc), "entities": entity_rows(doc), "docs": [doc_row(doc, len(claims))]}
        for name, writer in self.writers.items():
            writer.write(rows[name])
            self.counts[name] += len(rows[name])
        return len(claims)

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()

    def abort(self) -> None:
        for writer in self.writers.values():
            writer.abort()


def run_metadata(backbone: str, backbone_version: str) -> dict[str, str]:
    return {"claims_schema_version": CLAIMS_SCHEMA_VERSION, "backbone": backbone,
            "backbone_version": backbone_version, "project_version": PROJECT_VERSION}
