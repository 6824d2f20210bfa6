import re

import pytest

from pipeline.attribution.direct import find_quote_spans


def _only(rules_nlp, text):
    quotes = rules_nlp(text)._.quotations
    assert quotes, f"no quotation found in {text!r}"
    return quotes[0], text


def _text(text, spans):
    return " ".join(text[s:e] for s, e in spans)


def _of_type(rules_nlp, text, quote_type):
    """The quotations of one type that the rules find in `text`."""
    return [q for q in rules_nlp(text)._.quotations if q.type == quote_type]


def _gold_of(text, word=r"\w+"):
    """A WikiNews-format gold document of `text` without annotations, its tokens the matches of
    `word`; and those tokens' offsets."""
    from pipeline.evaluate import GoldDoc

    words = [(m.start(), m.end()) for m in re.finditer(word, text)]
    tokens = [{"id": k, "charBegin": s, "charEnd": e} for k, (s, e) in enumerate(words)]
    return GoldDoc({"originalText": text, "annotations": [], "tokens": tokens}), words


def _by_rule(rules_nlp, text, rule):
    """The first quotation that `rule` found in `text`."""
    return next(q for q in rules_nlp(text)._.quotations if q.rule == rule)


@pytest.mark.parametrize("opening,closing", [("„", "“"), ("“", "”"), ("”", "”"), ("«", "»"), ("»", "«"), ('"', '"')])
def test_every_german_quote_style(rules_nlp, opening, closing):
    text = f"{opening}Wir werden die Verhandlungen fortsetzen{closing}, sagte Olaf Scholz."
    spans = find_quote_spans(rules_nlp.make_doc(text))
    assert [s.text for s in spans] == [f"{opening}Wir werden die Verhandlungen fortsetzen{closing}"]
    q, _ = _only(rules_nlp, text)
    assert q.type == "direct"
    assert "Scholz" in _text(text, q.speaker)
    assert _text(text, q.cue) == "sagte"


def test_direct_quote_over_several_sentences(rules_nlp):
    text = "Die Ministerin sagte: „Wir sind bereit. Wir haben lange gewartet. Jetzt handeln wir.“"
    q, _ = _only(rules_nlp, text)
    assert q.type == "direct"
    assert _text(text, q.quote).startswith("„Wir sind bereit.") and _text(text, q.quote).endswith("handeln wir.“")


def test_indirect_with_dass(rules_nlp):
    text = "Der Sprecher des Ministeriums erklärte, dass die Gespräche fortgesetzt würden."
    q, _ = _only(rules_nlp, text)
    assert q.type == "indirect"
    assert _text(text, q.quote).startswith("dass die Gespräche")
    assert "Sprecher" in _text(text, q.speaker)


def test_indirect_konjunktiv_without_dass(rules_nlp):
    text = "Angela Merkel sagte, die Regierung habe keine andere Wahl gehabt."
    q, _ = _only(rules_nlp, text)
    assert q.type == "indirect" and _text(text, q.quote).startswith("die Regierung habe")


def test_laut_and_nach_angaben(rules_nlp):
    text = "Laut der Polizei wurden drei Menschen verletzt."
    q, _ = _only(rules_nlp, text)
    assert q.type == "indirect" and "Polizei" in _text(text, q.speaker) and q.cue_lemma == "laut"
    text = "Nach Angaben des Roten Kreuzes sind die Lager überfüllt."
    q, _ = _only(rules_nlp, text)
    assert q.type == "indirect" and "Roten Kreuzes" in _text(text, q.speaker)


def test_reported_and_free_indirect(rules_nlp):
    text = "Der Kanzler kritisierte die Entscheidung der Kommission scharf. Die Kommission soll Fehler gemacht haben."
    quotes = rules_nlp(text)._.quotations
    types = [q.type for q in quotes]
    assert types[0] == "reported"
    assert "free_indirect" in types


@pytest.mark.parametrize("text, reported", [
    # a disaster "fordert" its victims; a demand for the victims stays a demand
    ("Zwölf Todesopfer forderte ein Taifun, der am Sonntag den Norden der Insel traf.", []),
    ("Die Überschwemmungen haben bisher mindestens 35 Todesopfer gefordert.", []),
    ("Die Gewerkschaft forderte Entschädigungen für die Opfer.", ["Entschädigungen für die Opfer"]),
    # "(… berichtete)" in brackets points back to earlier coverage; "berichtete von …" reports
    ("Die Koalition in Stuttgart scheint bereitzustehen (Wikinews berichtete).", []),
    ("Die Werkstatt musste im Mai schließen (wir berichteten).", []),
    ("Der Innenminister berichtete von 41 Toten.", ["von 41 Toten"]),
    # ", so berichtet X" frames the act before it: no act of its own, not part of the content
    ("Als Reaktion kündigte er Gegenmaßnahmen an, darunter den Ausbau der Flotte, so berichtet Reuters.",
     ["Gegenmaßnahmen , darunter den Ausbau der Flotte"]),
    # "sprechen" reports only what it is about ("von …", "über …"), not whom one talked to
    ("Der Präsident sprach sieben Minuten mit seiner Frau.", []),
    ("Die Richterin spricht das Urteil erst am Freitag.", []),
    ("Der Minister sprach von einem großen Erfolg.", ["von einem großen Erfolg"]),
    # "drohen" threatens with a "mit" phrase; without one it is a danger
    ("Der Vermieter drohte den Mietern mit einer Räumungsklage.", ["den Mietern mit einer Räumungsklage"]),
    ("Dem Verein droht nach der Niederlage der Abstieg.", []),
    ("Der alte Kran drohte bei dem Sturm umzustürzen.", []),
    # "aufrufen" calls on someone, to do something or for a cause; a call to an event is the event
    ("Die Bischöfin rief die Gemeinden zur Versöhnung auf.", ["die Gemeinden zur Versöhnung"]),
    ("Die Ärztin rief zu mehr Geduld mit den Kliniken auf.", ["zu mehr Geduld mit den Kliniken"]),
    ("Die Gewerkschaft hat für Freitag zu einem Warnstreik aufgerufen.", []),
    ("Der Verein sammelt Decken und hat zu Spenden aufgerufen.", []),
    ("Die Kirche lobte die vielen Helfer und rief zu Spenden auf.", ["die vielen Helfer"]),
    # "verteidigen" a policy in words, not a client in court or a title in a race
    ("Der Minister verteidigte die Sparbeschlüsse seiner Regierung.", ["die Sparbeschlüsse seiner Regierung"]),
    ("Die Anwältin verteidigte vor Gericht einen Mann aus Köln.", []),
    ("Der Radprofi verteidigte das Gelbe Trikot auch auf der zehnten Etappe.", []),
    # "ablehnen" is a refusal or a vote, not a speech act; "zurückweisen" rejects in words
    ("Der Bundesrat lehnte das Gesetz am Freitag ab.", []),
    ("Die Ministerin wies die Vorwürfe der Opposition zurück.", ["die Vorwürfe der Opposition"]),
])
def test_what_is_no_reported_speech(rules_nlp, text, reported):
    assert [_text(text, q.quote) for q in _of_type(rules_nlp, text, "reported")] == reported


@pytest.mark.parametrize("text, reported", [
    # the act before the colon is a claim of its own ...
    ("Die Ärztin beschreibt die Lage als schwierig: „Wir haben zu wenig Betten.“", ["die Lage als schwierig"]),
    # ... unless it only announces the quote: the quote is what the act said
    ("Der Trainer kommentierte die Niederlage mit den Worten: „Wir waren heute einfach zu langsam.“", []),
    ("Die Ministerin begründete ihren Rücktritt wie folgt: „Ich habe das Vertrauen verloren.“", []),
])
def test_a_speech_act_before_a_quote(rules_nlp, text, reported):
    assert [_text(text, q.quote) for q in _of_type(rules_nlp, text, "reported")] == reported


@pytest.mark.parametrize("text, passed_on", [
    # right after a statement, "soll" passes it on, plan or report
    ("Die Initiative kündigte am Montag neue Schritte an. Belgien soll kommendes Jahr mitmachen.",
     ["Belgien soll kommendes Jahr mitmachen."]),
    # not after a paragraph break, not in a subordinate clause, not "sollte" as a condition
    ("Die Initiative kündigte am Montag neue Schritte an.\n\nBelgien soll kommendes Jahr mitmachen.", []),
    ("Die Initiative kündigte am Montag neue Schritte an. In dem Papier steht nicht, welche Länder mitmachen sollen.",
     []),
    ("Die Initiative kündigte am Montag neue Schritte an. Sollte Belgien nicht mitmachen, wird es teurer.", []),
    # a sentence-initial "Sollte" is a condition, also where a "sein" follows it
    ("Die Partei will die Steuern senken. Sollte das nicht möglich sein, wird sie einen Fonds gründen.", []),
])
def test_soll_after_a_statement_passes_it_on(rules_nlp, text, passed_on):
    quotes = _of_type(rules_nlp, text, "free_indirect")
    assert [_text(text, q.quote) for q in quotes] == passed_on
    assert all(_text(text, q.speaker) == "Die Initiative" for q in quotes)


