"""Stage 5, dates: the article's publication date and the date of each statement.

`published` comes from metadata, else from a dateline in the text ("Aktualisiert 28. April
2025", "28.04.2025"). `claim_date` comes from a date expression in the quotation's
sentence (or its frame), resolved against `published`:

- full dates ("28. April 2025", "28.4.2025") -> that day;
- day and month ("am 29. November") -> that day in the latest year not after `published`;
- weekdays ("am Freitag") -> the latest such weekday on or before `published`;
- "heute", "gestern", "vorgestern" -> relative to `published`;
- months ("im November 2024", "Ende Januar") -> the first day of the month, with
  granularity "month"; a year alone ("2024") is not used.

Nothing is invented: without `published`, relative expressions stay unresolved (null).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from .german.words import MONTHS, WEEKDAYS
from .guard import guarded
from .quotation import doc_text, get_quotations, set_quotations

RELATIVE_DAYS = {"heute": 0, "gestern": 1, "vorgestern": 2}

_MONTH = "|".join(MONTHS)
FULL_DATE = re.compile(rf"\b(\d{{1,2}})\.\s*({_MONTH})\s+(\d{{4}})\b", re.I)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.\s*({_MONTH})\b(?!\s+\d{{4}})", re.I)
MONTH_YEAR = re.compile(rf"\b(?:(Anfang|Mitte|Ende)\s+|im\s+)?({_MONTH})\s+(\d{{4}})\b", re.I)
MONTH_ONLY = re.compile(rf"\b(Anfang|Mitte|Ende|im)\s+({_MONTH})\b(?!\s+\d)", re.I)
WEEKDAY = re.compile(rf"\b(?:am\s+|vom\s+|seit\s+)?({'|'.join(WEEKDAYS)})\b", re.I)
RELATIVE = re.compile(r"\b(heute|gestern|vorgestern)\b", re.I)
DATELINE = re.compile(rf"(?:Aktualisiert|Veröffentlicht|Stand|Published|Updated)[:\s]+(\d{{1,2}})\.\s*({_MONTH})\s+(\d{{4}})", re.I)


def published_from_text(text: str) -> date | None:
    """A dateline in the first or last 400 characters ('Aktualisiert 28. April 2025')."""
    for part in (text[:400], text[-400:]):
        match = DATELINE.search(part) or NUMERIC_DATE.search(part[:120])
        if match:
            found = _safe_date(*_ymd(match))
            if found:
                return found
    return None


def _ymd(match: re.Match) -> tuple[int, int, int]:
    day, month, year = match.groups()
    month_number = MONTHS[month.lower()] if not month.isdigit() else int(month)
    return int(year), month_number, int(day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_expression(text: str, published: date | None) -> tuple[date | None, str | None, str | None]:
    """(date, matched text, granularity) for the first resolvable date expression in text."""
    for pattern in (FULL_DATE, NUMERIC_DATE):
        match = pattern.search(text)
        if match:
            return _safe_date(*_ymd(match)), match.group(0), "day"
    match = DAY_MONTH.search(text)
    if match and published:
        day, month = int(match.group(1)), MONTHS[match.group(2).lower()]
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        return _safe_date(year, month, day), match.group(0), "day"
    match = MONTH_YEAR.search(text)
    if match:
        return date(int(match.group(3)), MONTHS[match.group(2).lower()], 1), match.group(0), "month"
    match = RELATIVE.search(text)
    if match and published:
        return published - timedelta(days=RELATIVE_DAYS[match.group(1).lower()]), match.group(0), "day"
    match = WEEKDAY.search(text)
    if match and published:
        back = (published.weekday() - WEEKDAYS[match.group(1).lower()]) % 7
        return published - timedelta(days=back), match.group(0), "day"
    match = MONTH_ONLY.search(text)
    if match and published:
        month = MONTHS[match.group(2).lower()]
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), match.group(0), "month"
    return None, None, None


@Language.factory("claims_dates")
def make_date_resolver(nlp: Language, name: str):
    if not Doc.has_extension("published"):
        Doc.set_extension("published", getter=lambda doc: _as_date(doc.user_data.get("claims:published")))
    return guarded(DateResolver())


class DateResolver:
    """Sets `doc._.published` (if not given) and each quotation's claim date."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        published = _as_date(doc.user_data.get("claims:published")) or published_from_text(text)
        doc.user_data["claims:published"] = published.isoformat() if published else None
        quotations = get_quotations(doc)
        sentences = list(doc.sents)
        for q in quotations:
            where = [sentences[q.sentence_index].text] if q.sentence_index < len(sentences) else []
            where += [text[s:e] for s, e in q.frame]
            for passage in where:
                found, expression, granularity = resolve_expression(passage, published)
                if found:
                    q.claim_date, q.claim_date_text, q.claim_date_granularity = found.isoformat(), expression, granularity
                    break
        set_quotations(doc, quotations)
        return doc


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
