"""Render synthetic council letters to realistic scans, each with its ground truth.

Usage::

    python samples/make_scans.py --out DIR --count 6 --seed 11 --dpi 300 200 150 \\
        [--formats pdf,tiff,png,layer-pdf,bad-layer-pdf]

The letters are those of ``generate_letters.py`` (same seed, same letters), but laid out from
their *clean* truth, as a word processor would print them: a letterhead, a file reference and
date block (``GZ:``, ``Datum:``, sometimes ``Bearbeiter``), the address, body paragraphs wrapped
to the page width with German hyphenation (pyphen ``de_DE``), hanging point markers, the closing
with signature scribbles over the names, and a two-column block when two people sign for
``Kenntnisnahme``. Then the page gets what a scanner adds: a rotated ink date stamp partly over
the text, skew (±2°), blur, speckle, JPEG artefacts, and some pages turned by 90° or 180°.

Layout is in points and independent of the resolution: one truth serves every dpi. Each letter
is written as one format, taken in turn from ``--formats`` (``png`` only for one-page letters;
longer ones become ``tiff``): ``pdf`` (image only), ``layer-pdf`` (born digital: text only),
``bad-layer-pdf`` (image with a garbage OCR layer), ``tiff`` (multi-page), ``png``. Written into
``DIR/<dpi>dpi/``: ``<id>.<ext>``, ``<id>.truth.json`` and ``<id>.layout.json`` (format, layout,
the printed lines per page, stamp and damage settings; for debugging).

The truth file has the shape generate_letters writes (``id``, ``text``, ``record``, ``breaks``),
so ``council-ocr eval --truth DIR --pred PRED`` and ``pipeline.evaluate`` score it unchanged.
Its ``text`` is what a perfect reader of the page returns, as in generate_letters: every printed
line except page furniture (``Seite 1 von 2``, running heads), stamps and signature scribbles;
where the date is only stamped (after ``Datum:``), the text has the date typed (``28.07.2019``).
Reading order is the order of the blocks: letterhead, the right-hand column, the address; a
two-column signature block is read line by line (both names, then both roles), as OCR reads it
and as generate_letters writes the Dresden seed's block. ``breaks`` lists every word the
renderer hyphenated at a line end (kind ``word``, form ``hyphen``: a printer never loses the
hyphen) and every suspended compound left at a line end before its conjunction (``Städte-`` /
``und``, kind ``suspended``). Identifiers, numbers and words with a hyphen are never broken.

Only :class:`random.Random` instances derived from ``seed`` are used: same seed, same bytes.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))  # samples/ is not a package
import generate_letters as gen
from render_scans import A4_INCHES, FONT_POINTS, Page, write_pdf, write_tiff

FORMATS = ("pdf", "tiff", "png", "layer-pdf", "bad-layer-pdf")
SUFFIX = {"pdf": "pdf", "layer-pdf": "pdf", "bad-layer-pdf": "pdf", "tiff": "tif", "png": "png"}
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: DejaVu faces of fonts-dejavu-core (make setup installs it); a missing bold face falls back.
FACES = {
    ("serif", False): "DejaVuSerif.ttf",
    ("serif", True): "DejaVuSerif-Bold.ttf",
    ("sans", False): "DejaVuSans.ttf",
    ("sans", True): "DejaVuSans-Bold.ttf",
}
MM = 72 / 25.4  # points per millimetre
PAGE_WIDTH, PAGE_HEIGHT = A4_INCHES[0] * 72, A4_INCHES[1] * 72
TOP, BOTTOM = 20 * MM, PAGE_HEIGHT - 25 * MM
RIGHT_COLUMN = 125 * MM  # DIN 5008: information block beside the address field
LAYOUTS = ("din", "centered", "seed")
CONJUNCTIONS = ("und", "oder", "sowie")
MARKER = re.compile(r"(\d+\.|\d+\)|Punkt \d+:|[a-c]\)) (.+)", re.S)
PLACEHOLDER = re.compile(r"\\\{\w+\\\}")
BAD_LAYER_GLYPHS = "@#~¦|!1lIcO0°^"


# ------------------------------------------------------------------------------ page model


@dataclass(frozen=True)
class Run:
    """A printed line (or line piece); positions in points from the page's top left."""

    x: float
    baseline: float
    text: str
    size: float
    family: str = "serif"
    bold: bool = False
    width: float | None = None  # justified to this width
    noise: bool = False  # printed, but not in the clean text (page furniture)


@dataclass(frozen=True)
class Stamp:
    """An ink stamp: boxed lines, rotated by ``angle`` degrees about its centre ``x``, ``y``.

    ``dated``: the letter's date is only given here (the stamp stands after ``Datum:``), so a
    reader takes the date from it; otherwise the stamp is noise.
    """

    x: float
    y: float
    lines: tuple[str, ...]
    day: date
    angle: float
    ink: int  # grey level of full ink
    size: float
    double: bool
    dated: bool
    seed: int  # uneven inking