def test_konjunktiv_continuation(rules_nlp):
    text = "Der Minister sagte, die Lage sei ernst. Man müsse jetzt schnell handeln. Die Bürger seien besorgt."
    quotes = rules_nlp(text)._.quotations
    assert [q.type for q in quotes][:1] == ["indirect"]
    assert "indirect_free_indirect" in [q.type for q in quotes[1:]]
    assert all(q.speaker for q in quotes)


@pytest.mark.parametrize("text, framed", [
    # "Für Privatkunden sei wichtig, dass …" is a reported sentence (the speaker's run goes on), not
    # the customers' statement; an indicative frame or a subject keeps its dass-clause
    ("Für Privatkunden sei zudem wichtig, dass es eine Garantie für Käufe gebe.", False),
    ("Für Privatkunden ist zudem wichtig, dass es eine Garantie für Käufe gibt.", True),
    ("Die Experten kamen zu dem Ergebnis, dass es eine Garantie für Käufe gebe.", True),
])
def test_a_konjunktiv_frame_whose_noun_follows_a_preposition_frames_no_dass_clause(rules_nlp, text, framed):
    from pipeline.attribution.indirect import dass_clause

    assert (dass_clause(list(rules_nlp(text))) is not None) == framed


def test_konjunktiv_run_is_one_quotation(rules_nlp):
    """Adjacent Konjunktiv sentences continue one paraphrase; a paragraph break ends it."""
    text = ("Der Minister sagte, die Lage sei ernst. Man müsse jetzt schnell handeln. Die Bürger seien besorgt.\n"
            "Die Hilfe komme bald.")
    quotes = [q for q in rules_nlp(text)._.quotations if q.type == "indirect_free_indirect"]
    assert [_text(text, q.quote) for q in quotes] == [
        "Man müsse jetzt schnell handeln. Die Bürger seien besorgt.", "Die Hilfe komme bald."]


@pytest.mark.parametrize("text, speaker, via", [
    ("Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: „Der Mann hat einen Fußgänger erst "
     "angefahren, danach hat er ihn angesprungen.“", "einen Augenzeugen", "Frankfurter Rundschau"),
    ("Der Fraktionschef der Grünen, Volker Ratzmann, wird von der „Netzeitung“ mit den Worten zitiert: "
     "„Wowereit ist angeschlagen und muss gehen.“", "Volker Ratzmann", "Netzeitung"),
])
def test_the_quoted_speaks_the_quoting_relays(rules_nlp, text, speaker, via):
    quotes = rules_nlp(text)._.quotations
    assert [q.type for q in quotes] == ["direct"]  # the quoted newspaper name is no quotation
    assert speaker in _text(text, quotes[0].speaker)
    assert via in quotes[0].via


@pytest.mark.parametrize("text", [
    "Zu den Gründern gehört die „Alliance for Clean Rivers and Lakes“, die seit Jahren vor Gericht zieht.",
    "Der Vorsitzende der „Parti pour la Renaissance Rurale“ trat am Montag zurück.",
    "Die Hafenbehörde ließ das Schiff der Reederei „Nordlicht Tankers Holding“ am Freitag auslaufen.",
    "Im Juni erschien sein neues Buch mit dem Titel „Warum die Städte schweigen“ im Stuttgarter Verlag.",
    "Rund 3.000 Menschen zogen unter dem Motto „Wir sind mehr als eine Zahl“ durch die Innenstadt.",
    "Am Montag legte der „Rat für digitale Ethik und Teilhabe“ seinen ersten Jahresbericht vor.",
    "Wie zuerst „stadtanzeiger-online.de“ meldete, wurde das Rathaus am Abend geräumt.",
])
def test_names_and_titles_in_quotation_marks_are_no_quotes(rules_nlp, text):
    assert _of_type(rules_nlp, text, "direct") == []


@pytest.mark.parametrize("text, quote", [
    # German words of a phrase are lowercase, and a naming noun before a sentence gives it to a paper
    ("Die Richterin sah „Leib, Leben und Freiheit der Anwohner“ bedroht, sagte ein Gerichtssprecher.",
     "„Leib, Leben und Freiheit der Anwohner“"),
    ("Der Minister sagte der Zeitung „Wir schließen das Werk nicht. Das verspreche ich.“",
     "„Wir schließen das Werk nicht. Das verspreche ich.“"),
    ("„Der Rat hat in dieser Frage versagt“, sagte die Ministerin.", "„Der Rat hat in dieser Frage versagt“"),
    ("Ob die Lage ernst sei? „Ein wenig, ja“. Die Generalin blickte auf die Karte.", "„Ein wenig, ja“"),
])
def test_quoted_phrases_that_are_no_names_stay_quotes(rules_nlp, text, quote):
    quotes = [_text(text, q.quote) for q in rules_nlp(text)._.quotations if q.type == "direct"]
    assert quote in quotes


def test_no_claims_in_plain_narration(rules_nlp):
    assert rules_nlp("Das Wetter war am Montag schön. Viele Menschen gingen in den Park.")._.quotations == []


def test_headline_lines_are_sentences(rules_nlp):
    doc = rules_nlp("Große Überschrift ohne Punkt\nDer erste Satz beginnt hier. Und noch einer.")
    assert list(doc.sents)[0].text.strip() == "Große Überschrift ohne Punkt"


@pytest.mark.parametrize("text, first, second", [
    ('Die Lage sei ernst, sagt die Sprecherin. "Wir warten nicht länger." Dann ging sie.',
     "Die Lage sei ernst, sagt die Sprecherin.", '"Wir warten nicht länger."'),
    ("Es bleibt so, sagt er. „Einfach nur warten reicht nicht.“ Er lacht.",
     "Es bleibt so, sagt er.", "„Einfach nur warten reicht nicht.“"),
])
def test_quotation_marks_after_a_full_stop_start_sentences(rules_nlp, text, first, second):
    sentences = [s.text.strip() for s in rules_nlp(text).sents]
    assert sentences[:2] == [first, second]


def test_a_quote_after_a_full_stop_takes_its_own_frame(rules_nlp):
    doc = rules_nlp('Viele Menschen steigen bei Streiks aufs Auto um. "Da kommst du nicht durch. '
                    'Überall ist es voll", so Aimen.')
    direct = [q for q in doc._.quotations if q.type == "direct"]
    assert [doc.text[s:e] for q in direct for s, e in q.speaker] == ["Aimen"]


@pytest.mark.parametrize("text, addressee", [
    ("Der Minister sagte vor Journalisten, die Lage sei ernst.", "Journalisten"),
    ("Merkel forderte die Regierung auf, die Steuern sofort zu senken.", "die Regierung"),
    ("Der Trainer sagte zur Sportschau, das Spiel sei schwer gewesen.", "Sportschau"),
    ("Der Sprecher erklärte gegenüber dem Tagesspiegel, dass die Untersuchung noch andauere.", "dem Tagesspiegel"),
    # a dative known by its article or form, whatever the parser called it
    ("Die Ministerin sagte dem Fernsehsender Phoenix, die Gespräche seien gescheitert.", "dem Fernsehsender Phoenix"),
    ("„Das ist ein guter Tag“, sagte Müller der Zeitung.", "der Zeitung"),
    ("Der Sprecher berichtete ihm, die Verhandlungen seien abgebrochen worden.", "ihm"),
])
def test_addressees(rules_nlp, text, addressee):
    q = rules_nlp(text)._.quotations[0]
    assert [text[s:e] for s, e in q.addressee] == [addressee]


@pytest.mark.parametrize("text, speaker, addressee", [
    # a passive without an agent names no speaker: the one it was said to is not it
    ("Dem Bürgermeister wurde vorgeworfen, die Akten vernichtet zu haben.", "", "Dem Bürgermeister"),
    ("Die Anwohner wurden aufgefordert, Fenster und Türen geschlossen zu halten.", "", "Die Anwohner"),
    ("Es wird befürchtet, dass sich die Lage weiter verschlechtert.", "", ""),
    # the von-agent speaks; so does the subject of "zitieren"
    ("Vom Ministerium wurde erklärt, dass die Lage ernst sei.", "Ministerium", ""),
    ("Der Bürgermeister wird mit den Worten zitiert, die Lage sei ernst.", "Der Bürgermeister", ""),
])
def test_who_speaks_in_a_passive(nlp, text, speaker, addressee):
    q = nlp(text)._.quotations[0]
    assert (_text(text, q.speaker), _text(text, q.addressee)) == (speaker, addressee)


def test_a_frame_without_a_cue_names_the_one_whose_answer_it_mentions(rules_nlp):
    text = ("Wie ernst die Lage ist, lässt sich an einer Antwort von Bürgermeisterin Anna Berger auf Fragen "
            "von Reportern ablesen: „Wir haben keine Reserven mehr.“")
    q = next(q for q in rules_nlp(text)._.quotations if q.type == "direct")
    assert _text(text, q.speaker).endswith("Anna Berger") and _text(text, q.cue) == "Antwort"


def test_a_postposition_phrase_is_no_addressee(rules_nlp):
    text = "Dem Bericht zufolge sagte der Minister, die Lage sei ernst."
    assert all(not q.addressee for q in rules_nlp(text)._.quotations)


