"""German lexicon for cleanup decisions: case-aware word forms, frequencies, compounds.

Three sources, each doing what it is good at:

* *forms*: a case-sensitive set of German word forms (the lemma table of
  ``spacy-lookups-data``, keys and lemmas, built into ``models/lexicon/`` by ``make models``),
  plus the curated council vocabulary in ``models/src/council_vocab.txt``. Case matters:
  ``Land`` is a form, ``land`` is not, so a lower-case fragment ``land`` at a line start is
  the tail of a broken word.
* *frequencies*: ``wordfreq`` Zipf values (case-insensitive, noisy for short strings, good for
  whole words).
* *compounds*: a word is known when it splits into known parts, with linking elements
  (``Ausländer|beirates``, ``Schutz|gedanken``, ``Haushalts|plan|entwurf``).
"""

from __future__ import annotations

import gzip
import itertools
import math
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

import marisa_trie
import wordfreq
from wordfreq.numbers import digit_freq, smash_numbers

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
#: Built by ``make models`` (:func:`build_lexicon`): the forms, their lower-case spellings
#: (forwards, and backwards for word ends), the confusion index and wordfreq's German
#: frequencies, as MARISA tries (``marisa-trie``) that a process maps from disk instead of
#: loading: the pickled sets and wordfreq's own table took 0.7 s of CPU and about 200 MiB in
#: every process that cleans text (building them from the word lists takes 3.4 s, most of it
#: the confusion index).
LEXICON_DIR = MODELS_DIR / "lexicon"
FORMS_FILE = LEXICON_DIR / "forms.marisa"
LOWER_FORMS_FILE = LEXICON_DIR / "lower_forms.marisa"
REVERSED_FORMS_FILE = LEXICON_DIR / "reversed_forms.marisa"
CONFUSIONS_FILE = LEXICON_DIR / "confusions.marisa"
FREQUENCIES_FILE = LEXICON_DIR / "frequencies.marisa"
LEXICON_FILES = (
    FORMS_FILE,
    LOWER_FORMS_FILE,
    REVERSED_FORMS_FILE,
    CONFUSIONS_FILE,
    FREQUENCIES_FILE,
)
#: What earlier versions built in their place (removed by the next build).
OLD_LEXICON_FILE = LEXICON_DIR / "de_lexicon.pickle"
#: A frequency record: one double, as wordfreq keeps it.
FREQUENCY_FORMAT = "<d"
#: Built by ``make models`` too: the words wordfreq has seen at :data:`SEEN_ZIPF` or more, one a
#: line (case-folded), for the workers, which need no more of wordfreq (its German table took
#: 0.24 s of CPU to load).
SEEN_WORDS_FILE = MODELS_DIR / "lexicon" / "seen_words.txt"
SEEN_ZIPF = 2.0
COUNCIL_VOCAB_FILE = MODELS_DIR / "src" / "council_vocab.txt"
FIRST_NAMES_FILE = MODELS_DIR / "src" / "first_names.tsv"
#: Common German first names of a public name list (see models/src/nam_dict_names.py).
LISTED_FIRST_NAMES_FILE = MODELS_DIR / "src" / "first_names_nam_dict.tsv"
#: Every first name of that list met in Germany, rare ones too (no gender).
KNOWN_FIRST_NAMES_FILE = MODELS_DIR / "src" / "known_first_names_nam_dict.txt"
FUNCTION_WORDS_FILE = MODELS_DIR / "src" / "function_words.txt"
OCR_MISREADS_FILE = MODELS_DIR / "src" / "ocr_misreads.tsv"

#: Zipf frequency at which a whole word counts as known from frequencies alone.
KNOWN_WORD_ZIPF = 2.5
#: A lower-case word missing from the form list stands alone when this long and frequent.
UNINFLECTED_MIN_LENGTH = 5
UNINFLECTED_ZIPF = 3.0
#: Frequent words (Zipf 3) from wordfreq join the forms as answers for OCR confusions.
CONFUSION_MIN_FREQ = 1e-6
#: Shortest part of a compound (``Amt`` in ``Sozialamt``).
MIN_COMPOUND_PART = 3
#: Linking elements between compound parts, longest first.
LINKING_ELEMENTS = ("ens", "es", "en", "er", "ns", "s", "n", "e")


