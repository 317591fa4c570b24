"""Ingestion: detect an input's type by its content and get the text of every page.

Plain OCR text (UTF-8) is read as it is. PDFs: each page's text layer is scored and used, or
the page is rendered and OCRed (``mode``: ``auto``, ``skip-text``, ``force``). Images (PNG,
JPEG, multi-page TIFF) are OCRed page by page. Pages are handled one at a time, so memory does
not grow with the page count. Page texts are joined with form feeds (``\f``).

Pages of PDFs and images keep their words with boxes (:class:`PageWord`), so that any span of
the text can be found on the page. Boxes are in pixels from the top-left corner of the page as
stored, before the pipeline turned or deskewed it: an image's own pixels; a PDF page rendered
at ``OcrSettings.dpi`` (PDF points × dpi / 72), whether it was OCRed at that resolution, at its
scan's lower one, or read from its text layer.
"""

from __future__ import annotations

import hashlib
import math
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import regex
from PIL import Image, ImageSequence

from pipeline.errors import BadInputError, InputFileError
from pipeline.lexicon import Lexicon, default_lexicon

if TYPE_CHECKING:
    import pypdfium2

    from pipeline.ocr import OcrPage, PageReader

#: File name endings picked up when a directory is given (named files are always tried).
DISCOVERED_SUFFIXES = (".txt", ".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg")
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
#: Above this share of control characters a file is binary, not text.
MAX_CONTROL_SHARE = 0.01


#: Largest page image accepted (A3 at 600 dpi is 70 megapixels); larger is a decompression bomb.
MAX_IMAGE_PIXELS = 120_000_000
Mode = Literal["auto", "skip-text", "force"]
PageSource = Literal["text", "text_layer", "ocr", "empty"]


@dataclass(frozen=True)
class OcrSettings:
    """How pages get their text. A text layer scoring below ``min_layer_score`` is re-OCRed."""

    mode: Mode = "auto"
    lang: str = "deu"
    dpi: int = 300
    page_timeout: float = 180.0
    min_layer_score: float = 0.7
    #: A layer with fewer letters than this counts as no text (scanner stamps, page numbers).
    min_layer_letters: int = 20
    #: More Tesseract options for every page (``-c name=value``, ``--user-words FILE``).
    tesseract_config: str = ""
    #: Median filter side before Tesseract reads a page (0: none; see pipeline.ocr.MEDIAN_FILTER).
    median_filter: int = 0
    #: Take the ink of stamps off grey pages before OCR (pipeline.stamp_ink; ``--keep-stamps``).
    drop_stamps: bool = True
    #: Take small lone specks off pages before OCR (pipeline.specks; ``--keep-specks``).
    drop_specks: bool = True

    def __post_init__(self) -> None:
        if self.mode not in ("auto", "skip-text", "force"):
            raise ValueError(f"mode must be auto, skip-text or force, not {self.mode!r}")
        if not 50 <= self.dpi <= 1200:
            raise ValueError(f"dpi must be between 50 and 1200, not {self.dpi}")
        if self.median_filter not in (0, 3, 5):
            raise ValueError(f"median filter must be 0, 3 or 5, not {self.median_filter}")


Box = tuple[int, int, int, int]


