"""Inflected forms of the cue verbs, generated from their lemmas: a lookup that repairs the
backbone's lemmatizer where it mangles verbs.

The project's small lemmatizer turns "vermutet" into "vermuen", "weist" into "sewein" and
"rief" into "rief", so the cue lexicon missed such verbs. German conjugation is regular
enough to generate the forms instead: present, past, Konjunktiv, participle and
zu-infinitive of every lexicon verb, with separable particles ("wies … zurück",
"zurückgewiesen", "zurückzuweisen") and a table of the strong and mixed verbs that cues use.
`lemma_of(word)` maps a lowercased verb form to its lemma, or None.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import lexicon
from .german.labels import is_separated_particle

# Separable particles (the lexicon's), longest first when splitting a lemma
SEPARABLE = tuple(sorted(lexicon.PARTICLES, key=len, reverse=True))
INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "wider", "unter", "über")

# Strong and mixed verbs: infinitive -> (present 2nd/3rd sg stems or forms, past forms, participle).
STRONG = {
    "sprechen": (("sprichst", "spricht"), ("sprach", "sprachen", "sprachst"), "gesprochen"),
    "rufen": ((), ("rief", "riefen"), "gerufen"),
    "weisen": ((), ("wies", "wiesen"), "gewiesen"),
    "bitten": ((), ("bat", "baten"), "gebeten"),
    "geben": (("gibst", "gibt"), ("gab", "gaben"), "gegeben"),
    "nennen": ((), ("nannte", "nannten"), "genannt"),
    "kennen": ((), ("kannte", "kannten"), "gekannt"),
    "raten": (("rätst", "rät"), ("riet", "rieten"), "geraten"),
    "empfehlen": (("empfiehlst", "empfiehlt"), ("empfahl", "empfahlen"), "empfohlen"),
    "befehlen": (("befiehlst", "befiehlt"), ("befahl", "befahlen"), "befohlen"),
    "schreiben": ((), ("schrieb", "schrieben"), "geschrieben"),
    "schreien": ((), ("schrie", "schrien"), "geschrien"),
    "heben": ((), ("hob", "hoben"), "gehoben"),
    "tragen": (("trägst", "trägt"), ("trug", "trugen"), "getragen"),
    "sehen": (("siehst", "sieht"), ("sah", "sahen"), "gesehen"),
    "halten": (("hältst", "hält"), ("hielt", "hielten"), "gehalten"),
    "werfen": (("wirfst", "wirft"), ("warf", "warfen"), "geworfen"),
    "streiten": ((), ("stritt", "stritten"), "gestritten"),
    "bieten": ((), ("bot", "boten"), "geboten"),
    "schlagen": (("schlägst", "schlägt"), ("schlug", "schlugen"), "geschlagen"),
    "denken": ((), ("dachte", "dachten"), "gedacht"),
    "bringen": ((), ("brachte", "brachten"), "gebracht"),
    "wissen": (("weiß", "weißt"), ("wusste", "wussten"), "gewusst"),
    "wenden": ((), ("wandte", "wandten"), "gewandt"),
    "gehen": ((), ("ging", "gingen"), "gegangen"),
    "kommen": ((), ("kam", "kamen"), "gekommen"),
    "stehen": ((), ("stand", "standen"), "gestanden"),
    "nehmen": (("nimmst", "nimmt"), ("nahm", "nahmen"), "genommen"),
    "ziehen": ((), ("zog", "zogen"), "gezogen"),
    "schließen": ((), ("schloss", "schlossen"), "geschlossen"),
    "wägen": ((), ("wog", "wogen"), "gewogen"),
    "lügen": ((), ("log", "logen"), "gelogen"),
    "treten": (("trittst", "tritt"), ("trat", "traten"), "getreten"),
    "finden": ((), ("fand", "fanden"), "gefunden"),
    "gelten": (("giltst", "gilt"), ("galt", "galten"), "gegolten"),
    "lassen": (("lässt",), ("ließ", "ließen"), "gelassen"),
    "schweigen": ((), ("schwieg", "schwiegen"), "geschwiegen"),
    "preisen": ((), ("pries", "priesen"), "gepriesen"),
    "beißen": ((), ("biss", "bissen"), "gebissen"),
    "drohen": ((), (), "gedroht"),
    "laden": (("lädt",), ("lud", "luden"), "geladen"),
    "sinnen": ((), ("sann", "sannen"), "gesonnen"),
    "gestehen": ((), ("gestand", "gestanden"), "gestanden"),
    "heißen": ((), ("hieß", "hießen"), "geheißen"),
    "streichen": ((), ("strich", "strichen"), "gestrichen"),
    "greifen": ((), ("griff", "griffen"), "gegriffen"),
}


def _split_particle(lemma: str) -> tuple[str, str]:
    for particle in SEPARABLE:
        rest = lemma[len(particle):]
        if lemma.startswith(particle) and len(rest) >= 4 and rest.endswith("n"):
            return particle, rest
    return "", lemma


def _strong_base(verb: str) -> tuple[str, str] | None:
    """'versprechen' -> ('ver', 'sprechen'): an inseparable prefix plus a strong verb."""
    if verb in STRONG:
        return "", verb
    for prefix in INSEPARABLE:
        if verb.startswith(prefix) and verb[len(prefix):] in STRONG:
            return prefix, verb[len(prefix):]
    return None


def _regular_forms(verb: str) -> tuple[set[str], set[str], str]:
    """Present (and Konjunktiv I) forms, past forms and the participle of a weak verb."""
    stem = verb[:-2] if verb.endswith("en") else verb[:-1]
    # "antworten", "rechnen": an e before the endings t and st
    e = "e" if stem.endswith(("t", "d")) or (stem[-1:] in "mn" and _needs_e(stem)) else ""
    present = {verb, stem + "e", stem + e + "st", stem + e + "t"}
    past = {stem + e + ending for ending in ("te", "ten", "test", "tet")}
    bare = verb.endswith("ieren") or verb.startswith(INSEPARABLE)
    return present, past, ("" if bare else "ge") + stem + e + "t"


def _needs_e(stem: str) -> bool:
    """'rechn-et', 'atm-et', but 'lern-t', 'wohn-t', 'nenn-t'."""
    before = stem[-2:-1]
    return before not in set("aeiouäöülrmn") and not (before == "h" and stem[-3:-2] in set("aeiouäöü"))


def forms_of(lemma: str) -> set[str]:
    """Every generated form of a lemma, particle forms included."""
    particle, verb = _split_particle(lemma)
    strong = _strong_base(verb)
    if strong:
        prefix, base = strong
        irregular_present, past, participle = STRONG[base]
        present = {prefix + f for f in _regular_forms(base)[0] | set(irregular_present)}
        finite = present | {prefix + f for f in past}
        participle = prefix + participle[2:] if prefix else participle
    else:
        present, past, participle = _regular_forms(verb)
        finite = present | past
    out = {particle + participle, particle + "zu" + verb if particle else ""}
    out |= {particle + f for f in finite}
    return out - {""}


def _build_table() -> dict[str, str]:
    """Form -> lemma for the hand-written lexicon verbs (the mined ones may be mangled lemmas)."""
    table: dict[str, str] = {}
    lemmas = (lexicon.HAND_SPEECH_VERBS | lexicon.HAND_REPORTED_VERBS | lexicon.CORE_REPORTED_VERBS
              | lexicon.EXTRA_CUE_VERBS)
    for lemma in sorted(lemmas):
        particle, verb = _split_particle(lemma)
        for form in forms_of(lemma):
            table.setdefault(form, lemma)
        if particle:  # the separated verb part: "wies" (… zurück) -> "weisen"
            for form in forms_of(verb):
                table.setdefault(form, verb)
    return table


_TABLE = _build_table()


def lemma_of(word: str) -> str | None:
    """The lemma of a lowercased form of a cue verb ('zurückgewiesen' -> 'zurückweisen')."""
    return _TABLE.get(word)


def is_cue_verb_form(token: Token) -> bool:
    """A lowercase form of a lexicon verb, whatever the tagger says it is."""
    return token.is_lower and lemma_of(token.lower_) is not None


def verb_lemma(verb: Token) -> str:
    """The lemma with its separated particle: 'gab … bekannt' -> 'bekanntgeben'. Forms of the
    cue verbs take their lemma from the generated table, which the lemmatizer may mangle."""
    particle = next((c.lower_ for c in verb.children if is_separated_particle(c)), "")
    return particle + (lemma_of(verb.lower_) or verb.lemma_.lower())
