"""Choose and load the German backbone.

`auto` prefers spaCy's `de_core_news_lg` (TIGER dependency labels) when it is installed,
else the project's own `models/de_open_news` (UD labels). The later stages read either
label set through `pipeline.german.labels`.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

PREFERRED = "de_core_news_lg"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
OWN_MODEL = PROJECT_ROOT / "models" / "de_open_news"

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