def union(boxes: list[Box]) -> Box:
    """The smallest box holding all of ``boxes`` (at least one)."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass(frozen=True, slots=True)
class PageWord:
    """A word on a page: ``page.text[start:end] == text``, its box (x0, y0, x1, y1, see the
    module docstring) and Tesseract's confidence (0..100; None for text-layer words).

    ``block``, ``paragraph`` and ``line`` number the layout the word belongs to (Tesseract's;
    a text layer is one block of one paragraph, lines as in the page text).
    """

    text: str
    start: int
    end: int
    box: Box
    confidence: float | None = None
    block: int = 1
    paragraph: int = 1
    line: int = 1


@dataclass(frozen=True)
class PageText:
    """One page's text; for PDF and image pages also its words and size (``width`` × ``height``
    pixels, ``dpi`` when known) and how OCR turned it (clockwise ``rotation``, ``skew``)."""

    text: str
    source: PageSource
    text_layer_score: float | None = None
    warning: str | None = None
    words: tuple[PageWord, ...] = ()
    width: int | None = None
    height: int | None = None
    dpi: float | None = None
    rotation: int = 0
    skew: float = 0.0
    #: Regions whose stamp ink was set to paper before OCR (pixels as ``words``' boxes).
    stamps: tuple[Box, ...] = ()
    #: How many specks were set to paper before OCR.
    specks: int = 0
    #: Date stamps read on their own whose lines went into the text (pixels as ``stamps``).
    stamps_read: tuple[Box, ...] = ()

    def box(self, start: int, end: int) -> Box | None:
        """Union of the boxes of the words that overlap ``text[start:end]`` (None: no word).

        >>> page = PageText("Zu 1.\\n", "ocr", words=(PageWord("Zu", 0, 2, (10, 5, 30, 20)),
        ...                 PageWord("1.", 3, 5, (36, 6, 48, 20))))
        >>> page.box(0, 5), page.box(3, 4), page.box(2, 3)
        ((10, 5, 48, 20), (36, 6, 48, 20), None)
        """
        covered = [w.box for w in self.words if w.start < end and start < w.end]
        return union(covered) if covered else None

    def upright(self, box: Box) -> Box:
        """``box`` in the page turned upright by :attr:`rotation` (the skew left in), where
        left of and above mean what they mean to a reader.

        >>> PageText("", "ocr", width=100, height=200, rotation=90).upright((10, 20, 30, 40))
        (160, 10, 180, 30)
        >>> PageText("", "ocr", width=100, height=200, rotation=180).upright((10, 20, 30, 40))
        (70, 160, 90, 180)
        """
        if not self.rotation or self.width is None or self.height is None:
            return box
        left, top, right, bottom = box
        width, height = self.width, self.height
        turned = {
            90: [(height - y, x) for x, y in ((left, top), (right, bottom))],
            180: [(width - x, height - y) for x, y in ((left, top), (right, bottom))],
            270: [(y, width - x) for x, y in ((left, top), (right, bottom))],
        }.get(self.rotation % 360)
        if turned is None:
            return box
        (x0, y0), (x1, y1) = turned
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


@dataclass(frozen=True)
class Input:
    path: Path
    sha256: str
    media_type: str
    pages: list[PageText] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All pages, separated by form feeds."""
        return "\f".join(page.text for page in self.pages)

    def page_at(self, offset: int) -> tuple[int, int]:
        """(1-based page number, offset in that page's text) of an offset in :attr:`text`."""
        base = 0
        for number, page in enumerate(self.pages, 1):
            if offset <= base + len(page.text) or number == len(self.pages):
                return number, offset - base
            base += len(page.text) + 1  # the form feed
        return 1, offset

    def box(self, start: int, end: int) -> tuple[int, Box] | None:
        """Page and word box of ``text[start:end]``; a span running onto the next page is
        boxed on the page it starts on. None where the page has no words there."""
        number, local = self.page_at(start)
        page = self.pages[number - 1] if self.pages else None
        if page is None or not page.words:
            return None
        end_local = min(end - (start - local), len(page.text))
        found = page.box(local, max(end_local, local))
        return (number, found) if found else None


