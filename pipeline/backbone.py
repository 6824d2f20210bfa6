"""Choose and load the German backbone, and read its parses label-set-independently.

`auto` prefers spaCy's `de_core_news_lg` (TIGER dependency labels) when it is installed,
else the project's own `models/de_open_news` (UD labels). The helpers below let the
later stages read subjects, objects and clausal complements from either label set.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Token

from .verbforms import lemma_of

log = logging.getLogger(__name__)

PREFERRED = "de_core_news_lg"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
OWN_MODEL = PROJECT_ROOT / "models" / "de_open_news"

# Dependency labels by role, TIGER (de_core_news_*) and UD (our own pipeline) together.
SUBJECT_DEPS = {"sb", "sbp", "nsubj", "nsubj:pass", "csubj"}
DATIVE_DEPS = {"da", "iobj", "obl:arg"}
ACCUSATIVE_DEPS = {"oa", "obj"}
# A noun attached to another noun inside one noun phrase: apposition, name parts, genitive and
# prepositional attributes ("Frankreichs Präsident Jacques Chirac", "ein Sprecher der SPLA").
NOMINAL_ATTACHMENT_DEPS = {"appos", "flat", "flat:name", "compound", "nmod", "nmod:poss",
                           "app", "pnc", "nk", "ag", "pg"}


class BackboneError(RuntimeError):
    """No usable backbone could be found or loaded."""


def resolve_backbone_name(name: str | None = None) -> str:
    """Map `auto` (or the CLAIMS_MODEL variable) to a loadable package name or path."""
    name = name or os.environ.get("CLAIMS_MODEL") or "auto"
    if name != "auto":
        return name
    if spacy.util.is_package(PREFERRED):
        return PREFERRED
    if (OWN_MODEL / "meta.json").exists():
        log.warning("%s is not installed: using the project's own backbone %s", PREFERRED, OWN_MODEL)
        return str(OWN_MODEL)
    raise BackboneError(
        f"No backbone found: neither {PREFERRED} is installed nor {OWN_MODEL} exists. "
        "Run `make models` to train the open backbone, or `python -m spacy download de_core_news_lg`."
    )


def load_backbone(name: str | None = None) -> tuple[Language, str]:
    """Load the backbone; returns the pipeline and the exact name/path given to spacy.load()."""
    resolved = resolve_backbone_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise BackboneError(f"cannot load backbone {resolved!r}: {exc}") from exc
    if nlp.lang != "de":
        raise BackboneError(f"backbone {resolved!r} is for language {nlp.lang!r}, not German")
    return nlp, resolved


def backbone_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'de')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def dep(token: Token) -> str:
    return token.dep_.lower()


def is_subject(token: Token) -> bool:
    return dep(token) in SUBJECT_DEPS


def verb_lemma(verb: Token) -> str:
    """The lemma with its separated particle: 'gab … bekannt' -> 'bekanntgeben'. Forms of the
    cue verbs take their lemma from pipeline/verbforms.py, which the lemmatizer may mangle."""
    particle = next((c.lower_ for c in verb.children if dep(c) in {"svp", "compound:prt"}), "")
    return particle + (lemma_of(verb.lower_) or verb.lemma_.lower())


def is_konjunktiv(token: Token) -> bool:
    """Konjunktiv I or II verb (Mood=Sub), the mark of reported speech in German."""
    return "Sub" in token.morph.get("Mood") or token.lower_ in KONJUNKTIV_FORMS


# Frequent unambiguous subjunctive forms: a safety net where the morphologizer misses.
KONJUNKTIV_FORMS = {
    "sei", "seien", "seiest", "habe", "hätte", "hätten", "werde", "würde", "würden", "könne",
    "könnten", "müsse", "müssten", "solle", "wolle", "dürfe", "gebe", "gäbe", "wäre", "wären",
    "stehe", "gehe", "komme", "liege", "wisse", "bleibe", "lasse", "brauche", "mache", "plane",
    "befinde", "handle", "arbeite", "verfüge", "unterstütze", "trage", "sehe", "halte",
    "diene", "funktioniere", "bestehe", "fehle", "gelte", "reiche", "handele", "zeige", "führe", "drohe",
    "möge", "könnten", "müssten", "dürften", "sollten", "wollten", "befänden", "brächten", "käme", "kämen",
    "läge", "lägen", "ginge", "stünde", "stünden", "bestünde", "hätte", "seien", "hätten", "wären",
}


def is_finite_verb(token: Token) -> bool:
    """Finite verb: UD GSD marks many finite verbs with Mood only, without VerbForm=Fin."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return "Fin" in token.morph.get("VerbForm") or bool(token.morph.get("Mood"))


def is_infinitive(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    forms = token.morph.get("VerbForm")
    return "Inf" in forms or (not forms and not token.morph.get("Mood") and token.lower_.endswith("en"))