def test_direct_quote_takes_the_subject_of_an_unknown_verb(rules_nlp):
    text = "Der Randalierer rief laut „Lasst mich sofort hier raus!“ und lief weg."
    q = rules_nlp(text)._.quotations[0]
    assert q.type == "direct" and [text[s:e] for s, e in q.speaker] == ["Der Randalierer"]


@pytest.mark.parametrize("text,speaker", [
    ("Frankreichs Präsident Jacques Chirac sagte, die Lage sei ernst.", "Frankreichs Präsident Jacques Chirac"),
    ("Günther Platter, der Verteidigungsminister Österreichs, sagte, die Lage sei ernst.",
     "Günther Platter, der Verteidigungsminister Österreichs"),
    # the one spoken to is no part of it
    ('Die Siedler hätten Häuser angegriffen, sagte der Bürgermeister gegenüber "Radio Bremen".', "der Bürgermeister"),
    # nor the quote that the frame interrupts
    ("„Wir werden kämpfen“, sagte die Gewerkschaftschefin Anja Berger, „und wir werden diesen Streik gewinnen.“",
     "die Gewerkschaftschefin Anja Berger"),
    # an adverb before an adjective belongs to the phrase, even where the parse makes the next
    # adjective a conjunct of the first
    ("„Die Operation ist abgeschlossen“, berichtete die staatlich geführte koreanische Nachrichtenagentur des Nordens.",
     "die staatlich geführte koreanische Nachrichtenagentur"),
    # a title before a name the NER missed, whatever the parse made of the title
    ("Der Flughafenmanager Vedat Muftuoglu sagte: „Niemand sollte so etwas tun.“",
     "Der Flughafenmanager Vedat Muftuoglu"),
])
def test_speaker_is_the_whole_noun_phrase(rules_nlp, text, speaker):
    """Titles and appositions belong to the speaker, as the WikiNews annotators mark it."""
    q, _ = _only(rules_nlp, text)
    assert _text(text, q.speaker) == speaker


def test_source_phrase_ends_before_the_next_phrase(rules_nlp):
    text = "Laut Behördenangaben 7.000 Menschen demonstrierten am Samstag in der Innenstadt."
    q, _ = _only(rules_nlp, text)
    assert _text(text, q.speaker) == "Behördenangaben"


def test_whole_sentence_quotations_keep_their_full_stop(rules_nlp):
    text = "Der Kanzler kritisierte die Entscheidung der Kommission scharf. Merkel sagte, die Lage sei ernst."
    quotes = rules_nlp(text)._.quotations
    reported = next(q for q in quotes if q.type == "reported")
    indirect = next(q for q in quotes if q.type == "indirect")
    statement = reported.statement
    assert text[statement[0][0]:statement[-1][1]].endswith("scharf.") and _text(text, reported.quote).endswith("scharf")
    assert _text(text, indirect.quote) == "die Lage sei ernst"


def test_apposition_after_a_source_phrase_belongs_to_the_speaker(rules_nlp):
    text = "Nach Angaben von Kristján Loftsson, einem Manager der Firma, wurde eine Schiffsbesatzung zusammengestellt."
    q, _ = _only(rules_nlp, text)
    assert _text(text, q.speaker) == "Angaben von Kristján Loftsson, einem Manager der Firma"
    assert _text(text, q.quote) == "wurde eine Schiffsbesatzung zusammengestellt"


def test_generic_subjects_name_no_speaker(rules_nlp):
    text = "Man geht davon aus, dass die Verhandlungen scheitern werden."
    q, _ = _only(rules_nlp, text)
    assert q.speaker == []


@pytest.mark.parametrize("form, lemma", [
    ("vermutet", "vermuten"), ("rechnete", "rechnen"), ("forderte", "fordern"), ("kritisiert", "kritisieren"),
    ("rief", "rufen"), ("empfiehlt", "empfehlen"), ("versprochen", "versprechen"), ("zugesichert", "zusichern"),
    ("zurückgewiesen", "zurückweisen"), ("zurückzuweisen", "zurückweisen"), ("wies", "weisen"), ("meinte", "meinen"),
])
def test_cue_verb_forms_have_their_lemma(form, lemma):
    from pipeline.verbforms import lemma_of

    assert lemma_of(form) == lemma


def test_verb_forms_know_only_cue_verbs():
    from pipeline.verbforms import lemma_of

    assert lemma_of("lief") is None and lemma_of("haus") is None


def test_strong_cue_verb_with_separated_particle(rules_nlp):
    text = "Der Minister wies die Vorwürfe der Opposition entschieden zurück."
    q, _ = _only(rules_nlp, text)
    assert q.type == "reported" and q.cue_lemma == "zurückweisen"
    assert "Minister" in _text(text, q.speaker)


def test_source_phrase_fills_the_prefield(rules_nlp):
    """'Nach Angaben X für Y kommt …': the source runs up to the finite verb (verb-second)."""
    text = "Nach Angaben der Internationalen Gesellschaft für Menschenrechte kommt es kaum zu Verhaftungen."
    q, _ = _only(rules_nlp, text)
    assert _text(text, q.speaker).endswith("für Menschenrechte")
    assert _text(text, q.quote).startswith("kommt es kaum")


def test_source_phrase_in_a_subordinate_clause_speaks_for_that_clause(rules_nlp):
    text = "Die Hunde trafen mit Verspätung ein, da nach Angaben der Fluggesellschaft die Genehmigung fehlte."
    q = _by_rule(rules_nlp, text, "source:nach")
    assert "Hunde" not in _text(text, q.quote) and "Genehmigung fehlte" in _text(text, q.quote)


def test_anaphoric_frame_wins_over_reported_speech(rules_nlp):
    """'… . Das berichtet die Agentur Kyodo.': the sentence before is what was reported."""
    text = ("Im Trinkwasser der Hauptstadt wurden erstmals Spuren eines radioaktiven Isotops gefunden. "
            "Das berichtet die japanische Nachrichtenagentur Kyodo unter Berufung auf einen Vertreter des Ministeriums.")
    q, _ = _only(rules_nlp, text)
    assert q.rule == "indirect+anaphor" and _text(text, q.quote).startswith("Im Trinkwasser")
    assert _text(text, q.speaker) == "die japanische Nachrichtenagentur Kyodo"


def test_source_noun_after_a_genitive_name(rules_nlp):
    text = "Nach Grupps Meinung werden im Größenwahn Entscheidungen getroffen."
    q, _ = _only(rules_nlp, text)
    assert q.rule == "source:nach" and _text(text, q.speaker) == "Grupps Meinung"


def test_quoted_phrase_inside_a_paraphrase_keeps_the_paraphrase(rules_nlp):
    """A quoted phrase does not make the sentence around it a framed direct quote."""
    text = ("Die Kosten seien „mit Vorsicht zu genießen“, da ähnliche Arbeiten in Deutschland "
            "das Doppelte gekostet hätten, so die FIFA.")
    quotes = rules_nlp(text)._.quotations
    paraphrase = next(q for q in quotes if q.type == "indirect")
    assert _text(text, paraphrase.quote).startswith("Die Kosten seien") and _text(text, paraphrase.speaker) == "die FIFA"
    assert any(q.type == "direct" for q in quotes)


@pytest.mark.parametrize("text", [
    "Der bayerische CSU-Vorsitzende, Edmund Stoiber, warf der SPD eine schreckliche Fehlentwicklung vor.",
    "Da Krebsbehandlungen immer häufiger erfolgreich verlaufen, rechnet Dr. Dittrich mit einem zunehmenden Bedarf.",
    "Persönlich rief er auch in Buenos Aires an, um sein Zeitungsabo zu kündigen.",
])
def test_subjects_and_adverbial_clauses_are_not_content(rules_nlp, text):
    assert not any(q.rule == "indirect+cue" for q in rules_nlp(text)._.quotations)


def test_a_fronted_adverbial_clause_with_its_main_clause_is_content(rules_nlp):
    text = ("Als Kämpfer die Stadt einnahmen, töteten sie mehrere hundert Zivilisten, die sich auf der Flucht "
            "befanden, teilten die Vereinten Nationen mit.")
    quote = next(q for q in rules_nlp(text)._.quotations if q.rule == "indirect+cue")
    assert _text(text, quote.quote).startswith("Als Kämpfer") and _text(text, quote.speaker).endswith("Vereinten Nationen")
    # a main clause that opens a direct quote is the quote's frame, not content
    text = "Da Frankfurt sieben Spiele in Serie gewann, war Trainer Thomas Schaaf zufrieden: „Ein guter Start“, sagte er."
    assert not any(q.rule == "indirect+cue" for q in rules_nlp(text)._.quotations)


@pytest.mark.parametrize("text,content", [
    ("Nach Angaben eines Experten, der vom Fernsehsender Rossija befragt wurde, würde dies für einen Anschlag sprechen.",
     "würde dies für einen Anschlag sprechen"),
    ("Nach Meinung vieler Experten und Fans werden sich im Osten Detroit und im Westen San Antonio durchsetzen.",
     "werden sich im Osten Detroit und im Westen San Antonio durchsetzen"),
    ("Nach einer Studie aus dem Jahr 2005 wird die Rückkehr zum Mond 78 Milliarden Euro kosten.",
     "wird die Rückkehr zum Mond 78 Milliarden Euro kosten"),
])
def test_sentence_opening_source_phrase_runs_to_the_finite_verb(rules_nlp, text, content):
    """Verb-second: everything before the main clause's finite verb is the source phrase,
    including a relative clause after it, an enumeration and a year."""
    q = _by_rule(rules_nlp, text, "source:nach")
    assert _text(text, q.quote) == content


