"""Clauses: where a main clause, a subordinate clause, a complement or an insertion ends.

German word order carries what the small backbone's parse often gets wrong: the finite verb
in second position of a main clause, the finite verb last in a subordinate one, commas
around every subordinate clause. These helpers read clause boundaries from that order.
"""
from __future__ import annotations

from spacy.tokens import Token

from .mood import is_finite_verb, is_infinitive, is_konjunktiv
from .phrases import subject_of, with_entities
from .punctuation import strip_end
from .words import (
    CLAUSE_OPENERS,
    COMMENT_RELATIVES,
    OPENING_MARKS,
    RELATIVE_PRONOUNS,
    RELATIVE_SOURCES,
)


def governing_verb(main_clause: list[Token]) -> Token | None:
    """The verb of the clause before the comma: its participle or infinitive if it has one,
    else its finite verb."""
    verbs = [t for t in main_clause if t.pos_ in {"VERB", "AUX"}]
    if not verbs:
        return None
    full = [t for t in verbs if t.pos_ == "VERB"]
    return (full or verbs)[-1]


def first_clause_of(tokens: list[Token], min_length: int = 0) -> list[Token]:
    """The tokens before the first comma that has at least `min_length` tokens before it."""
    return tokens[:next((j for j, t in enumerate(tokens) if t.text == "," and j >= min_length), len(tokens))]


def clause_subject(clause: list[Token], exclude: Token) -> list[Token]:
    """The subject of a clause's main verb or of its finite auxiliary (parsers attach it to either)."""
    verbs = [governing_verb(clause)] + [t for t in clause if is_finite_verb(t)]
    for verb in verbs:
        subject = [t for t in subject_of(verb) if t.i != exclude.i] if verb is not None else []
        if subject:
            return subject
    return []


def antecedent(relative: Token) -> list[Token]:
    """The noun before the comma that opens a relative clause (the full mention grows it)."""
    doc = relative.doc
    if relative.i < 2 or doc[relative.i - 1].text != ",":
        return []
    noun = doc[relative.i - 2]
    return with_entities([noun]) if noun.pos_ in {"NOUN", "PROPN"} else []


def without_relative_source(content: list[Token]) -> list[Token]:
    """'Berichte, wonach Zeugen …', 'Studien, nach denen …': the relative source words belong to
    the frame, the clause after them is the content."""
    words = tuple(t.lower_ for t in content[:2])
    for opener in RELATIVE_SOURCES:
        if words[:len(opener)] == opener:
            return content[len(opener):]
    return content


def frames_as_source(verb: Token) -> bool:
    """'…, so berichtet Reuters': an indicative finite verb right after "so" frames a source;
    it says nothing of its own."""
    return (verb.i > 0 and verb.nbor(-1).lower_ == "so" and is_finite_verb(verb)
            and not is_konjunktiv(verb))


def content_end(content: list[Token]) -> list[Token]:
    """Where a complement clause ends before the sentence does: before a clause commenting on the
    whole ('…, wobei diese Aufgabe … angesiedelt wurde'), a second main clause of the speaker
    ('… und kündigte an, …'), a source frame ('…, so berichtet Reuters') or a direct quote
    ('…: „…“')."""
    quoted = False
    for j in range(1, len(content) - 2):
        word, following, after = content[j], content[j + 1], content[j + 2]
        quoted = _inside_quotation_marks(word, quoted)
        if quoted:
            continue
        if word.text == ":" and following.text in OPENING_MARKS:
            return strip_end(content[:j])
        if word.text == "," and following.lower_ == "so" and frames_as_source(after):
            return strip_end(content[:j])
        if (word.text == "," and following.lower_ in COMMENT_RELATIVES
                and not any(is_konjunktiv(t) and is_finite_verb(t) for t in content[j + 1:])):
            return strip_end(content[:j])
        # "… und kündigte an": a finite verb right after "und", not an adjective before a noun
        if (word.lower_ == "und" and following.is_lower and is_finite_verb(following) and not is_konjunktiv(following)
                and after.pos_ not in {"NOUN", "PROPN", "ADJ"}):
            return strip_end(content[:j])
    return content


