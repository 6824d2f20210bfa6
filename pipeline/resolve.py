"""Stage 4, speakers: a canonical name per quotation, within one article.

- persons and organisations of the article (`name_clusters.py`): PER entities grown to the
  whole name, names the NER missed, surnames alone after a full name; name variants merge
  ("Kim", "Kim Jong-un", "Kim Jong Un" -> one cluster, named by the longest variant);
- a mention that contains a person or organisation takes its cluster (persons first);
- pronouns, and "der"/"die" alone, take the latest person named since the sentence before the
  statement (outside quotations, agreeing in gender), else the organisation or the people the
  sentence before is about ("Die Armee … . Sie erklärte …", "Die Eisenbahner … . Sie fordern …"),
  else the latest speaker, named or described ("Ein Polizeisprecher sagte … . Er fügte hinzu");
- definite role nouns ("der nordkoreanische Staatschef", "die Nachrichtenagentur") take the
  person or organisation the article introduced with them (pipeline/speaker_roles.py), and
  "der Konzern", "die Organisation" the organisation named last; indefinite ones ("ein
  Polizeisprecher") stay unnamed;
- other mentions are described without verbs, dates or relative clauses, source phrases by
  their holder ("Angaben der Polizei" -> "Polizei"), in the nominative ("Angaben des
  Auswärtigen Amtes" -> "Auswärtiges Amt", pipeline/german/inflection.py).
Across articles, pipeline/identity.py gives each identity one `speaker_id`.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import lexicon
from .descriptions import (POSSESSIVES, body_before, description, group_before, own_source_subject, owned_source,
                           previous_subject, relative_antecedent)
from .german.inflection import nominative
from .german.time_phrases import is_date_word
from .german.words import INDEFINITE_ARTICLES, PRONOUNS
from .guard import guarded
from .name_clusters import NameClusters, dated, name_spans, owner_of_person
from .names import gender_of_name, person_noun_gender
from .quotation import Quotation, char_spans, get_quotations, set_quotations, tokens_at
from .speaker_roles import (find_roles, organisation_body, organisation_described, organisation_name, organisation_roles,
                            role_holder, speaker_role)


@Language.factory("claims_speakers")
def make_speaker_resolver(nlp: Language, name: str):
    return guarded(SpeakerResolver())


class SpeakerResolver:
    def __call__(self, doc: Doc) -> Doc:
        quotations = get_quotations(doc)
        if not quotations:
            return doc
        clusters = NameClusters(name_spans(doc))
        roles = find_roles(doc, clusters)
        organisations = organisation_roles(doc, clusters)
        quoted = {t.i for q in quotations for t in tokens_at(doc, q.quote)}
        resolved_so_far: list[tuple[int, str, str]] = []  # (char offset, canonical, label)
        for q in sorted(quotations, key=lambda q: _speaker_start(q)):
            canonical, label = resolve_mention(doc, q, clusters, roles, organisations, resolved_so_far, quoted)
            q.speaker_canonical, q.speaker_label = canonical, label or q.speaker_label
            q.speaker_role = speaker_role(doc, q, canonical, q.speaker_label)
            if canonical and q.speaker:
                resolved_so_far.append((q.speaker[0][0], canonical, label or _untagged_name(doc, q)))
        set_quotations(doc, quotations)
        return doc


def _untagged_name(doc: Doc, q: Quotation) -> str | None:
    """'PER' for a speaker mention the NER left untagged that the tagger calls a proper name
    ("Ben-Gvir"): a person a later "er" or "sie" may stand for."""
    tokens = [t for t in tokens_at(doc, q.speaker) if not t.is_punct]
    if 0 < len(tokens) <= 2 and all(t.pos_ == "PROPN" and not t.ent_type_ for t in tokens):
        return "PER"
    return None


def _speaker_start(q: Quotation) -> int:
    return q.speaker[0][0] if q.speaker else q.start


def resolve_mention(doc, q: Quotation, clusters: NameClusters, roles, organisations, resolved_so_far,
                    quoted: set[int] = frozenset()):
    """Return (canonical name, entity label) for the quotation's speaker mention."""
    if not q.speaker:
        return None, None
    start, end = q.speaker[0][0], q.speaker[-1][1]
    mention = doc.char_span(start, end, alignment_mode="expand")
    if mention is None:
        return None, None
    # 1. a named entity inside the mention: persons before organisations, names with a known
    #    first name before other "persons" ("Luke Bartholomew vom Vermögensverwalter Aberdeen
    #    Investments"), then the longest ("Der Führer Nordkoreas, Kim Jong-un" -> "Kim Jong-un");
    #    a person's name may run past a mention the parse cut short ("Der Betroffenenvertreter Detlev")
    named = [e for e in clusters.names if (e.label_ == "PER" and e.start < mention.end and e.end > mention.start
                                            and not owner_of_person(e, clusters))
             or (e.label_ == "ORG" and e.start >= mention.start and e.end <= mention.end)]
    if named and all(e.label_ == "ORG" for e in named) and (body := organisation_body(mention, named)) is not None:
        return body, "ORG"
    if named:
        ent = max(named, key=lambda e: (e.label_ == "PER", gender_of_name(e.text) is not None, len(e), e.start))
        cluster = clusters.lookup(ent.text, ent.label_)
        if ent.label_ == "ORG" and not cluster:
            ent = organisation_name(ent, mention)
        return (NameClusters.canonical(cluster) if cluster else nominative(list(ent)) or ent.text), ent.label_
    words = [t for t in mention if not t.is_punct]
    earlier = [r for r in resolved_so_far if r[0] < start]
    # "nach eigenen Angaben": the one the sentence is about speaks for himself
    if any(t.lower_.startswith("eigen") for t in words) and any(lexicon.is_source_noun(t.lower_) for t in words):
        holder = next((e for e in clusters.names if e.sent.start == mention.sent.start and e.end <= mention.start), None)
        if holder is not None:
            return clusters.full_name(holder), holder.label_
        # "Nach eigenen Angaben hat er …": the sentence's pronoun, resolved as below
        pronoun = next((t for t in mention.sent if t.lower_ in {"er", "sie"} and t.pos_ == "PRON"), None)
        subject = own_source_subject(mention) if pronoun is None else None
        if pronoun is not None:
            words = [pronoun]
        elif subject and subject[0].pos_ != "PRON":  # "Die Feuerwehr hat nach eigenen Angaben …"
            return resolve_mention(doc, replace(q, speaker=char_spans(subject)), clusters, roles, organisations,
                                   resolved_so_far, quoted)
    # "nach seiner Meinung": the person named last, as for "er"; nobody where none is near
    if (owner := owned_source(words)) is not None:
        recent = _recent_person(clusters, owner, pronoun_gender(owner), quoted, min(q.start, start))
        return (recent, "PER") if recent else (None, None)
    # "Demnach …": the source named before speaks again; where none did, the subject of the
    # sentence before ("Die Staatsanwaltschaft hat … bekannt gegeben. Demnach …"); "Ägypten,
    # das vorschlug": the relative pronoun's noun
    if len(words) == 1 and words[0].lower_ in lexicon.SOURCE_ADVERBS and earlier:
        return earlier[-1][1], earlier[-1][2]
    if len(words) == 1 and (
            (words[0].lower_ in lexicon.SOURCE_ADVERBS and (phrase := previous_subject(mention)))
            or (phrase := relative_antecedent(words[0]))):
        return resolve_mention(doc, replace(q, speaker=char_spans(phrase)), clusters, roles, organisations,
                               resolved_so_far, quoted)
    # 2. a pronoun (or a demonstrative "der"/"die" standing alone): the person it stands for
    if len(words) == 1 and (words[0].lower_ in PRONOUNS or words[0].lower_ in DEMONSTRATIVE_SPEAKERS):
        gender = pronoun_gender(words[0])
        recent = _recent_person(clusters, words[0], gender, quoted, min(q.start, start))
        if recent is not None:
            return recent, "PER"
        # "Die Armee sei … vorgegangen. Sie erklärte …", "Die Eisenbahner … . Sie fordern …"
        if (body := body_before(words[0]) or group_before(words[0])) is not None:
            return resolve_mention(doc, replace(q, speaker=char_spans(body)), clusters, roles, organisations,
                                   resolved_so_far, quoted)
        # the latest person who spoke before: named, or described ("Ein Polizeisprecher sagte, … .
        # Er fügte hinzu, …")
        person = next((r for r in reversed(earlier) if (r[2] == "PER" and agrees(r[1], gender))
                       or (r[2] is None and gender is not None and description_gender(r[1]) == gender
                           and not _persons_named(clusters, r[0], start, gender))), None)
        if person:
            return person[1], person[2]
        name = _latest_name_before(clusters, start, gender)
        return name, ("PER" if name else None)
    # 3. a name the NER missed, matching a known cluster ("Kim")
    owners = {t.i for e in clusters.names if mention.start <= e.start and e.end <= mention.end
              and owner_of_person(e, clusters) for t in e}  # ("Der behandelnde Arzt Lahms": not Lahm)
    proper = [t for t in words if t.pos_ == "PROPN" and t.text[:1].isupper()  # not "das israelische Militär"
              and t.i not in owners and not is_date_word(t)]
    titled = [t.text for t in words if t.is_title and not dated(t)  # ("der Verband am Montag": no Jerzy Montag)
              and t.i not in owners]
    for candidate in ([" ".join(t.text for t in proper)] if proper else []) + titled:
        cluster = clusters.lookup(candidate)
        if cluster:
            return NameClusters.canonical(cluster), cluster["label"]
    # 4. a definite role noun: the person the article introduced with it ("die
    #    Synodalpräsidentin" -> "Synodenpräsidentin Annekathrin Preidel"); "ein Polizeisprecher"
    #    stays unnamed
    if words and words[0].lower_ not in INDEFINITE_ARTICLES:
        for token in words:
            if token.pos_ in {"NOUN", "PROPN"} or token.is_title:  # ("US-Generals" is no title case)
                cluster = role_holder(roles, token.lower_)
                if cluster:
                    return NameClusters.canonical(cluster), cluster["label"]
        # "die staatliche Nachrichtenagentur" -> KCNA, introduced as "Nachrichtenagentur KCNA"
        head = next((t for t in words if t.pos_ == "NOUN" and t.is_title), None)
        cluster = (organisations.get(head.lower_) if head is not None else None) or organisation_described(
            words, clusters, start)  # "der Konzern": the organisation named last
        if cluster:
            return NameClusters.canonical(cluster), cluster["label"]
        # "so der Experte", "sagte der Finanzprofessor", with no one introduced in that role:
        # like "er", the person named last before the statement
        gender = _person_description_gender(words)
        if gender is not None:
            recent = _recent_person(clusters, words[0], gender, quoted, min(q.start, start))
            if recent is not None:
                return recent, "PER"
    if proper:  # "Die USA und Südkorea" -> "USA und Südkorea", "Das Weiße Haus" -> "Weiße Haus"
        first, last = proper[0].i, proper[-1].i
        while first > mention.start and _name_adjective(mention.doc[first - 1]):
            first -= 1
        while last + 1 < mention.end and _name_noun(mention.doc[last + 1]):
            last += 1  # "C.Y. Leung", the surname tagged a noun
        return mention.doc[first:last + 1].text, None
    return description(words), None


