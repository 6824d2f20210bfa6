"""Score attribution against WikiNews-format gold files, with the dataset's token-overlap metric.

Per document, predicted and gold quotations are paired one-to-one by a Hungarian assignment
that maximises the token-overlap F1 of the quote token sets (+0.01 when the types agree).
Tokens are the gold file's tokens; a predicted character span covers every gold token it
overlaps. For every pair, and every unpaired gold or predicted quotation against an empty
partner, token TP/FP/FN are counted for the quote ("message") and each role (addressee, cue,
frame, speaker); precision and recall are computed per pair and role where defined and
averaged (Message: quote values; Roles: all role values; Joint: quote and role values).
Form (type) counts TP for a pair with equal types, else FP and FN; an unpaired gold quote
counts FN and an unpaired prediction FP.
"""
from __future__ import annotations

import bisect
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from .quotation import SOURCE_PREFIX, Rule

ROLES = ("addressee", "cue", "frame", "speaker")
GOLD_TYPES = {"Direct": "direct", "Indirect": "indirect", "FreeIndirect": "free_indirect",
              "IndirectFreeIndirect": "indirect_free_indirect", "Reported": "reported"}


@dataclass
class Item:
    """One quotation as sets of gold token ids per part."""
    type: str
    parts: dict[str, set[int]]


@dataclass
class Tally:
    values: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    form: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    form_by_type: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    by_type: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    speaker_hits: int = 0
    speaker_pairs: int = 0
    direct_gold: int = 0
    direct_found: int = 0


class GoldDoc:
    def __init__(self, data: dict):
        self.text = data["originalText"]
        tokens = sorted(data["tokens"], key=lambda t: t["charBegin"])
        self.starts = [t["charBegin"] for t in tokens]
        self.ends = [t["charEnd"] for t in tokens]
        self.ids = [t["id"] for t in tokens]
        self.items = [Item(GOLD_TYPES.get(a["type"], a["type"].lower()),
                           {"quote": set(a["quote"]["tokenIds"]),
                            **{role: set(a[role]["tokenIds"]) if a.get(role) else set() for role in ROLES}})
                      for a in data["annotations"]]

    def tokens_of(self, spans) -> set[int]:
        """Ids of gold tokens that overlap any of the character spans."""
        out = set()
        for start, end in spans:
            k = bisect.bisect_right(self.ends, start)
            while k < len(self.starts) and self.starts[k] < end:
                out.add(self.ids[k])
                k += 1
        return out


def _f1(a: set, b: set) -> float:
    inter = len(a & b)
    return 2 * inter / (len(a) + len(b)) if inter else 0.0


def _pr(gold: set, pred: set) -> tuple[float | None, float | None]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else None
    r = tp / len(gold) if gold else None
    return p, r