def test_source_phrase_in_a_relative_clause_ends_with_it(rules_nlp):
    text = "Ein Motorboot, auf dem sich nach Angaben der Polizei 300.000 US-Dollar befunden haben sollen, ist gekentert."
    q, _ = _only(rules_nlp, text)
    assert _text(text, q.quote) == "auf dem sich 300.000 US-Dollar befunden haben sollen"


def test_source_phrase_with_a_genitive_without_article(rules_nlp):
    text = "In dem Lager lebten nach Angaben französischer Behörden bis zu 1.000 Personen."
    q, _ = _only(rules_nlp, text)
    assert _text(text, q.speaker) == "Angaben französischer Behörden"
    assert "Behörden" not in _text(text, q.quote)


@pytest.mark.parametrize("text,content", [
    ("Er sagte, Europa brauche die Engländer, und fügte hinzu: „Wer kann das glauben?“", "Europa brauche die Engländer"),
    ("Der Minister betonte, die Kartoffel werde nicht in die Nahrung gelangen: „Das ist ausgeschlossen.“",
     "die Kartoffel werde nicht in die Nahrung gelangen"),
    ("Der Rat beschloss, genaue Informationen zu sammeln, wobei diese Aufgabe beim Generalsekretär liegt.",
     "genaue Informationen zu sammeln"),
])
def test_complement_ends_before_what_follows_it(rules_nlp, text, content):
    """A second main clause of the speaker, a direct quote after a colon and a clause commenting
    on the whole are not part of the reported content."""
    q = _by_rule(rules_nlp, text, "indirect+cue")
    assert _text(text, q.quote) == content


def test_zu_infinitive_before_a_further_clause(rules_nlp):
    text = "Schwulenfeindliche Gruppen hatten angekündigt, die Parade gewaltsam anzugreifen, falls sie stattfinde."
    q, _ = _only(rules_nlp, text)
    assert q.rule == "indirect+cue" and _text(text, q.quote).startswith("die Parade gewaltsam anzugreifen")


def test_konjunktiv_run_spans_a_sentence_with_a_quoted_phrase(rules_nlp):
    text = ("Der Gutachter sagte, der Pilot sei zu schnell gewesen. Er habe den Jet zu spät aufgesetzt. "
            "Der Airbus sei erst „weit hinter der normalen Aufsetzzone“ zu Boden gebracht worden. "
            "Dadurch habe er die sichere Zone der Landebahn verfehlt.")
    runs = [q for q in rules_nlp(text)._.quotations if q.rule == "konjunktiv"]
    assert len(runs) == 1
    assert _text(text, runs[0].quote).startswith("Er habe") and _text(text, runs[0].quote).endswith("verfehlt.")


def test_konjunktiv_frame_continues_the_paraphrase(rules_nlp):
    """'Man gehe davon aus, dass …' inside reported speech is reported too: the whole sentence
    belongs to the run, as the WikiNews annotators mark it."""
    text = ("Die Feuerwehr teilte mit, mehrere Körper seien in den Trümmern geortet worden. "
            "Man gehe davon aus, dass sie ebenfalls tot sind.")
    quotes = rules_nlp(text)._.quotations
    assert any(_text(text, q.quote).startswith("Man gehe davon aus") for q in quotes)
    assert not any(_text(text, q.quote).startswith("dass sie") for q in quotes)


def test_coordinated_speech_verb_starts_a_second_quotation(rules_nlp):
    text = ("Nordkorea hat am Montag anerkannt, dass es Truppen nach Russland einsetzte, "
            "und sagte, seine Soldaten hätten die Region vollständig befreit.")
    quotes = [q for q in rules_nlp(text)._.quotations if q.rule == "indirect+cue"]
    assert [_text(text, q.quote) for q in quotes] == ["dass es Truppen nach Russland einsetzte",
                                                      "seine Soldaten hätten die Region vollständig befreit"]
    assert all(_text(text, q.speaker) == "Nordkorea" for q in quotes)


def test_speech_noun_with_a_konjunktiv_clause(rules_nlp):
    text = "Gysi hatte in einem Interview die These vertreten, die Partei sei in Selbstbeschäftigung erstarrt."
    q = _by_rule(rules_nlp, text, "indirect+noun")
    assert _text(text, q.quote) == "die Partei sei in Selbstbeschäftigung erstarrt"


def test_speech_noun_inside_a_subordinate_clause_is_no_frame(rules_nlp):
    text = "Bush befürchtet, sobald er sich der Meinung el-Baradeis anschließe, werde der Druck zunehmen."
    assert not any(q.rule == "indirect+noun" for q in rules_nlp(text)._.quotations)


def test_a_law_is_a_source(rules_nlp):
    text = "Nach dem Grundgesetz ist der Bundeskanzler mit den umfangreichsten Vollmachten ausgestattet."
    q, _ = _only(rules_nlp, text)
    assert q.rule == "source:nach" and _text(text, q.quote).startswith("ist der Bundeskanzler")


@pytest.mark.parametrize("text, source", [
    ("Ersten Schätzungen nach seien 300 Menschen getötet worden.", True),
    # "nach" before a noun phrase is a preposition ("after the catastrophe"), not the postposition
    ("Aus vergleichenden Studien nach der Katastrophe ließen sich Vermutungen über die Folgen herleiten.", False),
])
def test_nach_after_a_source_noun_is_a_postposition_only_before_no_noun_phrase(rules_nlp, text, source):
    assert any(q.rule == "source:nach" for q in rules_nlp(text)._.quotations) == source


def test_speech_noun_with_a_zu_infinitive_and_the_frame_subject(rules_nlp):
    text = ("Damals hatte das Bundesverfassungsgericht eine deutliche Mahnung an die Politik ausgesprochen, "
            "dieses Instrument nicht zu missbrauchen.")
    q = _by_rule(rules_nlp, text, "indirect+noun")
    assert _text(text, q.quote) == "dieses Instrument nicht zu missbrauchen"
    assert _text(text, q.speaker) == "das Bundesverfassungsgericht"


def test_konjunktiv_sentence_with_a_quoted_phrase_is_reported_speech(rules_nlp):
    text = ("Die Fraktion teilte mit, man werde zustimmen. "
            "Außerdem halte die Fraktion den Schritt für „überfällig und dringend geboten“.")
    quotes = rules_nlp(text)._.quotations
    assert any(q.rule == "konjunktiv" and _text(text, q.quote).startswith("Außerdem halte") for q in quotes)
    assert any(q.type == "direct" and _text(text, q.quote) == "„überfällig und dringend geboten“" for q in quotes)


def test_relative_source_words_are_not_content(rules_nlp):
    text = "Die Polizei bestätigte Berichte, wonach Zeugen eine Explosion gehört haben wollen."
    q = _by_rule(rules_nlp, text, "indirect+cue")
    assert _text(text, q.quote) == "Zeugen eine Explosion gehört haben wollen"


def test_more_speech_verbs_and_an_apposition_before_the_content(rules_nlp):
    text = "Er dankte den Menschen für ihre Unterstützung und ergänzte, der Staatsstreich sei im Interesse des Landes."
    q = _by_rule(rules_nlp, text, "indirect+cue")
    assert _text(text, q.quote) == "der Staatsstreich sei im Interesse des Landes"
    text = ("Hierzu schrieb der Journalist Eduardo Dâmaso in der „Correio da Manhã“, einem Boulevardblatt, "
            "die spanische Gesellschaft sei derzeit gespalten.")
    q = _by_rule(rules_nlp, text, "indirect+cue")
    assert _text(text, q.quote) == "die spanische Gesellschaft sei derzeit gespalten"


def test_a_subject_with_a_relative_clause_is_not_content(rules_nlp):
    text = ("Der ehemalige Ministerpräsident Thaksin Shinawatra, der seit Jahren im Exil lebt, wandte sich "
            "an seine Anhänger mit der Aufforderung, ihre Macht zu demonstrieren.")
    quotes = rules_nlp(text)._.quotations
    assert not any(_text(text, q.quote).startswith("Der ehemalige") for q in quotes)
    assert _text(text, _by_rule(rules_nlp, text, "indirect+noun").quote) == "ihre Macht zu demonstrieren"


