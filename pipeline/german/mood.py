"""Verb forms and mood: finite verbs, infinitives, Konjunktiv I and II (one table for both).

Konjunktiv I ("sei", "habe", "gehe") marks reported speech in German; Konjunktiv II ("wäre",
"hätte", "läge") is also the mood of hypotheticals ("Ohne die Brücke läge der Ort abseits"),
so it continues reported speech only right after a quotation. The morphologizer's `Mood=Sub`
does not tell the two apart; the tables below do, and they catch frequent forms the small
backbone misses.
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Span, Token

# Frequent unambiguous Konjunktiv I forms: a safety net where the morphologizer misses.
KONJUNKTIV_I_FORMS = {
    "sei", "seien", "seiest", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "gebe",
    "stehe", "gehe", "komme", "liege", "wisse", "bleibe", "lasse", "brauche", "mache", "plane", "befinde",
    "handle", "handele", "arbeite", "verfüge", "unterstütze", "trage", "sehe", "halte", "diene", "funktioniere",
    "bestehe", "fehle", "gelte", "reiche", "zeige", "führe", "drohe",
}
# Konjunktiv II: the past stem with umlaut or -te; never read as Konjunktiv I.
KONJUNKTIV_II_FORMS = {
    "hätte", "hätten", "würde", "würden", "wäre", "wären", "könnte", "könnten", "müsste", "müssten",
    "dürfte", "dürften", "sollte", "sollten", "wollte", "wollten", "gäbe", "gäben", "käme", "kämen",
    "läge", "lägen", "ginge", "gingen", "stünde", "stünden", "bestünde", "bestünden", "befände", "befänden",
    "brächte", "brächten",
}
# The forms counted as Konjunktiv whatever the morphologizer says: not the singular of the
# modals ("wollte", "sollte", "könnte" are also past indicative), nor rarer plurals.
KONJUNKTIV_FORMS = KONJUNKTIV_I_FORMS | (KONJUNKTIV_II_FORMS - {"könnte", "müsste", "dürfte", "sollte", "wollte",
                                                                 "gäben", "gingen", "bestünden", "befände", "brächte"})


SUBJUNCTIVE_FORMS = KONJUNKTIV_I_FORMS | KONJUNKTIV_II_FORMS


# Third-person Konjunktiv I forms from the LanguageTool dictionary (CC BY-SA 4.0, built by
# `make konjunktiv-forms`): "beobachte", "schäme", which the backbone often tags indicative.
KONJUNKTIV_I_DICTIONARY = frozenset(
    line.strip() for line in (Path(__file__).resolve().parent.parent / "data" / "konjunktiv_i.txt")
    .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))


def is_finite_verb(token: Token) -> bool:
    """Finite verb: UD GSD marks many finite verbs with Mood only, without VerbForm=Fin; a
    lower-case Konjunktiv form is one whatever the tagger says ("Der müsste/NOUN dann …")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return token.is_lower and token.lower_ in SUBJUNCTIVE_FORMS
    return "Fin" in token.morph.get("VerbForm") or bool(token.morph.get("Mood"))


def is_infinitive(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    forms = token.morph.get("VerbForm")
    return "Inf" in forms or (not forms and not token.morph.get("Mood") and token.lower_.endswith("en"))


def is_konjunktiv(token: Token) -> bool:
    """Konjunktiv I or II verb (Mood=Sub), the mark of reported speech in German."""
    return token.lower_ in KONJUNKTIV_FORMS or "Sub" in token.morph.get("Mood") or _dictionary_konjunktiv_i(token)


def _dictionary_konjunktiv_i(token: Token) -> bool:
    """A verb whose form is Konjunktiv I in the third person, unless "ich" is its subject
    ("ich beobachte") or it starts the sentence (an imperative: "Beobachte …!")."""
    if token.pos_ not in {"VERB", "AUX"} or token.lower_ not in KONJUNKTIV_I_DICTIONARY or token.is_sent_start:
        return False
    neighbours = [token.nbor(k) for k in (-1, 1) if 0 <= token.i + k < len(token.doc)]
    return not any(t.lower_ == "ich" for t in [*token.children, *neighbours])


def is_konjunktiv_ii(token: Token) -> bool:
    return token.lower_ in KONJUNKTIV_II_FORMS


def is_konjunktiv_i(token: Token) -> bool:
    """A finite verb in Konjunktiv I (the mood of reported speech), not Konjunktiv II."""
    return is_konjunktiv(token) and is_finite_verb(token) and not is_konjunktiv_ii(token)


def third_person_in_e(token: Token, first_person: bool) -> bool:
    """'…, diese Sorte erspare …': a finite verb ending in -e (not the past '-te') in a clause
    without 'ich' is Konjunktiv I, whatever the morphologizer says (indicative third person ends in -t)."""
    past_form = token.lower_.endswith("te") and "Pres" not in token.morph.get("Tense")  # "sagte"
    return (is_finite_verb(token) and token.lower_.endswith("e") and not is_konjunktiv_ii(token)
            and not past_form and not first_person)


def has_konjunktiv_i(sent: Span) -> bool:
    """A sentence with a finite verb in Konjunktiv I (one in the middle of a Konjunktiv run that
    no rule made a quotation of its own: 'Der Airbus sei erst „weit hinter …“ gebracht worden')."""
    return any(is_konjunktiv_i(t) for t in sent)
