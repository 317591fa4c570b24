"""Layout files for archives: ALTO XML (v4) and hOCR of an input's pages, from its word boxes.

Coordinates are those of :mod:`pipeline.ingest` (pixels from the top-left corner of the page as
stored; a PDF page at ``--dpi``), the same as the record's ``bbox``. Tesseract's blocks become
ALTO ``TextBlock`` s / hOCR ``ocr_carea`` s, its paragraphs ``ocr_par`` s (in ALTO, one
``TextBlock`` per paragraph), its lines ``TextLine`` / ``ocr_line``, its words ``String`` /
``ocrx_word`` with their confidence (``WC`` 0..1, ``x_wconf`` 0..100). A text-layer page is
one block of one paragraph and has no confidences.

Plain-text inputs have no page images and so no layout: :func:`layout_outputs` gives nothing
for them, and :func:`alto_xml` / :func:`hocr_html` refuse them (``ValueError``).

>>> from pathlib import Path
>>> from pipeline.ingest import Input, PageText, PageWord
>>> page = PageText("Zu 1.\\n", "ocr", width=600, height=800, words=(
...     PageWord("Zu", 0, 2, (10, 5, 30, 20), 96.0), PageWord("1.", 3, 5, (36, 6, 48, 20), 91.0)))
>>> scan = Input(Path("scan.png"), "0" * 64, "image/png", [page])
>>> alto = alto_xml(scan)
>>> '<String ID="p1_w1" CONTENT="Zu" HPOS="10" VPOS="5" WIDTH="20" HEIGHT="15" WC="0.96" />' in alto
True
>>> '<span class="ocrx_word" id="word_1_2" title="bbox 36 6 48 20; x_wconf 91">1.</span>' in (
...     hocr_html(scan))
True
>>> sorted(layout_outputs(scan, alto=True, hocr=True)), layout_outputs(scan, alto=False, hocr=False)
(['.alto.xml', '.hocr'], {})
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import groupby

import regex

from pipeline import __version__
from pipeline.ingest import Box, Input, PageText, PageWord, union

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
ALTO_SCHEMA = "http://www.loc.gov/standards/alto/v4/alto-4-2.xsd"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
#: Characters XML 1.0 cannot hold (a PDF text layer may have control characters).
NOT_XML = regex.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: Output file suffixes (next to the JSON record: ``<stem>.alto.xml``, ``<stem>.hocr``).
ALTO_SUFFIX = ".alto.xml"
HOCR_SUFFIX = ".hocr"


def has_layout(source: Input) -> bool:
    """Does the input have page images (and so words with boxes)? Plain text has not."""
    return bool(source.pages) and all(page.width is not None for page in source.pages)


def layout_outputs(source: Input, *, alto: bool, hocr: bool) -> dict[str, str]:
    """The layout files asked for, by output suffix (``.alto.xml``, ``.hocr``); empty for a
    plain-text input, which has no page images."""
    if not has_layout(source):
        return {}
    outputs = {}
    if alto:
        outputs[ALTO_SUFFIX] = alto_xml(source)
    if hocr:
        outputs[HOCR_SUFFIX] = hocr_html(source)
    return outputs


Numbered = tuple[int, PageWord]  # a word and its 1-based position on the page
Lines = list[tuple[int, list[Numbered]]]


def _blocks(page: PageText) -> Iterator[tuple[int, int, Lines]]:
    """(block, paragraph, lines) of a page in reading order; a line is (number, words)."""
    numbered = enumerate(page.words, 1)
    for (block, paragraph), words in groupby(
        numbered, key=lambda nw: (nw[1].block, nw[1].paragraph)
    ):
        lines = [(line, list(ws)) for line, ws in groupby(words, key=lambda nw: nw[1].line)]
        yield block, paragraph, lines


def _box(lines: Lines) -> Box:
    return union([word.box for _, words in lines for _, word in words])


def xml_text(text: str) -> str:
    """Text as XML can hold it: characters it cannot are replaced by U+FFFD.

    >>> xml_text("Seite\\x0c1")
    'Seite\\ufffd1'
    """
    return NOT_XML.sub("\ufffd", text)


def _check(source: Input) -> None:
    if not has_layout(source):
        raise ValueError(f"{source.path}: plain text has no page layout (no word boxes)")


def _settings(page: PageText) -> str:
    parts = [f"source={page.source}"]
    if page.dpi:
        parts.append(f"dpi={page.dpi:g}")
    if page.rotation or page.skew:
        parts.append(f"turned={page.rotation} deskewed={page.skew:g} (undone in coordinates)")
    return "; ".join(parts)


def alto_xml(source: Input) -> str:
    """ALTO v4 of the input's pages (one ``Page`` each, ``MeasurementUnit`` pixel)."""
    _check(source)
    name = xml_text(source.path.name)

    def add(parent: ET.Element, tag: str, box: Box, **attributes: str) -> ET.Element:
        x0, y0, x1, y1 = box
        element = ET.SubElement(parent, tag, attributes)
        element.set("HPOS", str(x0))
        element.set("VPOS", str(y0))
        element.set("WIDTH", str(x1 - x0))
        element.set("HEIGHT", str(y1 - y0))
        return element

    # Namespaces declared as plain attributes: ElementTree's register_namespace is global.
    root = ET.Element(
        "alto",
        {"xmlns": ALTO_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{ALTO_NS} {ALTO_SCHEMA}"},
    )
    description = ET.SubElement(root, "Description")
    ET.SubElement(description, "MeasurementUnit").text = "pixel"
    image = ET.SubElement(description, "sourceImageInformation")
    ET.SubElement(image, "fileName").text = name
    processing = ET.SubElement(description, "Processing", ID="council_ocr")
    ET.SubElement(processing, "processingCategory").text = "contentGeneration"
    ET.SubElement(processing, "processingStepDescription").text = (
        "Tesseract word boxes or the PDF text layer, in pixels from the top-left corner of the "
        "page as stored (before turning and deskewing); PDF pages at the stated dpi"
    )
    ET.SubElement(processing, "processingStepSettings").text = " | ".join(
        f"page {n}: {_settings(page)}" for n, page in enumerate(source.pages, 1)
    )
    software = ET.SubElement(processing, "processingSoftware")
    ET.SubElement(software, "softwareName").text = "council-ocr"
    ET.SubElement(software, "softwareVersion").text = __version__
    layout = ET.SubElement(root, "Layout")
    for number, page in enumerate(source.pages, 1):
        width, height = page.width or 0, page.height or 0
        element = ET.SubElement(
            layout,
            "Page",
            ID=f"p{number}",
            PHYSICAL_IMG_NR=str(number),
            WIDTH=str(width),
            HEIGHT=str(height),
        )
        space = add(element, "PrintSpace", (0, 0, width, height))
        for block, paragraph, lines in _blocks(page):
            text_block = add(space, "TextBlock", _box(lines), ID=f"p{number}_b{block}_{paragraph}")
            for line, words in lines:
                line_id = f"p{number}_l{block}_{paragraph}_{line}"
                text_line = add(text_block, "TextLine", _box([(line, words)]), ID=line_id)
                for index, word in words:
                    string = add(
                        text_line,
                        "String",
                        word.box,
                        ID=f"p{number}_w{index}",
                        CONTENT=xml_text(word.text),
                    )
                    if word.confidence is not None:
                        string.set("WC", f"{max(0.0, min(100.0, word.confidence)) / 100:.2f}")
    ET.indent(root)
    return XML_DECLARATION + ET.tostring(root, encoding="unicode")


def hocr_html(source: Input) -> str:
    """hOCR (XHTML) of the input's pages: ``ocr_page``, ``ocr_carea``, ``ocr_par``,
    ``ocr_line``, ``ocrx_word`` with ``bbox`` and ``x_wconf``."""
    _check(source)
    name = xml_text(source.path.name)

    def add(parent: ET.Element, tag: str, kind: str, ident: str, title: str) -> ET.Element:
        return ET.SubElement(parent, tag, {"class": kind, "id": ident, "title": title})

    def bbox(box: Box) -> str:
        return "bbox {} {} {} {}".format(*box)

    root = ET.Element("html", {"xmlns": XHTML_NS, "xml:lang": "de", "lang": "de"})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = name
    for meta, content in (
        ("ocr-system", f"council-ocr {__version__}"),
        ("ocr-capabilities", "ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf"),
    ):
        ET.SubElement(head, "meta", name=meta, content=content)
    body = ET.SubElement(root, "body")
    for number, page in enumerate(source.pages, 1):
        title = f'image "{name}"; {bbox((0, 0, page.width or 0, page.height or 0))}'
        title += f"; ppageno {number - 1}"
        if page.dpi:
            title += f"; scan_res {round(page.dpi)} {round(page.dpi)}"
        element = add(body, "div", "ocr_page", f"page_{number}", title)
        for block, paragraphs in groupby(_blocks(page), key=lambda item: item[0]):
            pars = list(paragraphs)
            every = [line for _, _, lines in pars for line in lines]
            area = add(element, "div", "ocr_carea", f"block_{number}_{block}", bbox(_box(every)))
            for _, paragraph, lines in pars:
                ident = f"par_{number}_{block}_{paragraph}"
                par = add(area, "p", "ocr_par", ident, bbox(_box(lines)))
                for line, words in lines:
                    ident = f"line_{number}_{block}_{paragraph}_{line}"
                    span = add(par, "span", "ocr_line", ident, bbox(_box([(line, words)])))
                    for index, word in words:
                        title = bbox(word.box)
                        if word.confidence is not None:
                            title += f"; x_wconf {round(max(0.0, word.confidence))}"
                        add(
                            span, "span", "ocrx_word", f"word_{number}_{index}", title
                        ).text = xml_text(word.text)
    ET.indent(root)
    html = ET.tostring(root, encoding="unicode")
    return XML_DECLARATION + "<!DOCTYPE html>\n" + html
