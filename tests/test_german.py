"""The grammar layer on hand-built Docs in both label schemes.

TIGER is what spaCy's de_core_news_lg writes (it cannot be installed here), UD what the
project's own backbone writes. Each sentence is given twice, with the same words, parts of
speech and morphology, and only the dependency labels (and TIGER's auxiliary-headed verb
chains) differ; the attribution must read the same thing from both.
"""
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.attribution.component import QuotationAttributor
from pipeline.attribution.cues import cue_with_auxiliaries, lexicon_cue
from pipeline.german import labels
from pipeline.german.mood import is_konjunktiv_i, is_konjunktiv_ii
from pipeline.german.phrases import is_said_object, subject_of
from pipeline.quotation import register_extensions
from pipeline.verbforms import verb_lemma

VOCAB = spacy.blank("de").vocab
PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

# word, POS, morphology, (TIGER head, label), (UD head, label); heads are word positions
MINISTER = [
    ("Der", "DET", "Case=Nom", (1, "nk"), (1, "det")),
    ("Minister", "NOUN", "Case=Nom|Number=Sing", (2, "sb"), (2, "nsubj")),
    ("sagte", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", (2, "ROOT"), (2, "ROOT")),
    (",", "PUNCT", "", (2, "punct"), (6, "punct")),
    ("die", "DET", "Case=Nom", (5, "nk"), (5, "det")),
    ("Lage", "NOUN", "Case=Nom|Number=Sing", (6, "sb"), (6, "nsubj")),
    ("sei", "AUX", "Mood=Sub|Tense=Pres|VerbForm=Fin", (2, "oc"), (2, "ccomp")),
    ("ernst", "ADJ", "", (6, "pd"), (6, "xcomp")),
    (".", "PUNCT", "", (2, "punct"), (2, "punct")),
]
# "Die Sprecherin hat bekannt gegeben , dass ..." -- TIGER hangs the participle below the auxiliary
SPOKESWOMAN = [
    ("Die", "DET", "Case=Nom", (1, "nk"), (1, "det")),
    ("Sprecherin", "NOUN", "Case=Nom|Gender=Fem|Number=Sing", (2, "sb"), (4, "nsubj")),
    ("hat", "AUX", "Mood=Ind|Tense=Pres|VerbForm=Fin", (2, "ROOT"), (4, "aux")),
    ("bekannt", "ADJ", "", (4, "svp"), (4, "compound:prt")),
    ("gegeben", "VERB", "VerbForm=Part", (2, "oc"), (4, "ROOT")),
    (",", "PUNCT", "", (4, "punct"), (10, "punct")),
    ("dass", "SCONJ", "", (10, "cp"), (10, "mark")),
    ("die", "DET", "Case=Nom", (8, "nk"), (8, "det")),
    ("Bahn", "NOUN", "Case=Nom|Number=Sing", (10, "sb"), (10, "nsubj")),
    ("nicht", "PART", "", (10, "ng"), (10, "advmod")),
    ("fahre", "VERB", "Mood=Sub|VerbForm=Fin", (4, "oc"), (4, "ccomp")),
    (".", "PUNCT", "", (2, "punct"), (4, "punct")),
]

# "Die Entscheidung wurde scharf kritisiert ." and "Der Minister wird sie kritisieren ."
PASSIVE = [
    ("Die", "DET", "Case=Nom", (1, "nk"), (1, "det")),
    ("Entscheidung", "NOUN", "Case=Nom|Number=Sing", (2, "sb"), (4, "nsubj:pass")),
    ("wurde", "AUX", "Mood=Ind|Tense=Past|VerbForm=Fin", (2, "ROOT"), (4, "aux:pass")),
    ("scharf", "ADJ", "", (4, "mo"), (4, "advmod")),
    ("kritisiert", "VERB", "VerbForm=Part", (2, "oc"), (4, "ROOT")),
    (".", "PUNCT", "", (2, "punct"), (4, "punct")),
]
FUTURE = [
    ("Der", "DET", "Case=Nom", (1, "nk"), (1, "det")),
    ("Minister", "NOUN", "Case=Nom|Number=Sing", (2, "sb"), (4, "nsubj")),
    ("wird", "AUX", "Mood=Ind|Tense=Pres|VerbForm=Fin", (2, "ROOT"), (4, "aux")),
    ("sie", "PRON", "Case=Acc", (4, "oa"), (4, "obj")),
    ("kritisieren", "VERB", "VerbForm=Inf", (2, "oc"), (4, "ROOT")),
    (".", "PUNCT", "", (2, "punct"), (4, "punct")),
]

LEMMAS = {"hat": "haben", "sei": "sein", "sagte": "sagen", "gegeben": "geben", "fahre": "fahren",
          "wurde": "werden", "wird": "werden", "kritisiert": "kritisieren"}


def build(rows, scheme: str) -> Doc:
    column = 3 if scheme == "tiger" else 4
    words = [r[0] for r in rows]
    spaces = [k + 1 < len(rows) and rows[k + 1][0] not in {",", "."} for k in range(len(rows))]
    doc = Doc(VOCAB, words=words, spaces=spaces, pos=[r[1] for r in rows], morphs=[r[2] for r in rows],
              heads=[r[column][0] for r in rows], deps=[r[column][1] for r in rows],
              lemmas=[LEMMAS.get(r[0], r[0].lower()) for r in rows], sent_starts=[k == 0 for k in range(len(rows))])
    return doc


@pytest.mark.parametrize("scheme", ["tiger", "ud"])
def test_label_tests_read_both_schemes(scheme):
    doc = build(MINISTER, scheme)
    assert labels.is_subject(doc[1]) and labels.is_subject(doc[5])
    assert not labels.is_subject(doc[0]) and labels.is_root(doc[2])
    assert labels.role(doc[1]) == "subject"
    assert subject_of(doc[2]) == [doc[0], doc[1]]

    doc = build(SPOKESWOMAN, scheme)
    assert labels.is_separated_particle(doc[3])
    assert verb_lemma(doc[4]) == "bekanntgeben"
    # the cue with its auxiliary, whichever of the two heads the other
    assert [t.text for t in cue_with_auxiliaries(doc[4])] == ["hat", "bekannt", "gegeben"]
    assert lexicon_cue(doc[4]) == "bekanntgeben"


@pytest.mark.parametrize("scheme", ["tiger", "ud"])
def test_passive_is_told_from_future_in_both_schemes(scheme):
    from pipeline.attribution.cues import is_passive

    assert is_passive(build(PASSIVE, scheme)[4])  # "wurde … kritisiert": the subject was criticised
    assert not is_passive(build(FUTURE, scheme)[4])  # "wird … kritisieren": the subject criticises


def test_a_capitalised_adverb_at_the_sentence_start_names_nobody():
    from pipeline.german.phrases import capitalised_non_noun

    doc = Doc(VOCAB, words=["Generell", "warnen", "Experten", "."], pos=["NOUN", "VERB", "NOUN", "PUNCT"],
              sent_starts=[True, False, False, False])
    assert capitalised_non_noun(doc[0]) and not capitalised_non_noun(doc[2])
    doc = Doc(VOCAB, words=["Experten", "warnen", "."], pos=["NOUN", "VERB", "PUNCT"], sent_starts=[True, False, False])
    assert not capitalised_non_noun(doc[0])


@pytest.mark.parametrize("scheme", ["tiger", "ud"])
def test_attribution_reads_both_schemes(scheme):
    register_extensions()
    for rows, speaker, quote in [(MINISTER, "Der Minister", "die Lage sei ernst"),
                                 (SPOKESWOMAN, "Die Sprecherin", "dass die Bahn nicht fahre")]:
        doc = QuotationAttributor()(build(rows, scheme))
        found = [(doc.text[q.speaker[0][0]:q.speaker[-1][1]], doc.text[q.start:q.end], q.type)
                 for q in doc._.quotations]
        assert (speaker, quote, "indirect") in found, found


def test_konjunktiv_ii_is_not_konjunktiv_i():
    doc = Doc(VOCAB, words=["läge", "sei", "befänden", "habe", "hätte"], pos=["VERB", "AUX", "VERB", "AUX", "AUX"],
              morphs=["Mood=Sub|VerbForm=Fin"] * 5)
    assert [is_konjunktiv_i(t) for t in doc] == [False, True, False, True, False]
    assert [is_konjunktiv_ii(t) for t in doc] == [True, False, True, False, True]


def test_dependency_labels_are_read_only_in_the_labels_module():
    readers = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
               if ".dep_" in path.read_text(encoding="utf-8")]
    assert readers == ["german/labels.py"]


