"""Rules that must hold whatever a backbone's tagger and parser say (hand-built Docs).

Session 10's backbone (lexicon vectors) tags and attaches differently from the one before; the
attribution had quietly relied on some of the old model's habits. Each test builds the
analysis a small model may give and checks the rule that makes it harmless.
"""
import pytest
import spacy
from spacy.tokens import Doc

from pipeline.entities import EntityNormalizer
from pipeline.attribution.roles import opening_name_instead
from pipeline.german.phrases import subject_of
from pipeline.german.time_phrases import is_date_phrase
from pipeline.german.prepositions import governed_by_preposition
from pipeline.names import full_person_name
from pipeline.resolve import _name_adjective
from pipeline.segment import LineSentences

VOCAB = spacy.blank("de").vocab


def _doc(words, pos, **kwargs):
    if "heads" not in kwargs:
        kwargs["sent_starts"] = [True] + [False] * (len(words) - 1)
    return Doc(VOCAB, words=words, pos=pos, **kwargs)


def test_a_surname_the_tagger_takes_for_an_adjective_is_a_proper_noun_in_a_person_name():
    doc = _doc(["Das", "sagte", "Lang", "."], ["PRON", "VERB", "ADJ", "PUNCT"], ents=["O", "O", "B-PER", "O"])
    EntityNormalizer()(doc)
    assert doc[2].pos_ == "PROPN" and [e.text for e in doc.ents] == ["Lang"]


def test_a_role_noun_alone_is_no_person_entity():
    words = ["Jasmin", "Ehlert", ",", "Chefanalystin", "der", "Bank", ",", "sagte", "das", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "NOUN", "DET", "NOUN", "PUNCT", "VERB", "PRON", "PUNCT"]
    doc = _doc(words, pos, ents=["B-PER", "I-PER", "O", "B-PER", "O", "O", "O", "O", "O", "O"])
    EntityNormalizer()(doc)
    assert [e.text for e in doc.ents] == ["Jasmin Ehlert"]