def _name_noun(token: Token) -> bool:
    return token.is_title and token.pos_ in {"NOUN", "PROPN", "X"} and not is_date_word(token)


def _name_adjective(token: Token) -> bool:
    """A capitalised adjective inside a name ("Weiße" in "Das Weiße Haus", "Vereinten Nationen")."""
    return token.pos_ == "ADJ" and token.is_title and not token.is_sent_start


def _latest_name_before(clusters: NameClusters, char: int, gender: str | None = None) -> str | None:
    """The full name of the latest person named before `char` who agrees in gender."""
    names = [clusters.full_name(e) for e in clusters.names if e.label_ == "PER" and e.end_char <= char]
    candidates = [name for name in names if agrees(name, gender)]
    return candidates[-1] if candidates else None


def _persons_named(clusters: NameClusters, start_char: int, end_char: int, gender: str | None) -> bool:
    """Whether a person agreeing in gender is named between the two offsets ("Der ehemalige
    Chef der Gewerkschaft, Heinz Kluncker, …": "er" is Kluncker)."""
    return any(e.label_ == "PER" and start_char <= e.start_char and e.end_char <= end_char
               and agrees(clusters.full_name(e), gender) for e in clusters.names)


def _recent_person(clusters: NameClusters, pronoun: Token, gender: str | None, quoted: set[int],
                   statement_start: int) -> str | None:
    """The latest person named before the pronoun since the sentence before the statement began
    ("Hier sieht auch Bönte Vorteile. „… . Und er boxt präzise“, sagte er."), outside
    quotations (the people a statement talks about are not its speaker), agreeing in gender."""
    opening = pronoun.doc.char_span(statement_start, statement_start + 1, alignment_mode="expand")
    sent = opening[0].sent if opening is not None and len(opening) else pronoun.sent
    first = sent.start
    if first > 0:
        first = pronoun.doc[first - 1].sent.start
    candidates = _persons_between(clusters, first, pronoun.i, gender, quoted)
    # a name with a known first name before other "persons" of the NER ("Aberdeen Investments")
    known = [c for c in candidates if gender_of_name(c[0])] or candidates
    # a name outside a prepositional phrase before one inside, one sentence further back if need
    # be ("Nadeschdin darf … sammeln. Die braucht er, um gegen Wladimir Putin anzutreten. Nach
    # eigenen Angaben hat er …")
    salient = [c for c in known if not _in_prepositional_phrase(c[1])]
    if known and not salient and first > 0:
        earlier = _persons_between(clusters, pronoun.doc[first - 1].sent.start, first, gender, quoted)
        salient = [c for c in earlier if not _in_prepositional_phrase(c[1])][-1:]
    salient = salient or known
    return salient[-1][0] if salient else None


