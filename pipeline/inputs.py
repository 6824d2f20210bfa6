"""Read articles from files and folders: .txt, .jsonl, .parquet, .csv and WikiNews JSON.

Every input document yields exactly one `Article`. Documents that cannot be read still
yield an `Article` with `status="error"` (or `"skipped"`) and a human-readable `error`,
so that nothing is silently lost and `docs.parquet` accounts for every input.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".json", ".parquet", ".csv")
WIKINEWS_NAME = re.compile(r"^\s*(?P<id>\d+)\s*-\s*(?P<title>.*?)\s*\((?P<date>\d{4}-\d{2}-\d{2})\)\s*$")
MIN_TEXT_CHARS = 1


@dataclass
class Article:
    doc_id: str
    text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    status: str = "ok"
    error: str | None = None
    meta: dict = field(default_factory=dict)


def parse_date(value) -> date | None:
    """Accept ISO dates and datetimes (strings, date or pandas Timestamp); None if unparseable."""
    if value is None or value == "":
        return None
    if hasattr(value, "date") and callable(value.date):
        try:
            return value.date()
        except (TypeError, ValueError):
            return None
    if isinstance(value, date):
        return value
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def decode_bytes(raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM); refuse binary and non-UTF-8 data with a clear message."""
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (NUL bytes), not a text article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise ValueError(f"not valid UTF-8 (byte {exc.start}) and not Windows-1252 either") from exc
        # cp1252 decodes almost anything: accept it only when German letters appear as expected
        if re.search(r"[äöüÄÖÜß]", text):
            return text
        raise ValueError(f"not valid UTF-8 (invalid byte at offset {exc.start}); re-encode the file as UTF-8")


def _article_from_record(record: dict, fallback_id: str, source: str) -> Article:
    doc_id = str(record.get("id") or record.get("doc_id") or fallback_id)
    text = record.get("text")
    src = record.get("url") or record.get("source") or source
    published = parse_date(record.get("published") or record.get("date"))
    article = Article(
        doc_id=doc_id,
        text=text if isinstance(text, str) else "",
        source=str(src),
        title=record.get("title") or None,
        outlet=record.get("outlet") or None,
        published=published,
    )
    if not isinstance(text, str):
        article.status, article.error = "error", "missing or non-string 'text' field"
    return article


def _wikinews_article(data: dict, path: Path) -> Article:
    match = WIKINEWS_NAME.match(data.get("documentName", ""))
    doc_id = match.group("id") if match else path.stem
    return Article(
        doc_id=doc_id,
        text=data["originalText"],
        source=str(path),
        title=match.group("title") if match else data.get("documentName"),
        outlet="Wikinews",
        published=parse_date(match.group("date")) if match else None,
        meta={"wikinews": data},
    )


def _error(doc_id: str, source: str, message: str) -> Article:
    return Article(doc_id=doc_id, text="", source=source, status="error", error=message)


def read_file(path: Path) -> Iterator[Article]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".txt":
            yield Article(doc_id=path.stem, text=decode_bytes(path.read_bytes()), source=str(path))
        elif suffix == ".json":
            data = json.loads(decode_bytes(path.read_bytes()))
            if isinstance(data, dict) and "originalText" in data:
                yield _wikinews_article(data, path)
            elif isinstance(data, dict):
                yield _article_from_record(data, path.stem, str(path))
            else:
                yield _error(path.stem, str(path), "JSON file is neither a WikiNews document nor an article object")
        elif suffix == ".jsonl":
            yield from _read_jsonl(path)
        elif suffix in (".parquet", ".csv"):
            yield from _read_table(path)
        else:
            yield _error(path.stem, str(path), f"unsupported file type {suffix!r}; use one of {SUPPORTED_SUFFIXES}")
    except (OSError, ValueError) as exc:
        yield _error(path.stem, str(path), str(exc))