def test_no_module_of_the_package_is_over_400_lines():
    sizes = {path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}


@pytest.mark.parametrize("article, accepted", [("Das", True), ("Den", False)])
def test_an_accusative_guess_keeps_a_subject_unless_its_article_is_masculine_accusative(article, accepted):
    # "Das Militär teilte mit": the morphologizer often tags such subjects Case=Acc
    doc = Doc(VOCAB, words=[article, "Militär", "teilte", "mit", "."], pos=["DET", "NOUN", "VERB", "ADP", "PUNCT"],
              morphs=["Case=Acc", "Case=Acc", "VerbForm=Fin", "", ""], heads=[1, 2, 2, 2, 2],
              deps=["det", "nsubj", "ROOT", "compound:prt", "punct"], sent_starts=[True, False, False, False, False])
    assert bool(subject_of(doc[2])) == accepted


def test_dictionary_konjunktiv_i_where_the_morphologizer_says_indicative():
    # "Die EZB beobachte derzeit …": the small backbone tags "beobachte" Mood=Ind
    doc = Doc(VOCAB, words=["Die", "EZB", "beobachte", "das", "genau", "."], pos=["DET", "PROPN", "VERB", "PRON", "ADV", "PUNCT"],
              morphs=["", "", "Mood=Ind|Tense=Past|VerbForm=Fin", "", "", ""], heads=[1, 2, 2, 2, 2, 2],
              deps=["det", "nsubj", "ROOT", "obj", "advmod", "punct"], sent_starts=[True] + [False] * 5)
    assert is_konjunktiv_i(doc[2])
    doc = Doc(VOCAB, words=["Dann", "beobachte", "ich", "das", "."], pos=["ADV", "VERB", "PRON", "PRON", "PUNCT"],
              morphs=["", "Mood=Ind|VerbForm=Fin", "", "", ""], sent_starts=[True] + [False] * 4)
    assert not is_konjunktiv_i(doc[1])  # the first person singular looks the same


