"""Indirect speech: a content clause after or before a speech verb or a speech-act noun.

"X sagte, (dass) Y", "Y, sagte X", "die Forderung des X, dass Y", a dass-clause under any verb
("kamen zu dem Ergebnis, dass …", left to the scorer), a second coordinated speech verb
("…, und sagte, …") and an anaphoric frame in the next sentence ("… . Das berichtete X.").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .. import lexicon
from ..german.clauses import clause_subject, first_clause_of, governing_verb, outside_relative_clauses, zu_infinitive
from ..german.mood import is_finite_verb, is_konjunktiv, is_konjunktiv_i, is_konjunktiv_ii
from ..german.phrases import np_after, subject_of, with_entities
from ..german.punctuation import is_final_punct, strip_end
from ..german.words import ADVERBIAL_CONJUNCTIONS, ANAPHORS, GENITIVE_DETERMINERS, QUOTE_PAIRS
from ..quotation import Quotation, Rule, char_spans, overlaps_sentence
from ..verbforms import verb_lemma
from .complements import complement_after, complement_before, opens_relative_clause
from .cues import copula_of, cue_with_auxiliaries, is_speech_noun, lexicon_cue, noun_cue_phrase
from .roles import entity_after, fill_from_cue


def coordinated_statement(sent: Span, tokens: list[Token], first: Quotation, previous) -> Quotation | None:
    """'X hat anerkannt, dass …, und sagte, seine Soldaten hätten …': a second speech verb in a
    coordinated clause after the first quotation introduces a second one, by the same speaker."""
    end = first.quote[-1][1]
    rest = [t for t in tokens if t.idx >= end]
    start = next((k for k in range(len(rest) - 1) if rest[k].lower_ == "und" and lexicon_cue(rest[k + 1]) in
                  lexicon.SPEECH_VERBS and is_finite_verb(rest[k + 1])), None)
    if start is None:
        return None
    q = indirect_with_cue(sent, rest[start:], previous)
    if q is None or q.rule != Rule.INDIRECT_CUE:
        return None
    if not q.speaker:
        q.speaker = first.speaker
    q.sentence_index = first.sentence_index
    return q


def konjunktiv_frame(q: Quotation, tokens: list[Token]) -> bool:
    """An indirect quotation whose frame verb is in Konjunktiv I ('Man gehe davon aus, dass …')."""
    if q.rule not in {Rule.INDIRECT_CUE, Rule.INDIRECT_DASS}:
        return False
    frame_verb = next((t for t in tokens if t.idx < q.start and is_finite_verb(t)), None)
    # only unambiguous forms: "gestanden" may be tagged Konjunktiv
    return (frame_verb is not None and is_konjunktiv_i(frame_verb)
            and (frame_verb.lower_ in {"sei", "seien"} or frame_verb.lower_.endswith("e")))

MAX_ANAPHORIC_FRAME = 24  # tokens


def anaphoric_frame(sent: Span, before: Span, before_index: int, previous: list[Quotation]) -> list[Quotation]:
    """'… . Dies bestätigte Kim Jong Un.': a short frame whose content is the sentence before."""
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) < 3 or len(tokens) > MAX_ANAPHORIC_FRAME or tokens[0].lower_ not in ANAPHORS:
        return []
    cue = tokens[1] if lexicon_cue(tokens[1]) in lexicon.SPEECH_VERBS else None
    if cue is None or any(overlaps_sentence(before, q.quote) for q in previous):
        return []
    content = [t for t in before if not t.is_space]
    if len(content) < 4 or any(t.text in QUOTE_PAIRS for t in content):
        return []
    frame = [t for t in tokens if not is_final_punct(t)]
    # "Das berichtet die Nachrichtenagentur Kyodo …": the noun phrase right after the verb speaks
    # ("Das erklärte gestern ein Sprecher", "Dies geht aus einer Pressemitteilung … hervor")
    after = next((k for k in range(2, len(tokens)) if tokens[k].pos_ not in {"ADV", "ADP"}), len(tokens))
    speaker = (np_after(tokens, after) or entity_after(cue, frame)
               or with_entities([t for t in subject_of(cue) if t.lower_ not in ANAPHORS]))
    if not speaker:
        return []
    q = Quotation(type="indirect", quote=char_spans(strip_end(content, keep_final=True)), speaker=char_spans(speaker),
                  cue=char_spans(cue_with_auxiliaries(cue)), cue_lemma=lexicon_cue(cue), frame=char_spans(frame),
                  sentence_index=before_index, rule=Rule.INDIRECT_ANAPHOR, confidence=0.7)
    return [q]


def indirect_with_cue(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'X sagte, (dass) Y' and 'Y, sagte X' with a speech verb, and 'Y, befand X' with any verb
    that closes a Konjunktiv clause (`postposed_frame_verb`)."""
    cues = [t for t in tokens if lexicon_cue(t) in lexicon.SPEECH_VERBS]
    if not cues and (framing := postposed_frame_verb(tokens)) is not None:
        cues = [framing]
    for cue in cues:
        after = complement_after(cue, tokens)
        # (a question can be fronted only in a sentence that opens with "Auf": "Auf die Frage, ob …,
        # sagte Leavitt: „…“" is the question's claim, the answer's quote is a direct one)
        before = complement_before(cue, tokens) if after is None or tokens[0].lower_ == "auf" else None
        if before is not None and (asked := question_before(tokens, before)) is not None:
            return asked
        if after is None:
            content = before
        else:
            content = _fronted_konjunktiv_clause(cue, tokens) + after
            if (asked := question_before(tokens, content)) is not None:
                return asked
        if content is None:
            continue
        frame = [t for t in tokens if t not in content and not is_final_punct(t)]
        q = Quotation(type="indirect", quote=char_spans(content), rule=Rule.INDIRECT_CUE)
        fill_from_cue(q, cue, frame, exclude={t.i for t in content})
        q.frame = char_spans(frame)
        q.confidence = 0.8 if q.speaker else 0.6
        return q
    return noun_cue(tokens) or dass_clause(tokens)


