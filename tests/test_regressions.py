"""Reproduced bugs of the attribution stage and its runner (issue 15, a-h), one test each."""
import logging

import pytest
import spacy
from spacy.language import Language

from pipeline import extract_claims, load_nlp
from pipeline import nlp as assembly
from pipeline.inputs import Article
from pipeline.model_files import MissingModelError
from pipeline.score import QuotationScorer


def _text(text, spans):
    return " ".join(text[s:e] for s, e in spans)


@pytest.mark.parametrize("gap", [" ", "  ", "\u00a0", " \u00a0"])
def test_a_whitespace_tokens_do_not_shift_source_phrases(rules_nlp, gap):
    text = f"Nach Angaben von Kristján Loftsson,{gap}einem Manager der Firma, wurde das Schiff verkauft."
    q = next(q for q in rules_nlp(text)._.quotations if q.rule == "source:nach")
    assert _text(text, q.quote) == "wurde das Schiff verkauft"
    assert _text(text, q.speaker).endswith("einem Manager der Firma")


def test_b_konjunktiv_ii_does_not_continue_a_statement(rules_nlp):
    text = ("Der Minister sagte, die Lage sei ernst. Die Bahn fährt heute nicht. "
            "Ohne die Brücke läge der Ort abseits.")
    quotes = [_text(text, q.quote) for q in rules_nlp(text)._.quotations]
    assert quotes == ["die Lage sei ernst"]


def test_c_span_group_keeps_every_piece(rules_nlp):
    doc = rules_nlp("Die Polizei hat laut Behördenangaben drei Menschen festgenommen.")
    pieces = [(span.text, span.label_, span.id) for span in doc.spans["quotes"]]
    assert pieces == [("Die Polizei hat", "indirect", 0), ("drei Menschen festgenommen", "indirect", 0)]


def test_d_long_articles_keep_article_offsets_and_sentence_numbers(nlp):
    paragraph = ("Der Bürgermeister sagte am Montag, die Stadt werde die Brücke im Sommer sanieren. "
                 "„Wir haben lange genug gewartet“, sagte er vor Journalisten. "
                 "Die Arbeiten sollen drei Monate dauern.\n\n")
    text = paragraph * (2 * assembly.LONG_DOC_CHARS // len(paragraph) + 2)  # three parts
    assert len(assembly.split_long_text(text)) == 3
    claims = extract_claims([text], nlp=nlp)
    assert len(claims) >= 2 * text.count("\n\n")
    for row in claims.itertuples():
        assert " ".join(text[s["start"]:s["end"]] for s in row.quote_spans) == row.quote
    sentences_per_paragraph = 3
    assert claims.sentence_index.max() >= sentences_per_paragraph * (text.count("\n\n") - 1)


def test_e_a_failing_backbone_component_marks_only_its_document():
    nlp = load_nlp()

    @Language.component("test_fails_on_boom")
    def fails_on_boom(doc):
        if "BOOM" in doc.text:
            raise ValueError("broken document")
        return doc

    nlp.add_pipe("test_fails_on_boom", before="ner")
    texts = ["Der Minister sagte, die Lage sei ernst.\nEr kam am Montag.", "BOOM sagte er.\nNichts.",
             "Die Ministerin erklärte, sie sei zufrieden.\nDas war alles."]
    articles = [Article(doc_id=str(k), text=t, source="<test>") for k, t in enumerate(texts)]
    docs = list(assembly.process(nlp, assembly.make_docs(nlp, articles)))
    assert [d.user_data.get("claims:status", "ok") for d in docs] == ["ok", "error", "ok"]
    assert "broken document" in docs[1].user_data["claims:error"]
    assert docs[0]._.quotations and docs[2]._.quotations


def test_f_a_missing_model_is_reported_never_silent(tmp_path, caplog):
    missing = str(tmp_path / "nowhere" / "weights.json")
    with caplog.at_level(logging.WARNING):
        scorer = QuotationScorer.from_config(missing, name="claims_scorer")
    assert scorer.model_missing and "nowhere" in caplog.text
    with pytest.raises(MissingModelError):
        QuotationScorer.from_config(missing, on_missing="error", name="claims_scorer")
    nlp = spacy.blank("de")
    nlp.add_pipe("claims_scorer", config={"weights": missing})
    assembly.record_model_status(nlp)
    assert len(nlp.meta["claims_warnings"]) == 1 and "claims_scorer" in nlp.meta["claims_warnings"][0]


def test_f_the_shipped_pipeline_has_all_its_models(nlp):
    assert nlp.meta["claims_warnings"] == []
    assert set(nlp.meta["claims_models"]) == {"senter", "claims_quote_tagger", "claims_speaker_linker", "claims_scorer"}
    assert nlp.pipe_names[:2] == ["claims_line_sentences", "senter"]  # the sentence splitter, before the backbone


def test_f_a_missing_sentence_splitter_is_a_warning_and_the_parser_splits(tmp_path, caplog):
    from pipeline import segment
    nlp = spacy.blank("de")
    with caplog.at_level(logging.WARNING):
        status = segment.add_sentence_splitter(nlp, str(tmp_path / "nowhere"))
    assert status.startswith("missing") and "nowhere" in caplog.text and "senter" not in nlp.pipe_names
    assembly.record_model_status(nlp, {"senter": status})
    assert nlp.meta["claims_warnings"] and "sentence splitter" in nlp.meta["claims_warnings"][0]


def test_g_long_inputs_are_processed_in_bounded_parts_and_batches(nlp, monkeypatch):
    text = ("Die Regierung teilte mit, die Verhandlungen würden fortgesetzt. " * 40 + "\n\n") * 40
    parts = assembly.split_long_text(text)
    assert len(parts) > 1 and all(len(part) <= assembly.LONG_DOC_CHARS for _, part in parts)
    assert "".join(part for _, part in parts) == text
    batches = []
    original = nlp.pipe
    monkeypatch.setattr(nlp, "pipe", lambda docs, **kw: (batches.append(sum(len(d.text) for d in docs))
                                                         or original(docs, **kw)))
    article = Article(doc_id="long", text=text, source="<test>")
    list(assembly.process(nlp, assembly.make_docs(nlp, [article])))
    assert batches and max(batches) < assembly.BATCH_CHARS + assembly.LONG_DOC_CHARS


def test_h_short_english_text_is_skipped(tmp_path):
    from pipeline.inputs import read_articles

    text = '"We will not back down," the mayor said on Monday. He added that costs were rising.'
    (tmp_path / "en.txt").write_text(text, encoding="utf-8")
    article = next(read_articles([tmp_path / "en.txt"]))
    assert article.status == "skipped" and "English" in article.error
    assert extract_claims([text]).empty
