"""Statement clusters: claims in different articles that report the same statement of one speaker.

News repeats statements: an agency reports a quote, other outlets carry it, paraphrase it or
quote part of it ("Russland habe das «Recht auf Selbstverteidigung»" and "dass Moskau das
Recht habe, in Selbstverteidigung zu handeln"). This pass runs once over all claims of a run,
after the speaker identities (pipeline/identity.py), when the tables are published:

- claims are compared only within one `speaker_id` and only when they share at least
  `MIN_SHARED` content-word stems (an inverted index of stems per speaker: no all-pairs
  comparison, so a million claims stay tractable);
- a pair is linked when rapidfuzz's `token_set_ratio` (which rewards a short quote contained
  in a longer paraphrase, and ignores word order) of their stems or of their content words
  is high enough (`same_statement`), and dates allow it: a statement cannot be reported before it was made
  (a claim dated after the other article was published is another statement);
- linked claims form clusters (connected components); a cluster must span two articles.

Stems are the first letters of lowercased content words (German inflection mostly changes
endings: "Selbstverteidigung"/"Selbstverteidigungsrecht", "militärischen"/"militärisches").
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import date

import pyarrow as pa
from rapidfuzz import fuzz
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from spacy.lang.de.stop_words import STOP_WORDS

from .quotation import SPAN_SEPARATOR

STEM_LENGTH = 6
MIN_WORD_LENGTH = 4
MIN_SHARED = 2  # stems two claims must share to be compared
# A pair is one statement when the token_set_ratio (0-100) of their stem sets reaches
# MIN_STEM_SIMILARITY ("«Recht auf Selbstverteidigung»" in a longer paraphrase), or that of
# their content words as written reaches MIN_WORD_SIMILARITY (rapidfuzz compares the words
# by their letters, so "Angriffen" and "anzugreifen" count as alike). Chosen on the seed gold
# set (tests/data/cluster_gold.json), which is small: see the README.
MIN_STEM_SIMILARITY = 70
MIN_WORD_SIMILARITY = 55
# A stem in more than this share of one speaker's claims is their topic ("Russland" for Kim
# Jong Un), not a mark of one statement; it is left out of the comparison.
MAX_STEM_SHARE = 0.2
MIN_BLOCK_FOR_SHARE = 10  # smaller speakers keep every stem
MAX_POSTINGS = 200  # and a stem in more claims of one speaker than this is never a key (bounds the work)
# A claim nested in a cluster member of its own article (a quoted phrase in its paraphrase, or
# the paraphrase around a quoted member) joins the cluster when it is at least this much alike
# to a member in another article.
MIN_NESTED_STEM_SIMILARITY = 50
MIN_NESTED_WORD_SIMILARITY = 45
ROW_COLUMNS = ["claim_id", "doc_id", "speaker_id", "quote", "quote_spans", "quote_type", "published", "claim_date",
               "outlet", "source", "fragment_spans"]

CLUSTERS_SCHEMA = pa.schema([
    ("cluster_id", pa.string()), ("speaker_id", pa.string()), ("quote", pa.string()),
    ("n_claims", pa.int64()), ("n_docs", pa.int64()), ("outlets", pa.list_(pa.string())),
    ("first_doc_id", pa.string()), ("first_published", pa.date32()),
])


# Nouns among spaCy's German stop words: content when capitalised ("das Recht", "am Ende").
CONTENT_NOUNS = {"recht", "ende", "zeit", "jahr", "jahre", "leben", "seite", "frage", "fall", "teil", "gott", "gut"}


def stems(text: str) -> frozenset[str]:
    """Content-word stems of a quote: words of four letters or more that are no function word."""
    return frozenset(w.lower()[:STEM_LENGTH] for w in re.findall(r"[^\W\d_]+", text)
                     if len(w) >= MIN_WORD_LENGTH and (w.lower() not in STOP_WORDS
                                                       or w[:1].isupper() and w.lower() in CONTENT_NOUNS))


def content_words(text: str) -> str:
    return " ".join(w.lower() for w in re.findall(r"[^\W\d_]+", text)
                    if len(w) >= MIN_WORD_LENGTH and (w.lower() not in STOP_WORDS or w.lower() in CONTENT_NOUNS))


def same_statement(stems_a: frozenset[str], stems_b: frozenset[str], words_a: str, words_b: str,
                   min_stems: float = MIN_STEM_SIMILARITY, min_words: float = MIN_WORD_SIMILARITY) -> bool:
    return (fuzz.token_set_ratio(" ".join(sorted(stems_a)), " ".join(sorted(stems_b))) >= min_stems
            or fuzz.token_set_ratio(words_a, words_b) >= min_words)


def _extent(row: dict) -> tuple[int, int]:
    spans = row["quote_spans"]
    return min(int(s["start"]) for s in spans), max(int(s["end"]) for s in spans)


def _nested(a: dict, b: dict) -> bool:
    (sa, ea), (sb, eb) = _extent(a), _extent(b)
    return a["doc_id"] == b["doc_id"] and (sa <= sb and eb <= ea or sb <= sa and ea <= eb)


def _dates_allow(a: dict, b: dict) -> bool:
    """A statement is made before it is reported: a claim dated after the other claim's
    article was published is a different statement."""
    for first, second in ((a, b), (b, a)):
        said, published = first.get("claim_date"), second.get("published")
        if isinstance(said, date) and isinstance(published, date) and said > published:
            return False
    return True


def informative_stems(rows: list[dict]) -> list[frozenset[str]]:
    """Each claim's stems without its speaker's topic words (see MAX_STEM_SHARE)."""
    keys = [stems(row["quote"] or "") for row in rows]
    by_speaker = defaultdict(list)
    for k, row in enumerate(rows):
        by_speaker[row["speaker_id"]].append(k)
    for members in by_speaker.values():
        if len(members) < MIN_BLOCK_FOR_SHARE:
            continue
        counts = defaultdict(int)
        for k in members:
            for stem in keys[k]:
                counts[stem] += 1
        topic = {stem for stem, n in counts.items() if n > MAX_STEM_SHARE * len(members)}
        for k in members:
            keys[k] = keys[k] - topic
    return keys


def candidate_pairs(rows: list[dict], keys: list[frozenset[str]]):
    """Pairs of claims of one speaker that share at least MIN_SHARED stems (an inverted index per
    speaker: only claims that share words are ever compared)."""
    by_speaker = defaultdict(list)
    for k, row in enumerate(rows):
        if row["speaker_id"] and keys[k]:
            by_speaker[row["speaker_id"]].append(k)
    for members in by_speaker.values():
        postings = defaultdict(list)
        for k in members:
            for stem in keys[k]:
                postings[stem].append(k)
        shared = defaultdict(int)
        for ids in postings.values():
            if len(ids) > MAX_POSTINGS:
                continue
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    shared[(a, b)] += 1
        # (only across articles: one article's paraphrase may hold several statements, and a
        # link inside it would join them)
        yield from (pair for pair, n in shared.items()
                    if n >= MIN_SHARED and rows[pair[0]]["doc_id"] != rows[pair[1]]["doc_id"])


def find_clusters(rows: list[dict]) -> dict[int, list[int]]:
    """Clusters as lists of row positions (each spanning at least two articles): the connected
    components of the links between claims, or between the quoted fragments inside them."""
    views = statement_views(rows)
    keys = informative_stems(views)
    words = [content_words(view["quote"] or "") for view in views]
    links = [(a, b) for a, b in candidate_pairs(views, keys)
             if _dates_allow(views[a], views[b]) and same_statement(keys[a], keys[b], words[a], words[b])]
    graph = coo_matrix(([1] * len(links), ([a for a, _ in links], [b for _, b in links])),
                       shape=(len(views), len(views)))
    _, component = connected_components(graph, directed=False)
    groups = defaultdict(list)
    for k, label in enumerate(component):
        groups[int(label)].append(k)
    clusters = {root: members for root, members in groups.items() if len({views[k]["doc_id"] for k in members}) >= 2}
    _attach_nested(views, keys, words, clusters)
    return {root: sorted({views[k]["claim"] for k in members}) for root, members in clusters.items()}


def statement_views(rows: list[dict]) -> list[dict]:
    """Each claim, and each quoted fragment inside it (`fragment_spans`: 'Russland habe das
    «Recht auf Selbstverteidigung»'), as a text to compare: other outlets often repeat only the
    quoted words. `claim` is the row position a view stands for."""
    views = []
    for k, row in enumerate(rows):
        views.append({**row, "claim": k})
        for start, end in ((int(f["start"]), int(f["end"])) for f in row.get("fragment_spans") or []):
            text = text_in_quote(row, start, end)
            if text:
                views.append({**row, "quote": text, "quote_spans": [{"start": start, "end": end}],
                              "quote_type": "direct", "claim": k})
    return views


def text_in_quote(row: dict, start: int, end: int) -> str | None:
    """The text at document offsets start..end, read from the row's quote (its spans joined by
    `quotation.SPAN_SEPARATOR`, as `emit` writes them)."""
    position = 0
    for span in row["quote_spans"]:
        s, e = int(span["start"]), int(span["end"])
        if s <= start and end <= e:
            return (row["quote"] or "")[position + start - s:position + end - s]
        position += e - s + len(SPAN_SEPARATOR)
    return None


def _attach_nested(rows: list[dict], keys: list, words: list[str], clusters: dict[int, list[int]]) -> None:
    """Claims nested in (or around) a member of their own article join its cluster when they
    are alike, by the looser thresholds, to a member in another article."""
    clustered = {k for members in clusters.values() for k in members}
    by_doc = defaultdict(list)
    for k, row in enumerate(rows):
        if row["speaker_id"] and row["quote_spans"] is not None and len(row["quote_spans"]):
            by_doc[(row["doc_id"], row["speaker_id"])].append(k)
    for members in clusters.values():
        for member in list(members):
            for k in by_doc[(rows[member]["doc_id"], rows[member]["speaker_id"])]:
                if k in clustered or not _nested(rows[k], rows[member]):
                    continue
                if any(rows[other]["doc_id"] != rows[k]["doc_id"]
                       and same_statement(keys[k], keys[other], words[k], words[other],
                                          MIN_NESTED_STEM_SIMILARITY, MIN_NESTED_WORD_SIMILARITY)
                       for other in members):
                    members.append(k)
                    clustered.add(k)


class ClusterIndex:
    """Built from the cluster columns of all claims (`ROW_COLUMNS`); `apply` fills `cluster_id`."""

    def __init__(self, rows: list[dict]):
        self.of_claim: dict[str, str] = {}
        self.rows = []
        for members in find_clusters(rows).values():
            group = [rows[k] for k in members]
            cluster_id = "clu-" + hashlib.sha1("|".join(sorted(r["claim_id"] for r in group)).encode()).hexdigest()[:12]
            self.of_claim.update({r["claim_id"]: cluster_id for r in group})
            self.rows.append(_cluster_row(cluster_id, group))
        self.rows.sort(key=lambda row: row["cluster_id"])

    def apply(self, claims: pa.Table) -> pa.Table:
        ids = [self.of_claim.get(claim_id) for claim_id in claims.column("claim_id").to_pylist()]
        index = claims.schema.get_field_index("cluster_id")
        return claims.set_column(index, claims.schema.field(index), pa.array(ids, pa.string()))

    def table(self) -> pa.Table:
        return pa.Table.from_pylist(self.rows, schema=CLUSTERS_SCHEMA)


def _cluster_row(cluster_id: str, group: list[dict]) -> dict:
    direct = [r for r in group if r["quote_type"] == "direct"]
    representative = max(direct or group, key=lambda r: (len(r["quote"] or ""), r["claim_id"]))
    first = min(group, key=lambda r: (r["published"] is None, r["published"] or date.max, r["doc_id"]))
    return {
        "cluster_id": cluster_id, "speaker_id": group[0]["speaker_id"], "quote": representative["quote"],
        "n_claims": len(group), "n_docs": len({r["doc_id"] for r in group}),
        "outlets": sorted({r["outlet"] or r["source"] or r["doc_id"] for r in group}),
        "first_doc_id": first["doc_id"], "first_published": first["published"],
    }


def assign_clusters(claims: pa.Table) -> tuple[pa.Table, pa.Table]:
    """The claims with `cluster_id`; and the clusters table."""
    index = ClusterIndex(claims.select(ROW_COLUMNS).to_pylist())
    return index.apply(claims), index.table()
