"""Regression on known quotes in the five seed articles (speaker, type, quote text covered)."""
import pytest

from pipeline.identity import spelling_key

# (doc id prefix, canonical speaker, quote type, text that the quote must cover, mention if checked);
# quoted words inside a paraphrase are part of its row (`fragment_spans`), of the paraphrase's type
KNOWN_CLAIMS = [
    ("000", "Kim Jong Un", "indirect", "dies geschehe in dem Versuch", "Er"),
    ("000", "Kim Jong Un", "indirect", "den unrealistischen Traum zu erfüllen", None),
    ("000", "Kim Jong Un", "indirect", "dass Armee und Volk der DVRK stets an der Seite Russlands", None),
    ("000", "Kim Jong Un", "indirect_free_indirect", "Diese Unterstützung sei durch den umfassenden", None),
    ("000", "Kim Jong Un", "reported", "die militärische Kooperation zwischen den USA", None),
    ("000", "Kim Jong Un", "indirect", "dass Nordkorea Aktionen, die gegen internationale Gerechtigkeit", "der nordkoreanische Staatschef"),
    ("000", "Wladimir Putin", "reported", "Gerüchte über den Einsatz nordkoreanischer Freiwilliger", "der russische Präsident Putin"),
    ("001", "Kim Jong Un", "indirect", "dass der Westen die Ukraine zu Angriffen", "Der nordkoreanische Staatschef"),
    ("001", "Kim Jong Un", "indirect", "Russland habe das «Recht auf Selbstverteidigung»", "Er"),
    ("001", "Andrej Beloussow", "indirect", "dass die militärische Kooperation zwischen Moskau und Pjöngjang", "der russische Minister"),
    ("001", "No Kwang Chol", "indirect", "die nordkoreanische Armee sei entschlossen", None),
    ("001", "Kim Jong Un", "indirect", "seien es «Hegemoniebestrebungen der Imperialisten»", "Kim Jong Un"),
    ("001", "No Kwang Chol", "indirect", "«die Zusammenarbeit mit der russischen Armee zu stärken", None),
    ("001", "Kim Jong Un", "reported", "diese Vorwürfe als unbegründet", None),
    ("002", "Kim Jong Un", "indirect", "dass Moskau das Recht habe, in Selbstverteidigung zu handeln", None),
    ("002", "Kim Jong Un", "indirect", "dass der Einsatz von Langstreckenwaffen durch die Ukraine", None),
    ("002", "Kim Jong Un", "indirect", "„den feindlichen Kräften den Preis zahlen zu lassen“", None),
    ("002", "Andrej Beloussow", "indirect", "der von Kim und Putin unterzeichnete Partnerschaftspakt werde", None),
    ("003", "Nordkorea", "indirect", "seine Soldaten hätten „das besetzte Gebiet", None),
    ("003", "Wladimir Putin", "reported", "nordkoreanische Truppen für den Kampf", None),
    ("003", "Wladimir Putin", "direct", "„Heldentum, ein hohes Maß an besonderem Training", None),
    ("003", "Jeon", "direct", "„Nordkoreas Beteiligung am Ukrainekrieg ist ein klarer Verstoß", None),
    ("003", "Volodymyr Zelenskyy", "indirect", "dass die ukrainische Armee immer noch in Russlands Kursk kämpfte", None),
    ("003", "Volodymyr Zelenskyy", "direct", "„Unser Militär erledigt weiterhin Aufgaben", "er"),
    ("004", "Tommy Pigott", "direct", "„Die Stationierung nordkoreanischer Streitkräfte in Russland", None),
    ("004", "Kim Jong Un", "indirect", "dass Pjöngjang „die Position Russlands", None),
]


@pytest.mark.parametrize("doc, speaker, quote_type, text, mention", KNOWN_CLAIMS,
                         ids=[f"{c[0]}-{c[1]}-{c[3][:25]}" for c in KNOWN_CLAIMS])
