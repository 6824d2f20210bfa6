"""Dependency labels, TIGER and UD together: the only module that reads `Token.dep_`.

spaCy's `de_core_news_*` pipelines write TIGER labels (`sb`, `oa`, `da`, `oc`, `svp`, `cj`, …);
the project's own backbone, trained on UD treebanks, writes UD labels (`nsubj`, `obj`, `iobj`,
`ccomp`, `compound:prt`, `conj`, …). Every test the attribution makes on a parse is a
function here that accepts both, so the rest of the code never names a label.
tests/test_german.py checks each on hand-built Docs in both schemes.
"""
from __future__ import annotations

from spacy.tokens import Token

SUBJECT = {"sb", "sbp", "nsubj", "nsubj:pass", "csubj"}
DATIVE_OBJECT = {"da", "iobj", "obl:arg"}
ACCUSATIVE_OBJECT = {"oa", "obj"}
SEPARATED_PARTICLE = {"svp", "compound:prt"}  # "gab … bekannt"
AUXILIARY = {"aux", "aux:pass"}  # UD: the auxiliary hangs below the participle
CLAUSAL_OBJECT = {"oc"}  # TIGER: the participle hangs below its auxiliary ("hat … gesagt")
VERB_CHAIN = {"oc", "xcomp", "aux", "aux:pass"}  # links between the verbs of one clause
CONJUNCT = {"conj", "cj", "cd"}  # coordination (TIGER: `cd` on the conjunction, `cj` on the conjunct)
COORDINATING = {"cd"}
APPOSITION = {"appos", "app", "flat", "flat:name", "pnc"}
# A noun attached to another noun inside one noun phrase: apposition, name parts, genitive and
# prepositional attributes ("Frankreichs Präsident Jacques Chirac", "ein Sprecher der SPLA").
NOMINAL_ATTACHMENT = APPOSITION | {"compound", "nmod", "nmod:poss", "nk", "ag", "pg"}
ATTRIBUTE = {"nmod", "ag", "pg", "nmod:poss"}
OBLIQUE = {"obl", "nk", "mo", "op"}
APPOSITION_ROLE = APPOSITION | {"compound"}


def _label(token: Token) -> str:
    return token.dep_.lower()


def is_subject(token: Token) -> bool:
    return _label(token) in SUBJECT


def is_dative_object(token: Token) -> bool:
    return _label(token) in DATIVE_OBJECT


def is_accusative_object(token: Token) -> bool:
    return _label(token) in ACCUSATIVE_OBJECT


def is_separated_particle(token: Token) -> bool:
    return _label(token) in SEPARATED_PARTICLE


def is_auxiliary_of_head(token: Token) -> bool:
    """UD: an auxiliary attached to its participle or infinitive."""
    return _label(token) in AUXILIARY


def is_passive_auxiliary(token: Token) -> bool:
    """UD: the "werden" of a passive ("wurde … kritisiert"); TIGER has no such label."""
    return _label(token) == "aux:pass"


def is_below_auxiliary(token: Token) -> bool:
    """TIGER: a participle or infinitive attached to its auxiliary (`oc`)."""
    return _label(token) in CLAUSAL_OBJECT


def is_in_verb_chain(token: Token) -> bool:
    return _label(token) in VERB_CHAIN


def is_conjunct(token: Token) -> bool:
    return _label(token) in CONJUNCT


def is_coordinating(token: Token) -> bool:
    return _label(token) in COORDINATING


def is_apposition(token: Token) -> bool:
    return _label(token) in APPOSITION


def is_nominal_attachment(token: Token) -> bool:
    return _label(token) in NOMINAL_ATTACHMENT


def is_root(token: Token) -> bool:
    return _label(token) == "root"


def role(token: Token) -> str:
    """A coarse grammatical role for features: subject, object, dative, root, attribute,
    oblique, apposition or other."""
    label = _label(token)
    if label in SUBJECT:
        return "subject"
    if label in ACCUSATIVE_OBJECT:
        return "object"
    if label in DATIVE_OBJECT:
        return "dative"
    if label == "root":
        return "root"
    if label in ATTRIBUTE:
        return "attribute"
    if label in OBLIQUE:
        return "oblique"
    if label in APPOSITION_ROLE:
        return "apposition"
    return "other"
