"""Source phrases: "laut X", "nach Angaben von X", "X zufolge", "wie X berichtete", "…, so X", "Demnach".

The phrase's holder speaks; the rest of its clause is the content (a source phrase inside a
subordinate clause speaks for that clause only). A sentence-opening phrase fills the prefield,
up to the finite verb.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .. import lexicon
from ..german.clauses import (
    insertion_end,
    subordinate_clause_end,
    subordinate_clause_start,
)
from ..german.mood import is_finite_verb, is_konjunktiv
from ..german.phrases import (
    MAX_APPOSITION_TOKENS,
    np_after,
    np_before,
    np_to_end,
    subject_of,
    with_entities,
)
from ..german.punctuation import is_final_punct, position_after, strip_edges, strip_end
from ..german.time_phrases import date_phrase_start
from ..german.words import NP_LINKS, NP_POS, PREFIELD_LOWER_POS, QUOTE_MARKS
from ..quotation import Quotation, Rule, char_spans
from .cues import lexicon_cue
from .roles import continue_previous


def _loudly(tokens: list[Token], k: int) -> bool:
    """"laut" after a verb and before a quotation mark is the adverb ("rief laut „…“"), not
    "according to" ("laut „Bild“", "laut Polizei")."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].pos_ in {"VERB", "AUX"} and tokens[k + 1].text in QUOTE_MARKS


def source_phrase(sent: Span, tokens: list[Token], previous, min_content: int = 3) -> Quotation | None:
    """'Laut X …', 'Nach Angaben von X …', 'X zufolge …', 'wie X berichtete, …', 'Demnach …'."""
    lowered = [t.lower_ for t in tokens]
    is_konjunktiv_sentence = any(is_konjunktiv(t) and is_finite_verb(t) for t in tokens)
    for k, word in enumerate(lowered):
        cue_tokens, speaker = None, None
        if word in {"laut", "gemäß"} or (word == "nach" and _source_noun_follows(tokens, k)):
            # (a name the noun phrase stops inside runs to its end: "der Gesellschaft für bedrohte Völker")
            cue_tokens, speaker = [tokens[k]], _with_apposition(tokens, with_entities(np_after(tokens, k + 1)))
            if word == "laut" and (not speaker or _loudly(tokens, k)):  # "rief laut „Lasst mich raus!“": loudly
                continue
            if k == 0:
                speaker = _prefield_rest(tokens, speaker)
        elif (word == "nach" and 0 < k <= 5 and lexicon.is_source_noun(lowered[k - 1])
              and np_before(tokens, k) and np_before(tokens, k)[0].i == tokens[0].i
              and not _opens_phrase(tokens, k + 1)):
            # postposition opening the sentence: "Seiner Meinung nach …", "Angaben der Polizei nach"
            # (not a preposition: "Aus vergleichenden Studien nach der Katastrophe …")
            cue_tokens, speaker = [tokens[k]], np_before(tokens, k)
        elif word == "so" and k + 1 < len(tokens) and lowered[k + 1] in CORRELATIVE_PARTICLES:
            continue  # "wenn auch kein politischer, so doch ein ideologischer Sieg": no source
        elif word == "so" and k > 0 and lowered[k - 1] == "," and (inserted := _inserted_source(tokens, k + 1)):
            cue_tokens, speaker = [tokens[k]], inserted  # "Diese Politik spalte, so Lang, nicht nur …"
        elif word == "so" and k > 0 and lowered[k - 1] == "," and np_to_end(tokens, k + 1):
            cue_tokens, speaker = [tokens[k]], np_to_end(tokens, k + 1)
        elif word == "zufolge" and k > 0:
            cue_tokens, speaker = [tokens[k]], np_before(tokens, k)
        elif word == "wie" and k + 2 < len(tokens):
            verb = next((t for t in tokens[k + 1:k + 12] if lexicon_cue(t) in lexicon.WIE_VERBS), None)
            if verb is not None:
                speaker, particle = _wie_holder([t for t in tokens[k + 1:tokens.index(verb)] if not t.is_punct])
                cue_tokens = [tokens[k], *particle, verb]
        elif word in lexicon.SOURCE_ADVERBS and (word == "demnach" or (word == "wonach" and k == 0)
                                                 or (word == "danach" and is_konjunktiv_sentence)):
            # "Demnach …": the adverb stands for the source (the dataset marks it as cue and speaker)
            cue_tokens, speaker = [tokens[k]], [tokens[k]]
        if cue_tokens is None:
            continue
        used = set(t.i for t in cue_tokens) | set(t.i for t in (speaker or []))
        lo = min(used)
        hi = max(used)
        # the phrase's extent: up to the following comma when it opens the sentence, and over an
        # insertion after it ("Nach Angaben eines Sprechers, der … angehört, wurde …")
        end_of_frame = hi
        after = position_after(tokens, hi)
        if after < len(tokens) and tokens[after].text == "," and lo == tokens[0].i:
            end_of_frame = insertion_end(tokens, tokens[after].i)
        content = [t for t in tokens if (t.i < lo or t.i > end_of_frame) and not is_final_punct(t)]
        clause_start = subordinate_clause_start(tokens, lo)
        if clause_start > tokens[0].i:  # the subordinate clause ends at its verb-final comma
            clause_end = subordinate_clause_end(tokens, hi)
            content = [t for t in content if clause_start <= t.i < clause_end]
        content = strip_edges(content)
        if len(content) < min_content:
            continue
        if word == "wie" and any(lexicon_cue(t) and subject_of(t) for t in content):
            continue  # "Kim beschuldigte die USA …, wie die Tagesschau berichtet": Kim speaks, via the Tagesschau
        frame = [t for t in tokens if lo <= t.i <= end_of_frame]
        q = Quotation(type="indirect", quote=char_spans(content), cue=char_spans(cue_tokens),
                      frame=char_spans(frame), cue_lemma=" ".join(t.lower_ for t in cue_tokens),
                      rule=Rule.source(word), confidence=0.75)
        q.speaker = char_spans(speaker or [])
        if not speaker:
            continue_previous(q, previous)
        return q
    return None


