"""Self-contained HTML views of the outputs: one article with its claims, and a run report.

`article_html` highlights every quotation in an article (one colour per speaker), marks
speakers (bold, underlined) and cues (boxed), and shows speaker, type and date on hover.
`report_html` is a page with the claims table (click a header to sort, type to filter),
counts per speaker and per type, the speakers of the run (speakers.parquet: type, roles,
aliases, claims, articles), per speaker the statements several articles carried (clusters.parquet,
earliest first), and links to the article views. No network is needed to
view either page: styles and scripts are inline.
"""
from __future__ import annotations

import html
from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd

PALETTE = ["#fde68a", "#bfdbfe", "#c7f9cc", "#fbcfe8", "#ddd6fe", "#fed7aa", "#a5f3fc", "#e9d5ff", "#fecaca", "#d9f99d"]
NO_SPEAKER = "(unknown speaker)"

STYLE = """
body { font-family: Georgia, serif; max-width: 52rem; margin: 2rem auto; line-height: 1.7; color: #1f2933; }
h1 { font-size: 1.4rem; } .meta { color: #52606d; font-size: .9rem; }
.quote { border-radius: .2rem; padding: .05rem 0; }
.speaker { font-weight: bold; text-decoration: underline; }
.cue { outline: 1px solid #7b8794; border-radius: .15rem; }
.legend span { display: inline-block; margin: .1rem .4rem .1rem 0; padding: 0 .4rem; border-radius: .2rem; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-family: sans-serif; font-size: .85rem; }
th, td { border-bottom: 1px solid #e4e7eb; padding: .3rem; text-align: left; vertical-align: top; }
th { cursor: pointer; background: #f5f7fa; position: sticky; top: 0; }
input { font-size: 1rem; padding: .3rem; width: 20rem; margin: .5rem 0; }
"""


def speaker_colours(speakers) -> dict[str, str]:
    ordered = [s for s, _ in Counter(speakers).most_common()]
    return {speaker: PALETTE[i % len(PALETTE)] for i, speaker in enumerate(ordered)}


