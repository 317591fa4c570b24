"""Tesseract in the process (:mod:`pipeline.engine`) reads what the ``tesseract`` command reads."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytesseract
import pytest

from pipeline import engine
from pipeline.ocr import READ_OPTIONS, check_tesseract
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from render_scans import render

try:
    check_tesseract()
except Exception:  # pragma: no cover - the environment decides
    pytest.skip("tesseract with deu is not installed", allow_module_level=True)

if engine.library() is None:  # pragma: no cover - the environment decides
    pytest.skip("libtesseract cannot be loaded", allow_module_level=True)


@pytest.fixture(autouse=True)
def in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "IN_PROCESS", True)


LETTER = (
    "Landeshauptstadt Dresden\n\nBeschlusskontrolle zum Beschluss A0404/11 vom 17.11.2011\n\n"
    "Zu 1.\nDer Beschlusspunkt wurde umgesetzt. Die Stadt hat die Beratungsstellen für "
    "Migrantinnen und Migranten gestärkt und die Angebote erweitert."
)


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A rendered page, one line of it (as a strip is read) and a list file of both."""
    folder = tmp_path_factory.mktemp("engine")
    page = render(LETTER, 200)[0].image.convert("L")
    page.save(folder / "page.tif", format="TIFF")
    width = page.width
    page.crop((0, 0, width, page.height // 6)).save(folder / "strip.tif", format="TIFF")
    listing = folder / "list.txt"
    listing.write_text(f"{folder / 'page.tif'}\n{folder / 'strip.tif'}\n", encoding="utf-8")
    return folder / "page.tif", folder / "strip.tif", listing


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The options of each call of the command (pytesseract), in order."""
    configs: list[str] = []
    read = pytesseract.image_to_data

    def spy(*args: object, **kwargs: object) -> object:
        configs.append(str(kwargs["config"]))
        return read(*args, **kwargs)

    monkeypatch.setattr(pytesseract, "image_to_data", spy)
    return configs


def command(source: Path, config: str) -> dict[str, list[object]]:
    return pytesseract.image_to_data(
        str(source), lang="deu", config=config, output_type=pytesseract.Output.DICT, timeout=60
    )


@pytest.mark.parametrize("psm", [3, 7])
def test_the_library_reads_word_for_word_what_the_command_reads(
    images: tuple[Path, Path, Path], psm: int
) -> None:
    """Every cell of the TSV the same, confidences too (whole numbers, as pytesseract gives
    them), for one image and for a list of them (pages numbered in order)."""
    page, strip, listing = images
    config = f"--psm {psm} {READ_OPTIONS}"
    for source in (page, strip, listing):
        ours = engine.image_to_data(str(source), "deu", config, 60)
        assert ours == command(source, config), source.name
    ours = engine.image_to_data(str(listing), "deu", config, 60)
    assert sorted(set(ours["page_num"])) == [1, 2]
    assert any(str(text).strip() for text in ours["text"])


def test_options_the_library_is_not_given_go_to_the_command(
    images: tuple[Path, Path, Path], tmp_path: Path, calls: list[str]
) -> None:
    words = tmp_path / "words.txt"
    words.write_text("Beschlusskontrolle\n", encoding="utf-8")
    config = f"--psm 7 --user-words {words}"
    data = engine.image_to_data(str(images[1]), "deu", config, 60)
    assert calls == [config] and any(str(text).strip() for text in data["text"])
    engine.image_to_data(str(images[1]), "deu", "--psm 7 -c tessedit_do_invert=0", 60)
    assert len(calls) == 1  # the library's own


def test_without_the_library_the_command_reads(
    images: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "library", lambda: None)
    config = f"--psm 7 {READ_OPTIONS}"
    assert engine.image_to_data(str(images[1]), "deu", config, 60) == command(images[1], config)


def test_threads_read_at_once_each_with_an_engine_of_its_own(
    images: tuple[Path, Path, Path],
) -> None:
    """Dask workers read in threads: an engine is no thread's to share."""
    config = f"--psm 3 {READ_OPTIONS}"
    expected = engine.image_to_data(str(images[0]), "deu", config, 60)
    results: list[object] = []
    used: list[int] = []

    def read() -> None:
        results.append(engine.image_to_data(str(images[0]), "deu", config, 60))
        used.append(id(engine.engine("deu", engine.parse_config(config)[1])))  # type: ignore[index]

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected, expected]
    assert len(set(used)) == 2


def test_a_deadline_passed_is_a_timeout(images: tuple[Path, Path, Path]) -> None:
    with pytest.raises(RuntimeError, match="timeout"):
        engine.image_to_data(str(images[0]), "deu", f"--psm 3 {READ_OPTIONS}", 0.001)


def test_an_unknown_language_is_an_error_naming_it() -> None:
    with pytest.raises(pytesseract.TesseractError, match="xyz"):
        engine.engine("xyz", ())


def test_the_command_reads_unless_this_process_may(
    images: tuple[Path, Path, Path], calls: list[str]
) -> None:
    """Only the batch's workers read in their process: elsewhere a crash of the library would
    take the run with it, where the command's crash costs a page."""
    engine.read_in_this_process(False)
    engine.image_to_data(str(images[1]), "deu", "--psm 7", 60)
    assert calls == ["--psm 7"]
    engine.read_in_this_process()
    engine.image_to_data(str(images[1]), "deu", "--psm 7", 60)
    assert calls == ["--psm 7"]


def test_batch_workers_read_in_their_process() -> None:
    check = (
        "import pipeline.engine as e; print(e.IN_PROCESS); "
        "from pipeline.batch.tasks import init_worker; init_worker(); print(e.IN_PROCESS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]


def test_a_library_of_another_release_than_the_command_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another build may read other words: the library is used only as the command's twin."""
    engine.library.cache_clear()
    monkeypatch.setattr(pytesseract, "get_tesseract_version", lambda: "4.1.1")
    try:
        assert engine.library() is None
    finally:
        monkeypatch.undo()
        engine.library.cache_clear()
    assert engine.library() is not None  # the real command's release