def test_a_pronoun_glued_to_a_name_by_the_parser_is_the_mention_alone():
    from pipeline.german.phrases import full_mention

    # "… nannte sie Klöckner eine „Polarisierungsunternehmerin“": "sie" speaks, Klöckner is named
    doc = Doc(VOCAB, words=["nannte", "sie", "Klöckner", "eine", "Unternehmerin"],
              pos=["VERB", "PRON", "PROPN", "DET", "NOUN"], heads=[0, 2, 0, 4, 0],
              deps=["ROOT", "det", "nsubj", "det", "obj"], sent_starts=[True, False, False, False, False])
    assert [t.text for t in full_mention([doc[1], doc[2]])] == ["sie"]


def test_a_said_noun_after_its_verb_is_no_subject():
    # "Tiktok weist die Vorwürfe zurück", misparsed with "die Vorwürfe" as the subject
    from pipeline.link import _is_mention_head

    words = ["Tiktok", "weist", "die", "Vorwürfe", "zurück", "."]
    doc = Doc(spacy.blank("de").vocab, words=words, pos=["NOUN", "VERB", "DET", "NOUN", "ADV", "PUNCT"],
              lemmas=["Tiktok", "weisen", "der", "Vorwurf", "zurück", "."],
              heads=[1, 1, 3, 1, 1, 1], deps=["advmod", "ROOT", "det", "nsubj", "compound:prt", "punct"])
    assert is_said_object(doc[3]) and subject_of(doc[1]) == []
    assert not _is_mention_head(doc[3]) and _is_mention_head(doc[0])
    # before its verb it may well be the subject ("Vorwürfe werden laut")
    assert not is_said_object(doc[0])


@pytest.mark.parametrize("words, start, expected", [
    # word/POS/gender/number/lemma; the phrase starts at `start`
    ("Angaben/NOUN/Fem/Plur/Angabe des/DET/// Auswärtigen/ADJ/Neut/Sing/auswärtig Amtes/NOUN/Neut/Sing/Amt", 2,
     "Auswärtiges Amt"),
    ("laut/ADP/// dem/DET/// chinesischen/ADJ/Neut/Sing/chinesisch Außenministerium/NOUN/Neut/Sing/Außenministerium",
     1, "das chinesische Außenministerium"),
    ("Frage/NOUN/Fem/Sing/Frage eines/DET/// Journalisten/NOUN/Masc/Sing/Journalist", 1, "ein Journalist"),
    ("Angaben/NOUN/Fem/Plur/Angabe der/DET/// örtlichen/ADJ/Fem/Plur/örtlich Behörden/NOUN/Fem/Plur/Behörde", 2,
     "örtliche Behörden"),
    # the gender by the dictionary, a compound by its head, whatever the morphologizer says
    ("laut/ADP/// dem/DET/// Reichsvermögensgesetz/NOUN/Masc/Sing/Reichsvermögensgesetz", 1, "das Reichsvermögensgesetz"),
    ("laut/ADP/// einem/DET/// Augenzeugen/NOUN/Fem/Sing/Augenzeuge", 1, "ein Augenzeuge"),
    ("laut/ADP/// der/DET/// OSZE-Bericht/NOUN/Fem/Sing/OSZE-Bericht", 1, None),
    # already a nominative, a name, a noun whose lemma does not explain its ending: as written
    ("sagte/VERB/// der/DET/// Sprecher/NOUN/Masc/Plur/Sprecher", 1, None),
    ("Angaben/NOUN/Fem/Plur/Angabe der/DET/// Polizei/NOUN/Fem/Sing/Polizei", 2, None),
    ("Angaben/NOUN/Fem/Plur/Angabe des/DET/// Spiegels/PROPN/Masc/Sing/Spiegel", 2, None),
    ("Angaben/NOUN/Fem/Plur/Angabe des/DET/// Konzerns/NOUN/Masc/Sing/Konzerns", 2, None),
])
def test_a_name_in_the_genitive_or_dative_is_given_in_the_nominative(words, start, expected):
    from pipeline.german.inflection import nominative

    rows = [w.split("/") for w in words.split()]
    morphs = ["|".join(f for f in (f"Gender={g}" if g else "", f"Number={n}" if n else "") if f) for _, _, g, n, _ in rows]
    doc = Doc(VOCAB, words=[r[0] for r in rows], pos=[r[1] for r in rows], morphs=morphs,
              lemmas=[r[4] or r[0].lower() for r in rows])
    assert nominative(list(doc[start:])) == expected
