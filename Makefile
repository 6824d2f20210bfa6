# One entry point for set-up, extraction, tests, training, evaluation and benchmarks.
# `make extract` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
DATA := $(SHARED)/data
BUILD := build
CORPUS := $(BUILD)/corpus
BACKBONE := models/de_open_news
SPLITTER := models/sentence_splitter
SPACY_TRAIN := $(PY) -m spacy train
PKG_SRC := $(wildcard pipeline/*.py pipeline/*/*.py)
SEEDS := $(wildcard seeds/*.txt)

.PHONY: all setup extract test models backbone backbone-ner train-quotes lemma-accuracy eval-clusters first-names konjunktiv-forms place-names noun-genders person-nouns eval eval-train bench bench-memory clean help

help:
	@echo "make extract       run the pipeline on seeds/ -> outputs/"
	@echo "make test          run the test suite"
	@echo "make -j2 models    retrain the open backbone ($(BACKBONE)) from $(DATA)"
	@echo "make backbone-ner  retrain only the backbone's NER and put it into $(BACKBONE)"
	@echo "make train-quotes  retrain quote tagger, cue lexicon, speaker linker and quotation scorer on WikiNews train (make -j2: ~25 min from scratch)"
	@echo "make eval          score on $(DATA)/wikinews-quotes/dev and $(DATA)/realnews-dev"
	@echo "make bench         throughput benchmark -> outputs/bench.json"
	@echo "make bench-memory  peak worker memory on the bench corpus and on 10x it -> outputs/bench-memory.json"

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

extract: outputs/claims.parquet

# (the shipped model is not a prerequisite here: make must never start a training for it)
outputs/claims.parquet: $(VENV)/.installed $(SEEDS) $(PKG_SRC) pipeline/data/cue_lexicon.tsv $(wildcard $(BACKBONE)/meta.json $(BACKBONE)/*/model) \
		$(wildcard models/quote_tagger/quotes/model models/speaker_linker/weights.json models/claim_scorer/weights.json)
	$(VENV)/bin/claims extract seeds --out outputs

test: $(VENV)/.installed
	$(PY) -m pytest -q

# --- the open backbone -------------------------------------------------------
models: $(BUILD)/backbone.done

$(CORPUS)/.done: training/convert.py | $(VENV)/.installed
	$(PY) training/convert.py $(DATA) $(CORPUS)
	touch $@

# lexicon vectors: what the LanguageTool dictionary says each word form can be (CC BY-SA 4.0),
# read by the syntax and NER tok2vec layers as static vectors
LEXICON := $(BUILD)/lexicon
$(LEXICON)/meta.json: training/make_lexicon_vectors.py | $(VENV)/.installed
	$(PY) training/make_lexicon_vectors.py $(DATA)/german-open/german-pos-dict/german_dump.tsv.gz $(LEXICON)

$(BUILD)/syntax/model-best/meta.json: training/configs/syntax.cfg $(CORPUS)/.done $(LEXICON)/meta.json
	$(SPACY_TRAIN) $< --output $(BUILD)/syntax --paths.train $(CORPUS)/syntax-train.spacy --paths.dev $(CORPUS)/syntax-dev.spacy --paths.vectors $(LEXICON) --gpu-id -1

$(BUILD)/ner/model-best/meta.json: training/configs/ner.cfg $(CORPUS)/.done $(LEXICON)/meta.json
	$(SPACY_TRAIN) $< --output $(BUILD)/ner --paths.train $(CORPUS)/ner-train.spacy --paths.dev $(CORPUS)/ner-dev.spacy --paths.vectors $(LEXICON) --gpu-id -1

$(BUILD)/senter/model-best/meta.json: training/configs/senter.cfg $(CORPUS)/.done
	$(SPACY_TRAIN) $< --output $(BUILD)/senter --paths.train $(CORPUS)/sents-train.spacy --paths.dev $(CORPUS)/sents-dev.spacy --gpu-id -1

