import json
from datetime import date

from pipeline.inputs import read_articles


def test_txt_json_jsonl_csv(tmp_path):
    (tmp_path / "a.txt").write_text("Er sagte, es regne.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Hallo.", "url": "http://x", "published": "2024-05-01"}) + "\n{broken\n",
        encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,text,outlet\nc1,Ein Text.,Zeitung\n", encoding="utf-8")
    (tmp_path / "10 - wiki.json").write_text(json.dumps(
        {"documentName": "123 - Titel hier (2005-08-06)", "originalText": "Text.", "sentences": [], "annotations": []}),
        encoding="utf-8")
    articles = {a.doc_id: a for a in read_articles([tmp_path])}
    assert articles["a"].text == "Er sagte, es regne." and articles["a"].status == "ok"
    assert articles["x1"].source == "http://x" and articles["x1"].published == date(2024, 5, 1)
    broken = [a for a in articles.values() if a.status == "error"]
    assert len(broken) == 1 and "line 2" in broken[0].error
    assert articles["c1"].outlet == "Zeitung"
    assert articles["123"].published == date(2005, 8, 6) and articles["123"].title == "Titel hier"


def test_bad_inputs_are_reported_not_lost(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "bom.txt").write_bytes("\ufeffMit BOM.".encode("utf-8"))
    (tmp_path / "latin.txt").write_bytes("Größe und Maß".encode("latin-1"))
    (tmp_path / "d.jsonl").write_text('{"id": "same", "text": "Eins."}\n{"id": "same", "text": "Zwei."}\n{"id": "nt"}\n')
    articles = {a.doc_id: a for a in read_articles([tmp_path])}
    assert articles["empty"].status == "skipped"
    assert articles["bin"].status == "error" and "binary" in articles["bin"].error
    assert articles["bom"].text == "Mit BOM."
    assert articles["latin"].text == "Größe und Maß"  # Windows-1252/Latin-1 with German letters is recognised
    assert articles["same"].text == "Eins." and articles["same~2"].text == "Zwei."
    assert "duplicate" in articles["same~2"].error
    assert articles["nt"].status == "error" and "text" in articles["nt"].error


def test_missing_input_is_an_error(tmp_path):
    [article] = list(read_articles([tmp_path / "nope.txt"]))
    assert article.status == "error" and "not found" in article.error


def test_a_one_line_text_longer_than_a_file_name_is_a_text():
    from pipeline.runner import articles_from

    text = "Der Minister sagte am Montag in Berlin, die Lage sei ernst. " * 6  # 360 characters, no line break
    (article,) = articles_from([text])
    assert article.doc_id == "text-0" and article.text == text
