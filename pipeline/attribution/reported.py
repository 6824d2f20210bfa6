"""Reported speech ("Kim kritisierte die Kooperation …", "die von Pistorius angekündigte …"),
also before a quote's colon or coordinated before a statement, and hearsay ("X soll … haben").
"""
from __future__ import annotations

from dataclasses import replace
from itertools import dropwhile

from spacy.tokens import Span, Token

from .. import lexicon
from ..german.clauses import (antecedent, content_end, frames_as_source, subordinate_clause_end,
                              subordinate_clause_start)
from ..german.phrases import full_mention, is_demonstrative, subject_of, with_entities
from ..german.time_phrases import is_date_phrase
from ..german.prepositions import governed_by_preposition, prepositional_phrase
from ..german.punctuation import strip_edges, strip_end
from ..german.words import ANAPHORS, RELATIVE_SUBJECTS, SENTENCE_ADVERBS, TIME_NOUNS
from ..german.labels import is_conjunct
from ..german.mood import is_finite_verb
from ..quotation import Quotation, Rule, char_spans, tokens_at
from .cues import back_reference, cue_with_auxiliaries, is_particle_of, is_passive, lexicon_cue, mistagged_verb
from .konjunktiv import follows_quotation
from .speech_acts import TOPIC_PREPOSITIONS, says_something, without_topic
from .addressees import fill_addressee
from .roles import (
    continue_previous,
    entity_after,
    nominal_before,
    opening_name_instead,
    passive_agent,
    proper_noun_after,
    relay_of,
)


