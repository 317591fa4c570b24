"""Exit codes and exceptions: part of the public interface.

Every exception carries its exit code and a message that names the file and says what to do.
The CLI turns them into one stderr line and the code; nothing else prints tracebacks.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit codes of ``council-ocr``. Stable: scripts may rely on them."""

    ok = 0
    #: Some inputs failed, the others were processed and written.
    partial = 1
    #: Wrong command line (unknown option, missing argument).
    usage = 2
    #: An input file is missing or unreadable.
    input_file = 3
    #: An input could be read but is not usable (empty, binary, unsupported type, bad encoding).
    bad_input = 4
    #: A required outside program or resource is missing (tesseract, language data, model).
    missing_dependency = 5
    #: Output could not be written.
    output_error = 6
    #: A bug: an unexpected exception. Please report it with the input.
    internal_error = 15
    #: Stopped by SIGINT/SIGTERM after the documents in flight; run again to go on.
    interrupted = 130


class CouncilOcrError(Exception):
    """Base class: an error with an exit code and a message meant for the user."""

    exit_code: ExitCode = ExitCode.internal_error

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class UsageError(CouncilOcrError):
    """The command line asks for something impossible (an option value out of range)."""

    exit_code = ExitCode.usage


class InputFileError(CouncilOcrError):
    """The file does not exist or cannot be read."""

    exit_code = ExitCode.input_file


class BadInputError(CouncilOcrError):
    """The file was read but cannot be processed (empty, binary, unsupported, wrong encoding)."""

    exit_code = ExitCode.bad_input


class MissingDependencyError(CouncilOcrError):
    """A program or resource the pipeline needs is missing; the message says how to install it."""

    exit_code = ExitCode.missing_dependency


class OutputError(CouncilOcrError):
    """An output file could not be written."""

    exit_code = ExitCode.output_error