def _wie_holder(between: list[Token]) -> tuple[list[Token], list[Token]]:
    """'wie der Verband am Montag bekannt gab': the words between "wie" and the verb are the
    holder ("der Verband"), then when ("am Montag", "heute", left out) and the verb's separated
    particle ("bekannt", part of the cue)."""
    end = len(between)
    while end > 1 and between[end - 1].is_lower and between[end - 1].pos_ in {"ADJ", "ADP", "PART"}:
        end -= 1
    particle = between[end:]
    holder = between[:end]
    while len(holder) > 1 and holder[-1].is_lower and holder[-1].pos_ == "ADV":
        holder = holder[:-1]  # "heute", "bereits"
    date = date_phrase_start(holder)
    if date is not None:
        holder = holder[:date]
    return holder, particle


MAX_PREFIELD_REST = 12


def _prefield_rest(tokens: list[Token], phrase: list[Token]) -> list[Token]:
    """'Nach Angaben der Gesellschaft für Menschenrechte kommt es …': a source phrase that opens
    the sentence fills the whole prefield, so it runs up to the finite verb (German verb-second
    order), through what the noun phrase rules stop at: attributes ('für …', 'aus dem Jahr
    2005'), names in quotation marks, enumerations ('vieler Experten und Fans')."""
    if not phrase:
        return phrase
    k = position_after(tokens, phrase[-1].i)
    rest = []
    for t in tokens[k:k + MAX_PREFIELD_REST + 1]:
        if is_finite_verb(t):
            return phrase + rest
        if t.text in {",", ":", ";"} or is_final_punct(t) or t.pos_ in {"VERB", "AUX", "SCONJ"}:
            return phrase
        if t.is_lower and t.pos_ not in PREFIELD_LOWER_POS:  # "… Shops misst/NOUN das Gerät": a missed verb
            return phrase
        if t.pos_ == "NUM" and t.i < tokens[-1].i and t.nbor().pos_ in {"NOUN", "ADJ"}:  # "… 7.000 Menschen"
            return phrase
        rest.append(t)
    return phrase


def _with_apposition(tokens: list[Token], phrase: list[Token]) -> list[Token]:
    """'nach Angaben von Kristján Loftsson, einem Manager der Firma, wurde …': a verbless noun
    phrase between commas right after the source phrase belongs to it."""
    if not phrase:
        return phrase
    k = position_after(tokens, phrase[-1].i)
    if k >= len(tokens) or tokens[k].text != ",":
        return phrase
    closing = next((j for j in range(k + 1, min(len(tokens), k + 2 + MAX_APPOSITION_TOKENS)) if tokens[j].text == ","), None)
    inner = tokens[k + 1:closing] if closing is not None else []
    if (len(inner) < 2 or inner[0].pos_ not in {"DET", "ADJ", "NOUN", "PROPN"}
            or any(t.pos_ not in NP_POS and t.lower_ not in NP_LINKS for t in inner)
            or not any(t.pos_ in {"NOUN", "PROPN"} for t in inner)):
        return phrase
    return phrase + [tokens[k]] + inner


MAX_INSERTED_SOURCE = 6  # tokens


CORRELATIVE_PARTICLES = {"doch", "auch", "aber", "wie", "dass", "weit", "lange", "sehr", "viel"}


def _inserted_source(tokens: list[Token], k: int) -> list[Token]:
    """', so Lang, …': a short noun phrase without a verb between 'so' and the next comma, with
    the sentence going on after it (not a name in apposition: ", so der Sprecher, Hans Müller.")."""
    comma = next((j for j in range(k, min(len(tokens), k + MAX_INSERTED_SOURCE + 1)) if tokens[j].text == ","), None)
    rest = strip_end(tokens[comma + 1:]) if comma is not None else []
    if comma is None or comma == k or len(rest) < 3 or all(t.pos_ in {"PROPN", "PUNCT"} for t in rest):
        return []
    phrase = tokens[k:comma]
    if any(t.pos_ in {"VERB", "AUX"} for t in phrase) or not any(t.pos_ in {"NOUN", "PROPN"} for t in phrase):
        return []
    return phrase


def names_a_source(tokens: list[Token]) -> bool:
    """The words hold a source phrase's head: "laut", "zufolge", "gemäß", "nach Angaben" (not ",
    so X", which after a quote is the quote's own frame)."""
    return any(t.lower_ in {"laut", "zufolge", "gemäß"} or (t.lower_ == "nach" and _source_noun_follows(tokens, k))
               for k, t in enumerate(tokens))


def _opens_phrase(tokens: list[Token], k: int) -> bool:
    """An article, adjective, number or noun at position k: a noun phrase begins there."""
    return k < len(tokens) and tokens[k].pos_ in {"DET", "ADJ", "NUM", "NOUN", "PROPN"}


def _source_noun_follows(tokens: list[Token], k: int) -> bool:
    """'nach Angaben …', 'nach ersten Informationen', 'nach einer norwegischen Studie'."""
    for n, t in enumerate(tokens[k + 1:k + 5]):
        if t.pos_ in {"NOUN", "PROPN"} or t.is_title:
            if n == 0 and t.lower_.endswith("s") and t.pos_ == "PROPN":  # "nach Grupps Meinung"
                continue
            return lexicon.is_source_noun(t.lower_)
    return False
