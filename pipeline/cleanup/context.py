"""What every repair is given besides the text: the lexicon and the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.lexicon import Lexicon


@dataclass
class CleanupContext:
    lexicon: Lexicon
    #: The :class:`pipeline.cleanup.CleanupConfig` in force.
    config: Any = field(default=None)