@pytest.mark.parametrize("text, content", [
    ("Kim kritisierte die Kooperation der USA mit Südkorea scharf.", "die Kooperation der USA mit Südkorea scharf"),
    ("Die Ministerin wies die Vorwürfe zurück.", "die Vorwürfe"),
    ("Am Montag kritisierte Kim die Kooperation der USA.", "die Kooperation der USA"),
    # where and how the act happened is not what it was about; a topic after a preposition is
    ("Die Bundesbank hat in einer Analyse des Zusammenbruchs der Sparkasse Versäumnisse ihrer Aufsicht eingeräumt.",
     "Versäumnisse ihrer Aufsicht"),
    ("Die Ministerin warnte am Montag in Berlin vor einer Eskalation.", "am Montag in Berlin vor einer Eskalation"),
    ("Die Ministerin hat sich gegen die Reform ausgesprochen.", "gegen die Reform"),
    ("Zudem warnte sie vor der Gefahr durch Milizen in Ländern wie Syrien, die Soldaten angegriffen haben, sowie "
     "durch Piraten, die Schiffe kapern.", "vor der Gefahr durch Milizen in Ländern wie Syrien, die Soldaten "
     "angegriffen haben, sowie durch Piraten, die Schiffe kapern"),
    # "werden" of the next clause is not the verb's passive auxiliary
    ("Die Ministerin hat erneut über neue Regeln gesprochen, ohne dabei konkret zu werden.",
     "erneut über neue Regeln , ohne dabei konkret zu werden"),
])
def test_reported_speech_quotes_what_was_said_or_done_to(rules_nlp, text, content):
    """The quote of a reported claim is its object; the frame is the rest of the sentence, and
    the two together are the sentence the WikiNews annotators mark (pipeline/evaluate.py)."""
    q = _of_type(rules_nlp, text, "reported")[0]
    assert _text(text, q.quote) == content
    statement = sorted(q.statement)
    assert text[statement[0][0]:statement[-1][1]] == text


@pytest.mark.parametrize("text, contents", [
    ("Die Ministerin kritisierte die Entscheidung scharf und forderte eine neue Abstimmung.",
     ["die Entscheidung scharf", "eine neue Abstimmung"]),
    ("Die CDU-Politikerin wies die Vorwürfe zurück und rief stattdessen zu mehr Respekt in politischen Debatten auf.",
     ["die Vorwürfe", "stattdessen zu mehr Respekt in politischen Debatten"]),
    # a coordinated verb that is no speech verb leaves the claim whole
    ("Der Minister kritisierte die Entscheidung und ging dann nach Hause.", ["die Entscheidung"]),
])
def test_coordinated_speech_verbs_are_a_claim_each(rules_nlp, text, contents):
    reported = [q for q in rules_nlp(text)._.quotations if q.type == "reported"]
    assert [_text(text, q.quote) for q in reported] == contents
    assert len({tuple(map(tuple, q.speaker)) for q in reported}) == 1  # the shared subject speaks both


def test_a_konjunktiv_sentence_carrying_quoted_phrases_continues_the_speaker(rules_nlp):
    # most of the sentence is quoted, but "sei" outside the quotes makes it the speaker's paraphrase
    text = "Hahn lobte den Plan. Dieses »Momentum der Games« zu nutzen, sei »folgerichtig«."
    runs = [q for q in rules_nlp(text)._.quotations if q.rule == "konjunktiv"]
    assert [_text(text, q.quote) for q in runs] == ["Dieses »Momentum der Games« zu nutzen, sei »folgerichtig«."]
    assert _text(text, runs[0].speaker) == "Hahn"


def test_a_frame_inserted_mid_sentence_has_the_quotation_on_both_sides(rules_nlp):
    text = "Die Lage sei ernst, sagte der Minister am Montag, man müsse jetzt schnell handeln."
    q = next(q for q in rules_nlp(text)._.quotations if q.type == "indirect")
    assert [text[s:e] for s, e in q.quote] == ["Die Lage sei ernst", "man müsse jetzt schnell handeln"]
    assert _text(text, q.speaker) == "der Minister"


def test_a_passive_without_agent_is_no_reported_claim(rules_nlp):
    text = "Besonders scharf kritisiert wurde ihre Entscheidung, das Hissen der Flagge zu untersagen."
    assert not [q for q in rules_nlp(text)._.quotations if q.type == "reported"]
    text = "Die Entscheidung wurde von der Opposition scharf kritisiert."
    reported = [q for q in rules_nlp(text)._.quotations if q.type == "reported"]
    assert [_text(text, q.speaker) for q in reported] == ["der Opposition"]


def test_wikinews_scoring_counts_coordinated_reported_claims_once(rules_nlp):
    from pipeline.emit import claim_rows
    from pipeline.evaluate import GoldDoc, predicted_items

    text = "Die Ministerin kritisierte die Entscheidung scharf und forderte eine neue Abstimmung."
    rows = [r for r in claim_rows(rules_nlp(text)) if r["quote_type"] == "reported"]
    assert len(rows) == 2
    tokens = [{"id": k, "charBegin": t.idx, "charEnd": t.idx + len(t)} for k, t in enumerate(rules_nlp.make_doc(text))]
    items = predicted_items(GoldDoc({"originalText": text, "tokens": tokens, "annotations": []}), rows)
    assert len(items) == 1 and items[0].parts["quote"] == set(range(len(tokens)))


def test_wikinews_scoring_joins_a_reported_claim_with_its_frame():
    from pipeline.evaluate import GoldDoc, predicted_items

    text = "Kim kritisierte die USA."
    tokens = [{"id": k, "charBegin": s, "charEnd": e} for k, (s, e) in enumerate([(0, 3), (4, 15), (16, 19), (20, 23), (23, 24)])]
    gold = GoldDoc({"originalText": text, "tokens": tokens, "annotations": []})
    claim = {"quote_type": "reported", "quote_spans": [{"start": 16, "end": 23}],
             "frame_spans": [{"start": 0, "end": 15}, {"start": 23, "end": 24}],
             "speaker_spans": [{"start": 0, "end": 3}], "cue_spans": [{"start": 4, "end": 15}], "addressee_spans": []}
    item = predicted_items(gold, [claim])[0]
    # the annotators' reported item is the sentence with its speaker; the verb is inside it, no cue of its own
    assert item.parts["quote"] == {0, 1, 2, 3, 4} and item.parts["frame"] == set() and item.parts["cue"] == set()
    assert item.parts["speaker"] == {0}


def test_a_konjunktiv_run_is_one_row_per_sentence_and_one_wikinews_quotation(rules_nlp):
    from pipeline.emit import claim_rows
    from pipeline.evaluate import join_konjunktiv_runs

    text = ("Die Ministerin sagte, die Lage sei ernst. Man habe wenig Zeit. "
            "Die Bahn müsse sofort handeln. Der Zug fährt um acht.")
    doc = rules_nlp(text)
    runs = [q for q in doc._.quotations if q.rule == "konjunktiv"]
    assert len(runs) == 1 and text[runs[0].start:runs[0].end] == "Man habe wenig Zeit. Die Bahn müsse sofort handeln."
    rows = [r for r in claim_rows(doc) if r["rule"] == "konjunktiv"]
    assert [r["quote"] for r in rows] == ["Man habe wenig Zeit.", "Die Bahn müsse sofort handeln."]
    assert rows[1]["sentence_index"] == rows[0]["sentence_index"] + 1

    def spans(value):
        return [(s["start"], s["end"]) for s in value]

    joined = join_konjunktiv_runs(rows, text, spans)
    first, second = spans(joined[0]["quote_spans"])
    assert len(joined) == 1 and first[0] == runs[0].start and second[1] == runs[0].end
    assert text[first[1]:second[0]] == " "


def test_a_source_phrase_inside_its_clause_stays_in_the_claim(rules_nlp):
    from pipeline.emit import claim_rows
    from pipeline.evaluate import predicted_items

    text = "Die Täter waren nach Angaben des Ministeriums israelische Siedler."
    rows = [r for r in claim_rows(rules_nlp(text)) if r["rule"] == "source:nach"]
    assert [r["quote"] for r in rows] == ["Die Täter waren nach Angaben des Ministeriums israelische Siedler"]
    gold, words = _gold_of(text)
    quote = predicted_items(gold, rows)[0].parts["quote"]
    assert [text[words[k][0]:words[k][1]] for k in sorted(quote)] == ["Die", "Täter", "waren", "israelische", "Siedler"]


@pytest.mark.parametrize("text, quote", [
    ("Diese Form der Politik spalte, so Lang, nicht nur Parteien, sondern die Gesellschaft insgesamt.",
     "Diese Form der Politik spalte, so Lang, nicht nur Parteien, sondern die Gesellschaft insgesamt"),
    ("Die Lage sei ernst, so der Sprecher der Polizei, Hans Müller.", "Die Lage sei ernst"),
])
def test_an_inserted_so_phrase_names_the_speaker(nlp, text, quote):
    from pipeline.emit import claim_rows

    rows = [r for r in claim_rows(nlp(text)) if r["rule"] == "source:so"]
    assert [r["quote"] for r in rows] == [quote]


@pytest.mark.parametrize("text", [
    "„Wir haben den Brand noch nicht unter Kontrolle“, so der Sprecher der Feuerwehr weiter.",
    "Die Lage bleibe unübersichtlich, so der Sprecher der Feuerwehr abschließend.",
])
def test_a_final_so_phrase_names_the_speaker_without_the_adverb_after_it(rules_nlp, text):
    assert [_text(text, q.speaker) for q in rules_nlp(text)._.quotations] == ["der Sprecher der Feuerwehr"]


