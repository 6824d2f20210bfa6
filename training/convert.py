"""Convert the openly licensed corpora in ../shared/data into spaCy DocBin files.

Usage: python training/convert.py SHARED_DATA_DIR OUT_DIR [--harmonise-pud]

Writes (OUT_DIR/...):
  syntax-train.spacy  UD German GSD test + UD German PUD (POS, morph, lemma, deps); with
                      --harmonise-pud, PUD's tags brought to GSD's conventions where the two
                      differ (`harmonise_pud`; not used for the shipped backbone 0.3.0, see
                      NOTES.md session 13)
  syntax-dev.spacy    UD German GSD dev (held out: never trained on)
  ner-train.spacy     GermEval 2014 test + Europeana (lft, onb, sbb) + NEISS Sturm
                      train + DFKI SmartData (train and test)
  ner-dev.spacy       GermEval 2014 dev (held out)
  sents-train.spacy   WikiNews-quotes train: gold tokens + sentence boundaries
  sents-dev.spacy     WikiNews-quotes dev (held out)

The tokenisation of UD multi-word tokens ("im" = "in dem") is merged back to the
surface form, as spaCy's tokenizer produces it.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.util import filter_spans

from german_dictionary import read_tags  # sibling script

GERMEVAL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
NEISS_LABELS = {"pers": "PER", "place": "LOC"}  # "date" is not an entity type here
EUROPEANA_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
# How often GermEval test counts against the other corpora. The shipped NER (0.3.0) was trained
# with it once. Twice scored 64.8 on GermEval dev, which also chose the checkpoint; with the
# checkpoint chosen on a held-out tenth of GermEval test instead, 62.7; and the attribution on
# WikiNews dev was lower (NOTES.md, session 12).
GERMEVAL_COPIES = 1
EUROPEANA_WINDOW = 40  # the Europeana files have no sentence breaks: cut fixed windows
# SmartData's fine-grained types; everything else (dates, numbers, triggers, positions,
# products, ...) is O. Streets, stops and routes are places, as in GermEval.
SMARTDATA_LABELS = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "location-route": "LOC",
}


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    """Map a corpus BIO tag onto PER/ORG/LOC/MISC; unknown or derived types become O."""
    for sep in ("-", "_", "."):
        if len(tag) > 2 and tag[1] == sep and tag[0] in "BI":
            label = mapping.get(tag[2:])
            return f"{tag[0]}-{label}" if label else "O"
    return "O"


def _repair_iob(tags: list[str]) -> list[str]:
    """Turn an I- tag that does not continue an entity of the same type into B-."""
    fixed = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-"):
            prev = fixed[i - 1] if i else "O"
            if prev == "O" or prev[2:] != tag[2:]:
                tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def _ner_doc(vocab, words: list[str], tags: list[str]) -> Doc:
    doc = Doc(vocab, words=words)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(_repair_iob(tags)))
    return doc


def read_germeval(path: Path, vocab) -> list[Doc]:
    docs, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                docs.append(_ner_doc(vocab, words, tags))
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(_map_tag(cols[2], GERMEVAL_LABELS))
    if words:
        docs.append(_ner_doc(vocab, words, tags))
    return docs


def read_token_tag_lines(path: Path, vocab, mapping, window: int | None = None) -> list[Doc]:
    """One `token tag` per line (the tag is the last field); blank lines or windows split."""
    docs, words, tags = [], [], []

    def flush():
        if words:
            docs.append(_ner_doc(vocab, list(words), list(tags)))
        words.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            continue
        fields = line.split()
        if not fields:
            flush()
            continue
        if len(fields) < 2:
            fields.append("O")
        words.append("".join(fields[:-1]) if window else fields[0])
        tags.append(_map_tag(fields[-1], mapping))
        if window and len(words) >= window and fields[0] in {".", "!", "?"}:
            flush()
        elif window and len(words) >= 3 * window:
            flush()
    flush()
    return docs


def _json_objects(text: str):
    """The SmartData files are JSON objects one after another, not one per line."""
    decoder, pos = json.JSONDecoder(), 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return
        obj, pos = decoder.raw_decode(text, pos)
        yield obj


def _trimmed(span):
    """Without leading or trailing spaces and punctuation, which the NER cannot learn."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_space or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_space or span.doc[end - 1].is_punct):
        end -= 1
    return Span(span.doc, start, end, label=span.label_)


def read_smartdata(path: Path, tokenizer) -> list[Doc]:
    """SmartData documents: the text tokenised by spaCy, entity char offsets mapped on it."""
    docs = []
    for obj in _json_objects(gzip.open(path, "rt", encoding="utf-8").read()):
        doc = tokenizer(obj["text"]["string"])
        spans = []
        for mention in (obj.get("conceptMentions") or {}).get("array", []):
            label = SMARTDATA_LABELS.get(mention["type"])
            if label:
                span = doc.char_span(mention["span"]["start"], mention["span"]["end"],
                                     label=label)
                if span is not None:  # a name inside a compound ("E-Plus-Übernahme") stays O, as in GermEval
                    spans.append(_trimmed(span))
        # "die israelische Armee", "in beiden Richtungen": SmartData marks adjectives and directions
        # as locations, GermEval does not (LOCderiv -> O), and a speaker is no adjective
        spans = [span for span in spans if len(span) and not any(t.is_space for t in span)
                 and not (span.label_ == "LOC" and span.text[:1].islower())]
        doc.set_ents(filter_spans(spans))
        docs.append(doc)
    return docs


def _spaces_from_offsets(text: str, tokens: list[dict]) -> list[bool]:
    return [
        (tokens[i + 1]["charBegin"] > tok["charEnd"]) if i + 1 < len(tokens) else False
        for i, tok in enumerate(tokens)
    ]


