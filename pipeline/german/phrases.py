"""Noun phrases: speaker mentions, their full extent, and the phrases after source words.

The WikiNews annotators mark a speaker as its whole noun phrase ("Frankreichs Präsident
Jacques Chirac", "Günther Platter, der Verteidigungsminister Österreichs"); `full_mention`
grows a mention to that extent. The `np_*` helpers read noun phrases off the token order
where the parse is unreliable (after "laut", "nach Angaben", before "zufolge").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..lemmas import dictionary_lemma
from ..names import person_noun_gender
from ..verbforms import is_cue_verb_form
from .labels import (is_apposition, is_auxiliary_of_head, is_conjunct, is_coordinating, is_in_verb_chain,
                     is_nominal_attachment, is_subject)
from .prepositions import governed_by_preposition
from .punctuation import strip_end
from .time_phrases import date_phrase_start, is_date_phrase
from .words import (
    ANAPHORS,
    ARTICLES,
    CLOSING_MARKS,
    CONTINUING_ADVERBS,
    DATE_WORDS,
    DEMONSTRATIVES,
    GENERIC_PRONOUNS,
    GENITIVE_DETERMINERS,
    MASCULINE_ACCUSATIVE_ARTICLES,
    NOUN_PHRASE_POS,
    NP_LINKS,
    NP_POS,
    PERSONAL_PRONOUNS,
    PHRASE_FINAL_MARKS,
    QUANTIFIERS,
    SAID_NOUNS,
    SENTENCE_ADVERBS,
    SOURCE_WORDS,
    SPEAKER_LEADERS,
)


def follows_noun(token: Token) -> bool:
    """An apposition needs a noun (or a quoted name) before its comma."""
    return token.pos_ in {"NOUN", "PROPN"} or token.text in CLOSING_MARKS


def is_apposition_phrase(segment: list[Token]) -> bool:
    """A short verbless noun phrase between commas that opens with an article ('einem
    Boulevardblatt'); not an enumeration ('Japan und Südkorea') nor a clause whose verb the
    tagger missed ('dies geschehe/DET in dem Versuch')."""
    return (0 < len(segment) <= MAX_APPOSITION_TOKENS and segment[0].lower_ in ARTICLES
            and any(t.pos_ in {"NOUN", "PROPN"} for t in segment)
            and all(t.pos_ in NP_POS or t.lower_ in NP_LINKS for t in segment))

MAX_APPOSITION_TOKENS = 10


def np_to_end(tokens: list[Token], k: int) -> list[Token]:
    """'…, so der Sprecher.': a noun phrase that runs to the end of the sentence, with no verb."""
    rest = strip_end(tokens[k:])
    while rest and (rest[-1].pos_ == "ADV" or rest[-1].lower_ in CONTINUING_ADVERBS):
        rest = rest[:-1]  # ", so der Sprecher weiter.": the speaker goes on, "weiter" is no part of him
    if not rest or len(rest) > 12 or any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return []
    return rest if any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in rest) else []


def subject_of(verb: Token) -> list[Token]:
    """The subject noun phrase of a verb; coordinated verbs borrow their head verb's subject."""
    for candidate in (verb, *_verb_heads(verb)):
        # (a misparse hangs the subject below the auxiliary: "Die Fed/nsubj hat/aux … eingeräumt")
        auxiliaries = [c for c in candidate.children if is_auxiliary_of_head(c)]
        for child in [*candidate.children, *(c for aux in auxiliaries for c in aux.children)]:
            if is_subject(child) and _can_be_speaker(child):
                return noun_phrase(_after_dateline(child))
    return []


DATELINE_DASHES = {"–", "-", ":"}


def _after_dateline(head: Token) -> Token:
    """'TAIPEI, Taiwan – Nordkorea hat …' parsed with the dateline as the subject and the
    subject as its apposition: the word after the dash. (Any other head: itself.)"""
    doc = head.doc
    line_start = head.i == 0 or "\n" in doc[head.i - 1].text_with_ws
    if not (head.is_upper and len(head) > 1 and line_start):
        return head
    dash = next((t.i for t in doc[head.i + 1:head.i + 6] if t.text in DATELINE_DASHES), None)
    after = [t for t in head.subtree if dash is not None and t.i > dash and t.head.i < dash]
    return after[0] if after and after[0].pos_ in {"NOUN", "PROPN"} else head


def _can_be_speaker(token: Token) -> bool:
    """A subject head that can name a speaker: a nominal, not an adverbial the parser misread."""
    if token.pos_ == "ADJ" and token.is_title and person_noun_gender(token.text):
        return True  # "Premierministerin/ADJ Helen Clark sagte … zu": a person noun the tagger missed
    if token.pos_ not in {"NOUN", "PROPN", "PRON", "X"} or token.is_punct or token.lower_ in SENTENCE_ADVERBS:
        return False
    if capitalised_non_noun(token) or (token.lower_ in DATE_WORDS and is_date_phrase(noun_phrase(token))):
        return False  # "Generell …", "US-Behörden meldeten Anfang November" (a misparse)
    if governed_by_preposition(token):
        return False  # "gegen die Eskalationspolitik … sprach sich Gnauck aus": no subject is in a PP
    if is_said_object(token):
        return False
    cases = token.morph.get("Case")
    if not cases or "Nom" in cases:
        return True
    # the morphologizer often guesses the accusative where the form is also nominative
    # ("das Militär"): only a masculine accusative article ("den Minister") makes it one
    return "Acc" in cases and not any(child.lower_ in MASCULINE_ACCUSATIVE_ARTICLES for child in token.children)


def is_said_object(token: Token) -> bool:
    """'Tiktok weist die Vorwürfe zurück' (misparsed): a noun naming what is said, after its verb and a
    noun before that, is the object, unless the verb says what it is ("lautete die Frage")."""
    verb = token.head
    return (token.lemma_.lower() in SAID_NOUNS and verb.i < token.i and verb.pos_ in {"VERB", "AUX"}
            and verb.lemma_ not in {"lauten", "heißen", "sein"}
            and any(t.pos_ in {"NOUN", "PROPN"} for t in token.doc[token.sent.start:verb.i]))


def capitalised_non_noun(token: Token) -> bool:
    """'Generell geht der frühere Manager … aus', 'Besonders scharf kritisiert wurde …': a word
    capitalised only because it starts the sentence, which the dictionary (simplemma) knows as
    an adverb or adjective (its lemma is lower case), although the parser took it for a noun.
    Names and nouns keep their capital in the lemma ("Experten" -> "Experte")."""
    if not (token.is_sent_start and token.is_title and token.pos_ != "PRON" and token.lower_ not in QUANTIFIERS):
        return False  # (the cheap tests first: every noun of the linker's candidates comes here)
    lemma = dictionary_lemma(token.text)
    # (a verb lemma says only that the dictionary knows a first-person form: "Youtube" -> "youtuben")
    return lemma.islower() and not (lemma.endswith("n") and lemma.startswith(token.lower_) and lemma != token.lower_)


def with_entities(tokens: list[Token]) -> list[Token]:
    """Extend a speaker phrase to cover every named entity it touches ('Olaf' -> 'Olaf Scholz')."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    ids = {t.i for t in tokens}
    for t in tokens:  # walk each touched entity's IOB tags (no scan over all of doc.ents)
        if t.ent_iob_ in {"B", "I"}:
            start, end = t.i, t.i + 1
            while doc[start].ent_iob_ == "I" and start > 0:
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            ids.update(range(start, end))
    return [doc[i] for i in sorted(ids)]

MAX_SPEAKER_TOKENS = 20

MAX_TITLE_GAP = 3  # a title noun this close to a name heads the same phrase ("Präsident … Chirac")


def names_nobody(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    return len(words) == 1 and words[0].lower_ in GENERIC_PRONOUNS


def full_mention(tokens: list[Token], outside: set[int] = frozenset(), cue: set[int] = frozenset()) -> list[Token]:
    """The whole noun phrase a speaker mention belongs to, as the WikiNews annotators mark it:
    'Jacques Chirac' -> 'Frankreichs Präsident Jacques Chirac', 'Günther Platter' ->
    'Günther Platter, der Verteidigungsminister Österreichs'; never the tokens in `outside`
    (the quotation), nor a phrase around the cue. Pronouns stay as they are."""
    if not tokens:
        return tokens
    if len(tokens) > 1 and tokens[0].pos_ == "PRON" and tokens[0].lower_ in PERSONAL_PRONOUNS and not tokens[1].is_punct:
        return tokens[:1]  # "nannte sie Klöckner eine …": a misparse; a pronoun heads no phrase with a name
    if (attributed := participle_attribute_phrase(tokens)) is not None and not cue & {t.i for t in attributed}:
        return attributed  # (with the cue inside, the agent speaks: "die von Pistorius angekündigte …")
    ids = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])
    if top.pos_ not in {"NOUN", "PROPN"}:
        return tokens
    phrase = _phrase_around(top, ids, outside)
    doc = tokens[0].doc
    start, end = min(ids), max(ids)
    # (an adverb before an adjective belongs to it: "die staatlich geführte Nachrichtenagentur")
    while start - 1 in phrase and (doc[start - 1].pos_ in NOUN_PHRASE_POS
                                   or doc[start - 1].pos_ == "ADV" and doc[start].pos_ == "ADJ"):
        start -= 1
    if _after_dateline(doc[start]) is not doc[start]:  # "TAIPEI, Taiwan – Nordkorea": the dateline is no part
        start = max([start] + [k + 1 for k in range(start, min(ids)) if doc[k].text in DATELINE_DASHES])
    while end + 1 in phrase and doc[end + 1].pos_ not in {"VERB", "AUX"}:
        end += 1
    trimmed = _trim_speaker(doc, start, end)
    if trimmed is None or trimmed[1] - trimmed[0] + 1 > MAX_SPEAKER_TOKENS:
        return tokens
    return with_entities(list(doc[trimmed[0]:trimmed[1] + 1]))


MAX_PARTICIPLE_GAP = 2  # "von der Hamas [seit Jahren] kontrollierte"


def participle_attribute_phrase(tokens: list[Token]) -> list[Token] | None:
    """'Der von der Hamas kontrollierte Zivilschutz': a mention inside the "von" phrase of an
    extended participle attribute is the agent of the participle; the noun phrase it qualifies
    is the whole phrase, from its article to the noun after the participle. (An article right
    before "von" occurs in German only in this construction.) None where this is not so."""
    doc = tokens[0].doc
    start, end = tokens[0].i, tokens[-1].i
    while start > 0 and doc[start - 1].pos_ in {"DET", "ADJ"} and doc[start - 1].lower_ not in {"von", "vom"}:
        start -= 1  # "[von] der Hamas" given as "Hamas"
    if start < 2 or doc[start - 1].lower_ not in {"von", "vom"} or doc[start - 2].lower_ not in ARTICLES:
        return None
    for k in range(end + 1, min(end + 2 + MAX_PARTICIPLE_GAP, len(doc) - 1)):
        if doc[k].is_punct:
            return None
        if doc[k].is_lower and doc[k].pos_ in {"ADJ", "VERB", "AUX"} and doc[k + 1].pos_ in {"NOUN", "PROPN"} \
                and doc[k + 1].text[:1].isupper():
            return list(doc[start - 2:k + 2])
    return None


def _phrase_around(top: Token, ids: set[int], outside: set[int]) -> set[int]:
    """Token ids of the phrase: climb from the mention's head through nominal attachments to
    nouns on its left (a noun on the right that claims it is mostly a misparse: "Angaben der
    Junta zehn Personen"), add what stands before each noun on the way (articles, adjectives,
    titles) and a comma or bracket apposition after the last one."""
    path = [top]
    # the head may sit further left when the noun has its own premodifiers in between
    while (top.head.i < top.i and top.head.pos_ in {"NOUN", "PROPN"} and is_nominal_attachment(top)
           and top.head.i not in outside and top.i - top.head.i <= MAX_TITLE_GAP + len(list(top.lefts))):
        top = top.head
        path.append(top)
    phrase = ids | {t.i for t in path}
    for node in path:
        phrase |= {t.i for child in node.lefts for t in child.subtree}
    for child in top.rights:  # ", der Verteidigungsminister Österreichs", "(CDU)"
        opener = child.left_edge.i if child.left_edge.is_punct else child.left_edge.i - 1
        if is_apposition(child) and opener >= 0 and child.doc[opener].text in {",", "("}:
            phrase |= {t.i for t in noun_phrase(child)} | set(range(opener, child.i))
    return phrase - set(outside)


def _trim_speaker(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """No leading "nach", "Wie", "betonte", no trailing "weiter" or ":", and nothing glued to a
    person's name but an apposition or an attachment ("Präsident Putin Gerüchte" and "Kim
    Russland seiner Unterstützung" are misparses). None when no noun is left."""
    nominal = [k for k in range(start, end + 1) if doc[k].pos_ in {"NOUN", "PROPN"}]
    if not nominal:
        return None
    if doc[start].lower_ in ANAPHORS:  # "Das gab Minister Stolpe bekannt" parsed as one phrase
        verbs = [k for k in range(start, nominal[-1])
                 if doc[k].pos_ in {"VERB", "AUX"} or is_cue_verb_form(doc[k])]  # "gab/ADJ"
        start = verbs[-1] + 1 if verbs else start
    while start < nominal[-1] and (doc[start].pos_ in SPEAKER_LEADERS | {"VERB", "AUX", "SCONJ"}
                                   or doc[start].lower_ in SOURCE_WORDS  # "Laut" tagged as a noun
                                   or (doc[start].pos_ == "NUM" and doc[start + 1].pos_ in {"VERB", "AUX"})):
        start += 1  # ("2020 sprachen Nutzer": a year before the verb)
    # "der Dorfratsvorsitzende gegenüber „Wafa“": the one spoken to is not part of the speaker
    addressed = next((k for k in range(start + 1, end + 1) if doc[k].lower_ == "gegenüber"), None)
    if addressed is not None and nominal[0] < addressed:
        end = addressed - 1
        nominal = [k for k in nominal if k < addressed]
    names = [k for k in range(start, end + 1) if doc[k].ent_type_ == "PER"]
    if names and names[-1] < end:
        after = doc[names[-1] + 1]
        if not (after.is_punct or after.pos_ == "ADP" or after.ent_iob_ == "I"
                or (after.pos_ == "PROPN" and after.ent_iob_ != "B")):
            end = names[-1]
    while end > nominal[-1] and (doc[end].pos_ in {"ADV", "VERB", "AUX", "SCONJ", "CCONJ", "SPACE"}
                                 or doc[end].is_punct and doc[end].text not in PHRASE_FINAL_MARKS):
        end -= 1
    # "Als Hongkongs Chief Executive C.Y. Leung am Sonntag sagte": when, not who (a source keeps
    # its date, as the WikiNews annotators mark it: "Ersten Angaben vom gestrigen Mittwoch")
    date = date_phrase_start(list(doc[start:end + 1]))
    if date is not None and doc[start + date + 1].ent_iob_ != "I" and not any(
            lexicon.is_source_noun(doc[k].lower_) or doc[k].lower_.startswith(lexicon.NOUN_CUES)
            for k in range(start, start + date)):
        end = start + date - 1
    return start, end


def _verb_heads(verb: Token):
    node = verb
    for _ in range(3):
        if is_conjunct(node) or is_coordinating(node.head):
            node = node.head
            yield node
        elif node.head is not node and node.head.pos_ in {"AUX", "VERB"} and is_in_verb_chain(node):
            node = node.head
            yield node
        else:
            return


def noun_phrase(head: Token) -> list[Token]:
    """The subtree of a noun, cut before relative clauses and trailing punctuation."""
    tokens = []
    subtree = list(head.subtree)
    breaks = [k for k, t in enumerate(subtree) if t.text in {"–", "—", ":"} and (t.i < head.i or is_dateline(head))]
    if breaks:  # "TAIPEI, Taiwan – Nordkorea": a dateline is no part of the subject
        subtree = subtree[breaks[-1] + 1:]
    for t in subtree:
        if t.i > head.i and (t.pos_ in {"VERB", "AUX"} or t.lower_ in {"der", "die", "das", "welche"} and t.nbor(-1).text == ","):
            break
        tokens.append(t)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in PHRASE_FINAL_MARKS:
        tokens.pop()
    return tokens


def is_dateline(token: Token, sent: Span | None = None) -> bool:
    """'TAIPEI, Taiwan –' / 'SEOUL:' at the start of an article line is a dateline, not a speaker.
    (`sent`: the token's sentence, where the caller knows it; `Token.sent` walks the document.)"""
    sent = sent if sent is not None else token.sent
    return token.i - sent.start <= 3 and any(t.text in DATELINE_DASHES for t in sent[:6]) and (token.is_upper or token.i > sent.start)


def nominative_noun(token: Token) -> bool:
    """A capitalised noun or name that is not marked as another case than the nominative."""
    # ("US-Behörden" is not title-case, "Anfang November" no one)
    if token.pos_ not in {"NOUN", "PROPN"} or not token.text[:1].isupper() or token.lower_ in DATE_WORDS \
            or capitalised_non_noun(token):  # "Ähnlich wie 2020 sprachen …"
        return False
    cases = token.morph.get("Case")
    return not cases or "Nom" in cases


def noun_phrase_at(tokens: list[Token], k: int) -> list[Token]:
    """The noun phrase around tokens[k]: its determiners/adjectives before, genitives after."""
    start = k
    while start > 0 and tokens[start - 1].pos_ in {"DET", "ADJ", "NUM"}:
        start -= 1
    return with_entities(np_after(tokens, start))


def not_oblique(tokens: list[Token], k: int) -> bool:
    """Not marked dative or genitive: right after a speech verb the small backbone often tags the
    inverted subject ('gab Karsai an', 'teilte das Unternehmen mit') as an accusative object."""
    if {"Dat", "Gen"} & set(tokens[k].morph.get("Case")):
        return False
    return not any(t.lower_ in {"dem", "einem", "der", "einer", "des", "eines"} for t in tokens[max(0, k - 2):k])


def is_expletive(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ == "es"


def is_demonstrative(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ in DEMONSTRATIVES


def np_after(tokens: list[Token], k: int) -> list[Token]:
    """Noun phrase after 'laut'/'nach Angaben': determiners, adjectives, nouns and genitives."""
    out = []
    for t in tokens[k:]:
        if t.pos_ not in NP_POS and t.lower_ not in NP_LINKS and not (not out and t.lower_ in {"dessen", "deren"}) \
                and not _attributive_participle(t):
            break
        if out and _starts_next_phrase(t, out):  # "laut Polizei zwei Tote", "nach Angaben der UN ein Ergebnis"
            break
        out.append(t)
    while out and out[-1].lower_ in NP_LINKS and out[-1].text not in PHRASE_FINAL_MARKS:
        out.pop()
    return out[:15]


def _attributive_participle(token: Token) -> bool:
    """'laut vorläufigem/VERB Ergebnis': an inflected participle before a noun is an adjective."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (token.pos_ == "VERB" and token.is_lower and "Part" in token.morph.get("VerbForm")
            and token.lower_.endswith(("em", "en", "er", "es", "e")) and following is not None
            and following.pos_ in {"NOUN", "PROPN"})


def _starts_next_phrase(token: Token, before: list[Token]) -> bool:
    """After a noun, only a genitive or prepositional attribute continues a noun phrase; an
    article that is no genitive, a number or an adjective opens the clause's next phrase."""
    if not any(_nominal(t) for t in before) or not (_nominal(before[-1]) or before[-1].pos_ == "X"):
        return False
    if token.pos_ in {"DET", "PRON"}:
        return token.lower_ not in GENITIVE_DETERMINERS
    # "nach Angaben französischer Behörden": a genitive without article after a source noun
    genitive_adjective = token.lower_.endswith("er") and lexicon.is_source_noun(before[-1].lower_)
    return token.pos_ == "NUM" or (token.pos_ == "ADJ" and token.is_lower and not genitive_adjective)


def _nominal(token: Token) -> bool:
    """A noun, or a capitalised named-entity word the tagger took for something else ("laut Fed/DET")."""
    return token.pos_ in {"NOUN", "PROPN"} or (bool(token.ent_type_) and token.text[:1].isupper())


def np_before(tokens: list[Token], k: int) -> list[Token]:
    out = []
    for t in reversed(tokens[:k]):
        if t.text in {",", ":", ";"} or t.pos_ in {"VERB", "AUX"}:
            break
        out.insert(0, t)
    return out[-8:]
