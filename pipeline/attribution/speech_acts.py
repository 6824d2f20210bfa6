"""Which uses of a speech-act verb report speech: "sprach von einer Krise" does, "sprach mit
seiner Frau" does not; "drohte mit Konsequenzen" does, "Ihm droht eine Haftstrafe" does not;
"forderte Reformen" does, "forderte zwölf Todesopfer" does not.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..german.prepositions import governed_by_preposition
from ..german.words import CASUALTY_NOUNS
from ..names import is_person_noun
from ..quotation import Quotation
from .cues import lexicon_cue

TOPIC_PREPOSITIONS = {"von", "vom", "über"}  # "berichtete von …", "sprach über …"


def says_something(cue: Token, content: list[Token], q: Quotation) -> bool:
    """Verbs that report speech only in one of their uses: "sprechen" with a topic ("sprach mit
    seiner Frau", "spricht Kantonesisch" report nothing), "drohen" with a "mit" phrase ("Ihm droht
    eine Haftstrafe" is a danger), "aufrufen" with an addressee, what to do or a cause ("rief zu
    einem Streik auf": the call is the event, which the WikiNews annotators do not mark),
    "fordern" with anything but victims ("forderte zwölf Todesopfer" reports a disaster),
    "verteidigen" a policy, not a client or a title ("verteidigte das Gelbe Trikot")."""
    lemma = lexicon_cue(cue)
    if lemma == "fordern":
        return not _claims_lives(cue)
    if lemma == "sprechen":
        return any(t.lower_ in TOPIC_PREPOSITIONS for t in content)
    if lemma == "drohen":
        return _threatens(cue)
    if lemma == "verteidigen":
        return not _defends_a_person_or_position(content)
    if lemma == "aufrufen":
        return bool(q.addressee) or _infinitive_call(content) or not _calls_to_an_event(content)
    return True


def _threatens(cue: Token) -> bool:
    """'drohte den Demonstranten mit Konsequenzen': a "mit" phrase of the verb itself ("Ihm droht
    eine Haftstrafe", "Der Frachter drohte zu zerbrechen" are dangers; a person as the subject
    does not tell them apart: "ihr drohe die gleiche Strafe" is parsed with "ihr" as one)."""
    return any(t.lower_ == "mit" and (t.head.i == cue.i or t.head.head.i == cue.i) for t in cue.subtree)


# What a team defends, not a speaker ("verteidigte das Gelbe Trikot", "ihren zweiten Platz"); a
# "Position" or an "Amtsführung" is defended in words
DEFENDED_POSITIONS = ("trikot", "titel", "platz", "tabellenführung", "vorsprung", "krone", "gürtel", "pole", "rang",
                      "meisterschaft")


def _defends_a_person_or_position(content: list[Token]) -> bool:
    """'verteidigte vor Gericht einen Mann', 'verteidigte den Angeklagten', 'verteidigte das Gelbe
    Trikot': a lawyer's or an athlete's defence, not words in defence of a policy."""
    noun = next((t for t in content if t.pos_ in {"NOUN", "PROPN", "PRON"} and not governed_by_preposition(t)), None)
    if noun is None:
        return False
    return (noun.ent_type_ == "PER" or noun.lower_ in {"ihn", "sie", "sich"} or is_person_noun(noun)
            or noun.lower_.endswith(DEFENDED_POSITIONS))


CALLED_EVENTS = ("streik", "demonstration", "demo", "kundgebung", "protest", "proteste", "protesten", "menschenkette",
                 "spende", "spenden", "boykott", "mahnwache", "marsch", "blockade", "versammlung")


def _calls_to_an_event(content: list[Token]) -> bool:
    """'zu einem Streik', 'zur Großdemonstration', 'zu Spenden': a call to an event, which the
    WikiNews annotators never mark (unlike 'zu mehr Respekt', 'zum Kampf gegen den Klimawandel')."""
    to = next((k for k, t in enumerate(content) if t.lower_ in {"zu", "zum", "zur"}), None)
    called = next((t for t in content[to:] if t.pos_ in {"NOUN", "PROPN"}), None) if to is not None else None
    return called is not None and called.lower_.endswith(CALLED_EVENTS)


def _infinitive_call(content: list[Token]) -> bool:
    """'rief dazu auf, …', 'rief auf, das Ergebnis nicht zu akzeptieren': what to do, said."""
    return any(t.lower_ == "dazu" or (t.lower_ == "zu" and t.pos_ == "PART" and t.i + 1 < len(t.doc)
                                      and t.doc[t.i + 1].pos_ in {"VERB", "AUX"}) for t in content)


TOPIC_VERBS = {"sprechen", "berichten", "reden"}  # verbs whose "von"/"über" phrase is what was said


def without_topic(speaker: list[Token], cue: Token) -> list[Token]:
    """'sprachen viele Nutzer von einer geplanten Krise', parsed with the topic under the subject:
    after the verb, a "von"/"über" phrase of a verb that takes one is the topic, not the speaker's."""
    if lexicon_cue(cue) not in TOPIC_VERBS or speaker[0].i < cue.i:
        return speaker
    cut = next((k for k, t in enumerate(speaker) if k > 0 and t.lower_ in TOPIC_PREPOSITIONS), None)
    return speaker[:cut] if cut is not None else speaker


def _claims_lives(cue: Token) -> bool:
    """'Zwölf Todesopfer forderte ein Taifun', 'hat mindestens 35 Todesopfer gefordert': "fordern"
    whose object counts victims reports a disaster, not a demand (the noun's path up to the verb
    runs over no other verb, so "forderte, die Opfer zu entschädigen" stays a demand)."""
    return any(
        t.lower_ in CASUALTY_NOUNS and t.pos_ in {"NOUN", "PROPN"} and not governed_by_preposition(t)
        and _nominal_path(t, cue) for t in cue.subtree)


def _nominal_path(token: Token, verb: Token) -> bool:
    """Whether the token hangs from the verb over nouns, numbers, articles and adjectives only."""
    while token.head.i != verb.i:
        token = token.head
        if token.head.i == token.i or token.pos_ not in {"NOUN", "PROPN", "NUM", "DET", "ADJ"}:
            return False
    return True