SUBJECT_POS = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "X"}


def postposed_frame_verb(tokens: list[Token]) -> Token | None:
    """'Die Lage sei ernst, befand der Minister.', '…, schmunzelte Blanik.': a finite verb right
    after the comma that closes a Konjunktiv clause (I or II: "Der müsste dann …, befand er"),
    followed by nothing but its subject, frames that clause whatever the verb: the construction
    says so, the cue lexicon (mined from WikiNews) need not know the verb."""
    words = [t for t in tokens if not is_final_punct(t) and not t.is_space]
    for k in range(2, len(words) - 1):
        verb, rest = words[k], words[k + 1:]
        if words[k - 1].text != "," or verb.pos_ != "VERB" or not is_finite_verb(verb) or len(rest) > 6:
            continue
        if all(t.pos_ in SUBJECT_POS for t in rest) and any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in rest) \
                and any((is_konjunktiv(t) or is_konjunktiv_ii(t)) and is_finite_verb(t) for t in words[:k - 1]):
            return verb
    return None


def konjunktiv_after_colon(sent: Span, tokens: list[Token], previous) -> Quotation | None:
    """'Und er sieht noch einen Vorteil: Patienten seien weniger aufs Essen fixiert.', also
    across a sentence break after the colon (tried after source phrases: "Nach Ansicht von Lang
    hat die Präsidentin eine Rolle: Sie müsse …" is Lang's)."""
    doc = sent.doc
    last = next((doc[k] for k in range(sent.start - 1, -1, -1) if not doc[k].is_space), None)
    if last is not None and last.text == ":":  # (`Token.sent` walks the document: only after a colon)
        before = [t for t in doc[sent.start - 1].sent if not t.is_space]
        if len(before) >= 3 and before[-1].text == ":" and not any(t.text == ":" for t in before[:-1]):
            # (a claim of its own before the colon is continued by the Konjunktiv pass instead)
            if any(q.start < tokens[0].idx and max(e for _, e in q.quote) > before[0].idx for q in previous):
                return None
            return colon_konjunktiv(before + tokens)
    return colon_konjunktiv(tokens)