def test_a_speaker_with_an_apposition_before_a_speech_act_is_no_content(rules_nlp):
    # the apposition ends in a participle ("engagiert"), no finite verb: no "Y, sagte X" content
    text = "Anna Berger, eine Anwohnerin und seit Jahren im Verein engagiert, kritisierte die Pläne der Stadt."
    quotes = rules_nlp(text)._.quotations
    assert [q.type for q in quotes] == ["reported"]
    assert _text(text, quotes[0].speaker).startswith("Anna Berger")
    assert _text(text, quotes[0].quote) == "die Pläne der Stadt"


def test_the_coordinated_acts_of_a_perfect_tense_sentence(rules_nlp):
    text = ("Die Bundesbank hat in einem Bericht über die Krise Versäumnisse ihrer Aufsicht eingeräumt "
            "und strengere Regeln für Banken angekündigt.")
    reported = _of_type(rules_nlp, text, "reported")
    assert [q.cue_lemma for q in reported] == ["einräumen", "ankündigen"]
    assert _text(text, reported[1].quote).endswith("Regeln für Banken")
    assert {_text(text, q.speaker) for q in reported} == {"Die Bundesbank"}


def test_an_ohne_zu_infinitive_is_no_content(rules_nlp):
    text = "Der Präsident hat am Montag erneut über neue Zölle gesprochen, ohne dabei konkret zu werden."
    quotes = rules_nlp(text)._.quotations
    assert not [q for q in quotes if q.type == "indirect"]


@pytest.mark.parametrize("text, act", [
    ('Die Leiterin beschreibt die Lage als ernst: "Wir haben zu wenig Personal für all die Aufgaben."',
     "die Lage als ernst"),
    ("Der Bürgermeister bestätigte ebenfalls ein fast leeres Rathaus: „Es war wirklich sehr, sehr ruhig.“",
     "ebenfalls ein fast leeres Rathaus"),
])
def test_a_speech_act_before_a_quote_is_a_claim_of_its_own(rules_nlp, text, act):
    quotes = rules_nlp(text)._.quotations
    assert sorted(q.type for q in quotes) == ["direct", "reported"]
    reported = next(q for q in quotes if q.type == "reported")
    assert _text(text, reported.quote) == act
    assert reported.rule == "reported+quote"  # WikiNews scoring takes it for the quote's frame


@pytest.mark.parametrize("text", [
    "Er sagte dem Spiegel: „Es war wirklich sehr, sehr ruhig.“",
    "Der Minister sagte am Montag in Berlin: „Es war wirklich sehr, sehr ruhig.“",
])
def test_a_frame_before_a_colon_is_no_speech_act_of_its_own(rules_nlp, text):
    assert [q.type for q in rules_nlp(text)._.quotations] == ["direct"]


def test_a_speech_act_in_a_relative_clause_is_the_antecedents(rules_nlp):
    text = "Unterstützung bekommt sie von Generalsekretär Peter Maier, der ihre Amtsführung verteidigte."
    reported = _of_type(rules_nlp, text, "reported")
    assert [_text(text, q.quote) for q in reported] == ["ihre Amtsführung"]
    assert "Peter Maier" in _text(text, reported[0].speaker)


def test_a_speech_act_in_a_subordinate_clause_reports_only_that_clause(rules_nlp):
    text = "Die Firma stellte ein neues Produkt vor, während der Verband seine Kritik an dem Gesetz bekräftigte."
    reported = _of_type(rules_nlp, text, "reported")
    assert [_text(text, q.quote) for q in reported] == ["seine Kritik an dem Gesetz"]
    assert _text(text, reported[0].speaker) == "der Verband"


def test_von_sich_weisen_is_a_rejection(rules_nlp):
    text = "Der Konzern weist die Vorwürfe von sich."
    reported = _of_type(rules_nlp, text, "reported")
    assert [(q.cue_lemma, _text(text, q.quote)) for q in reported] == [("zurückweisen", "die Vorwürfe")]


def test_a_relative_clause_after_the_subject_does_not_hide_the_konjunktiv(rules_nlp):
    text = "Die Forscherin sagte, viele der Gerüchte, die jetzt wieder kursieren, hätten eine lange Geschichte."
    indirect = _of_type(rules_nlp, text, "indirect")
    assert [_text(text, q.quote) for q in indirect] == [
        "viele der Gerüchte, die jetzt wieder kursieren, hätten eine lange Geschichte"]


@pytest.mark.parametrize("text, cue, content", [
    ("Im Keller wurde gelagert, was sonst knapp war, erzählt ein früherer Koch.", "erzählen",
     "Im Keller wurde gelagert, was sonst knapp war"),
    ("Die Ärztin rät daher, die Werte regelmäßig zu überwachen.", "raten", "die Werte regelmäßig zu überwachen"),
])
def test_telling_and_advising_are_speech_verbs(rules_nlp, text, cue, content):
    quotes = rules_nlp(text)._.quotations
    assert [(q.cue_lemma, _text(text, q.quote)) for q in quotes] == [(cue, content)]


def test_an_article_opening_the_next_sentence_is_no_frame_of_the_quote(rules_nlp):
    text = ('„Wir hatten uns damals verliebt, aber das durfte niemand wissen.“ '
            'Das Theater erzählt diese und viele andere Geschichten.')
    direct = _of_type(rules_nlp, text, "direct")
    assert len(direct) == 1 and direct[0].rule != "direct+next-frame" and not direct[0].speaker


def test_a_konjunktiv_sentence_after_a_lead_sentence_is_its_speakers(rules_nlp):
    text = ("Auf hundert Seiten hat die Europäische Zentralbank die Krise analysiert und Mängel der Aufsicht festgestellt. "
            "Künftig müsse man Risiken schneller erkennen.")
    runs = [q for q in rules_nlp(text)._.quotations if q.rule == "konjunktiv"]
    assert len(runs) == 1 and "Europäische Zentralbank" in _text(text, runs[0].speaker)


def test_a_laut_phrase_ends_before_the_next_article(rules_nlp):
    text = "Strengere Regeln hätten laut Fed die Widerstandsfähigkeit der Bank verbessert."
    q = next(q for q in rules_nlp(text)._.quotations if q.rule == "source:laut")
    assert _text(text, q.speaker) == "Fed"


def test_a_relative_clause_after_the_speaker_is_no_content(rules_nlp):
    text = ("Bei dem Angriff seien zwei Menschen getötet worden, meldete das Ministerium, das ebenfalls unter "
            "der Kontrolle der Miliz steht.")
    quotes = rules_nlp(text)._.quotations
    assert [_text(text, q.quote) for q in quotes] == ["Bei dem Angriff seien zwei Menschen getötet worden"]
    assert _text(text, quotes[0].speaker).startswith("das Ministerium")


def test_the_holder_of_a_speech_noun_is_its_genitive_not_the_phrase_around_it(rules_nlp):
    text = "Empört sind die Verbände über die Forderung der Landesregierung, dass alle länger arbeiten sollten."
    q = next(q for q in rules_nlp(text)._.quotations if q.rule == "indirect+noun")
    assert _text(text, q.speaker) == "der Landesregierung"


def test_a_speech_noun_that_no_one_holds_names_no_speaker(rules_nlp):
    # the subject is the speech noun itself: what is left of it ("die") names no one
    text = "Zwar besteht die Befürchtung, dass die Kosten weiter steigen."
    q = next(q for q in rules_nlp(text)._.quotations if q.rule == "indirect+noun")
    assert not q.speaker or "Befürchtung" not in _text(text, q.speaker)


def test_an_adverb_and_a_year_opening_the_sentence_are_no_speaker(rules_nlp):
    text = 'Ähnlich wie in 2020 sprachen viele Nutzer in ihren Beiträgen vom Ausbruch als "Plandemie".'
    speakers = {_text(text, q.speaker) for q in rules_nlp(text)._.quotations if q.speaker}
    assert speakers and not any(s.startswith(("Ähnlich", "2020")) for s in speakers)


@pytest.mark.parametrize("text", [
    "Was ursprünglich als Gedenktag an den Waffenstillstand begann, heißt heute Veteranentag.",
    "Sollte er mehr als fünf Prozent bekommen, wäre es, wenn auch kein politischer, so doch ein ideologischer Sieg.",
    "Auch der Ausbruch löste falsche Behauptungen aus, die seit dem Beginn der Pandemie online zirkulierten.",
])
def test_no_statement_in_naming_correlative_so_or_a_relative_clause(rules_nlp, text):
    assert not [q for q in rules_nlp(text)._.quotations if q.rule != "tagger"]


def test_a_relative_pronoun_before_an_article_opens_no_content(rules_nlp):
    text = "Das erklärte Michael Barr in einem Brief, der dem über 100 Seiten langen Bericht beigefügt war."
    assert not [q for q in rules_nlp(text)._.quotations if q.rule == "indirect+cue"]


def test_a_konjunktiv_relative_clause_after_a_speech_verb_is_content(rules_nlp):
    text = "Der Präsident kündigte einen Vorschlag an, der das Abkommen untergraben werde."
    quotes = rules_nlp(text)._.quotations
    assert [_text(text, q.quote) for q in quotes] == ["der das Abkommen untergraben werde"]


