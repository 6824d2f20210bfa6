"""Roles: the speaker, addressee (`addressees.py`) and relay ("via") of a quotation, read from its frame.

`fill_from_cue` tries, in order: a passive agent ("von X bezeichnet"), the cue's subject, a
source after "heißt es in …", the subject of an earlier coordinated cue, an entity or pronoun in
the frame, the nominative before the cue, the noun phrase right after it (verb-second inversion).
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import lexicon
from ..german.labels import is_accusative_object, is_root, is_subject
from ..german.mood import is_finite_verb
from ..german.phrases import (
    is_dateline,
    is_demonstrative,
    is_expletive,
    is_said_object,
    nominative_noun,
    not_oblique,
    noun_phrase,
    noun_phrase_at,
    np_after,
    subject_of,
    with_entities,
)
from ..german.words import DATE_WORDS, PERSONAL_PRONOUNS
from ..names import is_first_name, is_person_noun, person_name_in
from ..quotation import Quotation, char_spans
from .addressees import fill_addressee, spoken_to
from .cues import cue_phrase, find_cue, is_passive, lexicon_cue


def frame_subject(frame: list[Token]) -> list[Token]:
    """'Der Randalierer rief „…“', 'Eine Organisation feierte die Absage als „…“': the subject of a
    finite verb of the frame, for frames whose verb is not in the cue lexicon."""
    inside = {t.i for t in frame}
    subjects = [subject_of(verb) for verb in frame if is_finite_verb(verb)]
    # a mis-tagged verb ("rief" as ADJ) still has its subject attached
    subjects += [noun_phrase(t) for t in frame if is_subject(t) and t.pos_ in {"NOUN", "PROPN", "PRON"}]
    for subject in subjects:
        subject = [t for t in subject if t.i in inside]
        if subject and not is_expletive(subject) and not is_demonstrative(subject) \
                and any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in subject):
            return subject
    return []


def fill_from_cue(q: Quotation, cue: Token, frame: list[Token], exclude) -> None:
    q.cue = char_spans(cue_phrase(cue, exclude))
    q.cue_lemma = lexicon_cue(cue)
    # (a subject inside the quotation leaves at most its punctuation outside: no speaker)
    subject = [t for t in subject_of(cue) if t.i not in exclude]
    if agentless_main_passive(cue, frame):
        # no one is named as the speaker, unless by where it was said ("In der Erklärung wird
        # festgehalten, dass …"); the subject (or a dative the parser took for it) was spoken to
        q.speaker = char_spans(_source_after_in(frame, exclude))
        _address_the_subject(q, cue, subject)
        return
    speaker = passive_agent(cue, frame) or (with_entities(subject) if not all(t.is_punct or t.is_space for t in subject) else [])
    speaker = opening_name_instead(cue, frame, speaker) or speaker
    if is_demonstrative(speaker):  # "Dies bekräftigte Kim": the parser took the object for the subject
        speaker = entity_after(cue, frame) or speaker
    if is_expletive(speaker):  # "heißt es in dem Bericht": the document is the source
        speaker = _source_after_in(frame, exclude)
    if not speaker:
        speaker = _earlier_subject(cue, exclude)
    if not speaker:
        speaker = speaker_in_frame([t for t in frame if t.i not in exclude], cue)
    if not speaker:
        speaker = nominal_before(cue, [t for t in frame if t.i not in exclude])
    if not speaker:  # inverted order: "Weiterhin äußerte der nordkoreanische Staatschef, …"
        speaker = _nominal_after(cue, [t for t in frame if t.i not in exclude])
    q.speaker = char_spans(speaker)
    fill_addressee(q, cue)
    q.via = relay_of(frame, speaker)
    if q.cue_lemma == "zitieren" and (roles := _quoted_and_relay(cue, frame, exclude)):
        person, relay = roles
        q.speaker, q.via, q.addressee = char_spans(person), _name_in(relay), []


QUOTED_SUBJECT_VERBS = {"zitieren"}  # "X wird mit den Worten zitiert": the subject spoke
DATIVE_ADDRESSEE_VERBS = {"vorwerfen", "verdächtigen", "fragen", "raten", "empfehlen", "mitteilen"}


def _address_the_subject(q: Quotation, cue: Token, subject: list[Token]) -> None:
    """'Dem Niederländer wurde vorgeworfen, …', 'Die Anwohner wurden aufgefordert, …': the
    passive's subject is the one spoken to, for verbs that address someone."""
    fill_addressee(q, cue)
    if not q.addressee and subject and q.cue_lemma in lexicon.ADDRESSEE_OBJECT_VERBS | DATIVE_ADDRESSEE_VERBS:
        q.addressee = char_spans(subject)


