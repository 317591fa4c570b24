"""The council spaCy pipeline: blank German + lookup lemmatizer + rule components.

Built by ``make models`` into ``models/council_de`` and loaded with :func:`load_pipeline`.

Components:

* ``lemmatizer`` (lookup mode; the table is saved inside the model directory, with the forms of
  the lemmas the components ask about: see :func:`build_pipeline`);
* ``sentencizer``;
* ``entity_ruler``: identifiers (RESOLUTION, SESSION, LAW, DATE) as token sequences (the German
  tokenizer splits ``A0404/11`` into three tokens), document types (DOCTYPE);
* ``council_status``: classifies status sentences into :class:`pipeline.models.Status`, from
  lemmas, negations and qualifiers; writes ``doc.spans["status"]`` with ``span.label_``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import regex
import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc, Span

from pipeline.errors import MissingDependencyError

MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "council_de"

#: Status rules, checked in order; the first whose pattern matches a sentence wins. "sich …
#: erledigt" is obsolete whatever OCR made of the verb before it (``hät sich erledigt``).
DEFAULT_STATUS_RULES: list[dict[str, str]] = [
    {
        "status": "obsolete",
        "pattern": r"\b(?:sich (?:\S+ ){0,3}erledigt|gegenstandslos|obsolet|hinfällig|entfällt|entfallen|überholt|nicht mehr erforderlich|nicht mehr notwendig)",
    },
    {
        "status": "partially_implemented",
        "pattern": r"\b(?:teilweise|in Teilen|zum Teil|teils|überwiegend|weitgehend|größtenteils)\b.*\b(?:umsetzen|umgesetzt|realisiert|erfüllt|erledigt|erfolgt)",
    },
    {
        "status": "in_progress",
        "pattern": r"\b(?:noch nicht (?:abgeschlossen|vollständig|umgesetzt|erfolgt|beendet|realisiert)|in (?:Umsetzung|Bearbeitung|Vorbereitung|Prüfung|Arbeit|Planung)|dauert an|dauern an|läuft|laufen\b|wird derzeit|werden derzeit|befindet sich in|wird geprüft|wird umgesetzt|werden umgesetzt|fortlaufend|kontinuierlich umgesetzt|Umsetzung erfolgt schrittweise|begonnen)",
    },
    {
        "status": "not_implemented",
        "pattern": r"\b(?:nicht|kein|keine)\b.*\b(?:umsetzen|umgesetzt|erfolgt|erfolgen|realisiert|durchgeführt|erfüllt|möglich|vollzogen)|abgelehnt|konnte nicht",
    },
    {
        "status": "implemented",
        "pattern": r"\b(?:umgesetzt|erfolgt|realisiert|erfüllt|abgeschlossen|vollzogen|erledigt|durchgeführt)\b",
    },
]

STATUS_SUBJECTS = regex.compile(
    r"\b(?:Beschluss\w*|Umsetzung|Punkt|Auftrag|Prüfauftrag|Prüfung|Maßnahme\w*|Vorhaben|Antrag)\b"
)


#: Lemmas of verbs and nouns that report on implementation; a short sentence needs one.
REPORT_LEMMAS = frozenset(
    [
        "umsetzen",
        "Umsetzung",
        "erfolgen",
        "realisieren",
        "erfüllen",
        "abschließen",
        "vollziehen",
        "erledigen",
        "durchführen",
        "bearbeiten",
        "prüfen",
        "Prüfung",
        "andauern",
        "laufen",
        "befinden",
        "entfallen",
    ]
)


def classify_status(
    sentence: str, rules: list[dict[str, str]] = DEFAULT_STATUS_RULES
) -> str | None:
    """Status of one German status sentence (surface words; see the component for lemmas).

    >>> classify_status("Der Beschlusspunkt wurde teilweise umgesetzt.")
    'partially_implemented'
    >>> classify_status("Die Umsetzung ist noch nicht abgeschlossen.")
    'in_progress'
    >>> classify_status("Der Beschlusspunkt wurde nicht umgesetzt.")
    'not_implemented'
    """
    for rule in rules:
        if regex.search(rule["pattern"], sentence):
            return rule["status"]
    return None


def clauses(doc: Doc) -> Iterator[Span]:
    """The sentences of ``doc``, also split where OCR hid a sentence end from the sentencizer:
    after a doubled stop (``erfolgt..``) and at a paragraph break.

    >>> nlp = spacy.blank("de")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> [c.text for c in clauses(nlp("Die Umsetzung ist erfolgt.. Die Frist\\n\\nwird eingehalten."))]
    ['Die Umsetzung ist erfolgt..', 'Die Frist', 'wird eingehalten.']
    """
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and token.text.count("\n") >= 2:
                if token.i > start:
                    yield doc[start : token.i]
                start = token.i + 1
            elif regex.fullmatch(r"[.!?]{2,}", token.text) and token.i + 1 < sent.end:
                yield doc[start : token.i + 1]
                start = token.i + 1
                while start < sent.end and doc[start].is_space:
                    start += 1
        if start < sent.end:
            yield doc[start : sent.end]


@Language.factory(
    "council_status",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.is_sent_start"],
    default_config={"spans_key": "status"},
)
def make_status_component(nlp: Language, name: str, *, spans_key: str) -> StatusComponent:
    return StatusComponent(spans_key=spans_key)


class StatusComponent:
    """Marks sentences that report a resolution point's status (``doc.spans["status"]``)."""

    def __init__(self, *, spans_key: str = "status", rules: list[dict[str, str]] | None = None):
        self.spans_key = spans_key
        self.rules = rules or list(DEFAULT_STATUS_RULES)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for sent in clauses(doc):
            status = classify_status(sent.text, self.rules)
            reports = any(token.lemma_ in REPORT_LEMMAS for token in sent)
            if status and (STATUS_SUBJECTS.search(sent.text) or (reports and len(sent) <= 12)):
                spans.append(Span(doc, sent.start, sent.end, label=status))
        doc.spans[self.spans_key] = spans
        return doc

    def to_disk(self, path: Path, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "rules.json").write_text(json.dumps(self.rules, ensure_ascii=False, indent=1))

    def from_disk(self, path: Path, exclude: Any = ()) -> StatusComponent:
        self.rules = json.loads((Path(path) / "rules.json").read_text(encoding="utf-8"))
        return self