def test_a_particle_written_apart_before_a_clause_final_verb_makes_the_cue():
    import spacy

    from pipeline.attribution.cues import lexicon_cue

    nlp = spacy.blank("de")
    words = ["die", "einen", "Tod", "bekannt", "gab", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, pos=["PRON", "DET", "NOUN", "ADJ", "VERB", "PUNCT"],
                           lemmas=["der", "ein", "Tod", "bekannt", "geben", "."],
                           sent_starts=[True, False, False, False, False, False])
    assert lexicon_cue(doc[4]) == "bekanntgeben"


@pytest.mark.parametrize("text, speaker, content", [
    ("Und er sieht noch einen Vorteil: Die Patienten seien viel weniger aufs Essen fixiert.", "er",
     "Die Patienten seien viel weniger aufs Essen fixiert"),
    ("Die Forscherin nennt zwei Bedingungen: Erstens, müsse das System einfach sein.", "Die Forscherin",
     "Erstens, müsse das System einfach sein"),
])
def test_a_konjunktiv_clause_after_a_colon_belongs_to_the_subject_before_it(rules_nlp, text, speaker, content):
    quotes = rules_nlp(text)._.quotations
    assert [(_text(text, q.speaker), _text(text, q.quote)) for q in quotes] == [(speaker, content)]


def test_an_indicative_clause_after_a_colon_is_no_statement(rules_nlp):
    assert rules_nlp("Das Wetter war so: Es regnete den ganzen Tag.")._.quotations == []


def test_a_source_phrase_before_a_colon_keeps_the_konjunktiv_after_it(rules_nlp):
    text = "Nach Ansicht von Lang hat die Präsidentin eine besondere Rolle: Sie müsse das Land als Ganzes vertreten."
    quotes = rules_nlp(text)._.quotations
    assert quotes and all("Lang" in _text(text, q.speaker) for q in quotes)


@pytest.mark.parametrize("text, speaker", [
    ("Im Wasser des Sees sind nach jüngsten Untersuchungen verbotene Chemikalien gefunden worden.", "jüngsten Untersuchungen"),
    ("Die Oppositionsparteien kommen laut vorläufigem Ergebnis auf 194 Sitze.", "Ergebnis"),
])
def test_source_phrases_with_plural_nouns_and_participle_adjectives(rules_nlp, text, speaker):
    q = next(q for q in rules_nlp(text)._.quotations if q.rule.startswith("source:"))
    assert _text(text, q.speaker).endswith(speaker)


@pytest.mark.parametrize("text,speaker", [
    ("Die Lage sei ernst, befand der Minister.", "der Minister"),
    ("Die Kinder hätten lieber ausgeschlafen, schmunzelte die Bürgermeisterin.", "die Bürgermeisterin"),
    # Konjunktiv II too, also a form the tagger took for a noun after a sentence-initial "Der"
    ("Der müsste dann in das neue System eingebunden werden, befand er.", "er"),
    ("Das Geld könnte bald knapp werden, mahnte die Kämmerin.", "die Kämmerin"),
])
def test_any_verb_after_a_konjunktiv_clause_with_only_its_subject_frames_it(rules_nlp, text, speaker):
    quotes = rules_nlp(text)._.quotations
    assert [(q.type, _text(text, q.speaker), _text(text, q.quote)) for q in quotes] == \
        [("indirect", speaker, text.split(",")[0])]


def test_an_indicative_clause_before_a_verb_and_its_subject_is_no_statement(rules_nlp):
    text = "Er kam am Abend nach Hause, sah die Kinder."
    assert not [q for q in rules_nlp(text)._.quotations if q.rule == "indirect+cue"]


@pytest.mark.parametrize("text, speaker", [
    # the parser makes the noun of a fronted prepositional phrase the subject: no subject is in a PP
    ("Nicht gegen die Reform, wohl aber gegen die Sparpolitik der Regierung in Berlin sprach sich Martina Berger "
     "(SPD) aus.", "Martina Berger"),
    # the speaker after the finite auxiliary, parsed as an object or not at all
    ("Nach dem Treffen in Brüssel hat Bundeskanzler Friedrich Merz erneut über neue Zölle gesprochen.",
     "Bundeskanzler Friedrich Merz"),
    # a long apposition before the verb: the name that opens the sentence (parsed without subject or with)
    ("Anna Berger, eine weitere Betroffene und wie Paul Weber im Forum der Landeskirche engagiert, kritisierte "
     "die Reaktion der Kirchenleitung auf die Studie.", "Anna Berger"),
])
def test_reported_speech_finds_its_speaker_where_the_parse_misleads(rules_nlp, text, speaker):
    q = _of_type(rules_nlp, text, "reported")[0]
    assert _text(text, q.speaker).startswith(speaker)


def test_a_paraphrase_with_quoted_words_is_one_row_and_a_nested_wikinews_quote(rules_nlp):
    """The schema's mixed case: the quoted fragment is inside the paraphrase's row (as
    `fragment_spans`), not a row of its own; the WikiNews scoring makes it the nested direct
    quote its annotators mark, with the paraphrase's speaker."""
    from pipeline.emit import claim_rows
    from pipeline.evaluate import predicted_items

    text = "Die Ministerin sagte, die Opposition habe „immer nur polarisiert und gespalten“."
    fragment = (text.index("„"), text.index("“") + 1)
    rows = claim_rows(rules_nlp(text))
    assert [r["quote_type"] for r in rows] == ["indirect"]
    assert [(s["start"], s["end"]) for s in rows[0]["fragment_spans"]] == [fragment]
    gold, words = _gold_of(text, r"\w+|[„“]")
    items = predicted_items(gold, rows)
    assert [item.type for item in items] == ["indirect", "direct"]
    nested = items[1]
    assert {words[k] for k in nested.parts["quote"]} == {w for w in words if fragment[0] <= w[0] < fragment[1]}
    assert nested.parts["speaker"] == items[0].parts["speaker"] and nested.parts["speaker"]


def test_a_speech_act_coordinated_before_a_statement_is_a_claim_of_its_own(rules_nlp):
    from pipeline.emit import claim_rows
    from pipeline.evaluate import predicted_items

    text = "Der Verband begrüßt die Änderungen grundsätzlich und verweist darauf, dass die Kosten steigen."
    doc = rules_nlp(text)
    quotes = doc._.quotations
    assert [(q.type, q.rule) for q in quotes] == [("reported", "reported+statement"), ("indirect", "indirect+cue")]
    assert _text(text, quotes[0].quote) == "die Änderungen grundsätzlich"
    assert _text(text, quotes[0].speaker) == _text(text, quotes[1].speaker) == "Der Verband"
    # the WikiNews annotators mark the act as the statement's frame: one item
    gold, words = _gold_of(text)
    assert [item.type for item in predicted_items(gold, claim_rows(doc))] == ["indirect"]


def test_a_speech_act_participle_with_its_agent_before_a_noun_is_reported_speech(rules_nlp):
    text = "Für die von Pistorius angekündigte Kriegstüchtigkeit ist das mindestens so wichtig."
    q = _of_type(rules_nlp, text, "reported")[0]
    # the agent speaks, not the whole phrase ("Der von der Hamas kontrollierte Zivilschutz" is a
    # speaker of its own: there the participle is no speech act)
    assert (_text(text, q.speaker), q.cue_lemma, _text(text, q.quote)) == ("Pistorius", "ankündigen", "Kriegstüchtigkeit")
    text = "Der von der Hamas kontrollierte Zivilschutz kritisierte die Angriffe."
    q = _of_type(rules_nlp, text, "reported")[0]
    assert _text(text, q.speaker) == "Der von der Hamas kontrollierte Zivilschutz"


def test_the_speech_act_nearest_the_colon_frames_a_reported_claim_before_the_quote(rules_nlp):
    # "lachte" has no object; "berichtete" in the relative clause has a topic after an adverb
    text = ("„Die Jüngeren haben lieber ausgeschlafen“, lachte Anna Müller, die ansonsten von einem ruhigen "
            "Morgen berichtete: „Es war wirklich sehr ruhig in der Schule.“")
    q = _by_rule(rules_nlp, text, "reported+quote")
    assert (q.cue_lemma, _text(text, q.speaker)) == ("berichten", "Anna Müller")
    assert _text(text, q.quote).endswith("von einem ruhigen Morgen")


@pytest.mark.parametrize("text, paraphrase", [
    # a source phrase carries the quoted words of its sentence: one paraphrase, the quote inside it
    ("Das Buch ist laut einem Jury-Mitglied eine „kluge und komische Geschichte über das Nicht-Überleben“.",
     "Das Buch ist laut einem Jury-Mitglied eine „kluge und komische Geschichte über das Nicht-Überleben“"),
    ("Die Lage ist nach Angaben der Helfer „außer Kontrolle geraten“, und die Vorräte gehen zur Neige.",
     "Die Lage ist nach Angaben der Helfer „außer Kontrolle geraten“, und die Vorräte gehen zur Neige"),
    # a quote that its source interrupts is no paraphrase
    ("„Wir sind auf alles vorbereitet“, hieß es laut Polizei, „und wir bleiben ruhig.“", None),
])
def test_a_source_phrase_around_quoted_words_is_one_paraphrase(rules_nlp, text, paraphrase):
    quotes = rules_nlp(text)._.quotations
    indirect = [text[q.start:q.end] for q in quotes if q.type == "indirect"]
    assert indirect == ([paraphrase] if paraphrase else [])
    if paraphrase:
        assert [q.rule for q in quotes if q.type == "direct"] == ["direct+nested"]