def _read_jsonl(path: Path) -> Iterator[Article]:
    text = decode_bytes(path.read_bytes())
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fallback = f"{path.stem}-{line_no}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error(fallback, f"{path}:{line_no}", f"malformed JSON on line {line_no}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield _error(fallback, f"{path}:{line_no}", f"line {line_no} is not a JSON object")
            continue
        yield _article_from_record(record, fallback, f"{path}:{line_no}")


def _read_table(path: Path) -> Iterator[Article]:
    import pandas as pd

    if path.suffix.lower() == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, quoting=csv.QUOTE_MINIMAL)
    else:
        frame = pd.read_parquet(path)
    if "text" not in frame.columns:
        yield _error(path.stem, str(path), f"table has no 'text' column (columns: {list(frame.columns)})")
        return
    for row_no, record in enumerate(frame.to_dict("records")):
        clean = {k: (None if _is_missing(v) else v) for k, v in record.items()}
        yield _article_from_record(clean, f"{path.stem}-{row_no}", f"{path}#row={row_no}")


def _is_missing(value) -> bool:
    try:
        return value is None or value != value  # NaN
    except (TypeError, ValueError):
        return False


def iter_paths(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and directories (recursively, sorted) into input files."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path


def read_articles(inputs: Iterable[str | Path]) -> Iterator[Article]:
    """Yield every article from the inputs, with checks and de-duplicated doc ids."""
    seen: dict[str, int] = {}
    for path in iter_paths(inputs):
        if not path.exists():
            yield _error(path.stem, str(path), f"input not found: {path}")
            continue
        for article in read_file(path):
            yield check_article(_dedupe(article, seen))


def _dedupe(article: Article, seen: dict[str, int]) -> Article:
    count = seen.get(article.doc_id, 0)
    seen[article.doc_id] = count + 1
    if count:
        original = article.doc_id
        article.doc_id = f"{original}~{count + 1}"
        note = f"duplicate doc_id {original!r}: renamed to {article.doc_id!r}"
        article.meta["duplicate_of"] = original
        article.error = f"{article.error}; {note}" if article.error else note
    return article


GERMAN_WORDS = {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "sich", "des", "auf",
                "für", "ein", "eine", "dem", "im", "auch", "es", "sie", "er", "wird", "wurde", "dass", "nach", "bei"}
MIN_FOREIGN_WORDS = 4  # in a text under 20 words
OTHER_LANGUAGES = {
    "English": {"the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "on", "with", "as", "by", "he", "said"},
    "French": {"le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "qui", "sur", "pas", "du"},
    "Spanish": {"el", "la", "los", "las", "y", "que", "en", "por", "una", "con", "para", "del", "es", "se"},
}


def detect_non_german(text: str) -> str | None:
    """The name of another language if the text's function words say so, else None.

    Counts frequent function words in the first 3,000 characters. A short text (under 20
    words) carries little evidence: it counts as another language only with at least
    MIN_FOREIGN_WORDS of that language's function words and none of German's."""
    words = re.findall(r"[a-zäöüß]+", text[:3000].lower())
    german = sum(w in GERMAN_WORDS for w in words)
    best, best_count = max(((name, sum(w in vocab for w in words)) for name, vocab in OTHER_LANGUAGES.items()),
                           key=lambda item: item[1])
    if len(words) < 20:
        return best if best_count >= MIN_FOREIGN_WORDS and german == 0 else None
    return best if best_count > 2 * german and best_count >= 0.1 * len(words) else None


def check_article(article: Article) -> Article:
    """Skip empty and non-German texts (status "skipped" with the reason)."""
    if article.status != "ok":
        return article
    if len(article.text.strip()) < MIN_TEXT_CHARS:
        article.status, article.error = "skipped", "empty or whitespace-only text"
        return article
    language = detect_non_german(article.text)
    if language:
        article.status, article.error = "skipped", f"not German: the text looks {language}"
    return article