def _token_regex(pattern: regex.Pattern[str]) -> str:
    return pattern.pattern


def entity_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns: token sequences for identifiers split by the tokenizer."""
    alnum = {"TEXT": {"REGEX": r"^[A-Z]{1,4}(?:-[A-Z]{1,4}){0,2}-?\d{2,6}$"}}
    return [
        {"label": "RESOLUTION", "pattern": [alnum, {"TEXT": "/"}, {"TEXT": {"REGEX": r"^\d{2,4}$"}}]},
        {"label": "RESOLUTION", "pattern": [{"TEXT": {"REGEX": r"^[A-Z]{1,4}(?:-[A-Z]{1,4}){0,2}-?\d{2,6}/\d{2,4}$"}}]},
        {"label": "SESSION", "pattern": [{"TEXT": {"REGEX": r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,5}(?:/\d{2,4}){2}$"}}]},
        {"label": "SESSION", "pattern": [{"TEXT": {"REGEX": r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,5}$"}}, {"TEXT": "/"}, {"TEXT": {"REGEX": r"^\d{2,4}$"}}, {"TEXT": "/"}, {"TEXT": {"REGEX": r"^\d{2,4}$"}}]},
        {"label": "LAW", "pattern": [{"TEXT": {"IN": ["§", "§§"]}}, {"TEXT": {"REGEX": r"^\d+[a-z]?$"}}, {"TEXT": {"IN": ["Abs.", "Absatz"]}, "OP": "?"}, {"TEXT": {"REGEX": r"^\d+$"}, "OP": "?"}, {"TEXT": {"REGEX": r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-Z][A-Za-zÄÖÜäöüß]*$"}, "OP": "?"}]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^\d{1,2}\.\d{1,2}\.\d{4}$"}}]},
        *[{"label": "DOCTYPE", "pattern": kind} for kind in ("Beschlusskontrolle", "Beschlussvorlage", "Beschlussausfertigung", "Niederschrift", "Antrag", "Sachstandsbericht")],
    ]  # fmt: skip


def used_lemmas(lemma_table: dict[str, str]) -> dict[str, str]:
    """The part of a lemma table the components read: forms of :data:`REPORT_LEMMAS`, and
    those lemmas' own spellings with whatever the table says of them. A token missing from a
    lookup table keeps its text as lemma, so every token gets the same answer from this part
    as from the whole table, which took 1.2 s of every process's start to load (355,000
    entries) for about a thousand that matter.

    >>> used_lemmas({"umgesetzt": "umsetzen", "Häuser": "Haus", "prüfen": "prüfen"})
    {'umgesetzt': 'umsetzen', 'prüfen': 'prüfen'}
    """
    return {
        form: lemma
        for form, lemma in lemma_table.items()
        if lemma in REPORT_LEMMAS or form in REPORT_LEMMAS
    }


def build_pipeline(lemma_table: dict[str, str]) -> Language:
    """Assemble the pipeline from a lemma table; patterns are added *after* initialize()."""
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": True})
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    nlp.add_pipe("council_status")
    lookups = Lookups()
    lookups.add_table("lemma_lookup", used_lemmas(lemma_table))
    nlp.initialize()
    lemmatizer.initialize(lookups=lookups)  # type: ignore[attr-defined]
    ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    return nlp


@cache
def load_pipeline(path: Path = MODEL_DIR) -> Language:
    """Load the built pipeline once per process."""
    if not (path / "meta.json").exists():
        raise MissingDependencyError("spaCy pipeline not built; run `make models`", path)
    return spacy.load(path)
