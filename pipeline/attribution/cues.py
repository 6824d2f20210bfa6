"""Cues: which word is the speech verb of a frame, its lemma, particle and auxiliaries.

`lexicon_cue` recognises a cue verb by its generated forms (pipeline/verbforms.py) before the
backbone's lemma, which the small lemmatizer often mangles ("vermutet" -> "vermuen").
"""
from __future__ import annotations

import weakref

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..german.labels import (
    is_auxiliary_of_head,
    is_below_auxiliary,
    is_passive_auxiliary,
    is_root,
    is_separated_particle,
)
from ..verbforms import is_cue_verb_form, lemma_of


# token index -> its lexicon cue, per document: the quote tagger, the rules and the speaker linker
# ask for the same tokens again and again (2.4 times per token), and the parse no longer changes
_CUES_BY_DOC: weakref.WeakKeyDictionary[Doc, dict[int, str | None]] = weakref.WeakKeyDictionary()
_LAST_DOC: list = [None, None]  # the document asked last and its cues: most calls come in runs


def lexicon_cue(token: Token) -> str | None:
    """The lexicon lemma of a cue verb (with its separated particle), else None."""
    doc = token.doc
    if doc is _LAST_DOC[0]:
        cues = _LAST_DOC[1]
    else:
        cues = _CUES_BY_DOC.setdefault(doc, {})
        _LAST_DOC[0], _LAST_DOC[1] = doc, cues
    if token.i not in cues:
        cues[token.i] = _lexicon_cue(token)
    return cues[token.i]


def _lexicon_cue(token: Token) -> str | None:
    if token.pos_ not in {"VERB", "AUX"} and token.lower_ not in lexicon.SURFACE_CUES and not mistagged_verb(token):
        return None
    lemmas = [lemma for lemma in (lemma_of(token.lower_), token.lemma_.lower()) if lemma]
    particle = next((c.lower_ for c in token.children if c.lower_ in lexicon.PARTICLES and is_separated_particle(c)), None)
    apart = _clause_final_particle_token(token) or _particle_before_token(token)
    particle = particle or (apart.lower_ if apart is not None else None)
    if "weisen" in lemmas and _ends_in_von_sich(token):
        particle = "zurück"  # "weist die Vorwürfe von sich" = "weist sie zurück"
    candidates = [particle + lemma for lemma in lemmas] if particle else []
    candidates += lemmas + [_crude_lemma(token.lower_)]
    for cand in candidates:
        if cand == "heißen" and not _with_es(token):
            return None  # "Was als Gedenktag begann, heißt heute Veteranentag": a name, not "heißt es"
        if cand in lexicon.SPEECH_VERBS or cand in lexicon.REPORTED_VERBS:
            return cand
    return None


MAX_BACK_REFERENCE = 4  # tokens between the brackets: "(Wikinews berichtete)", "(wir berichteten)"
BRACKETS = {"(", ")"}


def back_reference(cue: Token) -> bool:
    """'… bereitzustehen (Wikinews berichtete).', '(wir berichteten)': "berichten" in brackets
    with no more than its subject points the reader to earlier coverage; it frames nothing."""
    if lexicon_cue(cue) != "berichten":
        return False
    doc = cue.doc
    opening = next((t for t in reversed(doc[max(0, cue.i - MAX_BACK_REFERENCE):cue.i]) if t.text in BRACKETS), None)
    closing = next((t for t in doc[cue.i + 1:cue.i + MAX_BACK_REFERENCE] if t.text in BRACKETS), None)
    return (opening is not None and opening.text == "(" and closing is not None and closing.text == ")"
            and closing.i - opening.i - 1 <= MAX_BACK_REFERENCE)


def _with_es(verb: Token) -> bool:
    """'heißt es', 'hieß es in dem Papier', 'es heißt': the impersonal frame of a document."""
    doc = verb.doc
    return any(doc[k].lower_ == "es" for k in range(max(0, verb.i - 2), min(len(doc), verb.i + 3)) if k != verb.i)


def mistagged_verb(token: Token) -> bool:
    """The root of its sentence, a lowercase form of a cue verb that the tagger took for an
    adverb or adjective ('Im September leugnete/ADV der russische Präsident …')."""
    return (token.pos_ in {"ADV", "ADJ"} and is_root(token) and is_cue_verb_form(token)
            and token.lower_ not in lexicon.NOT_VERB_FORMS)


