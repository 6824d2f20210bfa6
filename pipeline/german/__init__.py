"""German grammar over a spaCy parse, in either label scheme (TIGER or UD).

- `labels`: every dependency-label test (the only module that reads dependency labels);
- `mood`: finite verbs, infinitives, Konjunktiv I and II;
- `words`: closed-class word lists (quotation marks, articles, pronouns, conjunctions);
- `punctuation`: stripping token lists at their edges;
- `phrases`: noun phrases and speaker mentions;
- `time_phrases`: time words and trailing date phrases ("am Montag");
- `clauses`: where clauses, complements and insertions end.
"""
