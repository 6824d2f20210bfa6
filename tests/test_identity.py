"""Speaker identities across articles (pipeline/identity.py) on hand-made claims."""
import pyarrow as pa

from pipeline.emit import CLAIMS_SCHEMA
from pipeline.identity import assign_speakers, spelling_key


def _claims(*rows):
    full = [{"doc_id": d, "speaker": s, "speaker_type": t, "speaker_mention": m, "speaker_role": None,
             "quote": "…", "quote_type": "direct", "confidence": 0.9} for d, s, t, m in rows]
    return pa.Table.from_pylist(full, schema=CLAIMS_SCHEMA)


def _unnamed(doc_id, description):
    """A claim row of an unnamed speaker: no entity label, the description as its mention."""
    return doc_id, description, None, description


def test_spelling_variants_share_a_key():
    assert spelling_key("Beloussow") == spelling_key("Belousov")
    assert spelling_key("Kim Jong-un") == spelling_key("Kim Jong Un")
    assert spelling_key("Selenskyj") == spelling_key("Zelensky")
    assert spelling_key("Olaf Scholz") != spelling_key("Olaf Schulz")


def test_surname_joins_the_one_full_name_and_unnamed_speakers_stay_apart():
    claims, speakers = assign_speakers(_claims(
        ("a", "Ulf Kämpfer", "PER", "Ulf Kämpfer"), ("b", "Kämpfer", "PER", "Kämpfer"),
        _unnamed("a", "ein Polizeisprecher"), _unnamed("b", "ein Polizeisprecher"),
        ("c", "Müller", "PER", "Müller"), ("c", "Anna Müller", "PER", "Anna Müller"), ("d", "Hans Müller", "PER", "Er"),
        ("d", None, None, None)))
    rows = claims.to_pylist()
    assert rows[0]["speaker_id"] == rows[1]["speaker_id"] and rows[1]["speaker"] == "Ulf Kämpfer"
    assert rows[2]["speaker_id"] != rows[3]["speaker_id"]
    assert rows[4]["speaker"] == "Müller"  # two Müllers in the corpus: the surname stays apart
    assert rows[7]["speaker_id"] is None
    by_name = {row["name"]: row for row in speakers.to_pylist()}
    assert by_name["Ulf Kämpfer"]["n_docs"] == 2 and by_name["ein Polizeisprecher"]["type"] == "anonymous"
    assert by_name["Hans Müller"]["aliases"] == ["Hans Müller"]  # the pronoun is no alias


def test_an_organisation_is_no_surname_of_what_it_owns():
    # "Verlauf der Pressemitteilung der NASA" ends in the NASA, but is no fuller name of it
    claims, _ = assign_speakers(_claims(
        ("a", "Verlauf der Pressemitteilung der NASA", "ORG", "weiteren Verlauf der Pressemitteilung der NASA"),
        ("b", "NASA", "ORG", "die NASA"), ("c", "NASA", "ORG", "Die NASA"),
        ("d", "Ursula von der Leyen", "PER", "Ursula von der Leyen"), ("e", "Leyen", "PER", "Leyen")))
    rows = claims.to_pylist()
    assert rows[1]["speaker"] == rows[2]["speaker"] == "NASA"
    assert rows[0]["speaker_id"] != rows[1]["speaker_id"]
    assert rows[4]["speaker"] == "Ursula von der Leyen"  # a name particle before "der" keeps the surname


def test_a_role_noun_describes_someone_of_its_article_only():
    # "Angaben eines Mitarbeiters" -> "Mitarbeiter": not the employee of another article
    claims, speakers = assign_speakers(_claims(
        ("a", "Mitarbeiter", None, "Angaben eines Mitarbeiters"), _unnamed("b", "UN-Mitarbeiter"),
        _unnamed("c", "Politische Beobachter"), ("d", "Joschka Fischer", None, "Fischer")))
    rows = claims.to_pylist()
    assert rows[0]["speaker_id"] != rows[1]["speaker_id"] and rows[1]["speaker"] == "UN-Mitarbeiter"
    types = {row["name"]: row["type"] for row in speakers.to_pylist()}
    assert types["Politische Beobachter"] == "anonymous" and types["Joschka Fischer"] == "other"