def _persons_between(clusters: NameClusters, start: int, end: int, gender: str | None,
                     quoted: set[int]) -> list[tuple[str, Span]]:
    """(full name, mention) of the persons named in doc[start:end] outside quotations, agreeing in gender."""
    named = [(clusters.full_name(n), n) for n in clusters.names
             if n.label_ == "PER" and start <= n.start and n.end <= end and n.start not in quoted]
    return [(name, n) for name, n in named if agrees(name, gender)]


def _in_prepositional_phrase(name: Span) -> bool:
    """A preposition at most three words before the name, with no verb, comma or sentence start
    between (`Token.is_sent_start`, not `Span.sent`, which walks the document)."""
    doc = name.doc
    for token in reversed(doc[max(0, name.start - 3):name.start]):
        if token.pos_ in {"VERB", "AUX"} or token.text in {",", ":", ";"}:
            return False
        if token.pos_ == "ADP":
            return True
        if token.is_sent_start:
            return False
    return False


DEMONSTRATIVE_SPEAKERS = {"der", "die"}  # "„…“, sagt die." in spoken-style reports


MAX_PERSON_DESCRIPTION = 3  # "der Experte", "der frühere Minister"
ARTICLE_GENDERS = {"der": "m", "ein": "m", "die": "f", "eine": "f"}