def is_particle_of(token: Token, verb: Token) -> bool:
    """Is the token the separated particle of this cue verb ('gab … bekannt')?"""
    if token.lower_ not in lexicon.PARTICLES:
        return False
    if token.head.i == verb.i and is_separated_particle(token):
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (following is None or following.is_punct) and lexicon_cue(verb) == token.lower_ + verb.lemma_.lower()


def _clause_final_particle_token(verb: Token) -> Token | None:
    """'räumte zwar ein, …': a separated verb particle at the end of the verb's clause."""
    for t in verb.doc[verb.i + 1:verb.sent.end]:
        if t.is_punct or t.pos_ in {"VERB", "AUX"} or t.lower_ in {"dass", "und", "oder"}:
            previous = t.doc[t.i - 1]
            if previous.i > verb.i and previous.lower_ in lexicon.PARTICLES and previous.pos_ in {"ADP", "ADV", "PART", "ADJ"}:
                return previous
            return None
    return None


def _particle_before_token(verb: Token) -> Token | None:
    """'…, die einen Tod bekannt gab.': a particle written apart right before a clause-final verb."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or not doc[verb.i + 1].is_punct:
        return None
    previous = doc[verb.i - 1]
    return previous if previous.lower_ in lexicon.PARTICLES and previous.pos_ in {"ADP", "ADV", "PART", "ADJ"} else None


def _ends_in_von_sich(verb: Token) -> bool:
    following = list(verb.doc[verb.i + 1:min(verb.i + 12, len(verb.doc))])
    end = next((k for k, t in enumerate(following) if t.is_punct or t.lower_ in {"und", "oder"}), len(following))
    return end >= 2 and [t.lower_ for t in following[end - 2:end]] == ["von", "sich"]


def _crude_lemma(word: str) -> str:
    for suffix, repl in (("ten", "en"), ("te", "en"), ("t", "en"), ("en", "en")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def find_cue(tokens: list[Token], near: Span | None = None) -> Token | None:
    """A cue among the tokens: speech verbs before other speech-act verbs, nearest to the quote."""
    cues = [t for t in tokens if lexicon_cue(t)]
    if not cues:
        return None

    def distance(t: Token) -> int:
        return 0 if near is None else min(abs(t.i - near.start), abs(t.i - near.end))

    # "…“, sagte Kim, berichtete KCNA": a reporting verb names the intermediary, not the speaker
    return min(cues, key=lambda t: (lexicon_cue(t) not in lexicon.SPEECH_VERBS,
                                    lexicon_cue(t) in lexicon.RELAY_VERBS, distance(t)))


def cue_with_auxiliaries(cue: Token) -> list[Token]:
    """The cue verb with its separated particle and auxiliaries ('hatte … erklärt', 'gab … bekannt')."""
    # ("erklärte … gegenüber „Wafa“": "gegenüber" names whom it was said to, whatever the parse's label)
    particle = [c for c in cue.children if is_separated_particle(c) and c.lower_ != "gegenüber"]
    auxiliaries = [c for c in cue.children if is_auxiliary_of_head(c) and c.lemma_ in {"haben", "sein", "werden"}
                   and not _after_a_comma(cue, c)]
    if is_below_auxiliary(cue) and cue.head.pos_ == "AUX":  # TIGER: the auxiliary heads the participle
        auxiliaries.append(cue.head)
    return sorted([cue] + particle + auxiliaries, key=lambda t: t.i)


# the pronominal adverb that announces the content ("verwies darauf, dass", "geht davon aus, dass");
# not "dazu", "darüber", "dafür", more often about what was said before ("sagte dazu")
CORRELATES = {"darauf", "davon", "damit", "daraus", "daran"}
# verbs whose predicative "als" belongs to the cue ("bezeichnete die Lage als ernst")
NAMING_VERBS = {"bezeichnen", "werten", "würdigen", "zurückweisen", "beurteilen", "beschreiben", "charakterisieren",
                "kritisieren", "loben", "ansehen", "einstufen"}


def cue_phrase(cue: Token, exclude=frozenset()) -> list[Token]:
    """The cue as a reader would quote it (and as WikiNews marks it): the verb with its particle
    and auxiliaries and the words of this use of it: "gab … bekannt", "verwies darauf", "heißt
    es", "äußerte sich", "bezeichnete … als", "wird mit den Worten zitiert" (not the "Wie" of "Wie
    die Polizei mitteilte", which WikiNews marks as often as not).
    Tokens in `exclude` (the content) are never added."""
    words = {t.i: t for t in cue_with_auxiliaries(cue)}
    if cue.lower_ in lexicon.PARTICLES and cue.head.i < cue.i and cue.head.pos_ in {"VERB", "AUX"}:
        # the particle taken for the verb: "gab … bekannt" with "bekannt" the cue
        words.update({t.i: t for t in cue_with_auxiliaries(cue.head)})
    particle = _particle_token(cue)
    if particle is not None:
        words[particle.i] = particle
    lemma = lexicon_cue(cue)
    for child in cue.children:
        if child.lower_ in CORRELATES or (child.lower_ == "sich" and child.pos_ == "PRON"):
            words[child.i] = child
        elif child.lower_ == "es" and (lemma == "heißen" or is_passive(cue)):
            words[child.i] = child  # "heißt es", "Es wird angenommen"
        elif child.lower_ in {"worten", "worte"}:
            opening = next((t for t in child.lefts if t.lower_ == "mit"), None)
            if opening is not None:
                words.update({t.i: t for t in cue.doc[opening.i:child.i + 1]})  # "mit den Worten"
        elif lemma in NAMING_VERBS and child.pos_ not in {"VERB", "AUX"}:  # (not "Als er … kam, kritisierte er …")
            words.update({t.i: t for t in child.children if t.lower_ == "als"})
    return sorted((t for i, t in words.items() if i not in exclude), key=lambda t: t.i)


def is_speech_noun(token: Token) -> bool:
    """A noun that names a speech act ("Ansicht", "Forderung", "Vorwurf")."""
    return token.pos_ == "NOUN" and token.lower_.startswith(lexicon.NOUN_CUES)


def copula_of(noun: Token) -> list[Token]:
    """The "ist" of "ist der Meinung", which the parse hangs on the noun."""
    return [c for c in noun.children if c.pos_ == "AUX" and c.lemma_ == "sein"]


def noun_cue_phrase(noun: Token, frame: set[int]) -> list[Token]:
    """A speech-act noun as the cue a reader quotes: with its article and adjectives, its
    preposition and the verb it is the object of, within the frame ("vertritt die Ansicht",
    "ist der Meinung", "hatte eine deutliche Mahnung ausgesprochen", "mit dem Hinweis")."""
    words = {noun.i: noun}
    words.update({c.i: c for c in noun.lefts if c.pos_ in {"DET", "ADJ", "ADP"}})  # ("seine" is a DET too)
    words.update({c.i: c for c in copula_of(noun)})  # "ist der Meinung"
    head = noun.head
    if head.i != noun.i and head.pos_ in {"VERB", "AUX"}:
        words.update({t.i: t for t in cue_with_auxiliaries(head)})
        words.update({c.i: c for c in head.children if c.lower_ == "sich" and c.pos_ == "PRON"})
    return sorted((t for i, t in words.items() if i in frame), key=lambda t: t.i)


def verb_chain(cue: list[Token]) -> list[Token]:
    """A cue's speech verb with its particle and auxiliaries, without what `cue_phrase` adds
    ("darauf", "als"), and a noun cue alone ("Ansicht" of "vertritt die Ansicht"): where the
    speaker linker measures distances from (it learned them so)."""
    noun = next((t for t in cue if is_speech_noun(t)), None)
    if noun is not None:
        return [noun]
    verb = next((t for t in cue if lexicon_cue(t) and t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return cue
    chain = {t.i for t in cue_with_auxiliaries(verb)}
    return [t for t in cue if t.i in chain]


def _particle_token(verb: Token) -> Token | None:
    """The particle of a separable cue verb written apart that the parse did not attach
    ("gab … bekannt" with "bekannt" an adjective), where the lexicon knows the verb with it."""
    lemma = lexicon_cue(verb)
    if not lemma:
        return None
    for token in (_clause_final_particle_token(verb), _particle_before_token(verb)):
        if token is not None and lemma.startswith(token.lower_) and lemma != token.lower_:
            return token
    return None


def _after_a_comma(verb: Token, auxiliary: Token) -> bool:
    """An auxiliary after the verb belongs to it only in the same clause ("kritisiert worden
    war"); after a comma it is another clause's ("gesprochen, ohne dabei konkret zu werden")."""
    return auxiliary.i > verb.i and any(t.text == "," for t in verb.doc[verb.i + 1:auxiliary.i])


def is_passive(cue: Token) -> bool:
    """A participle with a form of "werden" ("wurde … kritisiert"), not a future ("wird kritisieren")."""
    werden = [t for t in cue_with_auxiliaries(cue) if t.lemma_ == "werden" and t.i != cue.i]
    return any(is_passive_auxiliary(t) for t in werden) or (
        bool(werden) and ("Part" in cue.morph.get("VerbForm") or cue.tag_ == "VVPP"))