def reported_speech(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'Kim kritisierte die Kooperation …': a speech-act verb with a subject and an object."""
    for cue in tokens:
        if (lexicon_cue(cue) in lexicon.REPORTED_VERBS and not back_reference(cue)
                and (q := _reported_at(cue, tokens)) is not None):
            return q
    return None


def _reported_at(cue: Token, tokens: list[Token]) -> Quotation | None:
    if cue.pos_ not in {"VERB", "AUX"} and not mistagged_verb(cue):
        return None
    agent = passive_agent(cue, tokens)
    if not agent and is_passive(cue):
        return None  # "Scharf kritisiert wurde ihre Entscheidung": the subject is what was criticised
    clause = subordinate_clause(cue, tokens)
    speaker = agent or _actor(cue, tokens, clause)
    if speaker and is_demonstrative(speaker) and speaker[0].i == tokens[0].i and tokens[0].lower_ in ANAPHORS:
        return None  # "Das berichtet das Nachrichtenportal …": a frame for the sentence before, no act of its own
    if is_demonstrative(speaker) or not speaker:  # "Zusätzlich kritisierte Kim …" (a misparse)
        speaker = (entity_after(cue, tokens, within=3) or proper_noun_after(cue, within=2)
                   or _entity_after_auxiliary(cue, tokens) or speaker)
    if not speaker:
        return None
    speaker = without_topic(speaker, cue)
    sentence = _statement(tokens)
    # what a subordinate clause reports stays inside it, after its opener (the rest of the
    # sentence is the frame, which the WikiNews annotators mark as part of the quotation)
    statement = [t for t in clause[1:] if not t.is_punct or t.text not in {",", ".", "!", "?"}] if clause else sentence
    # (the speaker as the component will cut it: "der russische Präsident Putin Gerüchte" is a misparse)
    content = reported_content(statement, cue, full_mention(speaker), verb_final=bool(clause))
    if clause and not any(t.pos_ in {"NOUN", "PROPN"} for t in content):
        return None  # "die Entscheidung, die der Minister kritisierte": the object is outside the clause
    if not any(t.is_alpha for t in content):  # nothing said: a stray quotation mark or a number
        return None
    frame = [t for t in sentence if t not in content]
    q = Quotation(type="reported", quote=char_spans(content), speaker=char_spans(speaker), frame=char_spans(frame),
                  cue=char_spans(cue_with_auxiliaries(cue)), cue_lemma=lexicon_cue(cue), rule=Rule.REPORTED,
                  confidence=0.6)
    fill_addressee(q, cue)
    if not says_something(cue, content, q):
        return None
    q.via = relay_of([t for t in tokens if t.i != cue.i], speaker)
    return q


def act_before_statement(tokens: list[Token], statement: Quotation) -> Quotation | None:
    """'Der Städtetag befürwortet die Änderungen und verweist darauf, dass …', 'Tiktok weist die
    Vorwürfe zurück und betont, …': a speech act coordinated before a statement's frame is a
    reported claim of its own, by the same speaker."""
    cue_start = min((s for s, _ in statement.cue), default=None)
    if cue_start is None:
        return None
    before = [t for t in tokens if t.idx < cue_start]
    joint = next((k for k in range(len(before) - 1, 0, -1) if before[k].lower_ == "und"), None)
    # "und" right before the statement's verb, or with adverbs between ("und verweist zudem")
    if joint is None or not all(t.pos_ in {"ADV", "PART"} for t in before[joint + 1:]):
        return None
    act = next((t for t in before[:joint] if lexicon_cue(t) in lexicon.REPORTED_VERBS and is_finite_verb(t)), None)
    if act is None or (q := _reported_at(act, before[:joint])) is None:
        return None
    q.sentence_index, q.rule = statement.sentence_index, Rule.REPORTED_BEFORE_STATEMENT
    return q


def _entity_after_auxiliary(cue: Token, tokens: list[Token]) -> list[Token]:
    """'hat US-Präsident Donald Trump erneut über … gesprochen', parsed without a subject: a
    person or organisation right after the finite auxiliary of a clause-final participle."""
    auxiliary = cue_with_auxiliaries(cue)[0]
    if auxiliary.i >= cue.i:
        return []
    entity = entity_after(auxiliary, tokens, within=3)
    return entity if entity and entity[-1].i < cue.i else []


def _actor(cue: Token, tokens: list[Token], clause: list[Token]) -> list[Token]:
    """Who performs the act: the cue's subject; in a relative clause its antecedent ("…, Carsten
    Linnemann, der ihre Amtsführung verteidigte"); in another subordinate clause that clause's own
    subject, which a misparse may hide ("während Floridas Gouverneur Ron DeSantis/VERB …") or take
    from the main clause by a coordination; in a main clause a name opening the sentence where the
    parsed subject names no one ("Karin Krapp, …, kritisierte die Reaktion/nsubj …")."""
    subject = with_entities(subject_of(cue))
    if clause and subject == clause[:1] and clause[0].lower_ in RELATIVE_SUBJECTS:
        return antecedent(clause[0])
    if clause and (not subject or subject[0].i < clause[0].i):
        return nominal_before(cue, clause[1:]) or subject
    if not clause:
        return opening_name_instead(cue, tokens, subject) or subject
    return subject


FRAME_VERBS = {"sagen", "erklären", "mitteilen", "schreiben", "meinen", "äußern", "antworten", "ergänzen",
               "hinzufügen", "fragen", "zitieren"}  # before a colon: the quote's frame, no act of their own


def speech_act_before_quote(sent: Span, direct: list[Span]) -> Quotation | None:
    """'Weiss beschreibt die Situation als schwierig: „Wir müssen …“': a speech verb with an object
    before the colon that opens a quote is a reported claim of its own (the quote is another)."""
    doc = sent.doc
    for span in direct:
        colon = span.start - 1
        if not (sent.start < colon < sent.end) or doc[colon].text != ":":
            continue
        before = [t for t in doc[sent.start:colon] if not t.is_space]
        if announces_the_quote(before):
            continue  # "kommentierte die Entscheidung mit den Worten: „…“": the quote is what the act said
        if any(other.start < colon and other.end > sent.start for other in direct):
            before = [t for t in before if not any(o.start <= t.i < o.end for o in direct)]
        # (a verb of saying before a colon is the quote's frame: "sagte nach dem Treffen: „…“");
        # the verb nearest the colon first ("schmunzelte Blanik, die von einem ruhigen Vormittag
        # berichtete: „…“")
        cues = [t for t in reversed(before) if lexicon_cue(t) in lexicon.SPEECH_VERBS - FRAME_VERBS
                and t.pos_ in {"VERB", "AUX"}]
        for cue in cues:
            # (a passive's subject is the one quoted: "X wird von der Zeitung mit den Worten zitiert: „…“")
            q = None if is_passive(cue) else _reported_at(cue, before)
            if q is not None and _names_an_object_or_topic(tokens_at(doc, q.quote)):
                q.rule = Rule.REPORTED_BEFORE_QUOTE
                return q
    return None


def announces_the_quote(before: list[Token]) -> bool:
    """'mit den Worten', 'wie folgt', 'folgendermaßen' right before the colon: the act's content
    is the quote after it, and the act no claim of its own."""
    words = [t.lower_ for t in before[-4:] if not t.is_punct]
    return bool(words) and (words[-1] in {"folgendermaßen", "folgt"} or (words[-1] == "worten" and "mit" in words))


def _names_an_object_or_topic(content: list[Token]) -> bool:
    """An object or a topic ("[ansonsten] von einem ruhigen Vormittag"), not only the frame's
    addressee or adverbials ("sagte dem Spiegel am Montag: „…“")."""
    content = list(dropwhile(lambda t: t.pos_ == "ADV", content))
    return bool(content) and (content[0].lower_ in TOPIC_PREPOSITIONS
                              or (content[0].pos_ != "ADP" and any(_object_like(t) for t in content)))


def _adverbial_phrase(preposition: Token) -> list[Token]:
    """The prepositional phrase, ended before a noun the parser hung inside it as an attribute
    although its case cannot be one ("in einer Analyse des Zusammenbruchs der Bank
    Versäumnisse/Nom …": a genitive or dative attribute, or a phrase of its own)."""
    phrase = prepositional_phrase(preposition)
    nouns = [t for t in phrase if t.pos_ in {"NOUN", "PROPN"}]
    for before, t in zip(nouns, nouns[1:]):
        cases = set(t.morph.get("Case"))
        if t.pos_ == "NOUN" and cases and not cases & {"Gen", "Dat"} and not any(c.pos_ == "ADP" for c in t.children):
            return [w for w in phrase if w.i <= before.i]  # (its article and adjectives go with it)
    return phrase


def _object_like(token: Token) -> bool:
    """A noun outside prepositional phrases, not a dative and not a time ('die Situation', not
    'dem Spiegel', 'am Montag'): the object of the act (the parser may call it the subject)."""
    return (token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in TIME_NOUNS
            and "Dat" not in token.morph.get("Case") and not governed_by_preposition(token))


def coordinated_reports(q: Quotation, sent: Span) -> list[Quotation]:
    """'Die Fed hat Versäumnisse eingeräumt und strengere Regeln angekündigt': coordinated speech
    verbs sharing the subject each get a claim of their own, with their own object; users (and
    the realnews gold) count two statements there. Returns [q] when there is no such coordination."""
    doc = sent.doc
    content = tokens_at(doc, q.quote)
    cue = next((t for t in tokens_at(doc, q.cue) if lexicon_cue(t) == q.cue_lemma), None)
    if cue is None or not content:
        return [q]
    verbs = sorted(_coordinated_speech_verbs(cue, sent), key=lambda t: t.i)
    if len(verbs) < 2:
        return [q]
    statement = tokens_at(doc, q.statement)
    later = {v.i: {t.i for t in v.subtree} for v in verbs[1:]}  # a later conjunct's own clause
    parts = []
    for k, verb in enumerate(verbs):
        # the first conjunct keeps the claim's content up to the next conjunct; a later one
        # takes its own clause ("und forderte eine neue Abstimmung"), without "und" and the verb
        region = later[verb.i] if k else {t.i for t in content} - set().union(*later.values())
        frame_ids = {t.i for t in cue_with_auxiliaries(verb)} | {t.i for t in sent if is_particle_of(t, verb)}
        own = strip_edges([t for t in statement if t.i in region and t.i not in frame_ids
                           and not (t.i == min(region) and t.pos_ == "CCONJ")])
        if not any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in own):
            return [q]  # one conjunct without an object of its own: keep the claim whole
        parts.append((verb, own))
    claims = [Quotation(type="reported", quote=char_spans(own), speaker=q.speaker, addressee=q.addressee,
                        frame=char_spans([t for t in statement if t not in own]),
                        cue=char_spans(cue_with_auxiliaries(verb)), cue_lemma=lexicon_cue(verb),
                        rule=Rule.REPORTED, confidence=q.confidence, via=q.via)
              for verb, own in parts]
    # a conjunct in a use that reports nothing ("schätzt … und hat zu Spenden aufgerufen") is no claim
    return [claim for claim, (verb, own) in zip(claims, parts) if says_something(verb, own, _addressed(claim, verb))]


def _addressed(claim: Quotation, verb: Token) -> Quotation:
    """A copy of the claim with the verb's own addressee."""
    own = replace(claim, addressee=[])
    fill_addressee(own, verb)
    return own


def _coordinated_speech_verbs(cue: Token, sent: Span) -> list[Token]:
    """The cue and the speech verbs coordinated with it (conjuncts of one another); not a source
    frame the parse hangs on it ("…, so berichtet Reuters")."""
    first = cue.head if is_conjunct(cue) and cue.head.pos_ in {"VERB", "AUX"} else cue
    verbs = [first] + [t for t in first.children if is_conjunct(t) and t.pos_ in {"VERB", "AUX"}
                       and not frames_as_source(t)]
    if any(lexicon_cue(v) is None or not (sent.start <= v.i < sent.end) for v in verbs):
        return []
    return verbs


def _statement(tokens: list[Token]) -> list[Token]:
    """The sentence without trailing punctuation but its final stop."""
    statement = strip_end(tokens)  # (the tokens hold no spaces, so it is a prefix of them)
    following = tokens[len(statement):len(statement) + 1] if statement else []
    return statement + [t for t in following if t.text in {".", "!", "?"}]


def subordinate_clause(cue: Token, tokens: list[Token]) -> list[Token]:
    """The tokens of the subordinate clause the cue ends ("…, der ihre Amtsführung verteidigte",
    "während X seine Unterstützung bekräftigte"), or [] for a main-clause cue."""
    start = subordinate_clause_start(tokens, cue.i)
    if start == tokens[0].i:
        return []
    end = subordinate_clause_end(tokens, cue.i)
    return [t for t in tokens if start <= t.i < end]


def reported_content(statement: list[Token], cue: Token, speaker: list[Token], verb_final: bool = False) -> list[Token]:
    """What was said or done to: the sentence without the speaker, the cue (with its particle
    and auxiliaries), a fronted adverbial ("Am Montag kritisierte Kim …") and what follows a
    second main clause; "Kim kritisierte die Kooperation der USA scharf." -> "die Kooperation
    der USA scharf", "Die Ministerin wies die Vorwürfe zurück." -> "die Vorwürfe"."""
    verbs = cue_with_auxiliaries(cue)
    frame = {t.i for t in verbs} | {t.i for t in speaker}
    frame |= {t.i for t in statement if is_particle_of(t, cue)}
    frame |= {t.i for t in statement if t.lower_ == "sich" and t.head.i in frame  # "sprach sich … aus"
              and t.i > 0 and t.nbor(-1).lower_ != "von"}  # ("weist … von sich": below)
    # before the verb in second position (a verb-final subordinate clause has no prefield)
    prefield = [] if verb_final else [t for t in statement if t.i < verbs[0].i]
    if prefield and not frame & {t.i for t in prefield} and (
            prefield[0].pos_ in {"ADP", "ADV", "SCONJ", "CCONJ"} or prefield[0].lower_ in SENTENCE_ADVERBS
            or is_date_phrase(prefield)):
        frame |= {t.i for t in prefield}  # "Am Montag", "Zusätzlich", "Ende Januar": not what was said
    elif prefield and speaker and speaker[0].i == prefield[0].i:
        frame |= {t.i for t in prefield}  # the speaker's apposition: "Karin Krapp, eine Betroffene, kritisierte …"
    content = [t for t in statement if t.i not in frame and not (t.is_punct and t.text in {".", "!", "?"}
                                                                  and t.i == statement[-1].i)]
    if [t.lower_ for t in content[-2:]] == ["von", "sich"]:  # "weist die Vorwürfe von sich": part of the verb
        content = content[:-2]
    return content_end(without_leading_adverbials(strip_edges(content)))


def without_leading_adverbials(content: list[Token]) -> list[Token]:
    """'hat in einer Analyse des Zusammenbruchs … Versäumnisse eingeräumt': prepositional
    phrases before the object say where or how the act happened, not what it was about; they
    go when an object follows ("Versäumnisse ihrer Aufsicht"). A topic ("sprach über …",
    "warnte vor …") has no object after it and stays."""
    while content and content[0].pos_ == "ADP" and content[0].lower_ not in TOPIC_PREPOSITIONS:
        phrase = _adverbial_phrase(content[0])
        rest = [t for t in content if phrase and t.i > phrase[-1].i]
        clause = next((rest[:k] for k, t in enumerate(rest) if t.text in {",", ";", ":"}), rest)
        # the object follows in the same clause: not after a comma ("…, die Soldaten angegriffen
        # haben") nor after a conjunction that continues the phrase ("sowie durch …")
        if not clause or clause[0].pos_ == "CCONJ" or not any(_object_like(t) for t in clause):
            break
        content = rest
    return content


def hearsay(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'Ein vierter Mann soll den Irakern geholfen haben': hearsay modal without a frame."""
    modal = next((t for t in tokens if t.lower_ in lexicon.MODAL_HEARSAY and t.pos_ in {"AUX", "VERB"}), None)
    if modal is not None and modal.i == tokens[0].i and modal.lower_.startswith("sollte"):
        return None  # "Sollte das nicht gelingen, wird …": a condition
    hearsay_adverb = any(t.lower_ in lexicon.HEARSAY_ADVERBS for t in tokens)
    # "soll … geholfen haben / verhaftet worden sein": modal + perfect infinitive is hearsay;
    # "soll … ausgebaut werden" is a plan, not a report
    perfect = modal is not None and any(t.i > modal.i and t.lower_ in {"haben", "sein"} for t in tokens)
    # right after someone's statement, "soll" passes on what they said ("Ende 2024 soll laut EPI …
    # Belgien soll kommendes Jahr mitmachen"); "sollte" is mostly a condition ("Sollte die
    # Kommission sich weigern, …"), and the "soll" of a subordinate clause is not what the
    # sentence passes on ("…, welche Behörden Zugriff haben sollen")
    continued = (modal is not None and modal.lower_ in {"soll", "sollen"} and tokens[-1].text != "?"
                 and subordinate_clause_start(tokens, modal.i) == tokens[0].i and follows_quotation(sent, previous))
    if not (perfect or continued or (modal is not None and hearsay_adverb)):
        return None
    q = Quotation(type="free_indirect", quote=char_spans(strip_end(tokens, keep_final=True)),
                  rule=Rule.HEARSAY, confidence=0.4)
    continue_previous(q, previous)  # provisional, as for Konjunktiv continuations
    return q


def attributive_act(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'die von Pistorius angekündigte Kriegstüchtigkeit': a speech-act participle before a noun,
    with its agent in a von-phrase before it, reports that the agent announced (demanded,
    criticised …) the noun's content."""
    for k, participle in enumerate(tokens[2:-1], start=2):
        if not _attributive_speech_act(participle):
            continue
        agent = _von_agent(tokens[:k])
        noun = next((t for t in tokens[k + 1:k + 4] if t.pos_ in {"NOUN", "PROPN"}), None)
        content = [t for t in tokens[k + 1:] if noun is not None and t.i <= noun.i]
        if not agent or not content or any(t.pos_ not in {"ADJ", "NOUN", "PROPN"} for t in content):
            continue
        frame = [t for t in _statement(tokens) if t not in content]
        return Quotation(type="reported", quote=char_spans(content), speaker=char_spans(agent), frame=char_spans(frame),
                         cue=char_spans([participle]), cue_lemma=participle.lemma_.lower(), rule=Rule.REPORTED,
                         confidence=0.5)
    return None


ATTRIBUTIVE_ENDINGS = ("te", "ten", "tes", "ter", "tem", "ne", "nen", "nes", "ner", "nem")  # "angekündigte"


def _attributive_speech_act(token: Token) -> bool:
    return (token.pos_ in {"ADJ", "VERB"} and token.lemma_.lower() in lexicon.REPORTED_VERBS
            and token.lower_.endswith(ATTRIBUTIVE_ENDINGS))


def _von_agent(before: list[Token]) -> list[Token]:
    """The person or organisation in a von-phrase that ends right before the participle."""
    von = next((j for j in range(len(before) - 1, max(-1, len(before) - 5), -1)
                if before[j].lower_ in {"von", "vom"}), None)
    agent = before[von + 1:] if von is not None else []
    if agent and all(t.pos_ in {"DET", "ADJ", "NOUN", "PROPN"} for t in agent) and any(
            t.ent_type_ in {"PER", "ORG"} for t in agent):
        return agent
    return []
