"""Stage 3, attribution: find quotations and attribute each to its speaker, cue and frame.

Types follow the WikiNews quotation dataset (see ../shared/claims-schema.md): direct,
indirect, indirect_free_indirect, free_indirect, reported. One module per construction:

- `direct`: quotation marks in every German style and their frames;
- `indirect`: a content clause with a speech verb or speech-act noun;
- `complements`: which words around a speech verb are its content ("Y, sagte X", "X sagte, Y");
- `sources`: "laut X", "nach Angaben von X", "X zufolge", "wie X berichtete", "…, so X";
- `reported`: speech acts with an object ("kritisierte …") and hearsay ("soll … haben");
- `speech_acts`: which uses of a speech-act verb report speech ("drohte mit …", not "Ihm droht …");
- `konjunktiv`: Konjunktiv sentences that continue a speaker, merged into runs;
- `tagged`: spans of the trained quote tagger that no rule found;
- `cues` and `roles`: the cue phrase ("verwies darauf", "heißt es"), and the speaker and relay of a quotation;
- `addressees`: whom it was said to ("gegenüber der BBC", "forderte die Regierung auf");
- `finishing`: passes over all quotations (continued speakers, nesting, full stops);
- `component`: the `claims_attribution` factory, which runs the passes in a fixed order.

The grammar they read comes from `pipeline.german`; the data model from `pipeline.quotation`.
The learned scorer (pipeline/score.py) later decides which quotations to keep.
"""
from .component import QuotationAttributor, make_attribution

__all__ = ["QuotationAttributor", "make_attribution"]