def pair(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    if not gold or not pred:
        return []
    score = np.array([[_f1(g.parts["quote"], p.parts["quote"]) + (0.01 if g.type == p.type else 0.0)
                       for p in pred] for g in gold])
    rows, cols = linear_sum_assignment(-score)
    return [(r, c) for r, c in zip(rows, cols) if _f1(gold[r].parts["quote"], pred[c].parts["quote"]) > 0]


def score_document(gold: list[Item], pred: list[Item], tally: Tally) -> None:
    pairs = pair(gold, pred)
    paired_g, paired_p = {g for g, _ in pairs}, {p for _, p in pairs}
    empty = Item("", {k: set() for k in ("quote",) + ROLES})
    comparisons = [(gold[g], pred[p]) for g, p in pairs]
    comparisons += [(gold[g], empty) for g in range(len(gold)) if g not in paired_g]
    comparisons += [(empty, pred[p]) for p in range(len(pred)) if p not in paired_p]
    for g, p in comparisons:
        for part in ("quote",) + ROLES:
            prec, rec = _pr(g.parts[part], p.parts[part])
            key = "message" if part == "quote" else part
            for name, value in (("P", prec), ("R", rec)):
                if value is not None:
                    tally.values[f"{key}.{name}"].append(value)
                    if part == "quote":
                        tally.by_type[f"{g.type or p.type}.{name}"].append(value)
        if g.type and p.type:
            outcome = "TP" if g.type == p.type else None
            if outcome:
                tally.form["TP"] += 1
                tally.form_by_type[g.type]["TP"] += 1
            else:
                tally.form["FP"] += 1
                tally.form["FN"] += 1
                tally.form_by_type[p.type]["FP"] += 1
                tally.form_by_type[g.type]["FN"] += 1
            if g.parts["speaker"]:
                tally.speaker_pairs += 1
                tally.speaker_hits += bool(g.parts["speaker"] & p.parts["speaker"])
        elif g.type:
            tally.form["FN"] += 1
            tally.form_by_type[g.type]["FN"] += 1
        else:
            tally.form["FP"] += 1
            tally.form_by_type[p.type]["FP"] += 1
    for g_index, g in enumerate(gold):
        if g.type == "direct":
            tally.direct_gold += 1
            tally.direct_found += g_index in paired_g


def _mean(values: list[float]) -> float:
    return 100 * sum(values) / len(values) if values else 0.0


def _prf(p: float, r: float) -> dict:
    return {"P": round(p, 1), "R": round(r, 1), "F1": round(2 * p * r / (p + r), 1) if p + r else 0.0}


def _mean_pr(tally: Tally) -> dict[str, tuple[float, float]]:
    """Unrounded mean precision and recall of the message, the roles and both together."""
    v = tally.values
    role_p = [x for role in ROLES for x in v[f"{role}.P"]]
    role_r = [x for role in ROLES for x in v[f"{role}.R"]]
    return {"message": (_mean(v["message.P"]), _mean(v["message.R"])),
            "roles": (_mean(role_p), _mean(role_r)),
            "joint": (_mean(v["message.P"] + role_p), _mean(v["message.R"] + role_r))}


def unrounded_f1(tally: Tally, part: str) -> float:
    """F1 of `part` ('message', 'roles' or 'joint') before `summarize` rounds it."""
    p, r = _mean_pr(tally)[part]
    return 2 * p * r / (p + r) if p + r else 0.0


def summarize(tally: Tally, n_docs: int) -> dict:
    v = tally.values
    means = _mean_pr(tally)
    form_p = tally.form["TP"] / max(1, tally.form["TP"] + tally.form["FP"]) * 100
    form_r = tally.form["TP"] / max(1, tally.form["TP"] + tally.form["FN"]) * 100
    return {
        "documents": n_docs,
        "message": _prf(*means["message"]),
        "roles": _prf(*means["roles"]),
        "joint": _prf(*means["joint"]),
        "form": _prf(form_p, form_r),
        "per_role": {role: _prf(_mean(v[f"{role}.P"]), _mean(v[f"{role}.R"])) for role in ROLES},
        "per_type_message": {t: _prf(_mean(tally.by_type[f"{t}.P"]), _mean(tally.by_type[f"{t}.R"]))
                             for t in GOLD_TYPES.values()},
        "per_type_form": {t: _prf(c["TP"] / max(1, c["TP"] + c["FP"]) * 100, c["TP"] / max(1, c["TP"] + c["FN"]) * 100)
                          for t, c in sorted(tally.form_by_type.items())},
        "speaker_accuracy": round(100 * tally.speaker_hits / max(1, tally.speaker_pairs), 1),
        "direct_recall": round(100 * tally.direct_found / max(1, tally.direct_gold), 1),
    }


def predicted_items(gold: GoldDoc, claims: list[dict]) -> list[Item]:
    def spans(value):
        return [(s["start"], s["end"]) for s in value] if value is not None else []

    # WikiNews marks the speech act before a quote's colon ("kritisierte die Entscheidung: „…“")
    # or coordinated before a statement's frame ("lobte die Einigung und sagte, …") as the
    # frame, not as an item of its own; the table keeps it as a reported claim
    # (its quoted words stay: "sprachen von einem „Dammbruch“ und forderten, …")
    frames = {Rule.REPORTED_BEFORE_QUOTE, Rule.REPORTED_BEFORE_STATEMENT}
    joined = join_konjunktiv_runs(claims, gold.text, spans)
    items = [_item(gold, c, spans) for c in joined if c.get("rule") not in frames]
    return one_per_reported_sentence(items + [f for c in joined for f in nested_fragments(gold, c, spans)])


def nested_fragments(gold: GoldDoc, claim: dict, spans) -> list[Item]:
    """The quoted words inside a paraphrase ('sagte, die USA hätten „…“') are part of its row in
    the claims table (`fragment_spans`); the WikiNews annotators mark them as nested direct
    quotes of the same speaker, so here each is an item of its own, with the paraphrase's
    speaker, cue, addressee and frame."""
    roles = {role: gold.tokens_of(spans(claim[f"{role}_spans"])) for role in ROLES}
    out = []
    for fragment in spans(claim.get("fragment_spans")):
        quote = gold.tokens_of([fragment])
        out.append(Item("direct", {"quote": quote, **roles, "frame": roles["frame"] - quote}))
    return out


def one_per_reported_sentence(items: list[Item]) -> list[Item]:
    """Coordinated speech verbs ("räumte … ein und kündigte … an") are a claim each in the table;
    as WikiNews items both are the whole sentence, which the annotators mark once."""
    seen: set[frozenset] = set()
    kept = []
    for item in items:
        if item.type == "reported":
            key = frozenset(item.parts["quote"])
            if key in seen:
                continue
            seen.add(key)
        kept.append(item)
    return kept


def join_konjunktiv_runs(claims: list[dict], text: str, spans) -> list[dict]:
    """The claims table has one row per sentence of a Konjunktiv run; the WikiNews annotators
    mark a run as one quotation. Rows of rule `konjunktiv` that follow one another in a
    paragraph (only spaces between) with the same speaker are joined again."""
    joined: list[dict] = []
    for claim in sorted(claims, key=lambda c: min((s for s, _ in spans(c["quote_spans"])), default=0)):
        previous = joined[-1] if joined else None
        if (previous is not None and claim["rule"] == previous["rule"] == Rule.KONJUNKTIV
                and spans(claim["speaker_spans"]) == spans(previous["speaker_spans"])):
            gap = text[max(e for _, e in spans(previous["quote_spans"])):min(s for s, _ in spans(claim["quote_spans"]))]
            if not gap.strip() and "\n" not in gap:
                for column in ("quote_spans", "fragment_spans"):
                    previous[column] = [{"start": s, "end": e} for s, e in
                                        spans(previous.get(column)) + spans(claim.get(column))]
                continue
        joined.append(dict(claim))
    return joined


def item_of_quotation(gold: GoldDoc, q) -> Item:
    """A pipeline `Quotation` as gold token sets, by the conventions of `_item` (the training
    scripts pair quotations with gold before they become rows)."""
    claim = {"quote_type": q.type, "rule": str(q.rule), "quote_spans": q.quote,
             **{f"{role}_spans": getattr(q, role) for role in ROLES}}
    return _item(gold, claim, lambda spans: [tuple(span) for span in spans])


def _item(gold: GoldDoc, claim: dict, spans) -> Item:
    """A claim as gold token sets. The WikiNews annotators mark reported speech as the whole
    sentence, speaker and verb inside it, with no cue or frame of its own; our reported claims
    quote only what was said or done to and keep the rest of the sentence as their frame (and
    the verb as their cue), so here they are joined again.
    They leave a source phrase out of the quote that our claims keep inside ("Die Täter waren
    nach Angaben der Polizei …"): it is taken out again."""
    parts = {role: gold.tokens_of(spans(claim[f"{role}_spans"])) for role in ROLES}
    quote = gold.tokens_of(spans(claim["quote_spans"]))
    if claim["quote_type"] == "reported":  # (the verb is inside the quote: WikiNews reported items have no cue)
        quote, parts["frame"], parts["cue"] = quote | parts["frame"] | parts["cue"], set(), set()
    elif str(claim["rule"]).startswith(SOURCE_PREFIX):  # "… nach Angaben der Polizei …" inside the quote
        quote -= parts["frame"]
    return Item(claim["quote_type"], {"quote": quote, **parts})


def load_gold(gold_dir: Path, limit: int | None = None) -> dict[str, tuple[Path, GoldDoc]]:
    from .inputs import WIKINEWS_NAME

    out = {}
    for path in sorted(Path(gold_dir).glob("*.json"))[: limit or None]:
        data = json.loads(path.read_text(encoding="utf-8"))
        match = WIKINEWS_NAME.match(data.get("documentName", ""))
        out[match.group("id") if match else path.stem] = (path, GoldDoc(data))
    return out


def evaluate_claims(gold: dict[str, tuple[Path, GoldDoc]], claims_by_doc: dict[str, list[dict]]) -> dict:
    tally = Tally()
    for doc_id, (_, gold_doc) in gold.items():
        score_document(gold_doc.items, predicted_items(gold_doc, claims_by_doc.get(doc_id, [])), tally)
    return summarize(tally, len(gold))


def format_table(result: dict) -> str:
    lines = [f"{'':22} {'P':>6} {'R':>6} {'F1':>6}"]
    for key in ("message", "roles", "joint", "form"):
        r = result[key]
        lines.append(f"{key.capitalize():22} {r['P']:6.1f} {r['R']:6.1f} {r['F1']:6.1f}")
    for role, r in result["per_role"].items():
        lines.append(f"  role {role:17} {r['P']:6.1f} {r['R']:6.1f} {r['F1']:6.1f}")
    for qtype, r in result["per_type_message"].items():
        lines.append(f"  message {qtype:14.14} {r['P']:6.1f} {r['R']:6.1f} {r['F1']:6.1f}")
    lines.append(f"Speaker accuracy (paired): {result['speaker_accuracy']:.1f} %")
    lines.append(f"Direct quotes found:       {result['direct_recall']:.1f} %")
    lines.append(f"Documents:                 {result['documents']}")
    return "\n".join(lines)