@dataclass(frozen=True)
class Scribble:
    """A handwritten signature: pen strokes as polylines in points."""

    strokes: tuple[tuple[tuple[float, float], ...], ...]
    width: float
    ink: int


@dataclass(frozen=True)
class Damage:
    """What the scanner does to one sheet; the same at every dpi."""

    skew: float = 0.0  # degrees, counter-clockwise
    turn: int = 0  # the page is scanned turned by 0, 90, 180 or 270 degrees
    blur: float = 0.0  # Gaussian radius in pixels at 300 dpi
    speckle: float = 0.0  # specks per square centimetre (the same at every dpi)
    jpeg: int = 0  # JPEG quality of one save-and-reload (0: none)
    paper: int = 255  # grey level of the paper


@dataclass
class Sheet:
    """One page: what is printed on it in reading order, rules, and its scan damage."""

    items: list[Run | Stamp | Scribble] = field(default_factory=list)
    rules: list[tuple[float, float, float, float, float]] = field(default_factory=list)
    damage: Damage = field(default_factory=Damage)

    @property
    def runs(self) -> list[Run]:
        return [item for item in self.items if isinstance(item, Run)]

    @property
    def stamps(self) -> list[Stamp]:
        return [item for item in self.items if isinstance(item, Stamp)]


@dataclass(frozen=True)
class Style:
    """Typography and layout of one letter."""

    layout: str
    family: str
    size: float
    leading: float
    gap: float  # space between paragraphs, in lines
    justify: bool
    hyphenate: bool
    bold_headings: bool
    date_stamp: bool  # the date only as a stamp after "Datum:"
    received_stamp: bool  # an extra "EINGEGANGEN" stamp somewhere on page 1
    clerk: bool  # "Bearbeiter" and "Telefon" lines in the information block
    sender_address: bool
    page_label: str  # "Seite {k} von {n}" or "- {k} -"
    running_head: bool


@dataclass
class ScanLetter:
    """A letter laid out on sheets, with its truth (text, record, breaks) and output format."""

    id: str
    format: str
    style: Style
    text: str
    record: dict[str, Any]
    breaks: list[dict[str, str]]
    sheets: list[Sheet]
    #: Body lines as printed, in order (the lines hyphenation can end).
    flow: list[str]
    seed: int

    def truth(self) -> dict[str, Any]:
        """The content of ``<id>.truth.json`` (the shape generate_letters writes)."""
        return {"id": self.id, "text": self.text, "record": self.record, "breaks": self.breaks}

    def layout(self) -> dict[str, Any]:
        """The content of ``<id>.layout.json``: how the letter was printed and scanned."""
        return {
            "id": self.id,
            "format": self.format,
            "style": self.style.__dict__,
            "pages": [
                {
                    "damage": sheet.damage.__dict__,
                    "stamps": [
                        {"lines": s.lines, "angle": round(s.angle, 1), "dated": s.dated}
                        for s in sheet.stamps
                    ],
                    "lines": [run.text for run in sheet.runs if not run.noise],
                    "noise": [run.text for run in sheet.runs if run.noise],
                }
                for sheet in self.sheets
            ],
        }


# ------------------------------------------------------------------------------ fonts


@cache
def face(family: str, bold: bool, pixels: int) -> ImageFont.FreeTypeFont:
    """A DejaVu face ``pixels`` high (bold falls back to regular when not installed)."""
    for name in (FACES[family, bold], FACES[family, False]):
        if (FONT_DIR / name).exists():
            return ImageFont.truetype(str(FONT_DIR / name), max(1, pixels))
    raise FileNotFoundError("no DejaVu font: apt-get install fonts-dejavu-core (make setup does)")