def colon_konjunktiv(tokens: list[Token]) -> Quotation | None:
    """'Und er sieht noch einen Vorteil: Patienten seien weniger aufs Essen fixiert.': a main
    clause ending in a colon, a Konjunktiv I clause after it; the main clause's subject holds
    what follows, its verb is the cue (left to the scorer, like a dass-clause)."""
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon < 2 or colon + 3 >= len(tokens):
        return None
    content = strip_end(tokens[colon + 1:])
    if not any(is_konjunktiv_i(t) for t in first_clause_of(outside_relative_clauses(content), min_length=2)):
        return None
    frame = tokens[:colon]
    verb = next((t for t in frame if is_finite_verb(t)), None)
    if verb is None or any(t.text in QUOTE_PAIRS for t in frame):
        return None
    q = Quotation(type="indirect", quote=char_spans(content), rule=Rule.INDIRECT_CUE)
    fill_from_cue(q, verb, frame, exclude={t.i for t in content})
    q.cue_lemma = verb_lemma(verb)
    q.frame = char_spans(frame)
    q.confidence = 0.5
    return q if q.speaker else None


def _fronted_konjunktiv_clause(cue: Token, tokens: list[Token]) -> list[Token]:
    """'Die Lage sei ernst, sagte der Minister, man müsse handeln': a Konjunktiv I clause before
    a frame inserted mid-sentence belongs to the quotation too (two pieces around the frame)."""
    k = next((j for j, t in enumerate(tokens) if t.i == cue.i), 0)
    if k < 3 or tokens[k - 1].text != ",":
        return []
    fronted = strip_end(tokens[:k - 1])
    return fronted if any(is_konjunktiv_i(t) for t in fronted) and "," not in {t.text for t in fronted} else []


def dass_clause(tokens: list[Token]) -> Quotation | None:
    """'Die Experten kamen zu dem Ergebnis, dass …', 'Im Mai wurde bekannt, dass …': a dass-clause
    under a verb outside the lexicon. Over-generates on purpose: the scorer (pipeline/score.py)
    learns from the governing verb's lemma which of these are quotations."""
    for k in range(1, len(tokens) - 3):
        if tokens[k].lower_ not in {"dass", "daß"} or tokens[k - 1].text != ",":
            continue
        if k >= 2 and tokens[k - 2].lower_ in {"so", "ohne", "als", "statt", "anstatt"}:
            continue
        verb = governing_verb(tokens[:k - 1])
        content = strip_end(tokens[k:])
        if verb is None or len(content) < 4:
            continue
        frame = [t for t in tokens[:k] if not is_final_punct(t)]
        q = Quotation(type="indirect", quote=char_spans(content), rule=Rule.INDIRECT_DASS)
        fill_from_cue(q, verb, frame, exclude={t.i for t in content})
        if is_konjunktiv_i(verb) and _speaker_under_preposition(q, tokens):
            return None  # "Für Privatkunden sei wichtig, dass …": a reported sentence, its speaker's run goes on
        q.cue_lemma = verb_lemma(verb)
        q.frame = char_spans(frame)
        q.confidence = 0.5
        return q
    return None


def _speaker_under_preposition(q: Quotation, tokens: list[Token]) -> bool:
    """The frame's 'speaker' is a noun phrase after a preposition ("Für Privatkunden"), or none."""
    speaker = [t for t in tokens if q.speaker and any(s <= t.idx < e for s, e in q.speaker)]
    if not speaker:
        return True
    before = speaker[0].doc[speaker[0].i - 1] if speaker[0].i > 0 else None
    return speaker[0].pos_ == "ADP" or (before is not None and before.pos_ == "ADP")


MAX_QUESTION_HOLDER = 5  # "auf die Frage [eines Journalisten der Agentur Reuters], ob …"


