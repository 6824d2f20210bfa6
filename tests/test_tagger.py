"""The trained quote tagger: candidates in their own span group, backbone entities untouched."""
import json

from pipeline.model_files import resolve_model_path
from pipeline.tagger import DEFAULT_MODEL, SPANS_KEY, QuoteTagger

TAGGER_LABELS = {"DIRECT", "INDIRECT", "FREE_INDIRECT", "INDIRECT_FREE_INDIRECT", "REPORTED"}
TEXT = "Der Minister sagte in Berlin, die Lage sei ernst."


def test_candidates_do_not_touch_named_entities(nlp):
    doc = nlp(TEXT)
    assert SPANS_KEY in doc.spans
    assert {span.label_ for span in doc.spans[SPANS_KEY]} <= TAGGER_LABELS
    assert any(span.label_ == "INDIRECT" for span in doc.spans[SPANS_KEY])
    assert not {e.label_ for e in doc.ents} & TAGGER_LABELS
    assert "Berlin" in [e.text for e in doc.ents]


def test_without_model_the_group_is_empty(rules_nlp):
    doc = QuoteTagger.from_config(None)(rules_nlp.make_doc(TEXT))
    assert len(doc.spans[SPANS_KEY]) == 0


def test_shipped_model_has_card_and_licence():
    meta = json.loads((resolve_model_path(DEFAULT_MODEL) / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-NC-SA 4.0" and set(meta["labels"]["quotes"]) == TAGGER_LABELS
    assert "CC BY-NC-SA 4.0" in (resolve_model_path(DEFAULT_MODEL) / "README.md").read_text(encoding="utf-8")


def test_only_sentences_where_a_quotation_can_be_are_tagged_and_spans_map_back(nlp):
    from pipeline.tagger import worth_tagging

    text = "Der Himmel ist heute blau. " + TEXT + " Die Sonne scheint über dem Park."
    doc = nlp(text)
    assert [worth_tagging(sent) for sent in doc.sents] == [False, True, False]
    indirect = [span for span in doc.spans[SPANS_KEY] if span.label_ == "INDIRECT"]
    assert indirect and all(text.index("sagte") < span.start_char < span.end_char <= text.index(" Die Sonne")
                            for span in indirect)


def test_a_batch_is_tagged_as_each_document_alone(nlp):
    texts = [TEXT, "Der Himmel ist heute blau.", "Die Ministerin erklärte, man werde das prüfen. Es regnet."]
    tagger = nlp.get_pipe("claims_quote_tagger").component
    with nlp.select_pipes(enable=nlp.pipe_names[:nlp.pipe_names.index("claims_quote_tagger")]):
        docs = list(nlp.pipe(texts))

    def spans(doc):
        return [(s.start, s.end, s.label_) for s in doc.spans[SPANS_KEY]]

    alone = [spans(tagger(doc)) for doc in docs]
    batched = [spans(doc) for doc in tagger.pipe(docs, batch_size=3)]
    assert batched == alone and alone[0] and alone[1] == []
