"""German word lists, each defined once: quotation marks, articles, pronouns, conjunctions, name particles.

The speech vocabulary (cue verbs, source nouns, speech-act nouns) is data learned from
WikiNews train and lives in `pipeline/lexicon.py`; this module holds closed-class words.
"""
from __future__ import annotations

# Opening mark -> the closing marks that can end it.
QUOTE_PAIRS = {"„": "“”\"", "“": "”“", "”": "”", "«": "»", "»": "«", '"': '"', "‚": "‘’", "‹": "›", "›": "‹"}

ANAPHORS = {"dies", "das", "dieses"}

RELATIVE_SOURCES = [("wonach",), ("nach", "denen"), ("denen", "zufolge"), ("dem", "zufolge"), ("laut", "denen")]

ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}

COMMENT_RELATIVES = {"wobei", "worauf", "woraufhin", "wodurch", "weshalb", "weswegen"}

OPENING_MARKS = set(QUOTE_PAIRS)
QUOTE_MARKS = OPENING_MARKS | {c for closers in QUOTE_PAIRS.values() for c in closers}  # opening or closing

# Conjunctions that open adverbial clauses (cause, time, concession, purpose): never what was said
ADVERBIAL_CONJUNCTIONS = {"da", "während", "nachdem", "weil", "als", "wenn", "obwohl", "bevor", "seit", "seitdem",
                          "sobald", "falls", "um", "indem", "damit", "ohne", "statt", "anstatt"}

CLAUSE_OPENERS = {"da", "weil", "dass", "wobei", "obwohl", "nachdem", "wenn", "als", "sodass", "die", "der", "das",
                  "dem", "den", "denen", "dessen", "deren", "welche", "welcher", "wo", "worauf", "womit", "woraufhin"}

# Relative pronouns that can be a clause's subject ("…, der ihre Amtsführung verteidigte")
RELATIVE_SUBJECTS = {"der", "die", "das", "welcher", "welche", "welches"}
RELATIVE_PRONOUNS = {"dem", "der", "den", "denen", "dessen", "deren", "welchem", "welcher", "welchen"}  # "auf dem …"

PREFIELD_LOWER_POS = {"DET", "ADJ", "ADP", "CCONJ", "NUM", "PRON", "PUNCT"}  # lowercase words a source phrase may hold

SPEAKER_LEADERS = {"ADP", "ADV", "CCONJ", "PART", "PUNCT", "SPACE"}  # "nach Angaben …", "Einzig Sony"

SOURCE_WORDS = {"laut", "nach", "gemäß", "zufolge", "wie", "so"}

NOUN_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "X", "PUNCT", "ADP"}  # what may precede the head

# Capitalised at the start of a sentence, a small parser may take these for subjects.
SENTENCE_ADVERBS = {"weiterhin", "zudem", "außerdem", "zusätzlich", "dabei", "damit", "daher", "allerdings",
                    "jedoch", "inzwischen", "bereits", "gestern", "heute", "zuletzt", "später", "zuvor", "demnach",
                    "sinngemäß", "offiziell", "ebenso", "auch", "nun", "dennoch", "trotzdem", "schließlich"}

# what a disaster "fordert": "Der Taifun forderte zwölf Todesopfer" is no demand
CASUALTY_NOUNS = {"todesopfer", "tote", "toten", "opfer", "menschenleben", "verletzte", "verletzten"}

TIME_NOUNS = {"uhr", "jahr", "jahren", "tag", "tagen", "woche", "wochen", "monat", "monaten", "montag", "dienstag",
              "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "abend", "morgen", "mittag", "nacht"}

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
            "sonntag": 6}
# Quantifiers that stand for people on their own: "Einige behaupteten …", "Viele fordern …"
QUANTIFIERS = {"einige", "viele", "manche", "andere", "mehrere", "beide", "alle", "wenige"}
DATE_WORDS = TIME_NOUNS | set(MONTHS) | set(WEEKDAYS) | {"anfang", "mitte", "ende"}  # "Anfang November"

NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "X"}

NP_LINKS = {"von", "vom", "des", "der", "dem", "den", "und", "sowie", "(", ")", "„", "“", "«", "»", "\"", "-"}