def question_before(tokens: list[Token], content: list[Token]) -> Quotation | None:
    """'Trump sagte auf die Frage eines Journalisten, ob …: „…“': a clause right after "die Frage
    (eines X)" is the question, asked by the genitive's holder, not said by the verb's subject;
    also fronted before its answer's frame ("Auf die Frage, ob …, sagte Leavitt: „…“")."""
    if content and content[0].lower_ == "auf":
        comma = next((k for k, t in enumerate(content) if t.text == ","), len(content))
        if any(t.lemma_ == "Frage" for t in content[:comma]) and comma + 1 < len(content):
            content = content[comma + 1:]
    comma = tokens.index(content[0]) - 1 if content else -1
    if comma < 1 or tokens[comma].text != ",":
        return None
    noun = next((k for k in range(comma - 1, max(-1, comma - 2 - MAX_QUESTION_HOLDER), -1)
                 if tokens[k].lemma_ == "Frage" or tokens[k].pos_ in {"VERB", "AUX"}), None)
    if noun is None or tokens[noun].lemma_ != "Frage":
        return None
    holder = [t for t in tokens[noun + 1:comma] if not t.is_punct]
    speaker = holder[1:] if holder and holder[0].lower_ in GENITIVE_DETERMINERS | {"von", "vom"} else []
    return Quotation(type="indirect", quote=char_spans(content), cue=char_spans([tokens[noun]]), cue_lemma="frage",
                     speaker=char_spans(with_entities(speaker)) if speaker else [],
                     frame=char_spans(tokens[noun:comma + 1]), rule=Rule.INDIRECT_NOUN, confidence=0.5)


def noun_cue(tokens: list[Token]) -> Quotation | None:
    """'die Forderung des CSU-Vorsitzenden, dass …', 'der Vorwurf, …': a speech-act noun with a clause."""
    for k, noun in enumerate(tokens):
        if not is_speech_noun(noun):
            continue
        comma = next((j for j in range(k + 1, min(k + 8, len(tokens))) if tokens[j].text == ","), None)
        if comma is None or comma + 1 >= len(tokens):
            continue
        content = strip_end(tokens[comma + 1:])
        first_clause = first_clause_of(content)
        # "die These vertreten, die Partei stagniere …": a Konjunktiv clause, like a dass-clause,
        # after a main clause ("sobald er sich der Meinung … anschließe, …" is no frame)
        clause_opener = next((t for t in reversed(tokens[:k]) if t.text == "," or t.pos_ == "SCONJ"
                              or t.lower_ in ADVERBIAL_CONJUNCTIONS), None)
        if content[0].lower_ not in {"dass", "daß", "ob"} and not zu_infinitive(content) and (
                not any(is_konjunktiv_i(t) for t in first_clause) or any(is_konjunktiv_i(t) for t in tokens[:comma])
                or (clause_opener is not None and clause_opener.text != ",")):
            continue
        if len(content) < 4 or opens_relative_clause(content):
            continue  # "falsche Behauptungen, die seit 2020 zirkulierten": about the claims, not one
        holder = [t for t in tokens[k + 1:comma] if not t.is_punct]
        if not holder or not (holder[0].lower_ in GENITIVE_DETERMINERS | {"von", "vom"} or holder[0].pos_ == "PROPN"):
            # "hatte das Gericht eine Mahnung an die Politik ausgesprochen, …": the frame's subject holds
            # it; "Die Ministerin ist der Meinung, …": the copula's subject, which the parse hangs on the noun
            holder = clause_subject(tokens[:comma], exclude=noun) or (subject_of(noun) if copula_of(noun) else [])
        cue = noun_cue_phrase(noun, {t.i for t in tokens[:comma]})
        q = Quotation(type="indirect", quote=char_spans(content), cue=char_spans(cue), cue_lemma=noun.lemma_.lower(),
                      speaker=char_spans(holder) if any(t.pos_ in {"NOUN", "PROPN"} for t in holder) else [],
                      frame=char_spans(tokens[max(0, k - 1):comma + 1]), rule=Rule.INDIRECT_NOUN, confidence=0.5)
        return q
    return None