def read_wikinews_sentences(folder: Path, vocab) -> list[Doc]:
    """Whole WikiNews articles with gold tokens and sentence starts."""
    docs = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        words, starts, offsets = [], [], []
        for sent in data["sentences"]:
            for k, tok in enumerate(sent["tokens"]):
                words.append(tok)
                starts.append(k == 0)
        text = data["originalText"]
        # token character offsets: re-align the token strings to the text
        pos = 0
        for tok in words:
            found = text.find(tok, pos)
            found = pos if found < 0 else found
            offsets.append({"charBegin": found, "charEnd": found + len(tok)})
            pos = found + len(tok)
        doc = Doc(vocab, words=words, spaces=_spaces_from_offsets(text, offsets), sent_starts=starts)
        docs.append(doc)
    return docs


# PUD and GSD tag a few frequent words differently; the held-out syntax set is GSD, whose
# conventions a backbone should follow (counted on GSD test against PUD, NOTES.md session 13:
# POS on GSD dev 92.48 -> 92.77, but the attribution lost speakers on realnews-dev, not shipped).
MONTHS_AND_WEEKDAYS = {
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag",
}


def predicative_adjectives(dump: Path) -> set[str]:
    """Lower-case forms the dictionary knows as predicative adjectives and never as adverbs."""
    tags = read_tags(dump, lower=True)
    return {form for form, readings in tags.items()
            if any(t.startswith("ADJ:PRD") for t in readings) and not any(t.startswith("ADV") for t in readings)}


def harmonise_pud(columns: list[str], adjectives: set[str]) -> list[str]:
    """One CoNLL-U token line of PUD, retagged as GSD tags it: months and weekdays PROPN (PUD:
    NOUN), comparative "als" ADP/case (PUD: CCONJ/cc), "um" of "um … zu" ADP (PUD: SCONJ), an
    adjective used as an adverb ADJ (PUD: ADV; GSD tags 89 % of these forms ADJ)."""
    form, upos, deprel = columns[1], columns[3], columns[7]
    if upos == "NOUN" and form in MONTHS_AND_WEEKDAYS:
        upos = "PROPN"
    elif form.lower() == "als" and upos == "CCONJ" and deprel == "cc":
        upos, deprel = "ADP", "case"
    elif form.lower() == "um" and upos == "SCONJ":
        upos = "ADP"
    elif upos == "ADV" and deprel != "compound:prt" and form.lower() in adjectives:
        upos = "ADJ"
    return columns[:3] + [upos] + columns[4:7] + [deprel] + columns[8:]


def harmonised_copy(path: Path, folder: Path, adjectives: set[str]) -> Path:
    """Write PUD with harmonise_pud applied to every token line; return the copy's path."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) == 10 and columns[0].isdigit():
            columns = harmonise_pud(columns, adjectives)
        lines.append("\t".join(columns))
    copy = folder / path.name
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copy


def convert_conllu(paths: list[Path], out: Path) -> None:
    """Use spaCy's own CoNLL-U converter (merging multi-word tokens) and join the files."""
    vocab = spacy.blank("de").vocab
    merged = DocBin(store_user_data=False)
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            subprocess.run(
                [sys.executable, "-m", "spacy", "convert", str(path), tmp,
                 "--converter", "conllu", "--n-sents", "10", "--merge-subtokens"],
                check=True, stdout=subprocess.DEVNULL,
            )
            for doc in DocBin().from_disk(Path(tmp) / (path.stem + ".spacy")).get_docs(vocab):
                merged.add(doc)
    merged.to_disk(out)


def save(docs: list[Doc], out: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    print(f"{out.name}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")


def main(shared: str, out_dir: str, harmonise: bool = False) -> None:
    data, out = Path(shared), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    gsd, pud = data / "german-open/ud-gsd", data / "german-open/ud-pud"
    with tempfile.TemporaryDirectory() as copies:
        pud_test = pud / "de_pud-ud-test.conllu"
        if harmonise:
            adjectives = predicative_adjectives(data / "german-open/german-pos-dict/german_dump.tsv.gz")
            pud_test = harmonised_copy(pud_test, Path(copies), adjectives)
        convert_conllu([gsd / "de_gsd-ud-test.conllu", pud_test], out / "syntax-train.spacy")
    convert_conllu([gsd / "de_gsd-ud-dev.conllu"], out / "syntax-dev.spacy")

    ger = data / "german-open/germeval2014"
    # GermEval is the one in-domain set with all four labels (GERMEVAL_COPIES)
    ner_train = read_germeval(ger / "NER-de-test.tsv", vocab) * GERMEVAL_COPIES
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
        ner_train += read_token_tag_lines(data / "german-open/europeana" / name, vocab,
                                          EUROPEANA_LABELS, window=EUROPEANA_WINDOW)
    ner_train += read_token_tag_lines(data / "german-open/neiss-sturm/train_sturm.conll", vocab, NEISS_LABELS)
    smart = data / "german-open/smartdata"
    tokenizer = spacy.blank("de").tokenizer
    ner_train += [doc for name in ("v1_20180119_train.json.gz", "v1_20180119_test.json.gz")
                  for doc in read_smartdata(smart / name, tokenizer)]
    save(ner_train, out / "ner-train.spacy")
    save(read_germeval(ger / "NER-de-dev.tsv", vocab), out / "ner-dev.spacy")

    wiki = data / "wikinews-quotes"
    save(read_wikinews_sentences(wiki / "train", vocab), out / "sents-train.spacy")
    save(read_wikinews_sentences(wiki / "dev", vocab), out / "sents-dev.spacy")


if __name__ == "__main__":
    main(*sys.argv[1:3], harmonise="--harmonise-pud" in sys.argv)