def agentless_main_passive(cue: Token, frame: list[Token]) -> bool:
    """'Dem Niederländer wurde vorgeworfen, …', 'Es wird befürchtet, dass …': the main clause's
    passive without a von-agent (in a clause below another verb, "Er sagte, …, könne nur so
    bezeichnet werden", the frame is elsewhere)."""
    return (is_passive(cue) and lexicon_cue(cue) not in QUOTED_SUBJECT_VERBS and is_root(cue)
            and not passive_agent(cue, frame))


def spoken_by_no_one(q: Quotation, cue_tokens: list[Token]) -> bool:
    """A quotation without a speaker whose cue is a main clause's agentless passive (nor an
    "in" phrase), or a question put to someone whose asker is not named ("Auf die Frage, ob …,
    sagte Leavitt": not Leavitt's question): the text names no speaker, and none should be
    guessed from the words around it."""
    if q.speaker or not cue_tokens:
        return False
    if q.cue_lemma == "frage":  # ("lautete die Frage, wo …": the question itself, as WikiNews marks it)
        noun = cue_tokens[0]
        return noun.i >= 2 and noun.doc[noun.i - 2].lower_ == "auf"
    cue = find_cue(cue_tokens)
    return cue is not None and agentless_main_passive(cue, list(cue.sent))