def test_a_person_noun_tagged_as_an_adjective_can_be_the_speaker(rules_nlp):
    # the tagger calls "Senatssprecher" an adjective here; it is the subject all the same
    text = "Der Senatssprecher Tom Weber kritisierte den harten Kurs der Gewerkschaft."
    reported = _of_type(rules_nlp, text, "reported")
    assert [_text(text, q.speaker) for q in reported] == ["Der Senatssprecher Tom Weber"]


@pytest.mark.parametrize("text, speaker", [
    # the clause after "die Frage (eines X)" is the question, asked by X, not said by the frame's subject
    ("„Ein wenig, ja“, sagte der General auf die Frage der Nachrichtenagentur Reuters, ob das Risiko eines "
     "Krieges abgenommen habe.", "der Nachrichtenagentur Reuters"),
    ("Die Ministerin sagte auf die Frage eines Journalisten, ob die Steuern steigen würden: „Das entscheiden wir "
     "im Herbst.“", "eines Journalisten"),
    # fronted before the answer's frame; without a holder, asked by no one the text names
    ("Auf die Frage eines Journalisten, ob die Steuern steigen würden, sagte die Ministerin: „Das entscheiden "
     "wir im Herbst.“", "eines Journalisten"),
    ("Auf die Frage, ob die Steuern steigen würden, sagte die Ministerin: „Das entscheiden wir im Herbst.“", ""),
])
def test_a_question_is_asked_by_its_holder(rules_nlp, text, speaker):
    asked = [q for q in _of_type(rules_nlp, text, "indirect") if text[q.start:q.end].startswith("ob")]
    assert [(_text(text, q.cue), _text(text, q.speaker)) for q in asked] == [("Frage", speaker)]


def test_a_question_whose_asker_is_not_named_gets_no_guessed_speaker(nlp):
    text = ("Karoline Leavitt sprach am Mittwoch. Auf die Frage, ob es um Öl gehe, sagte Leavitt: „Der Präsident "
            "hat einen neuen Ansatz gewählt.“")
    asked = [q for q in nlp(text)._.quotations if text[q.start:q.end].startswith("ob")]
    assert [(q.speaker, q.speaker_canonical) for q in asked] == [([], None)]


def test_a_relative_clause_the_tagger_opens_with_an_article_is_no_content(rules_nlp):
    # "die/DET geplant wurde" qualifies "Pandemie"; what was said is the reported act around the quote
    text = "Nutzer sprachen vom Ausbruch als „Plandemie“ – also eine Pandemie, die geplant wurde."
    assert _of_type(rules_nlp, text, "indirect") == []
    assert [_text(text, q.quote).split()[0] for q in _of_type(rules_nlp, text, "reported")] == ["vom"]


@pytest.mark.parametrize("text, speaker, content", [
    # after the verb, the topic of "sprechen von" is no part of the speaker, whatever the parse hangs it on
    ("Insgesamt spricht die Polizei von weniger Auseinandersetzungen als im Vorjahr.", "die Polizei",
     "von weniger Auseinandersetzungen als im Vorjahr"),
    ("Am Abend sprachen viele Nutzer von einer geplanten Krise.", "viele Nutzer", "von einer geplanten Krise"),
])
def test_the_topic_of_sprechen_is_no_part_of_the_speaker(rules_nlp, text, speaker, content):
    reported = _of_type(rules_nlp, text, "reported")
    assert [(_text(text, q.speaker), _text(text, q.quote)) for q in reported] == [(speaker, content)]


def test_a_fronted_adverbial_clause_is_no_content(rules_nlp):
    # the verb before the frame lies in the "als" clause: nothing was said there
    text = "Ähnlich wie im Jahr 2020, als ein Film falsche Informationen verbreitete, sprachen viele Nutzer von einer Krise."
    assert _of_type(rules_nlp, text, "indirect") == []


@pytest.mark.parametrize("text, cue", [
    ("Der Minister verwies darauf, dass die Lage ernst sei.", "verwies darauf"),
    ("Der Experte geht davon aus, dass die Preise weiter steigen.", "geht davon aus"),
    ("In der Erklärung heißt es, die Lage sei ernst.", "heißt es"),
    ("Die Ministerin äußerte sich zufrieden: „Wir haben viel erreicht.“", "äußerte sich"),
    ("Er wird mit den Worten zitiert: „Wir haben viel erreicht.“", "wird mit den Worten zitiert"),
    ("Die Firma gab am Montag bekannt, dass 200 Stellen wegfallen.", "gab bekannt"),
    # an adverb about what was said before is no part of the cue, nor the "Wie" of its clause
    ("Der Minister sagte dazu, die Lage sei ernst.", "sagte"),
    ("Wie die Polizei mitteilte, wurde der Täter am Abend gefasst.", "mitteilte"),
])
def test_the_cue_holds_the_words_of_its_use(rules_nlp, text, cue):
    q, _ = _only(rules_nlp, text)
    assert _text(text, q.cue) == cue


def test_the_speaker_linker_measures_from_the_verb_chain(rules_nlp):
    from pipeline.attribution.cues import verb_chain
    from pipeline.quotation import tokens_at

    text = "Der Minister verwies am Montag darauf, dass die Lage ernst sei."
    doc = rules_nlp(text)
    q = doc._.quotations[0]
    assert [t.text for t in verb_chain(tokens_at(doc, q.cue))] == ["verwies"]


@pytest.mark.parametrize("text, addressee", [
    ("Die Gewerkschaft forderte die Regierung auf, die Steuern zu senken.", "die Regierung"),
    ("Die Gewerkschaft forderte ihn auf, die Steuern zu senken.", "ihn"),
    # a thing is criticised, not spoken to
    ("Die Gewerkschaft kritisierte die Entscheidung: „Das ist ein Skandal.“", ""),
])
def test_only_someone_is_addressed_by_an_object(rules_nlp, text, addressee):
    q = next(q for q in rules_nlp(text)._.quotations if q.type != "reported")
    assert _text(text, q.addressee) == addressee


@pytest.mark.parametrize("text, speaker, addressee", [
    # far from the cue, after a long apposition
    ("So sagte der für die Region zuständige Koordinator für Naturkatastrophen, Deftalgne Tessema, gegenüber "
     "der BBC, dass nur 14 Motorboote im Einsatz seien.", None, "der BBC"),
    ("„In 20 Jahren werden sie in Oslo sein“, sagte er in einem Interview mit der Financial Times.", "er",
     "der Financial Times"),
    # the one spoken to is never the speaker; a quoted name is a medium, not a quotation
    ("Gegenüber Spiegel Online berichtete Michael Gordon davon, dass er den Sprecher angerufen habe.",
     "Michael Gordon", "Spiegel Online"),
    ('Die Siedler hätten mehrere Häuser angegriffen, erklärte der Dorfratsvorsitzende gegenüber "Wafa".',
     "der Dorfratsvorsitzende", '"Wafa"'),
    # a medium named by its kind
    ("Ein Sprecher der Polizei sagte gegenüber der Presse, der Täter sei geflohen.", None, "der Presse"),
    ("„Da werden wir in dieser Serie mit Niederlagen bestraft“, sagte Thomas Tuchel in einem Interview mit der "
     "Sportschau.", "Thomas Tuchel", "der Sportschau"),
    # a comparison is no addressee
    ("Die Preise seien gegenüber dem Vorjahr gestiegen, sagte der Minister.", "der Minister", ""),
])
def test_whom_it_was_said_to_after_gegenueber_or_in_an_interview(rules_nlp, text, speaker, addressee):
    quotes = rules_nlp(text)._.quotations
    assert len(quotes) == 1
    if speaker is not None:
        assert _text(text, quotes[0].speaker) == speaker
    assert _text(text, quotes[0].addressee) == addressee


@pytest.mark.parametrize("text, cue, speaker", [
    ("Der Experte vertritt die Ansicht, dass die Preise weiter steigen werden.", "vertritt die Ansicht", "Der Experte"),
    ("Die Ministerin ist der Meinung, dass die Steuern sinken müssen.", "ist der Meinung", "Die Ministerin"),
    ("Das Gericht hatte eine deutliche Mahnung an die Politik ausgesprochen, die Gesetze zu ändern.",
     "hatte eine deutliche Mahnung ausgesprochen", "Das Gericht"),
])
def test_a_speech_noun_cue_holds_its_verb_and_article(rules_nlp, text, cue, speaker):
    q = _by_rule(rules_nlp, text, "indirect+noun")
    assert (_text(text, q.cue), _text(text, q.speaker)) == (cue, speaker)


def test_the_speaker_linker_measures_from_a_noun_cue_alone(rules_nlp):
    from pipeline.attribution.cues import verb_chain
    from pipeline.quotation import tokens_at

    text = "Der Experte vertritt die Ansicht, dass die Preise weiter steigen werden."
    doc = rules_nlp(text)
    q = next(q for q in doc._.quotations if q.rule == "indirect+noun")
    assert [t.text for t in verb_chain(tokens_at(doc, q.cue))] == ["Ansicht"]