def test_ids_are_stable():
    table = _claims(("a", "Ulf Kämpfer", "PER", "Ulf Kämpfer"), ("b", "KCNA", "ORG", "KCNA"))
    assert assign_speakers(table)[0].column("speaker_id").to_pylist() == \
        assign_speakers(table)[0].column("speaker_id").to_pylist()


def test_near_spellings_join_and_different_first_names_do_not():
    claims, _ = assign_speakers(_claims(
        ("a", "Muammar al-Gaddafi", "PER", "Gaddafi"), ("b", "Muammar al-Gadhafi", "PER", "Gadhafi"),
        ("c", "Hans Müller", "PER", "Müller"), ("d", "Anna Müller", "PER", "Müller")))
    ids = claims.column("speaker_id").to_pylist()
    assert ids[0] == ids[1] and ids[2] != ids[3]


def test_descriptions_of_one_article_are_one_speaker_whatever_their_article():
    claims, speakers = assign_speakers(_claims(
        _unnamed("a", "ein Feuerwehrsprecher"),
        _unnamed("a", "Der Feuerwehr-Sprecher"),
        _unnamed("a", "der Feuerwehrsprecher"),
        _unnamed("b", "der Feuerwehrsprecher"),
        _unnamed("c", "Mehreren Medienberichten"),
        _unnamed("d", "Mehreren Medienberichten")))
    rows = claims.to_pylist()
    assert len({row["speaker_id"] for row in rows[:3]}) == 1
    assert {row["speaker"] for row in rows[:3]} == {"ein Feuerwehrsprecher"}  # the first, introducing one
    assert rows[3]["speaker_id"] != rows[0]["speaker_id"]  # another article's spokesman
    assert rows[4]["speaker_id"] != rows[5]["speaker_id"]  # a description names no one across articles
    assert {row["type"] for row in speakers.to_pylist()} == {"anonymous"}


def test_a_short_description_joins_the_one_fuller_description_of_its_article():
    claims, _ = assign_speakers(_claims(
        _unnamed("a", "eine Sprecherin der Polizei"),
        _unnamed("a", "die Sprecherin"),
        _unnamed("b", "eine Sprecherin der Polizei"),
        _unnamed("b", "eine Sprecherin der Feuerwehr"),
        _unnamed("b", "die Sprecherin")))
    rows = claims.to_pylist()
    assert rows[1]["speaker_id"] == rows[0]["speaker_id"] and rows[1]["speaker"] == "eine Sprecherin der Polizei"
    assert rows[4]["speaker_id"] not in {rows[2]["speaker_id"], rows[3]["speaker_id"]}  # which one? unknown


def test_a_description_joins_only_an_attribute_and_is_named_in_the_nominative():
    claims, _ = assign_speakers(_claims(
        _unnamed("a", "die Regierung"), _unnamed("a", "die Regierung, man"),
        _unnamed("b", "Dem Niederländer"), _unnamed("b", "Der Niederländer")))
    rows = claims.to_pylist()
    assert rows[0]["speaker_id"] != rows[1]["speaker_id"]  # a misparse's glued words are no attribute
    assert rows[2]["speaker_id"] == rows[3]["speaker_id"] and rows[2]["speaker"] == "Der Niederländer"


def test_a_description_anchored_to_a_place_is_one_body_across_articles():
    claims, speakers = assign_speakers(_claims(
        _unnamed("a", "Die südkoreanische Regierung"),
        _unnamed("b", "die südkoreanische Regierung"),
        _unnamed("a", "Die Polizei"), _unnamed("b", "Die Polizei"),
        _unnamed("a", "Der syrische Arzt"), _unnamed("b", "Der syrische Arzt")))
    ids = claims.column("speaker_id").to_pylist()
    assert ids[0] == ids[1]  # one government, whatever the case of its article
    assert ids[2] != ids[3] and ids[4] != ids[5]  # two articles' police, two doctors
    types = {row["name"]: row["type"] for row in speakers.to_pylist()}
    assert types["Die südkoreanische Regierung"] == "other" and types["Die Polizei"] == "anonymous"


def test_a_name_spaced_before_its_hyphen_is_written_whole():
    claims, speakers = assign_speakers(_claims(("a", "US -Außenministerium", "ORG", "Das US -Außenministerium"),
                                               ("b", "US-Außenministerium", "ORG", "US-Außenministerium")))
    assert set(claims.column("speaker").to_pylist()) == {"US-Außenministerium"}
    assert speakers.num_rows == 1
