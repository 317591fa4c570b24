"""Evaluation against ground truth: field accuracy, dehyphenation precision, word error rate.

Truth files are ``<id>.truth.json`` with ``text``, ``record`` (plain values) and ``breaks``, as
written by ``samples/generate_letters.py``; predictions are records (``<id>.ocr.json``).
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.extract.points import flatten
from pipeline.models import Record

_TRANSLATE = str.maketrans({"„": '"', "“": '"', "”": '"', "–": "-", "—": "-"})


def norm(value: Any) -> Any:
    """Compare text modulo white space, quote and dash styles."""
    if isinstance(value, str):
        return " ".join(value.translate(_TRANSLATE).split())
    return value


def _value(extracted: Any) -> Any:
    if extracted is None:
        return None
    value = extracted.value
    return value.value if hasattr(value, "value") and not isinstance(value, str) else value


@dataclass
class Scores:
    fields: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    wrong_joins: list[str] = field(default_factory=list)
    missed_joins: list[str] = field(default_factory=list)
    breaks: int = 0
    word_errors: int = 0
    words: int = 0
    raw_word_errors: int = 0
    raw_words: int = 0
    #: Words run together by the OCR itself (not by the cleanup).
    ocr_joins: int = 0

    def check(self, name: str, doc_id: str, truth: Any, pred: Any) -> None:
        self.fields[name] += 1
        if norm(truth) == norm(pred):
            self.correct[name] += 1
        else:
            self.errors.append(f"{doc_id} {name}: want {truth!r}, got {pred!r}")

    def accuracy(self, name: str | None = None) -> float:
        names = [name] if name else list(self.fields)
        total = sum(self.fields[n] for n in names)
        return sum(self.correct[n] for n in names) / total if total else 1.0


def _tokens(text: str) -> list[str]:
    return norm(text).split()


def _words_joined(pieces: list[str]) -> bool:
    """Are these truth tokens words (each has a letter)? Dehyphenation joins words; a point
    label written without its space (``Zu 1 b)`` as ``Zu 1b)``) is a label's style.

    >>> _words_joined(["Landes", "ebene"]), _words_joined(["1", "b)"])
    (True, False)
    """
    return all(any(ch.isalpha() for ch in piece) for piece in pieces)


def score_text(scores: Scores, doc_id: str, truth_text: str, pred_text: str) -> None:
    """Word errors and dehyphenation mistakes (words joined or left apart) from a token
    alignment.

    >>> scores = Scores()
    >>> score_text(scores, "d", "Die Landes ebene. Zu 1 b)", "Die Landesebene. Zu 1b)")
    >>> scores.wrong_joins, scores.word_errors
    (["d: 'Landes ebene.' -> 'Landesebene.'"], 4)
    """
    truth, pred = _tokens(truth_text), _tokens(pred_text)
    matcher = difflib.SequenceMatcher(None, truth, pred, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        scores.word_errors += max(i2 - i1, j2 - j1)
        t, p = truth[i1:i2], pred[j1:j2]
        for k in range(len(p)):
            for n in (2, 3):
                joined = "".join(t[k : k + n])
                if len(t[k : k + n]) < n or not _words_joined(t[k : k + n]):
                    continue  # (fewer than n left: the join of two was counted already)
                if (k < len(t) and joined == p[k]) or joined.replace("-", "") == p[k]:
                    scores.wrong_joins.append(f"{doc_id}: {' '.join(t[k : k + n])!r} -> {p[k]!r}")
        for k in range(len(t)):
            for n in (2,):
                joined = "".join(p[k : k + n])
                if (
                    k < len(p)
                    and (joined == t[k] or joined.replace("- ", "") == t[k])
                    and len(p[k : k + n]) == n
                ):
                    scores.missed_joins.append(
                        f"{doc_id}: {' '.join(p[k : k + n])!r} should be {t[k]!r}"
                    )
    scores.words += len(truth)


def word_errors(truth_text: str, text: str) -> int:
    """Word-level edit distance (substitutions, insertions, deletions) after normalising."""
    truth, got = _tokens(truth_text), _tokens(text)
    matcher = difflib.SequenceMatcher(None, truth, got, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )


def score_record(scores: Scores, doc_id: str, truth: dict[str, Any], record: Record) -> None:
    want = truth["record"]
    doc = record.document
    for name in (
        "authority",
        "department",
        "file_reference",
        "date",
        "type",
        "report_kind",
        "title",
    ):
        scores.check(name, doc_id, want["document"].get(name), _value(getattr(doc, name)))
    scores.check(
        "resolutions", doc_id,
        [(r["number"], r.get("session")) for r in want["document"].get("resolutions", [])],
        [(_value(r.number), _value(r.session)) for r in doc.resolutions],
    )  # fmt: skip
    scores.check(
        "addressees",
        doc_id,
        want["document"].get("addressees", []),
        [norm(_value(a)) for a in doc.addressees],
    )
    pred_points = {p.label: p for p in flatten(record.points)}

    def walk(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for point in points:
            out.append(point)
            out.extend(walk(point.get("children", [])))
        return out

    truth_points = walk(want.get("points", []))
    scores.check("point_labels", doc_id, [p["label"] for p in truth_points], list(pred_points))
    for point in truth_points:
        got = pred_points.get(point["label"])
        label = point["label"]
        scores.check(
            "point_text", f"{doc_id} {label}", point["text"], _value(got.text) if got else None
        )
        scores.check(
            "status", f"{doc_id} {label}", point.get("status"), _value(got.status) if got else None
        )
        scores.check(
            "status_phrase",
            f"{doc_id} {label}",
            point.get("status_phrase"),
            _value(got.status_phrase) if got else None,
        )
        scores.check(
            "report",
            f"{doc_id} {label}",
            point.get("report") or None,
            _value(got.report) if got else None,
        )
    scores.check(
        "signatories", doc_id,
        [(s.get("name"), s.get("role")) for s in want.get("signatories", [])],
        [(_value(s.name), _value(s.role)) for s in record.signatories],
    )  # fmt: skip
    scores.breaks += sum(1 for b in truth.get("breaks", []) if b.get("kind", "word") == "word")
    score_text(scores, doc_id, truth["text"], record.text)


def load_records(pred_dir: Path) -> dict[str, Record]:
    """Records of a ``council-ocr run --out`` folder, by letter id (the name before the first dot)."""
    records = {}
    for path in sorted(pred_dir.glob("*.json")):
        record = Record.model_validate_json(path.read_text(encoding="utf-8"))
        records[path.name.split(".", 1)[0]] = record
    return records


def cleanup_joins(joins: list[str], raw_text: str) -> list[str]:
    """The wrong joins the cleanup made. A join the OCR made itself (a lost space) is an OCR
    error: the joined form stands in the raw text, alone or inside a token.

    >>> cleanup_joins(["d: 'Zu 2 a)' -> 'Zu2a)'", "d: 'Landes ebene' -> 'Landesebene'"],
    ...               "Zu2a) Die Landes-\\nebene")
    ["d: 'Landes ebene' -> 'Landesebene'"]
    """
    raw_tokens = set(_tokens(raw_text))
    return [
        join
        for join in joins
        if not any(join.rsplit(" -> ", 1)[1].strip("'") in token for token in raw_tokens)
    ]


def evaluate_dir(
    truth_dir: Path, records: dict[str, Record], raw_texts: dict[str, str] | None = None
) -> Scores:
    """Score records (by letter id) against the truth files of a folder. ``raw_texts`` (the
    text before cleanup, by id) adds the word error rate of the raw OCR text."""
    scores = Scores()
    for truth_file in sorted(truth_dir.glob("*.truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        doc_id = truth_file.name.removesuffix(".truth.json")
        if doc_id not in records:
            scores.errors.append(f"{doc_id}: no record")
            continue
        joins_before = len(scores.wrong_joins)
        score_record(scores, doc_id, truth, records[doc_id])
        if raw_texts and doc_id in raw_texts:
            ours = cleanup_joins(scores.wrong_joins[joins_before:], raw_texts[doc_id])
            scores.ocr_joins += len(scores.wrong_joins) - joins_before - len(ours)
            scores.wrong_joins[joins_before:] = ours
            scores.raw_word_errors += word_errors(truth["text"], raw_texts[doc_id])
            scores.raw_words += len(_tokens(truth["text"]))
    return scores


def summary(scores: Scores) -> dict[str, Any]:
    """The scores as JSON-ready data."""
    rejoined = 1 - len(scores.missed_joins) / scores.breaks if scores.breaks else 1.0
    return {
        "fields": {
            name: {"accuracy": scores.accuracy(name), "n": n} for name, n in scores.fields.items()
        },
        "field_accuracy": scores.accuracy(),
        "dehyphenation": {
            "broken_words": scores.breaks,
            "rejoined": rejoined,
            "wrong_joins": len(scores.wrong_joins),
            "ocr_joins": scores.ocr_joins,
            "precision": 1.0
            if not scores.wrong_joins
            else 1
            - len(scores.wrong_joins)
            / max(1, scores.breaks - len(scores.missed_joins) + len(scores.wrong_joins)),
        },
        "wer_cleaned": scores.word_errors / max(1, scores.words),
        "wer_raw": scores.raw_word_errors / scores.raw_words if scores.raw_words else None,
        "errors": scores.errors,
        "wrong_joins": scores.wrong_joins,
        "missed_joins": scores.missed_joins,
    }


def report(scores: Scores) -> str:
    lines = [f"{'field':<16} {'accuracy':>8}  n"]
    for name in scores.fields:
        lines.append(f"{name:<16} {scores.accuracy(name):8.3f}  {scores.fields[name]}")
    lines.append(f"{'ALL FIELDS':<16} {scores.accuracy():8.3f}  {sum(scores.fields.values())}")
    rejoined = 1 - len(scores.missed_joins) / scores.breaks if scores.breaks else 1.0
    lines.append(
        f"broken words: {scores.breaks}, rejoined {rejoined:.3f}, wrong joins {len(scores.wrong_joins)}"
    )
    lines.append(
        f"word error rate of cleaned text: {scores.word_errors / max(1, scores.words):.4f}"
    )
    if scores.raw_words:
        lines.append(
            f"word error rate of raw text: {scores.raw_word_errors / scores.raw_words:.4f}"
        )
    return "\n".join(lines)