def names_someone(phrase: list[Token]) -> bool:
    """A noun phrase that can speak, by its first noun ("die Reaktion der Kirchenleitung in Bayern"
    cannot): an entity, a name, a personal pronoun or a person noun."""
    head = next((t for t in phrase if t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    return head is not None and (
        head.ent_type_ in {"PER", "ORG"} or head.pos_ == "PROPN" or head.lower_ in PERSONAL_PRONOUNS
        or is_person_noun(head))


def opening_name_instead(cue: Token, tokens: list[Token], subject: list[Token]) -> list[Token]:
    """'Karin Krapp, eine Betroffene, kritisierte die Reaktion …', parsed with "die Reaktion" as
    the subject (or with none): someone performs a speech act, so when the parsed subject
    follows the verb and names no one, the name that opens the sentence is the speaker."""
    if not tokens:
        return []
    # (no subject at all: "Karin Krapp, eine Betroffene und … engagiert, kritisierte …", the
    # apposition's participle took the name; the comma before the verb closes the prefield)
    appositive_prefield = not subject and cue.i > 0 and cue.nbor(-1).text == ","
    if not appositive_prefield and (not subject or subject[0].i < cue.i or names_someone(subject)):
        return []
    first = tokens[0]
    if first.i >= cue.i or not (first.ent_type_ in {"PER", "ORG"} or first.pos_ == "PROPN" or is_first_name(first.text)):
        return []
    name = [first] + ([tokens[1]] if is_first_name(first.text) and len(tokens) > 1 and tokens[1].is_title else [])
    return with_entities(name)


def _quoted_and_relay(cue: Token, frame: list[Token], exclude) -> tuple[list[Token], list[Token]] | None:
    """'Die Rundschau zitiert einen Augenzeugen mit den Worten …' and 'Ratzmann wird von der
    „Netzeitung“ mit den Worten zitiert': the one quoted said it, the one quoting passed it on."""
    agent = passive_agent(cue, frame)
    subject = [t for t in subject_of(cue) if t.i not in exclude]
    if agent:
        return (with_entities(subject), agent) if subject else None
    quoted = next((c for c in cue.children if is_accusative_object(c) and c.pos_ in {"NOUN", "PROPN"}
                   and c.i not in exclude), None)
    if quoted is None or not subject:
        return None
    return with_entities(noun_phrase(quoted)), with_entities(subject)


def _name_in(tokens: list[Token]) -> str:
    """The organisation or person named in a phrase, else the phrase ('der „Netzeitung“')."""
    ent = next((e for e in tokens[0].doc.ents if e.label_ in {"ORG", "PER"} and e.start >= tokens[0].i
                and e.end <= tokens[-1].i + 1), None) if tokens else None
    return ent.text if ent is not None else tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text

SPEAKER_ENTITY_TYPES = {"PER", "ORG", "LOC"}  # countries speak too ("Nordkorea sagte")


def speaker_in_frame(frame: list[Token], cue: Token | None = None) -> list[Token]:
    """Fallback: the entity or personal pronoun nearest before the cue, else the first after it;
    a person's name the NER missed counts ("Ähnlich sieht es Geoff Yu vom Vermögensverwalter BNY:")."""
    candidates = []
    for t in frame:
        if t.ent_type_ in SPEAKER_ENTITY_TYPES and t.ent_iob_ == "B" and not is_dateline(t):
            candidates.append(list(next(e for e in t.doc.ents if e.start == t.i)))
        elif t.lower_ in {"er", "sie"} and t.pos_ == "PRON":
            candidates.append([t])
    missed = person_name_in([t for t in frame if not t.ent_type_])
    if missed is not None and not any(c[0].i <= missed.start < c[-1].i + 1 for c in candidates):
        candidates = sorted(candidates + [_with_title_before(list(missed))], key=lambda c: c[0].i)
    candidates = [c for c in candidates if not spoken_to(c)]  # ("Gegenüber Spiegel Online berichtete Gordon")
    if not candidates:
        return []
    if cue is None:
        return candidates[0]
    before = [c for c in candidates if c[-1].i < cue.i]
    return before[-1] if before else candidates[0]


# Nouns naming what someone said or wrote ("einer Antwort von Peskov", "die Worte des Ministers")
SPOKEN_NOUNS = lexicon.NOUN_CUES + ("antwort", "worte", "stellungnahme", "interview", "rede", "brief", "zitat")


def speech_noun_holder(frame: list[Token]) -> tuple[Token, list[Token]] | None:
    """'Wie gering die Chancen … gesehen werden, lässt sich an einer Antwort von Kremlsprecher
    Dmitri Peskov … ablesen: „…“': a frame without a cue verb names the speaker as the one whose
    answer, statement or words it mentions ("von X", a genitive), where that names someone.
    Returns the noun (the cue) and its holder."""
    for k, t in enumerate(frame[:-1]):
        if t.pos_ not in {"NOUN", "PROPN"} or not t.lower_.startswith(SPOKEN_NOUNS):
            continue
        holder = np_after(frame, k + 2) if frame[k + 1].lower_ in {"von", "vom"} else (
            np_after(frame, k + 1) if frame[k + 1].lower_ in {"des", "der", "eines", "einer"} else [])
        if holder and names_someone(holder):
            return t, with_entities(holder)
    return None


def _with_title_before(name: list[Token]) -> list[Token]:
    """'Der Flughafenmanager Vedat Muftuoglu': the article and title noun right before a name
    belong to the mention, whatever the parse made of the title."""
    doc, start = name[0].doc, name[0].i
    if start >= 2 and doc[start - 1].is_title and not doc[start - 1].is_sent_start \
            and doc[start - 2].lower_ in {"der", "die"}:
        return list(doc[start - 2:name[-1].i + 1])
    return name


def nominal_before(cue: Token, frame: list[Token]) -> list[Token]:
    """Last resort: the first nominative noun phrase of the cue's clause ('Die Kanadier hingegen sagen')."""
    clause = [t for t in frame if t.i < cue.i]
    for k in range(len(clause) - 1, -1, -1):  # only the clause right before the cue
        if clause[k].text in {",", ";", ":"}:
            clause = clause[k + 1:]
            break
    for k, t in enumerate(clause):
        if nominative_noun(t) and not any(x.pos_ == "ADP" for x in clause[max(0, k - 3):k]):
            return noun_phrase_at(clause, k)  # (a noun after a preposition is inside a PP: skipped)
    return []


def _nominal_after(cue: Token, frame: list[Token]) -> list[Token]:
    """A nominative noun phrase directly after the cue verb (German verb-second inversion)."""
    following = [t for t in frame if cue.i < t.i <= cue.i + 6]
    for k, t in enumerate(following):
        if t.text in {",", ":"}:
            return []
        if t.pos_ in {"NOUN", "PROPN"} and t.text[:1].isupper() and t.lower_ not in DATE_WORDS:
            if is_said_object(t):
                return []  # "Youtube weist die Vorwürfe zurück": the object
            return noun_phrase_at(following, k) if nominative_noun(t) or not_oblique(following, k) else []
    return []


def passive_agent(cue: Token, frame: list[Token]) -> list[Token]:
    """'wurden von Bundesverkehrsminister Stolpe als unrealistisch bezeichnet': the von-agent speaks."""
    participle = "Part" in cue.morph.get("VerbForm") or not is_finite_verb(cue)
    if not participle or not any(t.lemma_ == "werden" and t.i < cue.i for t in cue.sent):
        return []
    for k, t in enumerate(frame):
        if t.lower_ in {"von", "vom"} and t.i < cue.i:
            np = np_after(frame, k + 1)
            if np and any(x.pos_ in {"NOUN", "PROPN"} for x in np):
                return with_entities(np)
    return []


def _source_after_in(frame: list[Token], exclude) -> list[Token]:
    """'In der Pressemitteilung des WWF heißt es, …' -> 'der Pressemitteilung des WWF'."""
    for k, t in enumerate(frame):
        if t.lower_ in {"in", "im", "auf"} and t.i not in exclude:
            np = [x for x in np_after(frame, k + 1) if x.i not in exclude]
            if np and any(x.pos_ in {"NOUN", "PROPN"} for x in np):
                return np
    return []


def _earlier_subject(cue: Token, exclude) -> list[Token]:
    """'X hat anerkannt, dass …, und sagte, …': a coordinated cue shares the sentence's first subject."""
    previous = cue.doc[cue.i - 1] if cue.i > cue.sent.start else None
    if previous is None or previous.lower_ not in {"und", "sowie", "aber"}:
        return []
    for t in cue.sent:
        if t.i >= cue.i:
            break
        if is_subject(t) and t.i not in exclude and t.pos_ in {"NOUN", "PROPN", "PRON"}:
            return with_entities(noun_phrase(t))
    return []


def proper_noun_after(cue: Token, within: int) -> list[Token]:
    """A name right after the verb that the NER missed: 'kritisierte Kim die …'."""
    for t in cue.doc[cue.i + 1:min(cue.i + 1 + within, cue.sent.end)]:
        if t.pos_ == "PROPN" and t.is_title:
            return [t]
    return []


def entity_after(cue: Token, frame: list[Token], within: int = 100) -> list[Token]:
    for t in frame:
        if cue.i < t.i <= cue.i + within and t.ent_type_ in {"PER", "ORG"} and t.ent_iob_ == "B":
            return list(next(e for e in t.doc.ents if e.start == t.i))
    return []


def relay_of(frame: list[Token], speaker: list[Token]) -> str | None:
    """'so berichtet Reuters', 'berichtete KCNA': an organisation that passed it on."""
    speaker_ids = {t.i for t in speaker}
    for t in frame:
        if lexicon_cue(t) in lexicon.VIA_VERBS:
            for other in frame:
                if other.ent_type_ == "ORG" and other.i not in speaker_ids and other.ent_iob_ == "B":
                    ent = next(e for e in other.doc.ents if e.start == other.i)
                    return ent.text
    return None


def continue_previous(q: Quotation, previous: list[Quotation]) -> None:
    """Give the quotation the speaker of the nearest earlier quotation that had one."""
    for prior in reversed(previous):
        if prior.speaker:
            q.speaker = [list(s) for s in prior.speaker]
            q.speaker_label = prior.speaker_label
            return