def test_known_claim(seed_claims, doc, speaker, quote_type, text, mention):
    rows = seed_claims[seed_claims.doc_id.str.startswith(doc) & seed_claims["quote"].str.contains(text, regex=False)]
    assert len(rows), f"no claim covers {text!r} in {doc}"
    # (the person, in whichever transliteration the corpus writes most: "Andrei Belousov" = "Andrej Beloussow")
    same_person = rows.speaker.fillna("").map(spelling_key).str.startswith(spelling_key(speaker))
    matching = rows[(rows.quote_type == quote_type) & same_person]
    assert len(matching), f"found {rows[['quote_type', 'speaker', 'speaker_mention']].values.tolist()}"
    if mention:
        assert mention in set(matching.speaker_mention)


def test_claim_dates_and_published(seed_claims):
    confirmed = seed_claims[seed_claims["quote"].str.contains("dass es Russland im Konflikt militärische", regex=False)]
    assert str(confirmed.claim_date.iloc[0]) == "2024-11-01"
    assert confirmed.claim_date_granularity.iloc[0] == "month"
    taipei = seed_claims[seed_claims.doc_id.str.startswith("003")]
    assert {str(d) for d in taipei.published} == {"2025-04-28"}  # from "Aktualisiert 28. April 2025"
    assert seed_claims[seed_claims.doc_id.str.startswith("000")].published.isna().all()  # never invented
    # dates in the frame after a quote ("…“, sagte Jeon …, am Montag"), for every claim of the article
    for quote, day in (("Nordkoreas Beteiligung am Ukrainekrieg", "2025-04-28"),
                       ("Der Einsatz nordkoreanischer Soldaten in Russland muss enden", "2025-04-27")):
        rows = taipei[taipei["quote"].str.contains(quote, regex=False)]
        assert {str(d) for d in rows.claim_date} == {day}, rows[["quote", "claim_date"]].values.tolist()


def test_one_identity_per_speaker_across_the_seeds(seed_run, seed_claims):
    """"Belousov" (seed 002) and "Andrej Beloussow" (seed 004) are one person; Kim Jong Un has one
    id in every seed that quotes him; speakers.parquet lists each identity once."""
    import pandas as pd

    belousov = seed_claims[seed_claims.speaker_mention.fillna("").str.contains("Belo")]
    assert belousov.doc_id.str[:3].nunique() >= 2 and belousov.speaker_id.nunique() == 1
    kim = seed_claims[seed_claims.speaker == "Kim Jong Un"]
    assert kim.doc_id.nunique() >= 3 and kim.speaker_id.nunique() == 1
    # every claim whose mention names him is his ("Kim Jong Un Moskau seine Unterstützung
    # zusicherte" in seed 004 once made "Kim Jong Un Moskau" a person of its own)
    named = seed_claims[seed_claims.speaker_mention.fillna("").str.contains("Kim Jong Un")]
    assert set(named.speaker) == {"Kim Jong Un"} and named.doc_id.str[:3].nunique() >= 3
    speakers = pd.read_parquet(seed_run[0] / "speakers.parquet").set_index("speaker_id")
    assert speakers.index.is_unique and set(seed_claims.speaker_id.dropna()) == set(speakers.index)
    row = speakers.loc[kim.speaker_id.iloc[0]]
    assert row["name"] == "Kim Jong Un" and row["type"] == "PER" and row["n_docs"] == kim.doc_id.nunique()
    assert "Er" not in row["aliases"] and "Kim" in row["aliases"]


def test_no_seed_speaker_is_a_date_a_verb_or_a_bare_source(seed_claims):
    """Issue 16: speakers like "US-Behörden meldeten Anfang November", "Anfang", "Berichten"."""
    from pipeline.german.words import DATE_WORDS
    from pipeline.descriptions import UNNAMED_SOURCES
    from pipeline.verbforms import lemma_of

    for speaker in seed_claims.speaker.dropna().unique():
        words = speaker.replace(",", " ").split()
        assert not any(w.lower() in DATE_WORDS for w in words), speaker
        assert not any(lemma_of(w.lower()) for w in words if w.islower()), speaker  # a cue verb form
        assert speaker.lower() not in UNNAMED_SOURCES and speaker not in {"Das", "Dies"}, speaker