# score the new backbone on the held-out parts and write its model card
define score_backbone
	$(PY) training/evaluate_backbone.py $(BACKBONE) $(CORPUS) --splitter $(SPLITTER) | tee $(BUILD)/backbone-scores.json
	cp $(BUILD)/backbone-scores.json $(BACKBONE)/scores.json
	$(PY) training/model_card.py $(BACKBONE)/scores.json $(BACKBONE) $(SPLITTER)
endef

$(BUILD)/backbone.done: training/assemble.py training/evaluate_backbone.py training/model_card.py $(BUILD)/syntax/model-best/meta.json $(BUILD)/ner/model-best/meta.json $(BUILD)/senter/model-best/meta.json
	rm -rf $(BACKBONE).new $(SPLITTER).new && $(PY) training/assemble.py $(BUILD) $(BACKBONE).new $(SPLITTER).new
	rm -rf $(BACKBONE) $(SPLITTER) && mv $(BACKBONE).new $(BACKBONE) && mv $(SPLITTER).new $(SPLITTER)
	$(score_backbone)
	touch $@

# only the NER retrained and put into the shipped backbone, whose syntax and sentence models
# (and so the quote tagger, linker and scorer trained on them) stay; about 25 minutes
backbone-ner: $(BUILD)/ner/model-best/meta.json training/assemble.py training/evaluate_backbone.py training/model_card.py
	rm -rf $(BACKBONE).new && $(PY) training/assemble.py --replace-ner $(BACKBONE) $(BUILD)/ner/model-best $(BACKBONE).new
	rm -rf $(BACKBONE) && mv $(BACKBONE).new $(BACKBONE)
	$(score_backbone)

# --- attribution ------------------------------------------------------------------
WIKINEWS := $(DATA)/wikinews-quotes

# The attribution stage learns from WikiNews train: its cue lexicon (pipeline/lexicon.py), the
# quote tagger (pipeline/tagger.py, models/quote_tagger), the speaker linker (pipeline/link.py,
# models/speaker_linker) and the quotation scorer (pipeline/score.py, models/claim_scorer); the
# linker and the scorer learn from out-of-fold tagger spans, and the pipeline is then scored on dev.
# (Phony: `make extract` never retrains anything as a side effect.)
QUOTES := $(BUILD)/quotes
QUOTE_TAGGER := models/quote_tagger

train-quotes: $(QUOTES)/train/model-best/meta.json $(QUOTES)/fold-a/model-best/meta.json $(QUOTES)/fold-b/model-best/meta.json
	rm -rf $(QUOTE_TAGGER) && cp -r $(QUOTES)/train/model-best $(QUOTE_TAGGER)
	$(PY) training/tagger_card.py $(QUOTE_TAGGER)
	$(PY) training/mine_cues.py $(WIKINEWS)/train pipeline/data/cue_lexicon.tsv
	$(PY) training/train_linker.py $(WIKINEWS)/train models/speaker_linker \
		--tagger-folds $(QUOTES)/fold-a/model-best $(QUOTES)/fold-b/model-best
	$(PY) training/train_scorer.py $(WIKINEWS)/train models/claim_scorer --dev $(WIKINEWS)/dev \
		--tagger-folds $(QUOTES)/fold-a/model-best $(QUOTES)/fold-b/model-best

$(QUOTES)/train.spacy: training/convert_quotes.py $(VENV)/.installed
	$(PY) training/convert_quotes.py $(WIKINEWS)/train $(QUOTES)

# train: the shipped tagger; fold-a / fold-b: half-data taggers for out-of-fold spans
$(QUOTES)/%/model-best/meta.json: $(QUOTES)/train.spacy training/configs/quotes.cfg
	$(PY) -m spacy train training/configs/quotes.cfg --output $(QUOTES)/$* \
		--paths.train $(QUOTES)/$*.spacy --paths.dev $(QUOTES)/dev.spacy > $(QUOTES)/$*.log 2>&1