def _inside_quotation_marks(token: Token, inside: bool) -> bool:
    """Whether the text after `token` is inside quotation marks, given whether it was before."""
    if token.text in {"„", "«", "‚"}:
        return True
    if token.text in {"“", "”", "\"", "»", "‘"}:
        return not inside  # closes „…“, or opens “…”
    return inside


def outside_relative_clauses(tokens: list[Token]) -> list[Token]:
    """The tokens outside comma-delimited stretches that open with a relative pronoun ('…, der
    seit Jahren im Exil lebt, …', '…, in denen …'), without the commas around them: "viele der
    Erzählungen, die jetzt auftauchen, hätten …" -> "viele der Erzählungen hätten …"."""
    out: list[Token] = []
    relative = False
    for k, t in enumerate(tokens):
        if t.text == ",":
            closing = relative
            rest = tokens[k + 1:k + 3]
            first = rest[1] if len(rest) == 2 and rest[0].pos_ == "ADP" else rest[0] if rest else None
            relative = first is not None and first.pos_ == "PRON" and "Rel" in first.morph.get("PronType")
            if closing:
                continue
        if not relative:
            out.append(t)
    return out


def zu_infinitive(content: list[Token]) -> bool:
    """'… bereit erklärt, auf das Amt zu verzichten': an infinitive clause with zu."""
    first_clause = first_clause_of(content, min_length=2)
    return any(t.lower_ == "zu" and k + 1 < len(content) and content[k + 1].pos_ in {"VERB", "AUX"}
               for k, t in enumerate(content)) or any("zu" in t.lower_[2:-2] and is_infinitive(t)
                                                      for t in content[-2:] + first_clause[-3:])


def subordinate_clause_start(tokens: list[Token], k: int) -> int:
    """'Die Hunde trafen verspätet ein, da nach Angaben der Fluggesellschaft …': a source phrase
    inside a subordinate clause speaks for that clause only."""
    comma = next((t.i for t in reversed(tokens) if t.i < k and t.text == ","), None)
    if comma is None or comma + 1 >= k:
        return tokens[0].i
    doc = tokens[0].doc
    opener = doc[comma + 1]
    relative_after_preposition = opener.pos_ == "ADP" and comma + 2 < k and doc[comma + 2].lower_ in RELATIVE_PRONOUNS
    if opener.lower_ in CLAUSE_OPENERS or opener.pos_ == "SCONJ" or relative_after_preposition:
        return comma + 1
    return tokens[0].i


def subordinate_clause_end(tokens: list[Token], k: int) -> int:
    """Token id where a subordinate clause around position k ends: at the first comma after k
    that is followed by the main clause's finite verb ('…, auf dem sich … befunden haben sollen,
    ist gekentert'), else at the sentence end."""
    doc = tokens[0].doc
    for t in tokens:
        if t.i > k + 1 and t.text == "," and t.i < tokens[-1].i and is_finite_verb(doc[t.i + 1]):
            return t.i
    return tokens[-1].i + 1

MAX_INSERTION_TOKENS = 20


def insertion_end(tokens: list[Token], comma: int) -> int:
    """The comma after a sentence-opening source phrase, or, when a relative clause or an
    apposition follows it ('…, der vom Sender befragt wurde, würde …'), the comma that closes
    that insertion: the one right before the main clause's finite verb (verb-second)."""
    doc = tokens[0].doc
    last = tokens[-1].i
    if comma + 1 <= last and is_finite_verb(doc[comma + 1]):
        return comma
    for j in range(comma + 2, min(last, comma + MAX_INSERTION_TOKENS + 1)):
        if doc[j].text == "," and j + 1 <= last and is_finite_verb(doc[j + 1]):
            return j
    return comma