def measure(text: str, size: float, family: str, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` points (measured at 1000 px: no hinting)."""
    return face(family, bold, 1000).getlength(text) * size / 1000


# ------------------------------------------------------------------------------ wrapping


def hyphen_split(token: str, fits: Callable[[str], bool]) -> tuple[str, str, dict[str, str]] | None:
    """Break ``token`` at its last hyphenation point whose head (with ``-``) still ``fits``.

    Only plain words are broken: no digits, no inner capitals (``AufenthG``), no hyphen.

    >>> hyphen_split("Verwaltung,", lambda head: len(head) <= 5)[:2]
    ('Ver-', 'waltung,')
    >>> hyphen_split("Open-Air-Veranstaltungen", lambda head: True) is None
    True
    """
    match = gen.WORD_RE.match(token)
    if not match or "-" in match.group(2):
        return None
    lead, core, trail = match.groups()
    for at, kind in reversed(gen.split_points(core)):
        head = f"{lead}{core[:at]}-"
        if kind == "word" and fits(head):
            brk = {"joined": core, "first": core[:at], "second": core[at:], "form": "hyphen",
                   "kind": "word"}  # fmt: skip
            return head, core[at:] + trail, brk
    return None


def wrap(
    text: str, width: float, width_of: Callable[[str], float], hyphenate: bool
) -> tuple[list[str], list[dict[str, str]]]:
    """Greedy line breaking of a paragraph; returns the lines and the breaks at their ends.

    >>> lines, breaks = wrap("Die Städte- und Gemeindetag berät", 11, len, False)
    >>> lines, [b["joined"] for b in breaks]
    (['Die Städte-', 'und', 'Gemeindetag', 'berät'], ['Städte- und'])
    """
    tokens = re.split(r" (?!\S+/\d{3}/\d{4})", text)  # keeps "OBR Alt/011/2010" on one line
    lines: list[str] = []
    ends: list[dict[str, str] | None] = []  # the hyphenation break ending each line, if any
    current = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        candidate = f"{current} {token}" if current else token
        if not current or width_of(candidate) <= width:
            current, i = candidate, i + 1
            continue
        prefix = f"{current} "
        piece = hyphen_split(token, lambda head, prefix=prefix: width_of(prefix + head) <= width)
        if hyphenate and piece:
            head, tokens[i], brk = piece
            lines.append(prefix + head)
            ends.append(brk)
        else:
            lines.append(current)
            ends.append(None)
        current = ""
    lines.append(current)
    breaks: list[dict[str, str]] = []
    for n, brk in enumerate(ends):
        last, following = lines[n].rsplit(" ", 1)[-1], lines[n + 1].split(" ", 1)[0]
        if brk:
            breaks.append(brk)
        elif last.endswith("-") and len(last) > 1 and following in CONJUNCTIONS:
            first = last.lstrip('„"(')[:-1]
            breaks.append({"joined": f"{first}- {following}", "first": first,
                           "second": following, "form": "hyphen", "kind": "suspended"})  # fmt: skip
    return lines, breaks


def address_lines(addressee: str) -> list[str]:
    """An addressee split into the lines of its generate_letters template.

    >>> address_lines("An den Vorsitzenden des Kulturausschusses")
    ['An den Vorsitzenden des', 'Kulturausschusses']
    """
    for template in (*gen.PHRASES["address"], *gen.PHRASES["committee_address"]):
        parts = [PLACEHOLDER.sub(".+?", re.escape(part)) for part in template.split(" | ")]
        match = re.fullmatch(" ".join(f"({part})" for part in parts), addressee)
        if match:
            return list(match.groups())
    return [addressee]


# ------------------------------------------------------------------------------ typesetting


class Typesetter:
    """Lays a letter out on A4 sheets top to bottom, keeping reading order and the truth."""

    def __init__(self, style: Style, rng: random.Random, running_head: str) -> None:
        self.style, self.rng, self.running_head = style, rng, running_head
        self.left = rng.uniform(22, 27) * MM
        self.right = PAGE_WIDTH - rng.uniform(18, 22) * MM
        self.sheets = [Sheet()]
        self.y = TOP
        self.paragraphs: list[str] = []
        self.breaks: list[dict[str, str]] = []
        self.flow: list[str] = []

    @property
    def sheet(self) -> Sheet:
        return self.sheets[-1]

    @property
    def line_height(self) -> float:
        return self.style.size * self.style.leading

    def width_of(self, text: str, bold: bool = False, size: float | None = None) -> float:
        return measure(text, size or self.style.size, self.style.family, bold)

    def put(self, x: float, text: str, *, size: float | None = None, bold: bool = False,
            width: float | None = None, noise: bool = False, advance: bool = True) -> Run:  # fmt: skip
        """Print one line at the current height (and move down unless ``advance`` is off)."""
        size = size or self.style.size
        run = Run(x, self.y + size, text, size, self.style.family, bold, width, noise)
        self.sheet.items.append(run)
        if advance:
            self.y += size * self.style.leading
        return run

    def skip(self, lines: float) -> None:
        self.y += lines * self.line_height

    def new_page(self) -> None:
        self.sheets.append(Sheet())
        self.y = TOP
        if self.style.running_head:
            self.put(self.left, self.running_head, size=self.style.size - 1.5, noise=True)
            self.skip(1.5)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit on this one."""
        if self.y + height > BOTTOM:
            self.new_page()

    def block(self, lines: list[str], x: float, *, bold: bool = False) -> None:
        """Unbroken lines (letterhead, address) and their joined paragraph in the truth."""
        for line in lines:
            self.put(x, line, bold=bold)
        self.paragraphs.append(" ".join(lines))

    def paragraph(self, text: str, *, bold: bool = False, keep_next: int = 0) -> None:
        """A body paragraph: a hanging marker (``1.``, ``a)``, ``Punkt 1:``) when it has one,
        wrapped with hyphenation, justified in some letters. Its first two lines stay together,
        and with ``keep_next`` lines of the next paragraph (a heading)."""
        match = MARKER.fullmatch(text)
        marker, body = (match.group(1), match.group(2)) if match else ("", text)
        depth = 1 if marker[:1].isalpha() else 0
        x = self.left + depth * 8 * MM
        indent = max(8 * MM, self.width_of(marker) + 2.5 * MM) if marker else 0.0
        width = self.right - x - indent
        lines, breaks = wrap(
            body, width, lambda line: self.width_of(line, bold), self.style.hyphenate
        )
        self.ensure(self.line_height * (min(2, len(lines)) + keep_next))
        for n, line in enumerate(lines):
            self.ensure(self.line_height)
            if n == 0 and marker:
                self.put(x, marker, bold=bold, advance=False)
            justified = self.style.justify and n < len(lines) - 1
            self.put(x + indent, line, bold=bold, width=width if justified else None)
        self.paragraphs.append(text)
        self.breaks += breaks
        self.flow += lines
        self.skip(self.style.gap)

    def stamp(self, x: float, y: float, day: date, lines: tuple[str, ...], dated: bool) -> None:
        rng = self.rng
        angle = rng.choice((-1, 1)) * rng.uniform(5, 25)
        size = rng.uniform(10, 13)
        self.sheet.items.append(
            Stamp(x, y, lines, day, angle, rng.randint(70, 150), size, rng.random() < 0.4,
                  dated, rng.getrandbits(32))
        )  # fmt: skip

    def scribble(self, x: float, baseline: float, width: float) -> None:
        """A signature above the line at ``baseline``: a cursive stroke of loops (sines) and
        a Bézier flourish, sometimes dipping into the line."""
        rng = self.rng
        height = rng.uniform(6, 11) * MM
        dip = rng.uniform(-0.3, 0.3) if rng.random() < 0.3 else rng.uniform(0.4, 1.0)
        bottom = baseline - dip * self.style.size
        middle, letters = bottom - 0.45 * height, rng.randint(4, 9)
        turn = 2 * math.pi * letters / width
        loop, slant = rng.uniform(1.5, 3.0) / turn, rng.uniform(0, 0.5)  # loops when above 1
        phase, steps = rng.uniform(0, math.pi), 14 * letters
        swing = [rng.uniform(0.1, 0.5) * height for _ in range(letters + 2)]
        cursive = []
        for k in range(steps + 1):
            along = k / steps * width
            rise = swing[int(along / width * letters)] * math.sin(turn * along + phase)
            ahead = along + loop * math.cos(turn * along + phase) + slant * rise
            cursive.append((x + ahead, middle - rise))
        strokes = [tuple(cursive), self.flourish(x, bottom - height, width, height)]
        ink = rng.randint(20, 90)
        self.sheet.items.append(Scribble(tuple(strokes), rng.uniform(0.7, 1.3), ink))

    def flourish(
        self, x: float, top: float, width: float, height: float
    ) -> tuple[tuple[float, float], ...]:
        """A chain of cubic Bézier curves through random points of the box."""
        rng = self.rng

        def anywhere() -> tuple[float, float]:
            return x + rng.uniform(-0.1, 1.1) * width, top + rng.uniform(0, 1.2) * height

        points = [anywhere()]
        for _ in range(rng.randint(1, 3)):
            corners = (points[-1], anywhere(), anywhere(), anywhere())
            for k in range(1, 21):
                t = k / 20
                weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3)
                points.append((
                    sum(w * p[0] for w, p in zip(weights, corners, strict=True)),
                    sum(w * p[1] for w, p in zip(weights, corners, strict=True)),
                ))  # fmt: skip
        return tuple(points)


def letter_parts(letter: gen.Letter) -> tuple[list[str], list[str]]:
    """The clean text's paragraphs from the reference line up to the closing, and the labels
    (``GZ:``, ``Az.:``) of the header."""
    paragraphs = letter.text.split("\n\n")
    document = letter.record["document"]
    start = max(paragraphs.index(a) for a in document["addressees"]) + 1
    end = paragraphs.index("Mit freundlichen Grüßen")
    labels = [p for p in paragraphs[:start] if p in ("GZ:", "Az.:", "Aktenzeichen:")]
    return paragraphs[start:end], labels


def info_lines(letter: gen.Letter, style: Style, labels: list[str], rng: random.Random) -> list[tuple[str, str]]:  # fmt: skip
    """The label/value lines of the file reference and date block."""
    document = letter.record["document"]
    day = date.fromisoformat(document["date"])
    lines = [(labels[0] if labels else "GZ:", document["file_reference"])]
    lines.append(("Datum:", "" if style.date_stamp else gen.format_date(day)))
    if style.clerk:
        female = rng.random() < 0.5
        name = f"{('Herr', 'Frau')[female]} {rng.choice(gen.WORDS['last'])}"
        lines.append((("Bearbeiter:", "Bearbeiterin:")[female], name))
        area = rng.choice(("0341", "0371", "0391", "0345", "0381", "0361", "0331"))
        lines.append(("Telefon:", f"{area} {rng.randint(100, 999)}-{rng.randint(1000, 9999)}"))
    return lines


def stamp_lines(day: date, city: str, received: bool, rng: random.Random) -> tuple[str, ...]:
    """The text of a date stamp: ``28. JULI 2019``, boxed with ``EINGEGANGEN`` or the city."""
    month = gen.WORDS["stamp_month"][day.month - 1]
    dated = f"{day.day:02d}.{rng.choice(('', ' '))}{month} {day.year}"
    if received:
        return ("EINGEGANGEN", dated, rng.choice((city, f"Stadtverwaltung {city}")))
    return (dated,) if rng.random() < 0.5 else (dated, f"Stadt {city}")


def header(setter: Typesetter, letter: gen.Letter, labels: list[str], rng: random.Random) -> None:
    """Letterhead, information block (file reference, date, clerk) and address on page 1."""
    style, document = setter.style, letter.record["document"]
    authority, department = document["authority"], document["department"]
    city = authority.split(" ", 1)[1]
    day = date.fromisoformat(document["date"])
    info = info_lines(letter, style, labels, rng)
    big = style.size + rng.choice((3, 4, 5))
    setter.y = rng.uniform(12, 18) * MM
    column = PAGE_WIDTH
    if style.layout == "seed":  # one column, labels and values in two tab columns (Dresden)
        value_x = setter.left + rng.uniform(28, 34) * MM
        rows = [(authority, None), (*info[0],), (department, None), *info[1:]]
        if rng.random() < 0.3:
            rows[1], rows[2] = rows[2], rows[1]
        for label, value in rows:
            setter.put(setter.left, label, bold=value is None and label == authority,
                       advance=value is None)  # fmt: skip
            if value is not None:
                date_row(setter, value_x, label, value, day, city)
            else:
                setter.paragraphs.append(label)
            setter.skip(0.3)
        setter.skip(1.5)
    else:
        centered = style.layout == "centered"
        for text, size, bold in ((authority, big, True), (department, style.size + 1, False)):
            width = measure(text, size, style.family, bold)
            x = (PAGE_WIDTH - width) / 2 if centered else setter.left
            setter.put(x, text, size=size, bold=bold)
            setter.paragraphs.append(text)
        setter.skip(0.4)
        setter.sheet.rules.append((setter.left, setter.y, setter.right, setter.y, 0.6))
        setter.skip(1.2)
        widest = max(setter.width_of(f"{a} {b}") for a, b in info)
        widest = max(widest, setter.width_of("Datum:") + 55 * MM if style.date_stamp else 0)
        column = setter.right - widest - 2 * MM  # room for a stamp after "Datum:"
        column = min(RIGHT_COLUMN, column) if not centered else column
        top = setter.y
        if style.sender_address:
            street = f"{rng.choice(gen.WORDS['street'])} {rng.randint(1, 40)}"
            sender = [street, f"{rng.randint(1, 39):02d}{rng.randint(0, 999):03d} {city}"]
            for line in sender:
                setter.put(setter.right - setter.width_of(line), line)
            setter.paragraphs.append(" ".join(sender))
            setter.skip(0.8)
        for label, value in info:
            date_row(setter, column, label, value, day, city, inline=True)
            setter.skip(0.15)
        # the address beside the block (DIN) or below it (centered)
        setter.y = top + (2.5 * setter.line_height if not centered else setter.y - top + 8)
    room = 85 * MM if style.layout == "centered" else min(85 * MM, column - setter.left - 5 * MM)
    for addressee in document["addressees"]:
        lines: list[str] = []
        for line in address_lines(addressee):
            lines += wrap(line, room, setter.width_of, False)[0]
        setter.block(lines, setter.left)
        setter.skip(0.6)
    if style.received_stamp:
        x = rng.uniform(115, 165) * MM
        y = rng.uniform(25, 60) * MM + (30 * MM if rng.random() < 0.4 else 0)
        setter.stamp(x, y, day, stamp_lines(day, city, True, rng), dated=False)
    setter.y = max(setter.y + setter.line_height, rng.uniform(95, 105) * MM)


def date_row(setter: Typesetter, x: float, label: str, value: str, day: date, city: str,
             inline: bool = False) -> None:  # fmt: skip
    """A label/value line; an empty ``Datum:`` value is a stamp beside the label."""
    rng = setter.rng
    if inline:
        setter.put(x, label, advance=False)
    if value:
        setter.put(x if not inline else x + setter.width_of(label + " "), value)
        setter.paragraphs.append(f"{label} {value}")
        return
    width = setter.width_of(label)
    start = x if inline else setter.left
    centre_x = min(start + width + rng.uniform(22, 30) * MM, PAGE_WIDTH - 30 * MM)
    setter.stamp(centre_x, setter.y + rng.uniform(0.5, 1.0) * setter.line_height, day,
                 stamp_lines(day, city, False, rng), dated=True)  # fmt: skip
    setter.y += setter.line_height * 1.6
    setter.paragraphs.append(f"{label} {gen.format_date(day)}")


def signatures(setter: Typesetter, record: dict[str, Any]) -> None:
    """Greeting, the sender's signature, and the Kenntnisnahme block. Two people sign side by
    side, each with a signature over the name and the role below; the truth reads the two
    columns line by line (names, then roles), as OCR reads them and as generate_letters
    writes the Dresden seed's block."""
    signatories = record["signatories"]
    column = (setter.right - setter.left) / 2
    groups = [[signatories[0]]] + ([signatories[1:]] if len(signatories) > 1 else [])
    height = 1.5 + len(groups) * 9
    setter.ensure(height * setter.line_height)
    setter.skip(0.5)
    setter.put(setter.left, "Mit freundlichen Grüßen")
    setter.paragraphs.append("Mit freundlichen Grüßen")
    for n, group in enumerate(groups):
        if n:
            setter.skip(1.2)
            setter.put(setter.left, "Kenntnisnahme:")
            setter.paragraphs.append("Kenntnisnahme:")
        setter.skip(2.6)
        # a lone signatory's long role wraps in its column; side by side, roles are short
        roles = [
            wrap(p["role"], column - 6 * MM, setter.width_of, False)[0] if len(group) == 1
            else [p["role"]]
            for p in group
        ]  # fmt: skip
        names = [p["name"] for p in group]
        rows = ([names] if any(names) else []) + [
            [lines[r] if r < len(lines) else None for lines in roles]
            for r in range(max(map(len, roles)))
        ]
        for k, person in enumerate(group):
            first = 0 if person["name"] or not any(names) else 1
            baseline = setter.y + first * setter.line_height + setter.style.size
            setter.scribble(
                setter.left + k * column, baseline, column * setter.rng.uniform(0.45, 0.75)
            )
        for row in rows:
            for k, line in enumerate(row):
                if line:
                    setter.put(setter.left + k * column, line, advance=False)
            setter.y += setter.line_height
        setter.paragraphs += [name for name in names if name] + [p["role"] for p in group]


def choose_style(fmt: str, rng: random.Random) -> Style:
    """A letter's typography; one-page PNG letters are set compactly."""
    compact = fmt == "png"
    date_stamp = fmt != "layer-pdf" and rng.random() < 0.3  # born digital: no ink
    return Style(
        layout=rng.choices(LAYOUTS, (4, 3, 3))[0],
        family=rng.choice(("serif", "sans")),
        size=9.5 if compact else rng.choice((10, 10.5, 11, 11.5, 12)),
        leading=rng.uniform(1.1, 1.2) if compact else rng.uniform(1.15, 1.4),
        gap=rng.uniform(0.2, 0.4) if compact else rng.uniform(0.4, 1.0),
        justify=rng.random() < 0.5,
        hyphenate=rng.random() < 0.85,
        bold_headings=rng.random() < 0.5,
        date_stamp=date_stamp,
        received_stamp=fmt != "layer-pdf" and not date_stamp and rng.random() < 0.75,
        clerk=rng.random() < 0.4,
        sender_address=rng.random() < 0.5,
        page_label=rng.choice(("Seite {k} von {n}", "Seite {k} von {n}", "- {k} -")),
        running_head=rng.random() < 0.35,
    )


def scan_damage(rng: random.Random, scanned: bool) -> Damage:
    """Scan damage of one sheet (none for a born-digital page)."""
    if not scanned:
        return Damage()
    return Damage(
        skew=rng.uniform(-2, 2),
        turn=rng.choices((0, 180, 90, 270), (84, 8, 4, 4))[0],
        blur=rng.uniform(0.4, 1.2),
        speckle=rng.uniform(0.1, 1.0),
        jpeg=rng.randint(25, 70),
        paper=rng.randint(232, 255),
    )


def compose(letter: gen.Letter, number: int, fmt: str, rng: random.Random) -> ScanLetter:
    """Lay ``letter`` out as a scan in format ``fmt``."""
    style = choose_style(fmt, rng)
    document = letter.record["document"]
    head = f"{document['authority']} – {document['department']}"
    setter = Typesetter(style, rng, head)
    body, labels = letter_parts(letter)
    header(setter, letter, labels, rng)
    for paragraph in body:
        heading = paragraph.startswith("Zu ") and len(paragraph) < 16
        bold = paragraph in (body[0], document["title"]) or (heading and style.bold_headings)
        setter.paragraph(paragraph, bold=bold, keep_next=3 if heading else 0)
    signatures(setter, letter.record)
    pages = len(setter.sheets)
    if fmt == "png" and pages > 1:
        fmt = "tiff"  # a PNG holds one page
    for k, sheet in enumerate(setter.sheets, 1):
        label = style.page_label.format(k=k, n=pages)
        size = style.size - 1
        x = (PAGE_WIDTH - measure(label, size, style.family)) / 2
        sheet.items.append(Run(x, PAGE_HEIGHT - 12 * MM, label, size, style.family, noise=True))
        for fold in (105, 210):  # fold marks at the left edge
            sheet.rules.append((4 * MM, fold * MM, 9 * MM, fold * MM, 0.5))
        sheet.damage = scan_damage(rng, fmt != "layer-pdf")
    return ScanLetter(
        f"scan-{number:03d}", fmt, style, "\n\n".join(setter.paragraphs), letter.record,
        setter.breaks, setter.sheets, setter.flow, rng.getrandbits(32),
    )  # fmt: skip


def make_letters(count: int, seed: int, formats: tuple[str, ...] = FORMATS) -> list[ScanLetter]:
    """``count`` letters of generate_letters (same seed) laid out as scans, formats in turn."""
    master = random.Random(f"make_scans/{seed}")
    return [
        compose(letter, n, formats[n % len(formats)], random.Random(master.getrandbits(64)))
        for n, letter in enumerate(gen.generate(count, seed))
    ]


# ------------------------------------------------------------------------------ rendering


def draw_run(draw: ImageDraw.ImageDraw, run: Run, scale: float) -> None:
    font = face(run.family, run.bold, round(run.size * scale))
    x, y = run.x * scale, run.baseline * scale
    words = run.text.split(" ")
    if run.width is None or len(words) < 2:
        draw.text((x, y), run.text, font=font, fill=0, anchor="ls")
        return
    widths = [font.getlength(word) for word in words]
    space = (run.width * scale - sum(widths)) / (len(words) - 1)
    space = min(space, 3 * font.getlength(" "))
    for word, width in zip(words, widths, strict=True):
        draw.text((x, y), word, font=font, fill=0, anchor="ls")
        x += width + space


def ink_stamp(image: Image.Image, stamp: Stamp, scale: float) -> None:
    """Stamp in grey ink over the page: darkens what is under it, never lightens."""
    rng = random.Random(stamp.seed)
    font = face("sans", True, round(stamp.size * scale))
    pad, line_height = 4 * scale, stamp.size * 1.3 * scale
    width = max(font.getlength(line) for line in stamp.lines) + 2 * pad
    height = line_height * len(stamp.lines) + 2 * pad
    mask = Image.new("L", (round(width + 4 * scale), round(height + 4 * scale)), 0)
    draw = ImageDraw.Draw(mask)
    border = max(1, round(1.2 * scale))
    draw.rectangle((0, 0, mask.width - 1, mask.height - 1), outline=255, width=border)
    if stamp.double:
        inset = 3 * border
        draw.rectangle((inset, inset, mask.width - 1 - inset, mask.height - 1 - inset),
                       outline=255, width=max(1, border // 2))  # fmt: skip
    for k, line in enumerate(stamp.lines):
        x = (mask.width - font.getlength(line)) / 2
        draw.text(
            (x, 2 * scale + pad + (k + 0.8) * line_height), line, font=font, fill=255, anchor="ls"
        )
    # uneven inking: a coarse random field, smoothly enlarged
    coarse = Image.new("L", (max(1, mask.width // 12), max(1, mask.height // 12)))
    coarse.putdata([rng.randint(110, 255) for _ in range(coarse.width * coarse.height)])
    mask = ImageChops.multiply(mask, coarse.resize(mask.size, Image.Resampling.BILINEAR))
    mask = mask.rotate(stamp.angle, Image.Resampling.BICUBIC, expand=True)
    darkness = mask.point(lambda v: v * (255 - stamp.ink) // 255)
    box = (round(stamp.x * scale - mask.width / 2), round(stamp.y * scale - mask.height / 2))
    region = (*box, box[0] + mask.width, box[1] + mask.height)
    image.paste(ImageChops.subtract(image.crop(region), darkness), box)


def degrade(image: Image.Image, harm: Damage, dpi: int, rng: random.Random) -> Image.Image:
    """Blur, skew, speckle, JPEG artefacts and the page turn of a scan."""
    image = image.filter(ImageFilter.GaussianBlur(harm.blur * dpi / 300))
    image = image.rotate(harm.skew, Image.Resampling.BICUBIC, fillcolor=harm.paper)
    draw = ImageDraw.Draw(image)
    specks = round(harm.speckle * image.width * image.height * (2.54 / dpi) ** 2)
    for _ in range(specks):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        r = rng.choice((0, 0, 0, 1, 1, 2)) * dpi / 300
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(0, 120))
    if harm.jpeg:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=harm.jpeg)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    turns = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
             270: Image.Transpose.ROTATE_270}  # fmt: skip
    return image.transpose(turns[harm.turn]) if harm.turn else image


def render_sheet(sheet: Sheet, dpi: int, rng: random.Random, *, scanned: bool = True) -> Page:
    """A sheet as a page image at ``dpi`` (with its text lines for a PDF text layer).

    ``scanned`` off: the printed page only (no ink stamps, signatures or damage)."""
    scale = dpi / 72
    size = (round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi))
    image = Image.new("L", size, sheet.damage.paper if scanned else 255)
    draw = ImageDraw.Draw(image)
    lines = []
    for run in sheet.runs:
        draw_run(draw, run, scale)
        lines.append((run.x * scale, (run.baseline - FONT_POINTS) * scale, run.text))
    for x0, y0, x1, y1, width in sheet.rules:
        draw.line(
            (x0 * scale, y0 * scale, x1 * scale, y1 * scale),
            fill=0,
            width=max(1, round(width * scale)),
        )
    if scanned:
        for item in sheet.items:
            if isinstance(item, Scribble):
                for stroke in item.strokes:
                    points = [(px * scale, py * scale) for px, py in stroke]
                    draw.line(
                        points,
                        fill=item.ink,
                        width=max(1, round(item.width * scale)),
                        joint="curve",
                    )
        for stamp in sheet.stamps:
            ink_stamp(image, stamp, scale)
        image = degrade(image, sheet.damage, dpi, rng)
    return Page(image, lines, dpi)


def render_letter(letter: ScanLetter, dpi: int) -> list[Page]:
    """All pages of a letter at ``dpi``; born-digital letters are not scanned."""
    scanned = letter.format != "layer-pdf"
    return [
        render_sheet(sheet, dpi, random.Random(f"{letter.seed}/{k}/{dpi}"), scanned=scanned)
        for k, sheet in enumerate(letter.sheets)
    ]


def bad_layer(pages: list[Page], seed: int) -> list[list[str]]:
    """A garbage OCR layer for the pages: most letters replaced by look-alike junk."""
    rng = random.Random(seed)

    def garble(line: str) -> str:
        return "".join(
            rng.choice(BAD_LAYER_GLYPHS) if ch.isalpha() and rng.random() < 0.45 else ch
            for ch in line
        )

    return [[garble(text) for _, _, text in page.lines] for page in pages]


def write_scan(letter: ScanLetter, dpi: int, out_dir: Path) -> Path:
    """Write the letter's scan, ``<id>.truth.json`` and ``<id>.layout.json`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{letter.id}.{SUFFIX[letter.format]}"
    pages = render_letter(letter, dpi)
    if letter.format == "layer-pdf":
        write_pdf(path, pages, image=False, text=True)
    elif letter.format == "bad-layer-pdf":
        write_pdf(path, pages, text=True, layer_text=bad_layer(pages, letter.seed))
    elif letter.format == "pdf":
        write_pdf(path, pages)
    elif letter.format == "tiff":
        write_tiff(path, pages)
    else:
        pages[0].image.save(path, dpi=(dpi, dpi))
    for name, content in (("truth", letter.truth()), ("layout", letter.layout())):
        body = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
        (out_dir / f"{letter.id}.{name}.json").write_text(body, encoding="utf-8")
    return path


def write_set(letters: list[ScanLetter], out: Path, dpis: list[int]) -> Iterator[Path]:
    """Write every letter at every dpi into ``out/<dpi>dpi/``; yields the scan paths."""
    for dpi in dpis:
        for letter in letters:
            yield write_scan(letter, dpi, out / f"{dpi}dpi")


def parse_formats(value: str) -> tuple[str, ...]:
    """``pdf,tiff`` -> ``("pdf", "tiff")``; unknown names are a usage error."""
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"formats are {', '.join(FORMATS)}, not {value!r}")
    return names


def main(argv: list[str] | None = None) -> int:
    """Command line: write ``--count`` scanned letters for ``--seed`` into ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--count", type=int, default=6, help="number of letters (default 6)")
    parser.add_argument("--seed", type=int, default=11, help="random seed (default 11)")
    parser.add_argument("--dpi", type=int, nargs="+", default=[300, 200, 150],
                        help="scan resolutions (default 300 200 150)")  # fmt: skip
    parser.add_argument("--formats", type=parse_formats, default=FORMATS,
                        help=f"formats taken in turn, comma-separated (default {','.join(FORMATS)})")  # fmt: skip
    args = parser.parse_args(argv)
    letters = make_letters(args.count, args.seed, args.formats)
    written = list(write_set(letters, args.out, args.dpi))
    print(f"{len(written)} scans of {len(letters)} letters in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
