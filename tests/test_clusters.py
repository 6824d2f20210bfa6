"""Statement clusters across articles (pipeline/clusters.py)."""
from datetime import date

import pyarrow as pa

from conftest import ROOT
from pipeline.clusters import assign_clusters, stems
from pipeline.emit import CLAIMS_SCHEMA
from pipeline.evaluate_clusters import cluster_scores

GOLD = ROOT / "tests" / "data" / "cluster_gold.json"


def _claims(*rows):
    full = [{"claim_id": f"c{k}", "doc_id": doc, "speaker": "Kim Jong Un", "speaker_id": "spk-kim", "quote": quote,
             "quote_spans": [{"start": 0, "end": len(quote)}], "quote_type": kind, "confidence": 0.9,
             "published": published, "claim_date": said, "source": f"{doc}.txt"}
            for k, (doc, quote, kind, published, said) in enumerate(rows)]
    return pa.Table.from_pylist(full, schema=CLAIMS_SCHEMA)


def test_seed_statements_reported_by_several_articles_share_a_cluster(seed_run, seed_claims):
    """The bar of issue 19 on the gold set built from the seeds (4 statements, 11 cross-article
    pairs of Kim Jong Un's claims: 14 while quoted words inside a paraphrase were rows of their
    own, before session 11, which added "bekräftigte [die Unterstützung Nordkoreas für Russland]
    und betonte, dass Armee und Volk …" to its statement); the thresholds were chosen on it, so
    this is optimistic."""
    scores = cluster_scores(GOLD, seed_claims.to_dict("records"))
    assert scores["gold_pairs"] == 11 and scores["precision"] >= 90 and scores["recall"] >= 80, scores


def test_paraphrase_and_partial_quote_join_and_other_statements_stay_apart():
    claims, clusters = assign_clusters(_claims(
        ("a", "Russland habe das «Recht auf Selbstverteidigung»", "indirect", None, None),
        ("b", "dass Moskau das Recht habe, in Selbstverteidigung zu handeln", "indirect", None, None),
        ("b", "dass die Sanktionen gegen Pjöngjang aufgehoben werden müssten", "indirect", None, None),
        ("c", "die Sanktionen seien ein Verbrechen gegen das Volk", "indirect", None, None)))
    ids = claims.column("cluster_id").to_pylist()
    assert ids[0] is not None and ids[0] == ids[1] and ids[2] is None and ids[3] is None
    row = clusters.to_pylist()[0]
    assert row["n_docs"] == 2 and row["outlets"] == ["a.txt", "b.txt"] and row["first_doc_id"] == "a"


def test_a_statement_is_not_reported_before_it_was_made():
    quote = "die Vereinigten Staaten hätten die Kiewer Behörden zu den Angriffen gezwungen"
    apart = assign_clusters(_claims(("a", quote, "indirect", date(2024, 11, 1), None),
                                    ("b", quote, "indirect", date(2024, 12, 1), date(2024, 11, 20))))[0]
    assert apart.column("cluster_id").to_pylist() == [None, None]
    together = assign_clusters(_claims(("a", quote, "indirect", date(2024, 11, 21), None),
                                       ("b", quote, "indirect", date(2024, 12, 1), date(2024, 11, 20))))[0]
    first, second = together.column("cluster_id").to_pylist()
    assert first is not None and first == second


def test_stems_ignore_function_words_and_endings():
    assert stems("dass Moskau das Recht habe") == {"moskau", "recht"}
    assert stems("militärischen") == stems("militärisches")


def test_quoted_words_inside_a_paraphrase_join_a_cluster_on_their_own():
    long = "die USA einer «direkten militärischen Intervention» in den Konflikt, wie unter anderem die Lieferung von Raketen zeige"
    short = "der Einsatz von Langstreckenwaffen sei ein direktes militärisches Engagement"
    fragment = {"start": long.index("«"), "end": long.index("»") + 1}

    def cluster_ids(with_fragment):
        table = _claims(("a", long, "reported", None, None), ("b", short, "indirect", None, None))
        spans = [[fragment] if with_fragment else [], []]
        table = table.set_column(table.schema.get_field_index("fragment_spans"), "fragment_spans",
                                 pa.array(spans, table.schema.field("fragment_spans").type))
        return assign_clusters(table)[0].column("cluster_id").to_pylist()

    assert cluster_ids(with_fragment=False) == [None, None]  # the whole paraphrase is too unlike
    joined = cluster_ids(with_fragment=True)
    assert joined[0] is not None and joined[0] == joined[1]
