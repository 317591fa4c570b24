"""Render letter text to page images and write them as scans: image-only PDFs, PDFs with a
text layer (born digital, or a deliberately bad OCR layer over the image), TIFF and PNG.

Used by the tests (small pages) and by ``make_scans.py``, which builds realistic scan sets with
ground truth. The PDF writer is minimal on purpose (A4 pages, landscape for images turned by
90°, JPEG images, Helvetica text in WinAnsi encoding) so that the test inputs need nothing
beyond Pillow.
"""

from __future__ import annotations

import io
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

A4_POINTS = (595.0, 842.0)
A4_INCHES = (8.27, 11.69)
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
FONT_POINTS = 11
MARGIN_INCHES = 1.0


def font(dpi: int) -> ImageFont.FreeTypeFont:
    """A font with German letters (DejaVu, installed by the Makefile), sized for ``dpi``."""
    size = round(FONT_POINTS / 72 * dpi)
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    raise FileNotFoundError("no DejaVu font: apt-get install fonts-dejavu-core (make setup does)")


def wrap(
    text: str, draw: ImageDraw.ImageDraw, face: ImageFont.FreeTypeFont, width: float
) -> list[str]:
    """Lines of at most ``width`` pixels; paragraphs keep their blank lines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words, line = paragraph.split(), ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if line and draw.textlength(candidate, font=face) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


@dataclass
class Page:
    image: Image.Image
    #: (x, y, text) of each line in pixels from the top left, for text layers.
    lines: list[tuple[float, float, str]] = field(default_factory=list)
    dpi: int = 300


def render(
    text: str, dpi: int = 300, *, seed: int = 0, noise: bool = False, keep_lines: bool = False
) -> list[Page]:
    """Render text as A4 pages at ``dpi``, optionally with scan noise (blur, speckle).

    ``keep_lines`` sets the text's own lines (an OCR text file's layout, with its broken words)
    instead of wrapping, shrinking the font until the longest line fits.
    """
    rng = random.Random(seed)
    face = font(dpi)
    size = (round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi))
    margin = MARGIN_INCHES * dpi * (0.7 if keep_lines else 1)
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    if keep_lines:
        lines = text.split("\n")
        longest = max(lines, key=lambda line: probe.textlength(line, font=face))
        while probe.textlength(longest, font=face) > size[0] - 2 * margin and face.size > 6:
            face = face.font_variant(size=face.size - 1)
    else:
        lines = wrap(text, probe, face, size[0] - 2 * margin)
    line_height = face.size * 1.35
    per_page = int((size[1] - 2 * margin) // line_height)
    pages = []
    for start in range(0, max(1, len(lines)), per_page):
        image = Image.new("L", size, 255)
        draw = ImageDraw.Draw(image)
        placed = []
        for k, line in enumerate(lines[start : start + per_page]):
            y = margin + k * line_height
            draw.text((margin, y), line, font=face, fill=0)
            if line:
                placed.append((margin, y, line))
        if noise:
            image = image.filter(ImageFilter.GaussianBlur(radius=dpi / 400))
            pixels = image.load()
            for _ in range(size[0] * size[1] // 2000):
                pixels[rng.randrange(size[0]), rng.randrange(size[1])] = rng.choice((0, 90))
        pages.append(Page(image, placed, dpi))
    return pages


def page_box(page: Page) -> tuple[float, float]:
    """The PDF page size in points: A4 (landscape for a page scanned turned by 90°), or the
    image's own size when it is not A4.

    >>> page_box(Page(Image.new("L", (1754, 1240)), dpi=150))
    (842.0, 595.0)
    """
    size = (page.image.width * 72 / page.dpi, page.image.height * 72 / page.dpi)
    for a4 in (A4_POINTS, A4_POINTS[::-1]):
        if all(abs(got - want) < 3 for got, want in zip(size, a4, strict=True)):
            return a4
    return size


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def write_pdf(
    path: Path,
    pages: list[Page],
    *,
    image: bool = True,
    text: bool = False,
    layer_text: list[list[str]] | None = None,
    encrypted: bool = False,
) -> None:
    """Write ``pages`` as a PDF: the page image, a text layer (visible when there is no image,
    invisible over it), or both. ``layer_text`` replaces the layer's lines (a bad OCR layer)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    add(b"")  # 1: catalog, filled in below
    add(b"")  # 2: page tree
    font_id = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for number, page in enumerate(pages):
        scale = 72 / page.dpi
        box = page_box(page)
        content = b""
        resources = b"/Font << /F1 %d 0 R >>" % font_id
        if image:
            buffer = io.BytesIO()
            page.image.convert("L").save(buffer, "JPEG", quality=80)
            data = buffer.getvalue()
            width, height = page.image.size
            image_id = add(
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (width, height, len(data))
                + data + b"\nendstream"
            )  # fmt: skip
            resources += b" /XObject << /Im1 %d 0 R >>" % image_id
            content += b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q\n" % box
        if text:
            lines = page.lines
            if layer_text is not None:
                replacement = layer_text[number] if number < len(layer_text) else []
                lines = [(x, y, t) for (x, y, _), t in zip(lines, replacement, strict=False)]
            mode = 3 if image else 0  # invisible over an image, like an OCR layer
            size = FONT_POINTS
            for x, y, line in lines:
                px, py = x * scale, box[1] - (y * scale) - size
                content += b"BT /F1 %d Tf %d Tr %.2f %.2f Td %s Tj ET\n" % (
                    size,
                    mode,
                    px,
                    py,
                    _pdf_string(line),
                )
        packed = zlib.compress(content)
        content_id = add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + b"\nendstream"
        )
        kids.append(add(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Resources << %s >> /Contents %d 0 R >>"
            % (*box, resources, content_id)
        ))  # fmt: skip
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    encrypt_id = None
    if encrypted:  # a password we do not give: readers must refuse it
        rng = random.Random(1)
        o, u = (bytes(rng.randrange(256) for _ in range(32)).hex().encode() for _ in range(2))
        encrypt_id = add(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (o, u))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if encrypt_id:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt_id, b"00" * 16, b"00" * 16)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))


def write_tiff(path: Path, pages: list[Page]) -> None:
    first, *rest = [page.image for page in pages]
    first.save(
        path, save_all=True, append_images=rest, compression="tiff_deflate", dpi=(pages[0].dpi,) * 2
    )
