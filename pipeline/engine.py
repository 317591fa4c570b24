"""Tesseract in this process: its C API (``libtesseract``, the library the ``tesseract`` command
is built on) through :mod:`ctypes`, with the language data loaded once a worker thread.

Every call of the ``tesseract`` command starts a process and loads the language data again:
0.09 s of CPU, as much as reading a short page. council-ocr calls it two or three times a
document (the pages with their stamps cut out, then strips of a page read again as lines,
:func:`pipeline.ocr.read_prepared`), 30 times on the bench's 28 pages: 2.7 s of 37. Here the
same library reads the same images with the same settings into the same TSV (word by word
and confidence by confidence; ``tests/test_engine.py`` compares them on rendered pages), without
either cost.

:func:`image_to_data` takes what :func:`pytesseract.image_to_data` takes (an image file, or a
list file of them, with ``--psm N`` and ``-c name=value`` options) and returns the same
dictionary. It falls back to ``pytesseract`` (the command) when the library cannot be loaded
or is of another release than the command, or when the options hold something else
(``--user-words``, ``--oem``): those stay the command's.

The library reads only where :func:`read_in_this_process` switched it on: the batch's local
worker processes (:func:`pipeline.batch.tasks.init_worker`), where a crash of the library
costs only the worker. Elsewhere (one short document read by the command line's own process,
Dask's workers, the library used from Python) the command reads, and a crash costs a page.

A time limit (``timeout``) is a deadline the library checks between words; page layout
analysis before the first word is not covered by it (the command was killed instead). A
crash of the library takes the worker process with it; the batch runner then retries the
document alone and records it as failed when it crashes again (``WorkerCrash``).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import shlex
import threading
import time
from functools import cache
from pathlib import Path
from typing import Any

import pytesseract
import regex
from PIL import Image

#: Image modes handed to the library as they are (bytes a pixel); others are converted to grey.
PIXEL_BYTES = {"L": 1, "RGB": 3, "RGBA": 4}
#: Messages the library prints (``Estimating resolution as 444``) go here, as the command's
#: went to a pipe nobody read.
QUIET = b"/dev/null"

_C_API = {
    # name: (argument types, result type)
    "TessVersion": ([], ctypes.c_char_p),
    "TessBaseAPICreate": ([], ctypes.c_void_p),
    "TessBaseAPIDelete": ([ctypes.c_void_p], None),
    "TessBaseAPIEnd": ([ctypes.c_void_p], None),
    "TessBaseAPISetVariable": ([ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p], ctypes.c_int),
    "TessBaseAPIInit4": (
        [
            ctypes.c_void_p,  # handle
            ctypes.c_char_p,  # datapath (None: the library's own)
            ctypes.c_char_p,  # language
            ctypes.c_int,  # engine mode (3: the default)
            ctypes.c_void_p,  # configs
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_char_p),  # variable names
            ctypes.POINTER(ctypes.c_char_p),  # their values
            ctypes.c_size_t,
            ctypes.c_int,  # set only non-debug parameters
        ],
        ctypes.c_int,
    ),
    "TessBaseAPISetPageSegMode": ([ctypes.c_void_p, ctypes.c_int], None),
    "TessBaseAPISetImage": (
        [ctypes.c_void_p, ctypes.c_char_p] + [ctypes.c_int] * 4,
        None,
    ),
    "TessBaseAPIRecognize": ([ctypes.c_void_p, ctypes.c_void_p], ctypes.c_int),
    "TessBaseAPIGetTsvText": ([ctypes.c_void_p, ctypes.c_int], ctypes.c_void_p),
    "TessBaseAPIClear": ([ctypes.c_void_p], None),
    "TessDeleteText": ([ctypes.c_void_p], None),
    "TessMonitorCreate": ([], ctypes.c_void_p),
    "TessMonitorDelete": ([ctypes.c_void_p], None),
    "TessMonitorSetDeadlineMSecs": ([ctypes.c_void_p, ctypes.c_int], None),
}
#: The TSV's columns, as the command writes them in its header line.
COLUMNS = (
    "level", "page_num", "block_num", "par_num", "line_num", "word_num",
    "left", "top", "width", "height", "conf", "text",
)  # fmt: skip
#: The engine mode of ``--oem 3`` (the command's default).
DEFAULT_ENGINE_MODE = 3


@cache
def library() -> ctypes.CDLL | None:
    """``libtesseract`` with its C API declared; None when there is none to load, or when it is
    not the release of the ``tesseract`` command (another build may read other words)."""
    name = ctypes.util.find_library("tesseract") or "libtesseract.so.5"
    try:
        lib = ctypes.CDLL(name)
        for function, (arguments, result) in _C_API.items():
            getattr(lib, function).argtypes = arguments
            getattr(lib, function).restype = result
        version = lib.TessVersion().decode()
    except (OSError, AttributeError, UnicodeDecodeError):
        return None
    try:
        command = str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, OSError):
        return None
    return lib if release(version) == release(command) else None


def release(version: str) -> str:
    """The release of a version string.

    >>> release("5.3.0"), release("5.3.0-42-g1a2b3c"), release("4.1.1-rc2")
    ('5.3.0', '5.3.0', '4.1.1')
    """
    found = regex.match(r"\d+\.\d+\.\d+", version.strip())
    return found.group(0) if found else version.strip()


class Engine:
    """One initialised Tesseract: a language and the variables set when it was loaded."""

    def __init__(self, lib: ctypes.CDLL, lang: str, variables: tuple[tuple[str, str], ...]):
        self.lib = lib
        self.handle = lib.TessBaseAPICreate()
        lib.TessBaseAPISetVariable(self.handle, b"debug_file", QUIET)
        names = (ctypes.c_char_p * len(variables))(*(name.encode() for name, _ in variables))
        values = (ctypes.c_char_p * len(variables))(*(value.encode() for _, value in variables))
        failed = lib.TessBaseAPIInit4(
            self.handle, None, lang.encode(), DEFAULT_ENGINE_MODE, None, 0,
            names, values, len(variables), 0,
        )  # fmt: skip
        if failed:
            self.close()
            raise pytesseract.TesseractError(1, f"Tesseract cannot load the language {lang!r}")

    def read(self, image: Image.Image, psm: int, page: int, deadline: float | None) -> str:
        """The TSV (without its header) of ``image`` read in page segmentation mode ``psm``,
        as page ``page`` (0-based); RuntimeError when ``deadline`` (``time.monotonic``)
        passes first."""
        if image.mode not in PIXEL_BYTES:
            image = image.convert("L")
        depth = PIXEL_BYTES[image.mode]
        lib = self.lib
        lib.TessBaseAPISetPageSegMode(self.handle, psm)
        pixels = image.tobytes()  # the library copies them; kept until then all the same
        lib.TessBaseAPISetImage(
            self.handle, pixels, image.width, image.height, depth, image.width * depth
        )
        monitor = None
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError("Tesseract process timeout")
            monitor = lib.TessMonitorCreate()
            lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(left * 1000)))
        try:
            failed = lib.TessBaseAPIRecognize(self.handle, monitor)
            if deadline is not None and time.monotonic() > deadline:
                raise RuntimeError("Tesseract process timeout")  # pytesseract's words
            if failed:
                raise pytesseract.TesseractError(1, "Tesseract could not read the image")
            text = lib.TessBaseAPIGetTsvText(self.handle, page)
            try:
                return ctypes.string_at(text).decode("utf-8") if text else ""
            finally:
                lib.TessDeleteText(text)
        finally:
            if monitor is not None:
                lib.TessMonitorDelete(monitor)
            lib.TessBaseAPIClear(self.handle)

    def close(self) -> None:
        if self.handle:
            self.lib.TessBaseAPIEnd(self.handle)
            self.lib.TessBaseAPIDelete(self.handle)
            self.handle = None


#: Whether :func:`image_to_data` may read in this process (see the module's docstring).
IN_PROCESS = False


def read_in_this_process(enabled: bool = True) -> None:
    """Let Tesseract read in this process (``enabled``), or only through the command."""
    global IN_PROCESS
    IN_PROCESS = enabled


_local = threading.local()
_engines: list[Engine] = []


def engine(lang: str, variables: tuple[tuple[str, str], ...]) -> Engine | None:
    """This thread's engine for ``lang`` and ``variables`` (loaded on first use), None without
    the library."""
    lib = library()
    if lib is None:
        return None
    loaded: dict[tuple[str, tuple[tuple[str, str], ...]], Engine] = _local.__dict__.setdefault(
        "engines", {}
    )
    key = (lang, variables)
    if key not in loaded:
        loaded[key] = Engine(lib, lang, variables)
        _engines.append(loaded[key])
    return loaded[key]


@atexit.register
def _close_all() -> None:
    """Unload the engines (else the library complains about leaks on its way out)."""
    while _engines:
        _engines.pop().close()


def parse_config(config: str) -> tuple[int, tuple[tuple[str, str], ...]] | None:
    """The page segmentation mode and ``-c`` variables of a command's options, None when they
    hold anything else.

    >>> parse_config("--psm 7 -c tessedit_do_invert=0")
    (7, (('tessedit_do_invert', '0'),))
    >>> parse_config("--psm 3 --user-words words.txt") is None
    True
    """
    psm, variables = 3, []
    words = shlex.split(config)
    k = 0
    while k < len(words):
        option = words[k]
        value = words[k + 1] if k + 1 < len(words) else None
        if option == "--psm" and value is not None and value.isdigit():
            psm = int(value)
        elif option == "-c" and value is not None and "=" in value:
            name, _, setting = value.partition("=")
            variables.append((name, setting))
        else:
            return None
        k += 2
    return psm, tuple(variables)


def image_to_data(source: str, lang: str, config: str, timeout: float) -> dict[str, list[Any]]:
    """:func:`pytesseract.image_to_data` (``output_type=DICT``) of ``source`` (an image file,
    or a ``.txt`` list of them, one a line), read in this process when it can be."""
    options = parse_config(config)
    loaded = engine(lang, options[1]) if IN_PROCESS and options is not None else None
    if loaded is None or options is None:
        return pytesseract.image_to_data(
            source, lang=lang, config=config, output_type=pytesseract.Output.DICT, timeout=timeout
        )
    path = Path(source)
    if path.suffix == ".txt":
        images = [Path(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    else:
        images = [path]
    deadline = time.monotonic() + timeout if timeout else None
    data: dict[str, list[Any]] = {column: [] for column in COLUMNS}
    for page, image_path in enumerate(images):
        try:
            with Image.open(image_path) as image:
                image.load()
                tsv = loaded.read(image, options[0], page, deadline)
        except OSError as exc:
            raise pytesseract.TesseractError(1, f"cannot read {image_path.name}: {exc}") from exc
        for row in tsv.splitlines():
            cells = row.split("\t", len(COLUMNS) - 1)
            if len(cells) != len(COLUMNS):
                continue
            for column, cell in zip(COLUMNS[:-1], cells, strict=False):
                data[column].append(int(float(cell)))  # conf whole, as pytesseract gives it
            data["text"].append(cells[-1])
    return data
