"""Complements: which words around a speech verb are what was said.

"X sagte, (dass) Y" has its content after the cue, "Y, sagte X" before it. The content after a
comma counts when it is a dass/ob-clause, a Konjunktiv clause, a zu-infinitive or, after a verb
that plainly reports, any clause; the content before it when it is a clause of its own, not a
subject with an apposition ("Der CSU-Vorsitzende, Edmund Stoiber, warf …") nor a fronted
adverbial clause ("Da Krebsbehandlungen … verlaufen, rechnet Dittrich mit …"). Used by the
indirect-speech rules (`indirect.py`) and the quote tagger's spans (`tagged.py`).
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import lexicon
from ..german.clauses import content_end, first_clause_of, outside_relative_clauses, without_relative_source, zu_infinitive
from ..german.mood import KONJUNKTIV_FORMS, is_finite_verb, is_konjunktiv, is_konjunktiv_i, third_person_in_e
from ..german.phrases import follows_noun, is_apposition_phrase
from ..german.punctuation import strip_end
from ..german.words import ADVERBIAL_CONJUNCTIONS, ARTICLES, RELATIVE_SUBJECTS
from .cues import is_particle_of, lexicon_cue


def complement_after(cue: Token, tokens: list[Token]) -> list[Token] | None:
    """Content after the comma that follows the cue: ', dass …', ', ob …' or a Konjunktiv clause."""
    # a separated particle closes the frame: "gab der Leiter, Andreas Huber, bekannt, dass …"
    particle = next((t for t in tokens if t.i > cue.i and is_particle_of(t, cue)), None)
    frame_end = particle.i if particle is not None else cue.i
    positions = [k for k, t in enumerate(tokens) if t.i > frame_end and t.text in {",", ":"}]
    if not positions:
        return None
    k = positions[0]
    if len(positions) > 1 and follows_noun(tokens[k - 1]) and is_apposition_phrase(tokens[k + 1:positions[1]]):
        k = positions[1]  # "schrieb X in der „Correio da Manhã“, einem Boulevardblatt, die … sei …"
    between = tokens[tokens.index(cue) + 1:k]
    if any(is_finite_verb(t) for t in between):
        return None
    content = without_relative_source(content_end(strip_end(tokens[k + 1:])))
    if len(content) < 3:
        return None
    if content[0].lower_ == "wie" and any(lexicon_cue(t) for t in content[:8]):
        return None  # "…, wie die Tagesschau berichtet": a source clause, not what was said
    if content[0].lower_ in ADVERBIAL_CONJUNCTIONS:
        return None  # "rief er an, um sein Abo zu kündigen": purpose, not content
    if opens_relative_clause(content):
        return None  # "meldete das Ministerium, das unter der Kontrolle der Hamas steht": about the speaker
    # the clause right after the comma must carry the verb: "kritisierte die USA, Japan und
    # Südkorea, die … führe" is an enumeration followed by a relative clause, not content
    # (a relative clause after the subject does not end the first clause: "viele der
    # Erzählungen, die jetzt auftauchen, hätten …")
    first_clause = first_clause_of(outside_relative_clauses(content))
    first_person = any(t.lower_ == "ich" for t in first_clause)
    if (content[0].lower_ in {"dass", "daß", "ob", "wie", "warum", "weshalb", "wann", "wo"}
            or tokens[k].text == ":"
            or any(is_konjunktiv(t) or third_person_in_e(t, first_person) for t in first_clause
                   if t.pos_ in {"AUX", "VERB"} or t.lower_ in KONJUNKTIV_FORMS)
            or zu_infinitive(content)
            or (lexicon_cue(cue) in lexicon.SAYING_VERBS and any(is_finite_verb(t) for t in first_clause[:8]))):
        return content
    return None


def complement_before(cue: Token, tokens: list[Token]) -> list[Token] | None:
    """'Y, sagte X.' / 'Y, so X.': the content precedes a comma right before the cue."""
    position = tokens.index(cue)
    k = position - 1
    if k >= 0 and tokens[k].lower_ == "so":
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    content = tokens[:k]
    # (a lowercase "noun" is a verb the tagger missed: "Die Strahlung betrage/NOUN …, erklärte TEPCO";
    # a verb only in a relative clause leaves a subject: "Thaksin Shinawatra, der … lebt, wandte sich …")
    main_parts = outside_relative_clauses(content)
    if len(content) < 3 or not any(t.pos_ in {"VERB", "AUX"} or (t.pos_ == "NOUN" and t.is_lower) for t in main_parts):
        return None  # "Der CSU-Vorsitzende, Edmund Stoiber, warf …": a subject, not content
    if _only_participles(main_parts):
        return None  # "Karin Krapp, eine Betroffene und im Forum engagiert, kritisierte …": an apposition
    if (content[0].lower_ in ADVERBIAL_CONJUNCTIONS and not _main_clause_after(content)) \
            or _verbs_only_in_adverbial_clause(content):
        return None  # "Da Krebsbehandlungen … verlaufen, rechnet Dittrich mit …": a fronted adverbial clause
    return content


def _main_clause_after(content: list[Token]) -> bool:
    """'Als Kämpfer die Stadt einnahmen, töteten sie …': a finite verb right after a comma opens
    the main clause that the fronted adverbial clause belongs to, so the whole is a statement
    (not one that introduces a quote: "Da …, war Schaaf zufrieden: „…“, sagte er")."""
    return not any(t.text == ":" for t in content) and any(
        content[k - 1].text == "," and content[k].pos_ in {"VERB", "AUX"} and is_finite_verb(content[k])
        for k in range(2, len(content)))


def _verbs_only_in_adverbial_clause(content: list[Token]) -> bool:
    """'Ähnlich wie in 2020, als … verbreitete, sprachen Nutzer …': the finite verbs before the
    frame all lie in a clause opened by a conjunction after a comma; what is left has none."""
    opener = next((k for k in range(1, len(content)) if content[k].lower_ in ADVERBIAL_CONJUNCTIONS
                   and content[k - 1].text == ","), None)
    return opener is not None and not any(is_finite_verb(t) for t in content[:opener])


def _only_participles(tokens: list[Token]) -> bool:
    """Verbs, but all of them participles: an apposition ('… im Forum engagiert'), not a clause."""
    verbs = [t for t in tokens if t.pos_ in {"VERB", "AUX"}]
    return bool(verbs) and not any(t.pos_ == "NOUN" and t.is_lower for t in tokens) and all(
        _participle(t) and not is_finite_verb(t) for t in verbs)


def _participle(verb: Token) -> bool:
    """VerbForm=Part, or a past tense without mood or verb form: how the project's morphologizer
    marks some participles ("engagiert": Tense=Past)."""
    morph = verb.morph
    return "Part" in morph.get("VerbForm") or (
        "Past" in morph.get("Tense") and not morph.get("Mood") and not morph.get("VerbForm"))


def opens_relative_clause(content: list[Token]) -> bool:
    """'das ebenfalls … steht', 'die … leitet': a relative pronoun, not an article (no noun or
    adjective after it) and not "dass", in the indicative ("kündigte einen Vorschlag an, der das
    Abkommen untergraben werde": a Konjunktiv relative clause reports what was said)."""
    first = content[0]
    if first.lower_ not in RELATIVE_SUBJECTS or len(content) < 2:
        return False
    clause = first_clause_of(content)
    if any(is_konjunktiv_i(t) or lexicon_cue(t) for t in clause):
        return False  # (nor one whose own verb reports: "die Angaben der Polizei, die einen Tod bekannt gab")
    # ("der dem Bericht beigefügt war": an article never stands before another article)
    # (the tagger also calls the pronoun an article: "eine Pandemie, die/DET geplant wurde")
    return first.pos_ in {"PRON", "DET"} and (content[1].pos_ not in {"NOUN", "PROPN", "ADJ", "NUM", "DET"}
                                              or content[1].lower_ in ARTICLES)
