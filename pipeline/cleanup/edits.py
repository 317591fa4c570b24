"""Edits with an audit trail: every change is logged with offsets into the *raw* text.

Repairs run one after another, each on the text the previous one left. Each proposes
:class:`Edit` s in the coordinates of its own input; :class:`TextState` maps them back to the
raw text and records a :class:`Repair`. An edit that touches text an earlier repair produced
grows to contain that earlier repair whole, so raw spans never partly overlap and the log can be
replayed on the raw text, in order, to give the cleaned text exactly (:func:`replay`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from pipeline.models import Repair


@dataclass(frozen=True)
class Edit:
    """A change proposed by a repair, in the coordinates of the text it was given.

    ``applied=False`` records an abstention: the change was considered and not made.
    """

    start: int
    end: int
    after: str
    reason: str
    confidence: float = 1.0
    applied: bool = True
    #: May this edit change non-space characters of protected tokens? (Only whole-line removals
    #: of page furniture and stamps, whose shapes are specific, may.)
    may_touch_protected: bool = False


@dataclass
class _Region:
    raw_start: int
    raw_end: int
    out_len: int

    @property
    def delta(self) -> int:
        return self.out_len - (self.raw_end - self.raw_start)


def _cur_span(regions: list[_Region], raw_start: int, raw_end: int) -> tuple[int, int]:
    """Current-text span of a raw span that contains every region it touches."""
    shift_start = shift_end = 0
    for region in regions:
        contained = raw_start <= region.raw_start and region.raw_end <= raw_end
        if region.raw_end <= raw_start and not contained:
            shift_start += region.delta
        if region.raw_end <= raw_end and (contained or region.raw_end <= raw_start):
            shift_end += region.delta
    return raw_start + shift_start, raw_end + shift_end


@dataclass
class TextState:
    """The raw text, the current text and the log of repairs that leads from one to the other."""

    raw: str
    text: str = ""
    repairs: list[Repair] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=lambda: [0])
    _regions: list[_Region] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.raw

    def page_of_raw(self, offset: int) -> int:
        """1-based page number of a raw offset."""
        return bisect.bisect_right(self.page_starts, offset)

    def raw_offset(self, cur: int, *, side: str = "start") -> int:
        """Raw offset of a current-text offset (inside a repair's output: its start or end)."""
        shift = 0
        for region in self._regions:
            cur_start = region.raw_start + shift
            cur_end = cur_start + region.out_len
            if cur < cur_start or (cur == cur_start and region.out_len > 0):
                break
            if region.out_len == 0 and cur == cur_start:
                # A deletion sits here: it belongs to an edit that starts at this point.
                return region.raw_start
            if cur < cur_end:
                return region.raw_start if side == "start" else region.raw_end
            shift += region.delta
        return cur - shift

    def cleaned_span(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """Span in the current text of a raw span that no repair cuts partly (e.g. a whole
        repair's span: a removed line maps to an empty span where it stood)."""
        return _cur_span(self._regions, raw_start, raw_end)

    def _cur_bounds(self, cur: int) -> tuple[int, int, int, int] | None:
        """(cur_start, cur_end, raw_start, raw_end) of the region whose output holds ``cur``."""
        shift = 0
        for region in self._regions:
            cur_start = region.raw_start + shift
            cur_end = cur_start + region.out_len
            if cur_start < cur < cur_end:
                return cur_start, cur_end, region.raw_start, region.raw_end
            if cur_start > cur:
                return None
            shift += region.delta
        return None

    def apply(self, kind: str, edits: list[Edit]) -> list[Repair]:
        """Apply one repair's edits (disjoint, in current coordinates) and log them."""
        planned: list[tuple[int, int, int, int, Edit]] = []
        claimed: list[tuple[int, int]] = []
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            cs, ce = edit.start, edit.end
            prefix = suffix = ""
            inner = self._cur_bounds(cs)
            if inner:  # starts inside an earlier repair's output: take that output in whole
                prefix = self.text[inner[0] : cs]
                cs = inner[0]
            inner = self._cur_bounds(ce)
            if inner:
                suffix = self.text[ce : inner[1]]
                ce = inner[1]
            rs = self.raw_offset(cs, side="start")
            re_ = self.raw_offset(ce, side="end") if ce > cs else self.raw_offset(ce, side="start")
            if _cur_span(self._regions, rs, re_) != (cs, ce) or any(
                (rs < c_end and c_start < re_) or (rs == re_ == c_start)
                for c_start, c_end in claimed
            ):
                continue  # cannot be logged without overlapping another repair: leave the text
            claimed.append((rs, re_))
            planned.append(
                (
                    cs,
                    ce,
                    rs,
                    re_,
                    replace(edit, start=cs, end=ce, after=prefix + edit.after + suffix),
                )
            )
        logged: list[Repair] = []
        for cs, ce, rs, re_, edit in planned:
            repair = Repair(
                kind=kind,
                before=self.text[cs:ce],
                after=edit.after,
                start=rs,
                end=re_,
                page=self.page_of_raw(rs),
                reason=edit.reason,
                confidence=round(edit.confidence, 3),
                applied=edit.applied,
            )
            logged.append(repair)
        for (cs, ce, rs, re_, edit), repair in sorted(
            zip(planned, logged, strict=True), key=lambda item: -item[0][0]
        ):
            if not repair.applied:
                continue
            self.text = self.text[:cs] + edit.after + self.text[ce:]
            self._regions = [
                r for r in self._regions if not (rs <= r.raw_start and r.raw_end <= re_)
            ]
            bisect.insort(
                self._regions,
                _Region(rs, re_, len(edit.after)),
                key=lambda r: (r.raw_start, r.raw_end),
            )
        self.repairs.extend(logged)
        return logged


def replay(raw: str, repairs: list[Repair]) -> str:
    """Apply a repair log to the raw text; gives the cleaned text exactly.

    >>> from pipeline.models import Repair
    >>> log = [Repair(kind="dehyphenate", before="\\n\\n", after="", start=6, end=8, page=1,
    ...               reason="broken word", confidence=0.9, applied=True)]
    >>> replay("aufneh\\n\\nmen", log)
    'aufnehmen'
    """
    regions: list[_Region] = []
    text = raw
    for repair in repairs:
        if not repair.applied:
            continue
        cs, ce = _cur_span(regions, repair.start, repair.end)
        if text[cs:ce] != repair.before:
            raise ValueError(f"repair log does not fit the text at {repair.start}: {repair!r}")
        text = text[:cs] + repair.after + text[ce:]
        regions = [
            r for r in regions if not (repair.start <= r.raw_start and r.raw_end <= repair.end)
        ]
        bisect.insort(
            regions,
            _Region(repair.start, repair.end, len(repair.after)),
            key=lambda r: (r.raw_start, r.raw_end),
        )
    return text