GENITIVE_DETERMINERS = {"des", "der", "eines", "einer", "dieses", "dieser", "jenes", "jener", "seines", "seiner",
                        "ihres", "ihrer", "deren", "dessen", "unseres", "unserer", "eures", "eurer"}

# Closing quotation marks (and the straight quote, which both opens and closes).
CLOSING_MARKS = {"“", "”", "\"", "»", "«"}
# What may end a noun phrase although it is punctuation: a closing bracket or quotation mark.
PHRASE_FINAL_MARKS = {")", "“", "”", "»", "«"}

INDEFINITE_ARTICLES = {"ein", "eine", "einer", "eines", "einem", "einen"}
# Articles that show a masculine accusative ("den Minister"): nominative and accusative look
# alike for all other nouns ("das Militär", "die Polizei").
MASCULINE_ACCUSATIVE_ARTICLES = {"den", "einen", "keinen", "diesen", "jenen", "jeden", "welchen"}

# Personal and demonstrative pronouns that can stand for a speaker ("sagte er").
PRONOUNS = {"er", "sie", "ihm", "ihn", "ihr", "ihnen", "dieser", "diese", "jener", "jene", "wir", "ich"}
# Personal pronouns in the nominative, which head no phrase with a name ("nannte sie Klöckner …").
PERSONAL_PRONOUNS = {"er", "sie", "es", "wir", "ich", "ihr"}
# Pronouns that name nobody: "Es gebe noch Hohlräume", "Man gehe davon aus".
GENERIC_PRONOUNS = {"es", "man"}
FIRST_PERSON = {"ich", "wir", "mir", "mich", "uns", "unser", "unsere", "unserer", "mein", "meine", "meiner"}
# A demonstrative subject is mostly a misparsed object: "Dies bekräftigte Kim".
DEMONSTRATIVES = {"dies", "das", "dieses", "diese", "es"}

# Lowercase words inside personal names ("Ursula von der Leyen", "Osama bin Laden").
NAME_PARTICLES = {"von", "van", "de", "der", "den", "al", "bin", "da", "di", "zu", "la", "le", "ibn", "d’", "d'"}

# Lowercase words inside foreign names and titles in quotation marks ("„Partij voor de Vrijheid“",
# "„Board of Governors“"); German ones are left out: "„Leib, Leben und Freiheit“" is a quoted phrase.
TITLE_PARTICLES = {"of", "the", "for", "and", "to", "against", "de", "du", "la", "le", "les", "pour", "un", "une",
                   "et", "y", "del", "di", "da", "van", "voor", "het", "en", "al", "el"}
# Nouns that introduce a name or title in quotation marks ("die Firma „…“", "unter dem Motto „…“"),
# also at the end of a compound ("die Wochenzeitung „…“", "die ARD-Fernsehserie „…“").
NAMING_NOUNS = ("titel", "namen", "name", "firma", "organisation", "zeitung", "zeitschrift", "magazin", "album",
                "film", "lied", "song", "buch", "roman", "serie", "sendung", "kategorie", "rubrik", "schiff",
                "yacht", "partei", "bewegung", "unternehmen", "sender", "motto", "produkt", "operation", "award")
# Head nouns of institutions, laws and prizes: a quoted phrase they open is a name
# ("„Rat für nationale Sicherheit“", "„Gesetz zur Änderung des Passgesetzes“"), also in compounds.
INSTITUTION_NOUNS = ("verband", "preis", "institut", "stiftung", "verein", "gesellschaft", "partei", "front",
                     "allianz", "bündnis", "komitee", "rat", "ausschuss", "initiative", "kampagne", "organisation",
                     "zentrum", "akademie", "netzwerk", "union", "liga", "kommission", "agentur", "behörde", "gesetz",
                     "abkommen", "bewegung", "koalition")

# Nouns naming what is said, never who says it ("die Vorwürfe", "die Kritik")
SAID_NOUNS = {"vorwurf", "kritik", "forderung", "behauptung", "frage", "warnung"}

# Adverbs after a frame's speaker that say the speech goes on (", so der Sprecher weiter"); tagged ADJ at times
CONTINUING_ADVERBS = {"weiter", "abschließend", "ergänzend", "zudem", "außerdem"}
