"""Write the common German first names of nam_dict.txt as ``name<TAB>gender`` lines.

nam_dict.txt (Jörg Michael, 2007-2008, GNU Free Documentation License 1.2) is the name list
that the ``gender-guesser`` package on PyPI carries (``gender_guesser/data/nam_dict.txt``,
version 0.4.0). Each of its name lines holds a frequency per country in a fixed column, a
hexadecimal digit on a logarithmic scale (each step about a factor of two; 7 is 0.25-0.5 %
of the population). A name with :data:`MIN_FREQUENCY` or more in the column of Germany is
written; gender ``m``/``f`` for a male or female name, ``?`` for a unisex one.

    python models/src/nam_dict_names.py nam_dict.txt > models/src/first_names_nam_dict.tsv

With a frequency given, the names with that frequency or more are written, one a line and
without gender: ``known_first_names_nam_dict.txt`` holds every first name met in Germany at
all (frequency 1, about 2600 names), to tell a rare name from a misread common one.

    python models/src/nam_dict_names.py nam_dict.txt 1 > models/src/known_first_names_nam_dict.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The column of Germany (0-based) in nam_dict.txt's name lines; the name fills 3..28.
GERMANY_COLUMN = 42
#: About 0.03 % of Germany's population and more (about 430 names).
MIN_FREQUENCY = 4
GENDERS = {"M": "m", "1M": "m", "F": "f", "1F": "f"}

HEADER = """\
# Common German first names from nam_dict.txt (Jörg Michael, 2007-2008; GNU Free
# Documentation License 1.2, as carried by the gender-guesser 0.4.0 package on PyPI):
# frequency {min} or more in the column of Germany. Gender m/f, ? for unisex names.
# Made by models/src/nam_dict_names.py; the curated list is first_names.tsv.
"""
KNOWN_HEADER = """\
# First names from nam_dict.txt (Jörg Michael, 2007-2008; GNU Free Documentation License 1.2,
# as carried by the gender-guesser 0.4.0 package on PyPI) with frequency {min} or more in the
# column of Germany, rare ones too. Made by models/src/nam_dict_names.py.
"""


def names(path: Path, least: int = MIN_FREQUENCY) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or len(line) <= GERMANY_COLUMN:
            continue
        kind, name, frequency = line[:2].strip(), line[3:29].strip(), line[GERMANY_COLUMN]
        if kind == "=" or not frequency.strip() or int(frequency, 16) < least:
            continue  # "=": an equivalence of two spellings, no name of its own
        found.setdefault(name, GENDERS.get(kind, "?"))
    return found


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2) or (len(argv) == 2 and not argv[1].isdigit()):
        print(__doc__, file=sys.stderr)
        return 2
    if len(argv) == 2:
        sys.stdout.write(KNOWN_HEADER.format(min=int(argv[1])))
        sys.stdout.writelines(f"{name}\n" for name in sorted(names(Path(argv[0]), int(argv[1]))))
        return 0
    sys.stdout.write(HEADER.format(min=MIN_FREQUENCY))
    for name, gender in sorted(names(Path(argv[0])).items()):
        sys.stdout.write(f"{name}\t{gender}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
