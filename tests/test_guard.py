"""The per-document guard (pipeline/guard.py), also for a component that works in batches."""
import spacy

from pipeline.guard import ERROR, guarded, is_ok, mark_error


class Counter:
    """Marks every document it sees; fails on a document whose text says so."""

    def __call__(self, doc):
        if "kaputt" in doc.text:
            raise ValueError("kaputt")
        doc.user_data["seen"] = doc.user_data.get("seen", 0) + 1
        return doc


class BatchCounter(Counter):
    def __init__(self):
        self.batches = []

    def pipe(self, docs, batch_size=32):
        docs = list(docs)
        self.batches.append(len(docs))
        for doc in docs:
            yield self(doc)


def _docs(*texts):
    nlp = spacy.blank("de")
    return [nlp.make_doc(text) for text in texts]


def test_a_failing_document_is_marked_and_the_others_go_on():
    docs = _docs("eins", "zwei kaputt", "drei")
    out = list(guarded(Counter()).pipe(docs))
    assert [is_ok(d) for d in out] == [True, False, True]
    assert "ValueError in Counter: kaputt" in out[1].user_data[ERROR]
    assert [d.user_data.get("seen") for d in out] == [1, None, 1]


def test_a_batch_component_gets_batches_and_a_failure_stays_with_its_document():
    component = BatchCounter()
    docs = _docs("eins", "zwei", "drei kaputt", "vier", "fünf")
    mark_error(docs[1], "earlier stage")
    out = list(guarded(component).pipe(docs, batch_size=4))
    assert out == docs  # every document comes back, in order
    assert component.batches[:2] == [3, 1]  # the healthy ones of each batch at once
    assert [is_ok(d) for d in out] == [True, False, False, True, True]
    assert out[1].user_data[ERROR] == "earlier stage"  # skipped, not overwritten
    assert "kaputt" in out[2].user_data[ERROR]
    assert out[0].user_data["seen"] >= 1 and out[3].user_data["seen"] == 1 and out[4].user_data["seen"] == 1
