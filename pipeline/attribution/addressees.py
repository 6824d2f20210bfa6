"""Addressees: whom a statement was made to ("gegenüber der BBC", "in einem Interview mit der
Financial Times", "sagte zur Sportschau", "appellierte an X", "warf Ertel vor", "forderte die
Regierung auf"), from the cue's sentence.
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import lexicon
from ..descriptions import names_a_party
from ..german.labels import is_accusative_object, is_dative_object
from ..german.phrases import noun_phrase, np_after
from ..german.prepositions import governed_by_preposition
from ..german.words import QUOTE_MARKS
from ..quotation import Quotation, char_spans


ADDRESSING_PREPOSITIONS = {"gegenüber"}


def spoken_to(phrase: list[Token]) -> bool:
    """A phrase after "gegenüber" (with at most its article and adjectives between) names whom
    someone spoke to ("gegenüber der BBC", "Gegenüber dem „Tagesspiegel“"), never the speaker."""
    doc = phrase[0].doc
    k = phrase[0].i - 1
    while k >= 0 and (doc[k].pos_ in {"DET", "ADJ"} or doc[k].text in QUOTE_MARKS) and phrase[0].i - k <= 3:
        k -= 1
    return k >= 0 and doc[k].lower_ in ADDRESSING_PREPOSITIONS


def fill_addressee(q: Quotation, cue: Token) -> None:
    """Who was spoken to: 'gegenüber dem „Tagesspiegel“', 'vor Journalisten', 'sagte zur
    Sportschau', 'appellierte an X', a dative object ('warf Ertel vor'), or the accusative
    object of verbs such as 'auffordern' or 'kritisieren'."""
    clause = list(cue.sent)
    speaker = {i for s, e in q.speaker for i in range(s, e)}
    quoted = {i for s, e in q.quote for i in range(s, e)}
    lemma = q.cue_lemma or cue.lemma_.lower()
    for k, t in enumerate(clause):
        if t.idx in quoted:
            continue
        np = []
        if t.lower_ == "gegenüber" or (t.lower_ == "mit" and k and clause[k - 1].lower_.startswith(CONVERSATIONS)):
            # anywhere in the frame: "sagte …, gegenüber der BBC", "in einem Interview mit der Financial Times"
            np = np_after(clause, k + 1)
            # (a quoted name is a medium too: 'gegenüber „Wafa“')
            np = np if any((w.pos_ in {"NOUN", "PROPN"} and (can_be_addressed(w) or _medium(w)))
                           or w.text in QUOTE_MARKS for w in np) else []
            if np:  # (never the speaker, whose span may still run over it here)
                closing = np[-1].nbor(1) if np[-1].i + 1 < len(np[-1].doc) else None
                if np[0].text in QUOTE_MARKS and closing is not None and closing.text in QUOTE_MARKS:
                    np = np + [closing]  # the quoted name whole: '„Wafa“'
                q.addressee = char_spans(np)
                return
        elif abs(t.i - cue.i) > 12:
            continue
        elif t.lower_ == "vor" and k + 1 < len(clause):
            np = np_after(clause, k + 1)
            np = np if any(w.lower_.startswith(lexicon.AUDIENCE_NOUNS) for w in np) else []
        elif t.lower_ in lexicon.ADDRESSEE_PREPOSITIONS and lemma in lexicon.ADDRESSEE_PREPOSITIONS[t.lower_] and t.i > cue.i:
            np = np_after(clause, k + 1)
        if np and np[0].idx not in speaker:
            q.addressee = char_spans(np)
            return
    for child in cue.children:
        if child.idx in speaker or child.pos_ not in {"NOUN", "PROPN", "PRON"}:
            continue
        dative = (is_dative_object(child) and (_dative_form(child) or child.pos_ == "PROPN")) or _dative_by_form(child)
        addressed = is_accusative_object(child) and lemma in lexicon.ADDRESSEE_OBJECT_VERBS and can_be_addressed(child)
        if dative or addressed:
            q.addressee = char_spans(noun_phrase(child))
            return


ADDRESSED_PRONOUNS = {"ihn", "sie", "ihm", "ihr", "ihnen", "uns", "euch", "mich", "dich"}


def can_be_addressed(head: Token) -> bool:
    """Someone who can be urged, warned or criticised: a name, a person, a body or a personal
    pronoun ("kritisierte die Regierung", "forderte ihn auf"); not a thing ("kritisierte die
    Entscheidung", "bezeichnete diese Lösung als Irrweg")."""
    if head.pos_ == "PRON":
        return head.lower_ in ADDRESSED_PRONOUNS
    return head.pos_ == "PROPN" or names_a_party(head)


# media a statement is given to: "gegenüber der Presse", "dem Onlinedienst space.com", "mit der Sportschau"
MEDIA_NOUNS = ("presse", "medien", "sender", "dienst", "schau", "magazin", "portal", "blatt", "zeitung", "radio",
               "fernsehen", "kurier", "rundfunk", "nachrichten", "ausgabe", "agentur", "programm", "netzwerk")


def _medium(head: Token) -> bool:
    return head.lower_.endswith(MEDIA_NOUNS) or head.lemma_.lower().endswith(MEDIA_NOUNS)


CONVERSATIONS = ("interview", "gespräch", "telefonat")  # "in einem Interview mit …"
FEMININE_DATIVE_ARTICLES = {"der", "einer"}  # also genitive: the morphologizer may guess either
DATIVE_DETERMINERS = {"dem", "einem", "diesem", "jenem"}
DATIVE_PRONOUNS = {"ihm", "ihr", "ihnen", "mir", "uns"}


def _dative_by_form(token: Token) -> bool:
    """'sagte dem Fernsehsender Al Jazeera', 'sagte Müller der Zeitung', 'sagte ihm': a dative
    that the parser attached to the verb under another label (a subject, an oblique), known by
    its article or its form; not inside a prepositional phrase ("zufolge", "nach")."""
    if governed_by_preposition(token) or any(c.pos_ == "ADP" for c in token.children):
        return False  # (also a postposition: "Dem Bericht zufolge")
    if token.pos_ == "PRON":
        return token.lower_ in DATIVE_PRONOUNS
    articles = [c for c in token.children if c.pos_ == "DET" and c.i < token.i]
    # ("der"/"einer" also open a genitive, and a possessive one: "versicherte Russland seiner Unterstützung")
    return any(a.lower_ in DATIVE_DETERMINERS or (a.lower_ in FEMININE_DATIVE_ARTICLES and token.morph.get("Case") == ["Dat"])
               for a in articles)


def _dative_form(token: Token) -> bool:
    """Dative by the morphology, or a feminine "der"/"einer" phrase it called genitive ("riet der
    38-Jährigen": a genitive object of a speech verb hardly exists)."""
    cases = token.morph.get("Case")
    return "Dat" in cases or ("Gen" in cases and any(c.lower_ in FEMININE_DATIVE_ARTICLES for c in token.children))