def _segments(text: str, marks: list[tuple[int, int, str, dict]]) -> list[tuple[str, list[tuple[str, dict]]]]:
    """Cut the text at every mark boundary; each piece carries the marks that cover it."""
    cuts = sorted({0, len(text), *(s for s, _, _, _ in marks), *(e for _, e, _, _ in marks)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [(kind, info) for s, e, kind, info in marks if s <= start and end <= e]
        pieces.append((text[start:end], covering))
    return pieces


def _present(value):
    """The value, or None for None/NaN/NaT/empty (pandas fills missing metadata with NaN)."""
    return None if value is None or value == "" or pd.isna(value) else value


def article_html(doc: dict, claims: pd.DataFrame) -> str:
    """One article (a docs.parquet row with `text`) with its claims highlighted."""
    text = doc.get("text") or ""
    colours = speaker_colours(claims.speaker.fillna(NO_SPEAKER))
    marks = []
    for row in claims.itertuples():
        speaker = row.speaker if isinstance(row.speaker, str) else NO_SPEAKER
        info = {"speaker": speaker, "type": row.quote_type, "date": str(_present(row.claim_date) or ""), "id": row.claim_id,
                "colour": colours[speaker], "cue": row.cue if isinstance(row.cue, str) else ""}
        marks += [(s["start"], s["end"], "quote", info) for s in row.quote_spans]
        marks += [(s["start"], s["end"], "speaker", info) for s in row.speaker_spans]
        marks += [(s["start"], s["end"], "cue", info) for s in row.cue_spans]
    body = []
    for piece, covering in _segments(text, marks):
        chunk = html.escape(piece).replace("\n", "<br>\n")
        for kind, info in covering:
            title = f"{info['speaker']} · {info['type']}" + (f" · {info['date']}" if info["date"] else "")
            style = f' style="background:{info["colour"]}"' if kind == "quote" else ""
            chunk = (f'<span class="{kind}" data-claim="{info["id"]}" data-speaker="{html.escape(info["speaker"])}" '
                     f'title="{html.escape(title)}"{style}>{chunk}</span>')
        body.append(chunk)
    legend = "".join(f'<span style="background:{c}">{html.escape(s)}</span>' for s, c in colours.items())
    title = html.escape(str(_present(doc.get("title")) or doc["doc_id"]))
    meta = " · ".join(html.escape(str(v)) for v in (doc.get("source"), doc.get("published")) if _present(v))
    return (f"<!doctype html><html lang=de><meta charset=utf-8><title>{title}</title><style>{STYLE}</style>"
            f"<h1>{title}</h1><p class=meta>{meta} · {len(claims)} claims</p><p class=legend>{legend}</p>"
            f"<article>{''.join(body)}</article></html>")


REPORT_SCRIPT = """
const rows = [...document.querySelectorAll('#claims tbody tr')];
document.querySelector('#filter').addEventListener('input', e => {
  const q = e.target.value.toLowerCase();
  rows.forEach(r => r.style.display = r.textContent.toLowerCase().includes(q) ? '' : 'none');
});
document.querySelectorAll('#claims th').forEach((th, i) => th.addEventListener('click', () => {
  const asc = th.dataset.asc !== 'true'; th.dataset.asc = asc;
  rows.sort((a, b) => a.cells[i].textContent.localeCompare(b.cells[i].textContent, 'de', {numeric: true}) * (asc ? 1 : -1));
  rows.forEach(r => r.parentNode.appendChild(r));
}));
"""
REPORT_COLUMNS = ["speaker", "quote_type", "cue", "quote", "claim_date", "doc_id", "confidence"]


def _count_table(counts: Counter, label: str) -> str:
    rows = "".join(f"<tr><td>{html.escape(str(k))}</td><td>{v}</td></tr>" for k, v in counts.most_common())
    return f"<table class=counts><thead><tr><th>{label}</th><th>claims</th></tr></thead><tbody>{rows}</tbody></table>"


def _listed(value) -> str:
    return ", ".join(str(v) for v in value) if value is not None and len(value) else ""


def speakers_html(speakers: pd.DataFrame | None) -> str:
    """The speakers of the run (speakers.parquet), most claims first."""
    if speakers is None or speakers.empty:
        return ""
    rows = "".join(
        f"<tr><td>{html.escape(row.name)}</td><td>{html.escape(str(row.type))}</td>"
        f"<td>{html.escape(_listed(row.roles))}</td><td>{html.escape(_listed(row.aliases))}</td>"
        f"<td>{row.n_claims}</td><td>{row.n_docs}</td></tr>"
        for row in speakers.sort_values(["n_claims", "name"], ascending=[False, True]).itertuples())
    return ("<h2>Speakers</h2><table id=speakers><thead><tr><th>name</th><th>type</th><th>roles</th>"
            f"<th>aliases</th><th>claims</th><th>articles</th></tr></thead><tbody>{rows}</tbody></table>")


def statements_html(clusters: pd.DataFrame | None, claims: pd.DataFrame, speakers: pd.DataFrame | None,
                    article_dir: str = "articles") -> str:
    """Per speaker, the statements several articles carried (clusters.parquet), each with the
    articles that carried it, earliest first."""
    if clusters is None or clusters.empty:
        return ""
    names = dict(zip(speakers.speaker_id, speakers.name)) if speakers is not None else {}
    parts = ["<h2>Statements carried by several articles</h2>"]
    for speaker_id, group in clusters.groupby("speaker_id", sort=False):
        parts.append(f"<h3>{html.escape(str(names.get(speaker_id, speaker_id)))}</h3><ul>")
        for row in group.sort_values(["first_published", "cluster_id"], na_position="last").itertuples():
            members = claims[claims.cluster_id == row.cluster_id].sort_values(["published", "doc_id"], na_position="last")
            links = ", ".join(f'<a href="{article_dir}/{html.escape(d)}.html">{html.escape(d)}</a>'
                              + (f" ({p})" if isinstance(p, date) else "")
                              for d, p in dict(zip(members.doc_id, members.published)).items())
            parts.append(f"<li>{html.escape(row.quote)} <span class=meta>— {row.n_docs} articles: {links}</span></li>")
        parts.append("</ul>")
    return "".join(parts)


def report_html(claims: pd.DataFrame, docs: pd.DataFrame, article_dir: str = "articles",
                speakers: pd.DataFrame | None = None, clusters: pd.DataFrame | None = None) -> str:
    body_rows = []
    for row in claims.itertuples():
        cells = []
        for column in REPORT_COLUMNS:
            value = getattr(row, column)
            value = "" if value is None or (isinstance(value, float) and value != value) else value
            if column == "doc_id":
                cells.append(f'<td><a href="{article_dir}/{html.escape(str(value))}.html">{html.escape(str(value))}</a></td>')
            elif column == "confidence":
                cells.append(f"<td>{float(value):.2f}</td>")
            else:
                cells.append(f"<td>{html.escape(str(value))}</td>")
        body_rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f"<th>{c}</th>" for c in REPORT_COLUMNS)
    status = Counter(docs.status)
    summary = (f"{len(docs)} documents ({', '.join(f'{v} {k}' for k, v in status.items())}), {len(claims)} claims, "
               f"{claims.speaker.nunique()} speakers")
    return (f"<!doctype html><html lang=de><meta charset=utf-8><title>Claims report</title><style>{STYLE}"
            f"body{{max-width:80rem}} .counts{{width:auto;display:inline-table;margin-right:2rem}}</style>"
            f"<h1>Claims report</h1><p class=meta>{html.escape(summary)}</p>"
            f"{_count_table(Counter(claims.speaker.fillna(NO_SPEAKER)), 'speaker')}"
            f"{_count_table(Counter(claims.quote_type), 'type')}"
            f"{speakers_html(speakers)}{statements_html(clusters, claims, speakers, article_dir)}<h2>Claims</h2>"
            f"<p><input id=filter placeholder='Filter claims…'></p>"
            f"<table id=claims><thead><tr>{head}</tr></thead><tbody>{''.join(body_rows)}</tbody></table>"
            f"<script>{REPORT_SCRIPT}</script></html>")


def load_outputs(out_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.read_parquet(out_dir / "claims.parquet"), pd.read_parquet(out_dir / "docs.parquet")


def write_article(out_dir: Path, doc_id: str, target: Path) -> Path:
    claims, docs = load_outputs(out_dir)
    match = docs[docs.doc_id == doc_id]
    if match.empty:
        raise KeyError(f"no document {doc_id!r} in {out_dir / 'docs.parquet'}")
    target.write_text(article_html(match.iloc[0].to_dict(), claims[claims.doc_id == doc_id]), encoding="utf-8")
    return target


def write_report(out_dir: Path, target: Path) -> Path:
    claims, docs = load_outputs(out_dir)
    articles = target.parent / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for doc in docs[docs.status == "ok"].to_dict("records"):
        (articles / f"{doc['doc_id']}.html").write_text(article_html(doc, claims[claims.doc_id == doc["doc_id"]]),
                                                        encoding="utf-8")
    speakers, clusters = (pd.read_parquet(out_dir / f"{name}.parquet") if (out_dir / f"{name}.parquet").exists()
                          else None for name in ("speakers", "clusters"))
    target.write_text(report_html(claims, docs, speakers=speakers, clusters=clusters), encoding="utf-8")
    return target