def _person_description_gender(words: list[Token]) -> str | None:
    """The gender of "der Experte" / "die Ministerin": a definite article, at most one
    adjective, a noun that names a person; None for anything else."""
    if not 2 <= len(words) <= MAX_PERSON_DESCRIPTION or words[0].lower_ not in {"der", "die"}:
        return None
    noun = words[-1]
    if noun.pos_ not in {"NOUN", "PROPN"} or not noun.text[:1].isupper() or "Plur" in noun.morph.get("Number"):
        return None
    gender = person_noun_gender(noun.text)
    return gender if gender == ARTICLE_GENDERS[words[0].lower_] else None


def description_gender(speaker: str) -> str | None:
    """'m' for "Der Minister" or "ein Sprecher der Polizei", 'f' for "Die Ministerin": an article
    and a person noun of its gender after it; None for anything else ("die Experten", "Die Polizei")."""
    words = speaker.split()
    gender = ARTICLE_GENDERS.get(words[0].lower()) if len(words) > 1 else None
    noun = next((w for w in words[1:] if w[:1].isupper()), None)
    return gender if gender and noun and person_noun_gender(noun) == gender else None


def pronoun_gender(token: Token) -> str | None:
    """'m' for er/ihn/ihm/der and "sein", 'f' for a singular sie/ihr/die and "ihr", None where the
    pronoun tells nothing."""
    if token.lower_ in {"er", "ihn", "ihm", "der"}:
        return "m"
    if token.lower_ in POSSESSIVES:  # (its number is the possessed noun's: "ihren Angaben")
        return "m" if token.lower_.startswith("sein") else "f"
    if token.lower_ in {"sie", "ihr", "die"} and "Plur" not in token.morph.get("Number"):
        return "f"
    return None


def agrees(name: str, gender: str | None) -> bool:
    """A person's name agrees with a pronoun's gender unless its first name says otherwise."""
    named = gender_of_name(name)
    return gender is None or named is None or named == gender