def one_edit_apart(a: str, b: str) -> bool:
    """Is ``a`` ``b`` with one letter wrong, extra or missing, or two neighbours swapped?

    >>> one_edit_apart("ThürkKO", "ThürKO"), one_edit_apart("Thrü", "Thür"), one_edit_apart("ab", "ab")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        at = [k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(at) == 2 and at[1] == at[0] + 1:
            return a[at[0]] == b[at[1]] and a[at[1]] == b[at[0]]
        return len(at) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


#: The role words of the officials who sign council letters, the longest first.
ROLE_WORDS = (
    "Oberbürgermeisterin",
    "Oberbürgermeister",
    "Bürgermeisterin",
    "Bürgermeister",
    "Beigeordnete",
    "Beigeordneter",
)
#: Shortest role word mended by one edit: shorter words are too near to other words.
MENDED_ROLE_WORD = 12


def fold(word: str) -> str:
    """``word`` in lower case without umlauts or ß, to compare role words.

    >>> fold("Oberßürgermeister"), fold("ÖberbürgerMeisterin")
    ('obersurgermeister', 'oberburgermeisterin')
    """
    return word.lower().translate(str.maketrans("äöüß", "aous"))


def mended_role_word(word: str) -> str | None:
    """The role word (:data:`ROLE_WORDS`) that ``word`` is with one letter misread, extra or
    missing, or with its case or umlauts wrong (``Oberbürgerneisterin``, ``Oberßürgermeister``,
    ``ÖberbürgerMeisterin``); None unless exactly one role word is that near: ``Beigeordnetr``
    could be ``Beigeordnete`` or ``Beigeordneter``.

    >>> mended_role_word("Oberbürgerneisterin"), mended_role_word("Oberßürgermeister")
    ('Oberbürgermeisterin', 'Oberbürgermeister')
    >>> mended_role_word("Beigeordnetr"), mended_role_word("Oberbürgermeisterin")
    (None, None)

    A word longer than a masculine role word whose feminine form is a role word too is not
    mended into the masculine one: its extra letter may be what OCR made of ``in``
    (``oberbürgermeisterm`` read under a stroke for Oberbürgermeisterin).

    >>> mended_role_word("Oberbürgermeisterm"), mended_role_word("—Oberbürgermeister")
    (None, 'Oberbürgermeister')
    """
    if len(word) < MENDED_ROLE_WORD or word in ROLE_WORDS:
        return None
    fits = [
        role
        for role in ROLE_WORDS
        if fold(word) == fold(role) or one_edit_apart(fold(word), fold(role))
    ]
    if len(fits) != 1:
        return None
    if f"{fits[0]}in" in ROLE_WORDS and sum(ch.isalpha() for ch in word) > len(fits[0]):
        return None
    return fits[0]


def read_words(path: Path) -> set[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return {
            line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")
        }


def build_lexicon(
    lemma_table: dict[str, str], extra: Iterable[str], out: Path = LEXICON_DIR
) -> int:
    """Write the lexicon files into ``out`` from a lemma table (form -> lemma) and extra
    words: the case-sensitive forms, their lower-case spellings forwards and backwards, the
    confusion index over them and wordfreq's frequent words, wordfreq's German frequencies,
    and the words it has seen (:data:`SEEN_WORDS_FILE`). Each file is written whole and then
    renamed into place."""
    forms = set(lemma_table) | set(lemma_table.values()) | set(extra)
    forms = {form for form in forms if form and " " not in form}
    frequencies = wordfreq.get_frequency_dict("de")
    function_words = read_words(FUNCTION_WORDS_FILE)
    frequent = (w for w, f in frequencies.items() if f >= CONFUSION_MIN_FREQ)
    index = ConfusionIndex(itertools.chain(forms, function_words, frequent))
    out.mkdir(parents=True, exist_ok=True)
    tries: list[tuple[Path, marisa_trie.Trie | marisa_trie.BytesTrie | marisa_trie.RecordTrie]] = [
        (FORMS_FILE, marisa_trie.Trie(forms)),
        (LOWER_FORMS_FILE, marisa_trie.Trie({form.lower() for form in forms})),
        (REVERSED_FORMS_FILE, marisa_trie.Trie({form.lower()[::-1] for form in forms})),
        (
            CONFUSIONS_FILE,
            marisa_trie.BytesTrie(
                (key, words.encode()) for key, words in index.to_mapping().items()
            ),
        ),
        (
            FREQUENCIES_FILE,
            marisa_trie.RecordTrie(FREQUENCY_FORMAT, ((w, (f,)) for w, f in frequencies.items())),
        ),
    ]
    for path, trie in tries:
        target = out / path.name
        tmp = target.with_suffix(".tmp")
        trie.save(str(tmp))
        tmp.replace(target)
    (out / OLD_LEXICON_FILE.name).unlink(missing_ok=True)
    seen_file = out / SEEN_WORDS_FILE.name
    least = 10 ** (SEEN_ZIPF - 9)  # Zipf is log10 of the frequency per billion words
    seen = sorted(w for w, f in frequencies.items() if f >= least and w.isalpha())
    tmp = seen_file.with_suffix(".tmp")
    tmp.write_text("".join(f"{word}\n" for word in seen), encoding="utf-8")
    tmp.replace(seen_file)
    return len(forms)


@cache
def seen_words() -> frozenset[str]:
    """The words wordfreq has seen at :data:`SEEN_ZIPF` or more, case-folded as it keeps
    them (``weissbach``), from :data:`SEEN_WORDS_FILE`; empty when it is not built."""
    try:
        return frozenset(SEEN_WORDS_FILE.read_text(encoding="utf-8").split("\n")) - {""}
    except OSError:
        return frozenset()


@cache
def function_words() -> frozenset[str]:
    """German closed-class words, lower case (models/src/function_words.txt)."""
    return frozenset(read_words(FUNCTION_WORDS_FILE))


@cache
def first_names() -> dict[str, str]:
    """Common German first names and their gender (``m``, ``f``; ``?`` for a unisex name):
    the curated models/src/first_names.tsv, and the names of a public list
    (models/src/first_names_nam_dict.tsv) it lacks.

    >>> first_names()["Grit"], first_names()["Andreas"], first_names()["Christel"]
    ('f', 'm', '?')
    """
    names: dict[str, str] = {}
    for path in (FIRST_NAMES_FILE, LISTED_FIRST_NAMES_FILE):
        for line in sorted(read_words(path)):
            name, gender = line.split("\t")
            names.setdefault(name, gender)
    return names


@cache
def known_first_names() -> frozenset[str]:
    """Every first name met in Germany (models/src/known_first_names_nam_dict.txt, rare ones
    too) and the common ones of :func:`first_names`: a word read that is one is no misread.

    >>> "Catrin" in known_first_names(), "Catrin" in first_names(), "Srit" in known_first_names()
    (True, False, False)
    """
    return frozenset(read_words(KNOWN_FIRST_NAMES_FILE)) | first_names().keys()


class Words:
    """A set of words: a MARISA trie and a few words beside it (the council vocabulary): ``in``,
    iteration, and the words that begin with a prefix.

    >>> words = Words(marisa_trie.Trie(["Gegenantrag", "gegen"]), frozenset({"Gegenwart"}))
    >>> "gegen" in words, "Gegen" in words, sorted(words.starting("Gegen"))
    (True, False, ['Gegenantrag', 'Gegenwart'])
    """

    def __init__(self, trie: marisa_trie.Trie, more: Iterable[str] = ()) -> None:
        self.trie = trie
        self.more = frozenset(word for word in more if word not in trie)

    @classmethod
    def of(cls, words: Iterable[str]) -> Words:
        """The words, in a trie built here."""
        return cls(marisa_trie.Trie(set(words)))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.trie or word in self.more)

    def __iter__(self) -> Iterator[str]:
        yield from self.trie.iterkeys()
        yield from self.more

    def __len__(self) -> int:
        return len(self.trie) + len(self.more)

    def starting(self, prefix: str) -> Iterator[str]:
        """The words that begin with ``prefix`` (itself too, when it is one)."""
        yield from self.trie.iterkeys(prefix)
        yield from (word for word in self.more if word.startswith(prefix))


Trie = TypeVar("Trie", marisa_trie.Trie, marisa_trie.BytesTrie, marisa_trie.RecordTrie)


def _mapped(trie: Trie, path: Path) -> Trie:
    """``trie`` mapped from ``path`` (its pages are read as they are used, and shared)."""
    trie.mmap(str(path))
    return trie


@cache
def _frequencies() -> marisa_trie.RecordTrie | None:
    """wordfreq's German frequencies from :data:`FREQUENCIES_FILE`; None when not built."""
    try:
        return _mapped(marisa_trie.RecordTrie(FREQUENCY_FORMAT), FREQUENCIES_FILE)
    except (OSError, RuntimeError):
        return None


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in German (``wordfreq.zipf_frequency(word,
    "de")``), from its frequencies as :data:`FREQUENCIES_FILE` maps them: wordfreq's tokens,
    digits folded and weighed as it does, the frequencies of several tokens combined as it
    combines them (1/f = 1/f1 + 1/f2 ...), rounded to three significant digits, then to two
    decimals of Zipf. Without the file, wordfreq answers (and loads its table).

    >>> zipf("Beschluss") == wordfreq.zipf_frequency("Beschluss", "de")
    True
    >>> zipf("Save-me-Kampagne") == wordfreq.zipf_frequency("Save-me-Kampagne", "de")
    True
    """
    table = _frequencies()
    if table is None:
        return float(wordfreq.zipf_frequency(word, "de"))
    one_over = 0.0
    tokens = wordfreq.lossy_tokenize(word, "de")
    for token in tokens:
        smashed = smash_numbers(token)
        found = table.get(smashed)
        if not found:
            return 0.0
        frequency: float = found[0][0]
        if smashed != token:
            frequency *= digit_freq(token)
        one_over += 1.0 / frequency
    if not tokens:
        return 0.0
    least = 10.0**-9  # Zipf 0
    frequency = max(1.0 / one_over, least)
    rounded = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log10(rounded) + 9, 2)


class Lexicon:
    """Answers: is this a German word, a standalone form (with case), a compound?"""

    def __init__(self, forms: set[str], council_vocab: set[str], function_words: set[str]):
        every = forms | council_vocab
        self.forms = Words.of(every)
        self.council_vocab = council_vocab
        self.function_words = function_words
        self._lower_forms = Words.of(form.lower() for form in every)
        #: The lower-case forms spelled backwards: the forms that end in a word begin with it.
        self._reversed_forms = Words.of(form.lower()[::-1] for form in every)

    @classmethod
    def from_files(
        cls, directory: Path = LEXICON_DIR, council_vocab_file: Path = COUNCIL_VOCAB_FILE
    ) -> Lexicon:
        """The lexicon built by ``make models`` into ``directory`` (:func:`build_lexicon`)
        with the curated lists."""
        from pipeline.errors import MissingDependencyError

        paths = [directory / path.name for path in LEXICON_FILES]
        missing = next((path for path in paths if not path.exists()), None)
        if missing is not None:
            raise MissingDependencyError(
                "lexicon not built; run `make models` (needs spacy-lookups-data)", missing
            )
        forms, lower, backwards, confusions, _ = paths
        council_vocab = read_words(council_vocab_file)
        lexicon = cls.__new__(cls)
        lexicon.forms = Words(_mapped(marisa_trie.Trie(), forms), council_vocab)
        lexicon.council_vocab = council_vocab
        lexicon.function_words = read_words(FUNCTION_WORDS_FILE)
        lower_vocab = {word.lower() for word in council_vocab}
        lexicon._lower_forms = Words(_mapped(marisa_trie.Trie(), lower), lower_vocab)
        lexicon._reversed_forms = Words(
            _mapped(marisa_trie.Trie(), backwards), {word[::-1] for word in lower_vocab}
        )
        lexicon._confusions = ConfusionIndex.from_trie(_mapped(marisa_trie.BytesTrie(), confusions))
        return lexicon

    @property
    def misreads(self) -> dict[str, str]:
        """Curated frequent OCR misreads (``fiir`` -> ``für``), from models/src/ocr_misreads.tsv."""
        if not hasattr(self, "_misreads"):
            pairs = (line.split("\t") for line in read_words(OCR_MISREADS_FILE))
            self._misreads = {bad: good for bad, good in pairs}
        return self._misreads

    @property
    def confusions(self) -> ConfusionIndex:
        """Index of the forms by OCR confusion key (built on first use; loaded with the
        lexicon file)."""
        if not hasattr(self, "_confusions"):
            frequencies = wordfreq.get_frequency_dict("de")
            frequent = (w for w, f in frequencies.items() if f >= CONFUSION_MIN_FREQ)
            self._confusions = ConfusionIndex(
                itertools.chain(self.forms, self.function_words, frequent)
            )
        return self._confusions

    @staticmethod
    @lru_cache(maxsize=200_000)
    def zipf(word: str) -> float:
        """Zipf frequency (0 = unseen, 7 = very common) of a whole word, case-insensitive
        (wordfreq's: :func:`zipf`)."""
        return zipf(word)

    def is_form(self, word: str) -> bool:
        """Exact, case-sensitive form: ``Land`` yes, ``land`` no."""
        return word in self.forms or word in self.function_words

    def is_function_word(self, word: str) -> bool:
        """Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries)."""
        return word.lower() in self.function_words

    def standalone(self, word: str, *, sentence_start: bool = False) -> bool:
        """Can ``word`` stand on its own here, with its case? Used for line-end fragments.

        >>> lex = Lexicon({"Land", "Programm", "ten"}, set(), {"der"})
        >>> lex.standalone("land"), lex.standalone("Land"), lex.standalone("der")
        (False, True, True)
        """
        if self.is_form(word):
            return True
        if len(word) >= 6 and word[:1].isupper() and self.known(word):
            return True  # a compound noun (Wohnungsangebote) stands alone
        if (
            word.islower()
            and len(word) >= UNINFLECTED_MIN_LENGTH
            and self.zipf(word) >= UNINFLECTED_ZIPF
            and word.capitalize() not in self.forms
        ):
            # Uninflected words the lemma table lacks (erstmals, durchweg, zugrunde); a noun's
            # lower-case spelling (land, gramm) does not count.
            return True
        return sentence_start and word[:1].isupper() and self.is_form(word.lower())

    @lru_cache(maxsize=100_000)  # noqa: B019 - one lexicon per process, cached on purpose
    def known(self, word: str) -> bool:
        """Is ``word`` a German word: a form, frequent enough, or a compound of known parts?

        >>> lex = Lexicon({"Ausländer", "Beirates", "Beirat"}, set(), set())
        >>> lex.known("Ausländerbeirates"), lex.known("Ausländerbeiratez")
        (True, False)
        """
        if len(word) < 2 or not word.replace("-", "").isalpha():
            return False
        if self.is_form(word) or (word[:1].isupper() and word.lower() in self._lower_forms):
            return True
        if self.is_function_word(word):
            return True
        if len(word) >= 5 and self.zipf(word) >= KNOWN_WORD_ZIPF:
            return True
        return self.is_compound(word)

    def known_directly(self, word: str) -> bool:
        """Known as a whole (a form or frequent), not only through compound analysis."""
        if self.is_form(word) or (word[:1].isupper() and word.lower() in self._lower_forms):
            return True
        return len(word) >= 5 and self.zipf(word) >= KNOWN_WORD_ZIPF

    @lru_cache(maxsize=10_000)  # noqa: B019
    def is_compound_tail(self, word: str) -> bool:
        """Does a form end in ``word`` after a noun head (``weit``: stadtweit, ``bedingt``:
        altersbedingt)? Such words follow a noun with a hyphen too (``Corona-bedingt``).

        >>> lex = Lexicon({"Stadt", "stadtweit", "weit", "veröffentlicht"}, set(), set())
        >>> lex.is_compound_tail("weit"), lex.is_compound_tail("veröffentlicht")
        (True, False)
        """
        key = word.lower()[::-1]
        for reversed_form in self._reversed_forms.starting(key):
            head = reversed_form[len(key) :][::-1]
            if any(
                h.capitalize() in self.forms
                for h in self._heads(head)
                if len(h) >= MIN_COMPOUND_PART
            ):
                return True
        return False

    @lru_cache(maxsize=10_000)  # noqa: B019
    def begins_forms(self, head: str) -> bool:
        """Does a form begin with ``head`` and go on for at least :data:`MIN_COMPOUND_PART`
        letters (``gegen``: Gegenantrag, ``umwelt``: umweltbewusst; ``unweit``: none)?

        >>> lex = Lexicon({"Gegenantrag", "gegen", "unweit"}, set(), set())
        >>> lex.begins_forms("Gegen"), lex.begins_forms("unweit")
        (True, False)
        """
        key = head.lower()
        return any(
            len(form) >= len(key) + MIN_COMPOUND_PART for form in self._lower_forms.starting(key)
        )

    @lru_cache(maxsize=100_000)  # noqa: B019
    def is_compound(self, word: str, depth: int = 0) -> bool:
        """Split into a known head (with a linking element) and a known noun or adjective tail."""
        if depth > 2 or len(word) < 2 * MIN_COMPOUND_PART:
            return False
        lower = word.lower()
        for cut in range(len(word) - MIN_COMPOUND_PART, MIN_COMPOUND_PART - 1, -1):
            tail = lower[cut:]
            # The tail decides the word class: a noun ends in a noun (Schutz|gedanken), a
            # lower-case word in a lower-case one (krankheits|bedingt); never "Angebote|unterbreitet".
            tail = tail.capitalize() if word[:1].isupper() else tail
            if tail.lower() in self.function_words or not self._known_part(tail):
                continue
            head = word[:cut]
            for candidate in self._heads(head):
                if word[:1].islower() and candidate.capitalize() not in self.forms:
                    continue  # lower-case compounds have a noun head (krankheits|bedingt)
                if self._known_part(candidate, head=True) or self.is_compound(candidate, depth + 1):
                    return True
        return False

    def _heads(self, head: str) -> Iterable[str]:
        yield head
        for link in LINKING_ELEMENTS:
            if head.endswith(link) and len(head) - len(link) >= MIN_COMPOUND_PART:
                yield head[: -len(link)]

    def _known_part(self, part: str, *, head: bool = False) -> bool:
        if len(part) < MIN_COMPOUND_PART:
            return False
        # A head may be of any case (Ausländer|beirat, Sozial|amt); a tail keeps its own.
        variants = {part, part.capitalize(), part.lower()} if head else {part}
        if any(v in self.forms for v in variants):
            # Very short parts must be frequent to count (``Amt`` yes, ``Ini`` no).
            return len(part) > 3 or self.zipf(part) >= 4.0
        return len(part) >= 5 and self.zipf(part) >= 3.0


#: Characters OCR confuses, folded to one representative (after lower-casing). ß is kept:
#: "muß" is old spelling, not damage.
_CONFUSION_FOLD = str.maketrans(
    {"l": "i", "1": "i", "|": "i", "!": "i", "ı": "i", "í": "i", "c": "e", "b": "h", "0": "o",
     "ä": "a", "ö": "o", "ü": "u"}
)  # fmt: skip


def confusion_key(word: str) -> str:
    """The word with OCR-confusable letters folded: damaged and intact forms share a key.

    >>> confusion_key("Bürgermelsterin") == confusion_key("Bürgermeisterin")
    True
    >>> confusion_key("fiir") == confusion_key("für"), confusion_key("Liegenscbaften") == confusion_key("Liegenschaften")
    (True, True)
    """
    folded = word.lower().replace("rn", "m").replace("ii", "ü")
    return folded.translate(_CONFUSION_FOLD)


class ConfusionIndex:
    """Known words (lower case) by :func:`confusion_key`.

    >>> index = ConfusionIndex(["Bürgermeisterin", "für", "fair"])
    >>> index.lookup("Bürgermelsterin"), index.lookup("fiir")
    (['bürgermeisterin'], ['für'])
    >>> trie = marisa_trie.BytesTrie((k, v.encode()) for k, v in index.to_mapping().items())
    >>> ConfusionIndex.from_trie(trie).lookup("fiir")
    ['für']
    """

    def __init__(self, words: Iterable[str]) -> None:
        index: dict[str, set[str]] = {}
        for word in words:
            if len(word) >= 3 and word.isalpha():
                index.setdefault(confusion_key(word), set()).add(word.lower())
        self._index: dict[str, str] | None = {
            key: "\t".join(sorted(found)) for key, found in index.items()
        }
        self._trie: marisa_trie.BytesTrie | None = None

    @classmethod
    def from_trie(cls, trie: marisa_trie.BytesTrie) -> ConfusionIndex:
        """An index kept in a trie (key -> the words, tab-separated, UTF-8)."""
        index = cls(())
        index._index, index._trie = None, trie
        return index

    def to_mapping(self) -> dict[str, str]:
        """Key -> the words, tab-separated."""
        if self._trie is not None:
            return {key: words.decode() for key, words in self._trie.iteritems()}
        assert self._index is not None
        return self._index

    def lookup(self, word: str) -> list[str]:
        """Known words (lower case) that OCR could have turned into ``word``."""
        key = confusion_key(word)
        if self._trie is not None:
            stored = self._trie.get(key)
            found = stored[0].decode() if stored else None
        else:
            assert self._index is not None
            found = self._index.get(key)
        return [w for w in found.split("\t") if w != word.lower()] if found else []


@cache
def default_lexicon() -> Lexicon:
    """The lexicon built into ``models/``, loaded once per process."""
    return Lexicon.from_files()
