"""Tesseract options reach every OCR call (``OcrSettings.tesseract_config``)."""

from __future__ import annotations

import sys

import pytest

from pipeline.ocr import check_tesseract, ocr_page
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from render_scans import render

try:
    check_tesseract()
except Exception:  # pragma: no cover - the environment decides
    pytest.skip("tesseract with deu is not installed", allow_module_level=True)


def test_config_reaches_tesseract() -> None:
    image = render("Sitzung am 12.04.2017 im Rathaus", 150)[0].image
    plain = ocr_page(image, detect_orientation=False).text
    digits = ocr_page(
        image, detect_orientation=False, config="-c tessedit_char_whitelist=0123456789."
    ).text
    assert "Rathaus" in plain
    assert "12.04.2017" in digits and not any(c.isalpha() for c in digits)


def test_every_read_has_the_speed_options_and_the_caller_may_undo_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pages are read with :data:`pipeline.ocr.READ_OPTIONS` (no inverted second reads, no
    table search), and the caller's ``config`` comes after them, so it may set them back."""
    import pipeline.ocr

    configs: list[str] = []
    read = pipeline.ocr.image_to_data

    def spy(source: str, lang: str, config: str, timeout: float) -> object:
        configs.append(config)
        return read(source, lang, config, timeout)

    monkeypatch.setattr(pipeline.ocr, "image_to_data", spy)
    image = render("Sitzung am 12.04.2017 im Rathaus", 150)[0].image
    text = ocr_page(image, detect_orientation=False, config="-c tessedit_do_invert=1").text
    assert "Rathaus" in text
    assert configs and all(pipeline.ocr.READ_OPTIONS in config for config in configs)
    assert all(config.endswith("-c tessedit_do_invert=1") for config in configs)


def test_no_line_of_a_real_scan_is_lost_to_the_speed_options() -> None:
    """Regression: with ``textord_tabfind_find_tables=0`` among the speed options, Tesseract
    lost two of the three ``– Kläger –`` lines of the parties on page 1 of a court decision
    (VG Greifswald 4 A 1244/08 from shared/real-scans, a public decision; its names were
    blacked out before publication)."""
    from PIL import Image

    with Image.open(ROOT / "tests" / "data" / "vg-greifswald-4-a-1244-08-p1.png") as image:
        text = ocr_page(image.convert("L")).text
    assert text.count("Kläger") == 3
