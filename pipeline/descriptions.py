"""Unnamed speakers: the words that describe one ("ein Polizeisprecher", "Angaben der Polizei"
-> "Polizei"), and whose a source phrase is ("nach eigenen Angaben", "nach seiner Meinung").

The speaker resolver (`resolve.py`) turns to these where a mention holds no name it knows.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import lexicon
from .german.clauses import antecedent
from .german.inflection import nominative, noun_gender
from .german.labels import is_root, is_subject
from .german.phrases import full_mention
from .german.time_phrases import date_phrase_start, is_date_word
from .german.words import RELATIVE_PRONOUNS
from .names import is_person_noun
from .speaker_roles import BODY_NOUNS, GENERIC_ORGANISATION_NOUNS
from .verbforms import is_cue_verb_form

# source nouns that name no one on their own ("Medienberichten", "palästinensischen Angaben" do:
# that is how the realnews-dev annotators name such speakers)
UNNAMED_SOURCES = {"angaben", "informationen", "berichten", "bericht", "meldungen", "erkenntnissen", "schätzungen",
                   "recherchen"}


def description(words: list[Token]) -> str | None:
    """An unnamed speaker as the words that describe it: a source phrase gives its holder
    ("Angaben der Polizei" -> "Polizei"), and the description ends before a verb or a date
    that a misparse glued on ("US-Behörden meldeten Anfang November" -> "US-Behörden"). None
    for a bare source noun, a pronoun or an adverb: the claims schema never names them."""
    source = next((k for k, t in enumerate(words) if lexicon.is_source_noun(t.lower_)), None)
    if source is not None:
        # (a bare source stays as it is: "palästinensischen Angaben", "Medienberichten" are how
        # the realnews-dev annotators name such a speaker; see NOTES.md)
        words = _holder(words[source + 1:]) or words
    end = next((k for k, t in enumerate(words) if k > 0 and (t.pos_ in {"VERB", "AUX"} or is_cue_verb_form(t)
                                                           or is_date_word(t)
                                                           or _opens_relative_clause(words, k))), len(words))
    if end < len(words) and is_date_word(words[end]):  # "Ersten Angaben vom gestrigen Mittwoch": the whole date goes
        end = date_phrase_start(words[:end + 1]) or end
    words = words[:end]
    while words and (words[-1].is_punct or words[-1].pos_ in {"ADP", "DET", "CCONJ"}):
        words = words[:-1]
    if not words or (len(words) == 1 and words[0].lower_ in UNNAMED_SOURCES):
        return None  # "Berichten zufolge", "nach Angaben", "Informationen vom späten Abend": nobody named
    if len(words) == 1 and (words[0].pos_ in {"PRON", "DET"} or words[0].lower_ in lexicon.SOURCE_ADVERBS
                            or words[0].lower_.startswith(("letzter", "ersterer", "erstere"))):
        return None  # "beide", "niemand", "Demnach", "so letztere" left unresolved: no name
    phrase = list(words[0].doc[words[0].i:words[-1].i + 1])
    # in the nominative ("Angaben des Konzerns" -> "Konzern", "eines Journalisten" -> "ein
    # Journalist"); where its form is not known, a genitive at least without its article
    if (named := nominative(phrase)) is not None:
        return named
    if len(phrase) > 1 and phrase[0].lower_ in {"eines", "einer", "des"} and phrase[1].pos_ in {"NOUN", "ADJ"}:
        phrase = phrase[1:]
    return phrase[0].doc[phrase[0].i:phrase[-1].i + 1].text


def _opens_relative_clause(words: list[Token], k: int) -> bool:
    """", deren Ergebnisse …": a comma before a relative pronoun ends a description."""
    token = words[k]
    return token.lower_ in RELATIVE_PRONOUNS | {"die", "das"} and token.i > 0 and token.doc[token.i - 1].text == ","


def _holder(after: list[Token]) -> list[Token]:
    """The genitive or von-phrase after a source noun ("des Gesundheitsministeriums", "von der
    Polizei"); nothing for a date ("von Montagabend") or a relative clause (", deren …")."""
    # "Berichten südkoreanischer und amerikanischer Quellen": a genitive without article
    linked = bool(after) and after[0].pos_ == "ADJ" and after[0].lower_.endswith("er") and any(
        t.pos_ in {"NOUN", "PROPN"} for t in after)
    k = 0
    while k < len(after) and (after[k].pos_ in {"DET", "ADP"} and not after[k].is_punct):
        linked = linked or after[k].lower_ in {"von", "vom", "des", "der", "eines", "einer"}
        k += 1
    holder = after[k:]
    if not (linked and k == 0):  # (the article-less genitive runs over its commas)
        cut = next((j for j, t in enumerate(holder) if t.is_punct), len(holder))
        holder = holder[:cut]
    date = date_phrase_start(holder)  # "der Stadtverwaltung vom gestrigen Dienstagabend"
    holder = holder[:date] if date is not None else holder
    if not linked or not holder or any(is_date_word(t) for t in holder):
        return []
    return holder


POSSESSIVES = {"sein", "seine", "seiner", "seinen", "seinem", "seines", "ihr", "ihre", "ihrer", "ihren", "ihrem", "ihres"}


def owned_source(words: list[Token]) -> Token | None:
    """'nach seiner Meinung', 'Laut ihren Aussagen', 'Seiner Darstellung zufolge': the possessive
    of a source phrase, which stands for its speaker as "er" or "sie" would. None otherwise
    ("ihr Anwalt" is somebody else)."""
    if len(words) < 2 or words[0].lower_ not in POSSESSIVES or any(t.pos_ != "ADJ" for t in words[1:-1]):
        return None
    noun = words[-1].lower_
    return words[0] if lexicon.is_source_noun(noun) or noun.startswith(lexicon.NOUN_CUES) else None


def own_source_subject(mention: Span) -> list[Token] | None:
    """'Die Feuerwehr hat nach eigenen Angaben …', 'Nach eigenen Angaben erhielt das Bundesamt …':
    the sentence's subject, who speaks for itself. None where the mention is no such phrase or
    the sentence has no subject outside it."""
    words = [t.lower_ for t in mention]
    if not any(w.startswith("eigen") for w in words) or not any(lexicon.is_source_noun(w) for w in words):
        return None
    subject = next((t for t in mention.sent if not mention.start <= t.i < mention.end and is_subject(t)
                    and t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    return full_mention([subject]) if subject is not None else None


RELATIVE_SPEAKERS = {"das", "welches"}  # ("der", "die" may also stand for a person named before: see resolve)


def relative_antecedent(token: Token) -> list[Token]:
    """'Ägypten, das vorschlug, …', 'Ein Gesetz, das vorsieht, dass …': a neuter relative pronoun
    right after a noun's comma stands for that noun."""
    return antecedent(token) if token.lower_ in RELATIVE_SPEAKERS else []


def previous_subject(mention: Span) -> list[Token] | None:
    """'Die Staatsanwaltschaft hat das Ergebnis bekannt gegeben. Demnach …': the subject of the
    sentence before, whom "demnach" points back to."""
    subject = _previous_subject_head(mention)
    return full_mention([subject]) if subject is not None else None


# a singular pronoun -> the gender of the body it may stand for
PRONOUN_GENDERS = {"sie": "Fem", "er": "Masc", "es": "Neut"}
SPEAKING_BODIES = tuple(GENERIC_ORGANISATION_NOUNS | BODY_NOUNS) + ("bundeswehr", "militär", "feuerwehr", "kommando",
                                                                     "zeitung")


def body_before(pronoun: Token) -> list[Token] | None:
    """'Die israelische Armee sei … vorgegangen. Sie erklärte …': a subject pronoun that agrees
    with the organisation the sentence before is about stands for it (where no person agrees:
    the resolver asks this after the persons)."""
    gender = PRONOUN_GENDERS.get(pronoun.lower_)
    if gender is None or not is_subject(pronoun) or "Plur" in pronoun.morph.get("Number") \
            or "Plur" in pronoun.head.morph.get("Number"):
        return None
    head = _previous_subject_head(pronoun.doc[pronoun.i:pronoun.i + 1])
    if head is None or any(t.pos_ == "PRON" and is_subject(t) and is_root(t.head) for t in head.sent):
        return None  # ("Er war zu Gast beim Klimakongress. Dabei bezeichnete er …": the pronoun's chain)
    if is_person_noun(head) or head.morph.get("Number") == ["Plur"] \
            or noun_gender(head.lemma_ if head.pos_ == "NOUN" else head.text) != gender:
        return None
    speaks = head.ent_type_ == "ORG" or (head.pos_ == "NOUN" and head.lemma_.lower().endswith(SPEAKING_BODIES))
    return full_mention([head]) if speaks else None


def group_before(pronoun: Token) -> list[Token] | None:
    """'Die Eisenbahner … sind unzufrieden. Sie fordern …': a plural subject "sie" stands for the
    people or bodies the sentence before is about, where that sentence's subject is plural and
    names persons or bodies ("Die Eisenbahner", "Aktivisten der Umweltorganisation Greenpeace")."""
    if pronoun.lower_ != "sie" or not is_subject(pronoun) or not (
            "Plur" in pronoun.morph.get("Number") or "Plur" in pronoun.head.morph.get("Number")):
        return None
    head = _previous_subject_head(pronoun.doc[pronoun.i:pronoun.i + 1])
    if head is None or head.morph.get("Number") != ["Plur"]:
        return None
    return full_mention([head]) if names_a_party(head) else None


def names_a_party(head: Token) -> bool:
    """A noun phrase's head that names who can speak or be spoken to: a named person or
    organisation, a person noun ("Eisenbahner") or a body ("Regierung", "Polizei")."""
    return head.ent_type_ in {"ORG", "PER"} or is_person_noun(head) or (
        head.pos_ == "NOUN" and head.lemma_.lower().endswith(SPEAKING_BODIES))


def _previous_subject_head(mention: Span) -> Token | None:
    doc, end = mention.doc, mention.sent.start
    while end > 0 and doc[end - 1].is_space:  # (a paragraph break is a "sentence" of its own)
        end -= 1
    if end == 0:
        return None
    nouns = [t for t in doc[end - 1].sent if t.pos_ in {"NOUN", "PROPN"} and is_root(t.head)]
    # the parser's subject unless its case says otherwise, else the main verb's nominative
    # ("Heute hat die Staatsanwaltschaft/obj … ein Ergebnis/nsubj … bekannt gegeben")
    return (next((t for t in nouns if is_subject(t) and not {"Acc", "Dat"} & set(t.morph.get("Case"))), None)
            or next((t for t in nouns if t.morph.get("Case") == ["Nom"]), None))