def score_text_layer(text: str, lexicon: Lexicon) -> float:
    """How much a text layer reads as German (0..1): known words, no garbage, real spaces.

    >>> from pipeline.lexicon import default_lexicon
    >>> lex = default_lexicon()
    >>> score_text_layer("Die Stadt hat den Beschluss umgesetzt.", lex) > 0.9
    True
    >>> score_text_layer("Dlc Sladt h@t dcn Bcschluss umgcsctzt. ~~ ¦¦", lex) < 0.5
    True
    """
    tokens = regex.findall(r"\p{L}{2,}", text)[:2000]
    if not tokens:
        return 0.0
    known = sum(1 for token in tokens if lexicon.known(token)) / len(tokens)
    visible = [ch for ch in text if not ch.isspace()]
    odd = sum(1 for ch in visible if not (ch.isalnum() or ch in ".,;:!?()-–„“\"'/§%&+*")) / max(
        1, len(visible)
    )
    glued = sum(1 for token in text.split() if len(token) > 30) / max(1, len(text.split()))
    return round(known * (1 - odd) * (1 - glued), 3)


def sniff(data: bytes) -> str:
    """Media type from content.

    >>> sniff(b"%PDF-1.7"), sniff("Stadt Leipzig".encode())
    ('application/pdf', 'text/plain')
    """
    for magic, media_type in MAGIC:
        if data.startswith(magic):
            return media_type
    return "text/plain"


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 text (a BOM is dropped); anything else is refused with the reason."""
    if b"\x00" in data:
        raise BadInputError("binary data (NUL bytes), not text", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        hint = ""
        if data[exc.start : exc.start + 1] and 0x80 <= byte <= 0xFF:
            hint = "; it looks like cp1252/Latin-1: convert with `iconv -f cp1252 -t utf-8`"
        raise BadInputError(
            f"not UTF-8 text (byte 0x{byte:02x} at offset {exc.start}){hint}", path
        ) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        raise BadInputError(f"binary data ({controls} control characters), not text", path)
    if not text.strip():
        raise BadInputError("empty: no text in the file", path)
    return text


def read_input(
    path: Path, settings: OcrSettings | None = None, pages: range | None = None
) -> Input:
    """Read one input file; raise a :class:`CouncilOcrError` naming the file and the problem.

    ``pages`` (1-based page numbers) reads only those pages of a PDF or TIFF: the batch runner
    splits long documents into page tasks this way.
    """
    settings = settings or OcrSettings()
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except FileNotFoundError as exc:
        raise InputFileError("no such file", path) from exc
    except IsADirectoryError as exc:
        raise InputFileError("is a directory", path) from exc
    except OSError as exc:
        raise InputFileError(f"cannot read: {exc.strerror}", path) from exc
    media_type = sniff(head)
    digest = _sha256(path)
    if not head:
        raise BadInputError("empty file (0 bytes)", path)
    if media_type == "application/pdf":
        texts = list(_pdf_pages(path, settings, pages))
    elif media_type.startswith("image/"):
        texts = list(_image_pages(path, settings, pages))
    else:
        text = decode_text(path.read_bytes(), path)
        texts = [PageText(text, "text")]
    return Input(path, digest, media_type, texts)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


#: Pages read by one Tesseract process; rendered pages wait on disk, not in memory.
OCR_BATCH = 8


@dataclass(frozen=True)
class _Pending:
    """A page handed to the reader, and what its :class:`PageText` needs besides the words."""

    number: int
    scale: float  # word boxes are multiplied by it (a PDF page rendered below settings.dpi)
    blank: PageText


def _page_reader(settings: OcrSettings) -> PageReader:
    from pipeline.ocr import PageReader

    return PageReader(
        settings.lang,
        settings.page_timeout,
        config=settings.tesseract_config,
        median_filter=settings.median_filter,
        drop_stamps=settings.drop_stamps,
        drop_specks=settings.drop_specks,
    )


def _check_tesseract(settings: OcrSettings) -> None:
    """Tesseract and the language are there (asked once a process): before the first page
    that needs them, so that a PDF read from its text layer needs neither."""
    from pipeline.ocr import check_tesseract

    check_tesseract(settings.lang)


def _read_pending(reader: PageReader, pending: list[_Pending]) -> Iterator[PageText]:
    """The pages handed to ``reader``, read; a failure or timeout gives an empty page with a
    warning. Empties ``pending``."""
    import pytesseract

    from pipeline.ocr import OcrPage

    for waiting, page in zip(pending, reader.read(), strict=True):
        if isinstance(page, RuntimeError):  # pytesseract reports its timeout as RuntimeError
            yield replace(waiting.blank, warning=f"page {waiting.number}: OCR stopped: {page}")
        elif isinstance(page, pytesseract.TesseractError):
            yield replace(
                waiting.blank, warning=f"page {waiting.number}: OCR failed: {page.message}"
            )
        else:
            assert isinstance(page, OcrPage), page
            yield _ocr_page_text(page, waiting)
    pending.clear()


def _ocr_page_text(page: OcrPage, waiting: _Pending) -> PageText:
    width, height = waiting.blank.width, waiting.blank.height
    words = tuple(
        PageWord(
            word.text,
            start,
            end,
            _scaled(page.source_box(word), waiting.scale, width or 0, height or 0),
            word.confidence,
            word.block,
            word.paragraph,
            word.line,
        )
        for word, (start, end) in zip(page.words, page.word_spans(), strict=True)
    )
    return replace(
        waiting.blank,
        text=page.text,
        source="ocr" if page.words else "empty",
        words=words,
        rotation=page.rotation,
        skew=page.skew,
        stamps=tuple(
            _scaled(page.source_region(box), waiting.scale, width or 0, height or 0)
            for box in page.stamps
        ),
        specks=page.specks,
        stamps_read=tuple(
            _scaled(page.source_region(box), waiting.scale, width or 0, height or 0)
            for box in page.stamps_read
        ),
    )


def _scaled(box: tuple[float, float, float, float], scale: float, width: int, height: int) -> Box:
    """A box scaled and rounded outwards to whole pixels, within the page."""
    x0, y0, x1, y1 = (v * scale for v in box)
    return (
        max(0, math.floor(x0)),
        max(0, math.floor(y0)),
        min(width, math.ceil(x1)),
        min(height, math.ceil(y1)),
    )


#: How far past the previous word a text-layer word is looked for in the page text.
LAYER_WORD_WINDOW = 200


def _layer_words(page: object, text: str, dpi: int) -> tuple[PageWord, ...]:
    """The text layer's words (pdfplumber), placed in ``text`` (the page's ``extract_text``,
    which joins the same words in the same order) and boxed in pixels at ``dpi``."""
    scale = dpi / 72
    left, top = float(page.bbox[0]), float(page.bbox[1])  # type: ignore[attr-defined]
    width = round(float(page.width) * scale)  # type: ignore[attr-defined]
    height = round(float(page.height) * scale)  # type: ignore[attr-defined]
    words: list[PageWord] = []
    cursor, line = 0, 1
    for found in page.extract_words():  # type: ignore[attr-defined]
        word = str(found["text"])
        at = text.find(word, cursor, cursor + LAYER_WORD_WINDOW + len(word))
        if not word or at < 0:
            continue  # not where the text has it: no box rather than a wrong one
        line += text.count("\n", cursor, at)
        box = (
            float(found["x0"]) - left,
            float(found["top"]) - top,
            float(found["x1"]) - left,
            float(found["bottom"]) - top,
        )
        words.append(
            PageWord(word, at, at + len(word), _scaled(box, scale, width, height), line=line)
        )
        cursor = at + len(word)
    return tuple(words)


def _pdf_pages(path: Path, settings: OcrSettings, wanted: range | None) -> Iterator[PageText]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
        count = len(pdf.pages)
    except Exception as exc:  # pdfminer raises many types for broken, encrypted or odd files
        causes = [exc, *exc.args, exc.__context__]  # pdfplumber wraps pdfminer's exception
        name = next(
            (type(c).__name__ for c in causes if "Password" in type(c).__name__), type(exc).__name__
        )
        if "Password" in name or "Encrypt" in name:
            raise BadInputError(
                "encrypted PDF: decrypt it first (e.g. qpdf --decrypt)", path
            ) from exc
        raise BadInputError(f"not a readable PDF ({name}: {exc})", path) from exc
    with pdf, _page_reader(settings) as reader:
        if count == 0:
            raise BadInputError("PDF has no pages", path)
        pending: list[_Pending] = []
        scans: pypdfium2.PdfDocument | None = None  # opened for the first page to OCR
        for number, page in enumerate(pdf.pages, 1):
            if wanted is not None and number not in wanted:
                continue
            try:
                layer = page.extract_text() or ""
            except Exception as exc:  # a damaged page: OCR it instead
                layer = ""
                warnings.warn(f"{path}: page {number}: text layer unreadable: {exc}", stacklevel=1)
            letters = sum(ch.isalpha() for ch in layer)
            has_layer = letters >= settings.min_layer_letters
            # The lexicon is loaded for the first layer to score (a scan has none to score).
            score = score_text_layer(layer, default_lexicon()) if has_layer else None
            use_layer = (settings.mode == "skip-text" and has_layer) or (
                settings.mode == "auto" and score is not None and score >= settings.min_layer_score
            )
            width = round(float(page.width) * settings.dpi / 72)
            height = round(float(page.height) * settings.dpi / 72)
            if use_layer:
                yield from _read_pending(reader, pending)  # pages keep their order
                yield PageText(
                    layer if layer.endswith("\n") else layer + "\n",
                    "text_layer",
                    score,
                    words=_layer_words(page, layer, settings.dpi),
                    width=width,
                    height=height,
                    dpi=settings.dpi,
                )
            else:
                try:
                    if scans is None:
                        import pypdfium2

                        scans = pypdfium2.PdfDocument(path)
                    pdf_page = scans[number - 1]
                    image = page_image(page, pdf_page, settings.dpi)
                    pdf_page.close()
                except Exception as exc:
                    raise BadInputError(f"page {number} cannot be rendered ({exc})", path) from exc
                _check_tesseract(settings)
                reader.add(image)
                scale = width / image.width
                image.close()
                blank = PageText("", "empty", score, width=width, height=height, dpi=settings.dpi)
                pending.append(_Pending(number, scale, blank))
                if len(pending) >= OCR_BATCH:
                    yield from _read_pending(reader, pending)
            page.close()  # pdfplumber caches layout objects per page: free them
        yield from _read_pending(reader, pending)
        if scans is not None:
            scans.close()


def page_image(page: object, pdf_page: pypdfium2.PdfPage, dpi: int) -> Image.Image:
    """A PDF page (pdfplumber, and the same page opened with pypdfium2) as an image for OCR:
    its scanned image as stored when the page is nothing but that (:func:`scanned_image`),
    else rendered at :func:`render_dpi`."""
    scan = scanned_image(page, pdf_page, dpi)
    if scan is not None:
        return scan
    return page.to_image(resolution=render_dpi(page, dpi)).original  # type: ignore[attr-defined]


#: Colour spaces whose stored pixels are what is printed (no palette, no inks to mix).
SCAN_COLOR_SPACES = frozenset({"DeviceGray", "DeviceRGB", "CalGray", "CalRGB"})


def scanned_image(page: object, pdf_page: pypdfium2.PdfPage, dpi: int) -> Image.Image | None:
    """The page's scanned image as stored, when the page is nothing but that image (with or
    without an invisible OCR text layer), upright, covering the page, at no more than ``dpi``,
    grey or RGB with no mask and no decode array: decoding it takes about 0.02 s where
    rendering the page took 0.1 s (a 300-dpi A4 scan), and gives the scanner's pixels.
    None for any other page, and for a stored image darker than paper (a sign that it is not
    shown as stored): such pages are rendered.
    """
    import numpy as np
    import pypdfium2.raw as pdfium_c

    if pdf_page.get_rotation() or getattr(page, "annots", None):
        return None
    stored = getattr(page, "images", [])
    if len(stored) != 1:
        return None
    attrs = stored[0]["stream"].attrs
    space = str(stored[0].get("colorspace", [""])[0]).strip("/'")
    if any(key in attrs for key in ("ImageMask", "Mask", "SMask", "Decode")):
        return None
    if space not in SCAN_COLOR_SPACES or attrs.get("BitsPerComponent") not in (1, 8):
        return None
    images = []
    for item in pdf_page.get_objects():
        if item.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(item)
        elif item.type != pdfium_c.FPDF_PAGEOBJ_TEXT or (
            pdfium_c.FPDFTextObj_GetTextRenderMode(item) != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        ):
            return None  # anything drawn besides the scan
    if len(images) != 1:
        return None
    left, bottom, right, top = pdf_page.get_bbox()
    width, height = right - left, top - bottom
    a, b, c, d, e, f = images[0].get_matrix().get()
    if b or c or abs(a - width) > 0.01 * width or abs(d - height) > 0.01 * height:
        return None
    if abs(e - left) > 0.01 * width or abs(f - bottom) > 0.01 * height:
        return None
    pixels = images[0].get_px_size()
    if pixels[0] * 72 / width > dpi + 0.5:
        return None  # finer than asked for: rendered at dpi instead
    scan = images[0].get_bitmap(render=False).to_pil()
    if scan.mode not in ("L", "RGB") or scan.size != tuple(pixels):
        return None
    if np.asarray(scan.convert("L").reduce(8)).mean() < 128:
        return None
    return scan


def render_dpi(page: object, wanted: int) -> int:
    """Resolution to render a PDF page at: a scanned page at its image's own resolution
    (upscaling a 200 dpi scan to 300 dpi blurs it for Tesseract), at most ``wanted``.

    The image's long side in pixels over its long side on the page: on a page turned by
    ``/Rotate`` the image's width runs down the page as shown.
    """
    covering = [
        img
        for img in getattr(page, "images", [])
        if (float(img["x1"]) - float(img["x0"])) >= 0.8 * float(page.width)  # type: ignore[attr-defined]
    ]
    if not covering:
        return wanted
    resolutions = [
        max(int(size) for size in img["srcsize"])
        / (max(float(img["x1"]) - float(img["x0"]), float(img["bottom"]) - float(img["top"])) / 72)
        for img in covering
        if float(img["x1"]) > float(img["x0"])
    ]
    if not resolutions:
        return wanted
    return max(72, min(wanted, round(max(resolutions))))


def _image_pages(path: Path, settings: OcrSettings, wanted: range | None) -> Iterator[PageText]:
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            frames = getattr(image, "n_frames", 1)
            with _page_reader(settings) as reader:
                pending: list[_Pending] = []
                for number, frame in enumerate(ImageSequence.Iterator(image), 1):
                    if wanted is not None and number not in wanted:
                        continue
                    frame.load()
                    _check_tesseract(settings)
                    reader.add(frame)
                    dpi = frame.info.get("dpi")
                    blank = PageText(
                        "", "empty", width=frame.width, height=frame.height,
                        dpi=float(dpi[0]) if dpi else None,
                    )  # fmt: skip
                    pending.append(_Pending(number, 1.0, blank))
                    if len(pending) >= OCR_BATCH:
                        yield from _read_pending(reader, pending)
                yield from _read_pending(reader, pending)
            image.close()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise BadInputError(
            f"image too large to be a page (over {MAX_IMAGE_PIXELS:,} pixels)", path
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise BadInputError(f"damaged or unsupported image ({exc})", path) from exc
    if not frames:
        raise BadInputError("image has no pages", path)


def discover(paths: list[Path]) -> list[Path]:
    """Files to process: named files as given, directories searched for supported endings
    (hidden files and folders skipped), in path order, each once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            hits = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in DISCOVERED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            if not hits:
                raise InputFileError(
                    f"directory has no usable files (looked for {', '.join(DISCOVERED_SUFFIXES)})",
                    path,
                )
            found.extend(sorted(hits))
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