REALNEWS := $(DATA)/realnews-dev

# WikiNews dev (quotation spans and roles) and realnews-dev (found, speaker right, precision) side by side
# lemma accuracy on UD German GSD dev: the trained lemmatizer and the pipeline's dictionary lemmas
lemma-accuracy: $(VENV)/.installed
	$(PY) training/evaluate_lemmas.py $(DATA)/german-open/ud-gsd/de_gsd-ud-dev.conllu

# statement clusters: scores on the seed gold set, and the cost of the corpus passes on WikiNews train+dev
eval-clusters: $(VENV)/.installed
	$(VENV)/bin/claims extract seeds --out $(BUILD)/clusters-seeds --quiet
	$(PY) training/eval_clusters.py $(BUILD)/clusters-seeds tests/data/cluster_gold.json
	$(VENV)/bin/claims extract $(WIKINEWS)/train $(WIKINEWS)/dev --out $(BUILD)/clusters-wikinews --workers 1
	$(PY) training/eval_clusters.py $(BUILD)/clusters-wikinews

# third-person Konjunktiv I forms (from the CC BY-SA 4.0 LanguageTool German POS dictionary)
konjunktiv-forms: $(VENV)/.installed
	$(PY) training/make_konjunktiv_forms.py $(DATA)/german-open/german-pos-dict/german_dump.tsv.gz pipeline/data/konjunktiv_i.txt

# names of cities, countries and regions (from the CC BY-SA 4.0 LanguageTool German POS dictionary)
place-names: $(VENV)/.installed
	$(PY) training/make_place_names.py $(DATA)/german-open/german-pos-dict/german_dump.tsv.gz pipeline/data/place_names.tsv

# the gender of nouns, for names given in the nominative (from the CC BY-SA 4.0 LanguageTool German POS dictionary)
noun-genders: $(VENV)/.installed
	$(PY) training/make_noun_genders.py $(DATA)/german-open/german-pos-dict/german_dump.tsv.gz pipeline/data/noun_genders.tsv

# nouns that name a person, with gender (from the CC BY-SA 4.0 role-noun pairs of ../shared/data/lexicons)
person-nouns: $(VENV)/.installed
	$(PY) training/make_person_nouns.py $(DATA)/lexicons/role-noun-pairs.tsv pipeline/data/person_nouns.tsv

# first names by gender for speaker identity (from the MIT-licensed nomquamgender package)
first-names: $(VENV)/.installed
	$(PY) training/make_first_names.py pipeline/data/first_names.tsv

eval: $(VENV)/.installed
	$(VENV)/bin/claims evaluate $(WIKINEWS)/dev --out $(BUILD)/eval-dev
	$(VENV)/bin/claims evaluate $(WIKINEWS)/dev --pred $(BUILD)/eval-dev --json > $(BUILD)/eval-dev.json
	$(VENV)/bin/claims evaluate $(REALNEWS) --out $(BUILD)/eval-realnews
	$(VENV)/bin/claims evaluate $(REALNEWS) --pred $(BUILD)/eval-realnews --json > $(BUILD)/eval-realnews.json

eval-train: $(VENV)/.installed
	$(VENV)/bin/claims evaluate $(WIKINEWS)/train --out $(BUILD)/eval-train

bench: $(VENV)/.installed
	$(PY) training/bench.py $(WIKINEWS) outputs/bench.json $(if $(BENCH_WORDS),--words $(BENCH_WORDS))

# peak worker memory on the bench corpus and on 10x that corpus (about 30 minutes on 2 cores)
bench-memory: $(VENV)/.installed
	$(PY) training/bench.py $(WIKINEWS) outputs/bench-memory.json --memory-check $(if $(BENCH_WORDS),--words $(BENCH_WORDS))

clean:
	rm -rf $(BUILD) outputs/*.parquet
