"""Assemble the full pipeline: the backbone plus this project's components, and the stages.

A stage is a named group of pipeline components; `claims extract` runs them all in one
pass, the stage subcommands run one group on the previous stage's saved docs.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import attribution, dates, entities, lemmas, link, resolve, score, segment, tagger  # noqa: F401  (registers the factories)
from .backbone import backbone_version, load_backbone
from .guard import is_ok, mark_error  # noqa: F401  (is_ok is part of this module's API)
from .inputs import Article

OWN_COMPONENTS = {
    "segment": ["claims_line_sentences"],
    "entities": ["claims_entities"],
    "attribute": ["claims_quote_tagger", "claims_attribution", "claims_speaker_linker", "claims_speakers", "claims_scorer",
                  "claims_dates"],
}
SENTENCE_SETTERS = ("senter", "parser")
DOC_KEYS = ("doc_id", "source", "title", "outlet", "published", "status", "error")


def load_nlp(model: str | None = None, scorer: bool = True, linker: bool = True) -> Language:
    """The backbone (`auto`: de_core_news_lg if installed, else models/de_open_news) + our stages.

    `scorer=False` keeps every quotation the rules find (used to train the scorer);
    `linker=False` keeps the rules' speakers (used to train the speaker linker)."""
    nlp, name = load_backbone(model)
    splitter = segment.add_sentence_splitter(nlp) if not name.startswith("de_core_news") else None
    first_setter = next((n for n in nlp.pipe_names if n in SENTENCE_SETTERS), None)
    if first_setter:
        nlp.add_pipe("claims_line_sentences", before=first_setter)
    else:
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("claims_line_sentences", first=True)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("claims_entities", after="ner")
    if not name.startswith("de_core_news") and "trainable_lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("claims_lemmas", after="trainable_lemmatizer")
        nlp.disable_pipe("trainable_lemmatizer")  # every lemma it sets, claims_lemmas overwrites
    switched_off = {"claims_scorer": not scorer, "claims_speaker_linker": not linker}
    for component in OWN_COMPONENTS["attribute"]:
        nlp.add_pipe(component, config={"weights": None} if switched_off.get(component) else {})
    nlp.meta["claims_backbone"] = name
    nlp.meta["claims_backbone_version"] = backbone_version(nlp)
    record_model_status(nlp, {"senter": splitter} if splitter else {})
    return nlp


def record_model_status(nlp: Language, others: dict[str, str] | None = None) -> None:
    """`nlp.meta["claims_models"]`: what each trained component runs with; `claims_warnings`:
    the components whose model is missing (the CLI prints them, every table's metadata keeps them)."""
    statuses = dict(others or {})
    statuses.update({name: pipe.model_status for name, pipe in nlp.pipeline if hasattr(pipe, "model_status")})
    nlp.meta["claims_models"] = statuses
    nlp.meta["claims_warnings"] = [status.removeprefix("missing: ") for status in statuses.values()
                                   if status.startswith("missing")]


def stage_of(component: str) -> str:
    """Which stage a pipeline component belongs to: NER is 'entities', other backbone parts 'segment'."""
    for stage, names in OWN_COMPONENTS.items():
        if component in names:
            return stage
    return "entities" if component == "ner" else "segment"


def stage_components(nlp: Language, stage: str) -> list[str]:
    return [name for name in nlp.pipe_names if stage_of(name) == stage]


# Longer articles are processed in parts: the parser's memory and some per-document passes grow
# faster than the text (every WikiNews and realnews-dev article is shorter than 12,000 characters).
LONG_DOC_CHARS = 20_000
BATCH_CHARS = 100_000  # a batch also ends at this many characters, whatever batch_size says


def make_docs(nlp: Language, articles: Iterable[Article]) -> Iterator[Doc]:
    """Tokenized Docs carrying each article's metadata in user_data (kept by DocBin).

    An article longer than LONG_DOC_CHARS is split at paragraph (else line, else sentence)
    boundaries into parts that are processed as separate Docs; `emit` shifts their offsets
    back into the article and writes one docs.parquet row for the whole article."""
    for article in articles:
        text = article.text if article.status == "ok" else ""
        parts = split_long_text(text)
        for number, (offset, part) in enumerate(parts, start=1):
            doc = nlp.make_doc(part)
            for key in DOC_KEYS:
                value = getattr(article, key)
                doc.user_data[f"claims:{key}"] = value.isoformat() if hasattr(value, "isoformat") else value
            if len(parts) > 1:
                doc.user_data.update({"claims:char_offset": offset, "claims:part": number, "claims:n_parts": len(parts)})
            yield doc


def split_long_text(text: str, limit: int = LONG_DOC_CHARS) -> list[tuple[int, str]]:
    """(offset, part) pieces of at most `limit` characters, cut after a paragraph break if possible."""
    parts, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
        cut = cut + 1 if cut > limit // 4 else limit
        parts.append((start, text[start:start + cut]))
        start += cut
    parts.append((start, text[start:]))
    return parts


def run_components(nlp: Language, docs: Iterable[Doc], names: list[str]) -> Iterator[Doc]:
    """Run some pipeline components over docs; failed or skipped docs pass through untouched.

    An exception in one document marks that document as an error; the run goes on.
    """
    components = [(name, nlp.get_pipe(name)) for name in names]
    for doc in docs:
        if not is_ok(doc):
            yield doc
            continue
        try:
            for name, component in components:
                doc = component(doc)
        except Exception as exc:  # one broken article never stops the run
            mark_error(doc, f"{type(exc).__name__} in {name}: {exc}")
        yield doc


def process(nlp: Language, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
    """Run the whole pipeline with nlp.pipe, in input order; failed/skipped docs pass through.

    A batch that raises is re-run document by document so that only the broken document is
    marked as an error. (Several workers: see `engines`, which calls this in each worker.)
    """
    batch: list[Doc] = []
    chars = 0
    for doc in docs:
        batch.append(doc)
        chars += _length(doc)
        if len(batch) >= batch_size or chars >= BATCH_CHARS:
            yield from _process_batch(nlp, batch)
            batch, chars = [], 0
    if batch:
        yield from _process_batch(nlp, batch)


def _length(doc: Doc) -> int:
    """Characters of a tokenized doc (without joining its text)."""
    return doc[-1].idx + len(doc[-1]) if len(doc) else 0


def _process_batch(nlp: Language, batch: list[Doc]) -> Iterator[Doc]:
    ok = [d for d in batch if is_ok(d)]
    # nlp.pipe annotates the docs in place: a batch that fails half-way leaves some parsed, and a
    # parsed doc refuses the sentence starts of a second run (E043). The components never change a
    # doc's tokens, so its text can be read again after a failure; its user_data cannot.
    user_data = [dict(d.user_data) for d in batch]
    try:
        processed = iter(list(nlp.pipe(ok)))
    except Exception:  # find the broken document(s) one by one, on fresh copies
        fresh = [_fresh_doc(nlp, doc.text, data) for doc, data in zip(batch, user_data)]
        yield from run_components(nlp, fresh, nlp.pipe_names)
        return
    for doc in batch:
        yield next(processed) if is_ok(doc) else doc


def _fresh_doc(nlp: Language, text: str, user_data: dict) -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data.update(user_data)
    return doc