def test_a_role_noun_with_a_full_name_is_a_person_whatever_the_label():
    words = ["an", "einer", "Antwort", "von", "Kremlsprecher", "Dmitri", "Peskov", "ablesen", ":"]
    pos = ["ADP", "DET", "NOUN", "ADP", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = _doc(words, pos, ents=["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"])
    EntityNormalizer()(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Kremlsprecher Dmitri Peskov", "PER")]
    doc = _doc(["Der", "Bundesverband", "Deutscher", "Banken"], ["DET", "NOUN", "ADJ", "NOUN"],
               ents=["O", "B-ORG", "I-ORG", "I-ORG"])
    EntityNormalizer()(doc)
    assert [e.label_ for e in doc.ents] == ["ORG"]


def test_a_closing_mark_after_a_full_stop_never_starts_a_sentence():
    words = ["«", "Wir", "handeln", ".", "»", "\n\n", "Vorwürfe", "gegen", "Tiktok"]
    spaces = [False, True, False, False, False, False, True, True, False]
    doc = LineSentences()(Doc(VOCAB, words=words, spaces=spaces))
    assert doc[4].is_sent_start is False and doc[6].is_sent_start is True


@pytest.mark.parametrize("text, start", [
    # a heading the text runs into its next sentence: a capitalised article after a capitalised word
    ("Vorschlag an den Bundestag Der Bundesrat schlug vor", 4),
    ("Situation nach der Trennung Das Opfer lebte allein", 4),
    # not after a noun that names what follows, nor "Den Haag"
    ("Wie das Nachrichtenmagazin Der Spiegel berichtet", None),
    ("Die Rockband Die Happy spielte", None),
    ("Der Gerichtshof in Den Haag entschied", None),
])
def test_a_capitalised_article_after_a_heading_word_starts_a_sentence(text, start):
    words = text.split()
    doc = LineSentences()(Doc(VOCAB, words=words, spaces=[True] * (len(words) - 1) + [False]))
    assert [t.i for t in doc[1:] if t.is_sent_start] == ([start] if start else [])


@pytest.mark.parametrize("words, expected", [
    (["Am", "Samstag", ",", "dem", "3.", "November", "wurde", "eröffnet"], False),  # a date
    (["Die", "Stichwahl", "am", "31.", "Mai", "entschied"], False),
    (["Sie", "kam", "auf", "Rang", "3.", "Der", "Sieger", "jubelte"], None),  # the splitter decides
    (["Sie", "kam", "auf", "Platz", "40.", "Mai", "sagte"], None),  # no day of a month
])
def test_a_day_number_before_a_month_never_ends_a_sentence(words, expected):
    doc = LineSentences()(Doc(VOCAB, words=words, spaces=[True] * (len(words) - 1) + [False]))
    after_number = next(k for k, w in enumerate(words) if w[:1].isdigit()) + 1
    assert doc[after_number].is_sent_start is expected


def test_time_words_with_adjectives_and_adverbs_are_a_date_phrase_not_a_speaker():
    doc = _doc(["Erst", "vergangene", "Woche", "kündigte", "der", "Konzern", "an"],
               ["ADV", "ADJ", "NOUN", "VERB", "DET", "NOUN", "ADP"])
    assert is_date_phrase(list(doc[0:3]))
    assert not is_date_phrase(list(doc[4:6]))
    assert not is_date_phrase([doc[1]])  # an adjective alone places nothing


def test_a_dateline_parsed_as_the_subject_gives_way_to_its_apposition():
    words = ["\n", "TAIPEI", ",", "Taiwan", "–", "Nordkorea", "hat", "anerkannt", "."]
    pos = ["SPACE", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "AUX", "VERB", "PUNCT"]
    heads = [1, 7, 3, 1, 5, 1, 7, 7, 7]
    deps = ["dep", "nsubj", "punct", "appos", "punct", "appos", "aux", "ROOT", "punct"]
    doc = _doc(words, pos, heads=heads, deps=deps)
    assert [t.text for t in subject_of(doc[7])] == ["Nordkorea"]


def test_a_foreign_surname_tagged_as_a_noun_completes_the_name_and_a_company_after_von_der_does_not():
    doc = _doc(["Marjorie", "Taylor", "Greene", "behauptete"], ["PROPN", "PROPN", "NOUN", "VERB"])
    assert full_person_name(doc, 0, 2).text == "Marjorie Taylor Greene"
    doc = _doc(["Carsten", "Brzeski", "von", "der", "Direktbank", "sagte"], ["PROPN", "PROPN", "ADP", "DET", "PROPN", "VERB"])
    assert full_person_name(doc, 0, 2).text == "Carsten Brzeski"
    doc = _doc(["Ursula", "von", "der", "Leyen", "sagte"], ["PROPN", "ADP", "DET", "PROPN", "VERB"])
    assert full_person_name(doc, 0, 1).text == "Ursula von der Leyen"


def test_a_place_the_dictionary_knows_ends_a_name_even_untagged():
    doc = _doc(["Kim", "Jong", "Un", "Moskau", "seine", "Unterstützung"], ["PROPN", "PROPN", "PROPN", "PROPN", "DET", "NOUN"])
    assert full_person_name(doc, 0, 3).text == "Kim Jong Un"
    doc = _doc(["Denzel", "Washington", "sagte"], ["PROPN", "PROPN", "VERB"])
    assert full_person_name(doc, 0, 1).text == "Denzel Washington"  # a lone first name takes its surname


def test_a_capitalised_adjective_before_a_name_is_part_of_it():
    doc = _doc(["Das", "Weiße", "Haus", "erklärte"], ["DET", "ADJ", "PROPN", "VERB"])
    assert _name_adjective(doc[1]) and not _name_adjective(doc[0])
    doc = _doc(["Die", "israelische", "Armee"], ["DET", "ADJ", "NOUN"])
    assert not _name_adjective(doc[1])



def test_a_feminine_der_object_called_genitive_is_a_dative():
    from pipeline.attribution.addressees import _dative_form
    doc = _doc(["Die", "Polizei", "riet", "der", "Frau", "zu", "gehen"],
               ["DET", "NOUN", "VERB", "DET", "NOUN", "PART", "VERB"],
               heads=[1, 2, 2, 4, 2, 6, 2], deps=["det", "nsubj", "ROOT", "det", "obl:arg", "mark", "xcomp"],
               morphs=["", "", "", "Case=Gen", "Case=Gen", "", ""])
    assert _dative_form(doc[4])
    doc = _doc(["des", "Mannes"], ["DET", "NOUN"], heads=[1, 1], deps=["det", "ROOT"], morphs=["Case=Gen", "Case=Gen"])
    assert not _dative_form(doc[1])


def test_a_surname_the_ner_also_calls_a_place_stays_after_a_first_name():
    from pipeline.resolve import name_spans
    words = ["Andrej", "Beloussow", "kam", ".", "Beloussow", "sprach", ".", "Kim", "Russland", "sagte", "."]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "B-PER", "I-PER", "O", "O"]
    starts = [True, False, False, False, True, False, False, True, False, False, False]
    doc = Doc(VOCAB, words=words, pos=pos, ents=ents, sent_starts=starts)
    names = [n.text for n in name_spans(doc)]
    assert "Andrej Beloussow" in names and "Kim" in names and "Kim Russland" not in names


def test_a_noun_in_a_prepositional_phrase_is_no_subject():
    # "Gegen die Politik sprach sich Berger aus" with "Politik" parsed as the subject (UD and TIGER shapes)
    words = ["Gegen", "die", "Politik", "sprach", "sich", "Berger", "aus", "."]
    pos = ["ADP", "DET", "NOUN", "VERB", "PRON", "PROPN", "ADP", "PUNCT"]
    ud = _doc(words, pos, heads=[2, 2, 3, 3, 3, 3, 3, 3], deps=["case", "det", "nsubj", "ROOT", "obj", "obl", "compound:prt", "punct"])
    tiger = _doc(words, pos, heads=[3, 2, 0, 3, 3, 3, 3, 3], deps=["mo", "nk", "nk", "ROOT", "oa", "da", "svp", "punct"])
    assert subject_of(ud[3]) == [] and not governed_by_preposition(ud[5])
    assert governed_by_preposition(ud[2]) and governed_by_preposition(tiger[2])
    # an approximate number is no preposition of the noun: "gegen 100 Menschen"
    approx = _doc(["gegen", "100", "Menschen", "protestierten"], ["ADP", "NUM", "NOUN", "VERB"],
                  heads=[2, 2, 3, 3], deps=["case", "nummod", "nsubj", "ROOT"])
    assert not governed_by_preposition(approx[2])


def test_a_name_opening_the_sentence_speaks_where_the_verb_has_no_subject():
    # "Karin Krapp, eine Betroffene, kritisierte die Reaktion.": the apposition took the name
    words = ["Karin", "Krapp", ",", "eine", "Betroffene", ",", "kritisierte", "die", "Reaktion", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    doc = _doc(words, pos, heads=[4, 0, 4, 4, 6, 6, 6, 8, 6, 6],
               deps=["nsubj", "flat", "punct", "det", "dep", "punct", "ROOT", "det", "obj", "punct"],
               ents=["B-PER", "I-PER"] + ["O"] * 8)
    cue = doc[6]
    assert subject_of(cue) == []
    assert [t.text for t in opening_name_instead(cue, list(doc), [])] == ["Karin", "Krapp"]
