from pipeline.resolve import normalize_name


def test_name_normalisation():
    assert normalize_name("Kim Jong-un") == normalize_name("Kim Jong Un") == "kim jong un"
    assert normalize_name("Selenskyj") == "selenskyj"


def test_variants_merge_to_longest_name(nlp):
    doc = nlp("Der Führer Nordkoreas, Kim Jong-un, traf Wladimir Putin. Kim Jong Un sagte, er sei zufrieden. "
              "Kim erklärte, die Lage sei ernst.")
    speakers = {q.speaker_canonical for q in doc._.quotations if q.speaker}
    assert "Kim Jong Un" in speakers
    assert not speakers & {"Kim", "Kim Jong-un"}


def test_pronoun_takes_previous_person(nlp):
    doc = nlp("Wladimir Putin sagte, Russland werde siegen. Er erklärte, dass der Westen verliere.")
    quotes = doc._.quotations
    assert [q.speaker_canonical for q in quotes[:2]] == ["Wladimir Putin", "Wladimir Putin"]
    assert doc.text[quotes[1].speaker[0][0]:quotes[1].speaker[0][1]] == "Er"
