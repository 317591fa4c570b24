"""The lexicon files built by ``make models`` answer as the word lists they were built from."""

from __future__ import annotations

import itertools

import pytest
import wordfreq

from pipeline.errors import MissingDependencyError
from pipeline.lexicon import (
    CONFUSION_MIN_FREQ,
    LEXICON_FILES,
    OLD_LEXICON_FILE,
    SEEN_WORDS_FILE,
    ConfusionIndex,
    Lexicon,
    build_lexicon,
    default_lexicon,
    zipf,
)


def test_loaded_confusion_index_is_the_one_built_from_the_word_lists() -> None:
    lexicon = default_lexicon()
    frequent = (w for w, f in wordfreq.get_frequency_dict("de").items() if f >= CONFUSION_MIN_FREQ)
    fresh = ConfusionIndex(itertools.chain(lexicon.forms, lexicon.function_words, frequent))
    assert fresh.to_mapping() == lexicon.confusions.to_mapping()
    assert lexicon.confusions.lookup("Bürgermelsterin") == ["bürgermeisterin"]


def test_loaded_lexicon_answers_as_one_built_from_its_forms() -> None:
    loaded = default_lexicon()
    built = Lexicon(set(loaded.forms), loaded.council_vocab, loaded.function_words)
    assert set(built._lower_forms) == set(loaded._lower_forms)
    assert set(built._reversed_forms) == set(loaded._reversed_forms)
    words = ("Land", "land", "Ausländerbeirates", "Obe/burgermeisterin", "Beschlusspunkt", "men")
    assert [built.known(w) for w in words] == [loaded.known(w) for w in words]
    assert [built.standalone(w) for w in words] == [loaded.standalone(w) for w in words]
    tails = ("weit", "bedingt", "veröffentlicht", "amt", "xyzq", "e")
    assert [built.is_compound_tail(w) for w in tails] == [loaded.is_compound_tail(w) for w in tails]
    assert loaded.is_compound_tail("weit") and not loaded.is_compound_tail("xyzq")
    heads = ("Gegen", "umwelt", "unweit", "Beschluss", "qqq")
    assert [built.begins_forms(w) for w in heads] == [loaded.begins_forms(w) for w in heads]
    assert loaded.begins_forms("Gegen") and not loaded.begins_forms("qqq")


#: Words whose frequencies wordfreq works out in each of its ways: one token, several (a
#: hyphen, brackets, an apostrophe), digits (folded and weighed), none, unseen, case and ß.
ZIPF_WORDS = (
    "Beschluss", "beschluss", "Straße", "STRASSE", "Save-me-Kampagne", "Städte-",
    "Migrations(erst-)beratungsstellen", "A0404/11", "2013", "31.01.2013", "SR/033/2011",
    "l'Europe", "don’t", "", "—", "■", "Helma0fosz", "Obe/burgermeisterin", "Grüßen^", "ZÜ13",
    "x2", "12,5", "Qqxzvw",
)  # fmt: skip


def test_frequencies_from_the_lexicon_files_are_wordfreqs() -> None:
    """:func:`zipf` answers from the mapped file what ``wordfreq.zipf_frequency`` answers from
    its own table, for words of every shape and a sample of wordfreq's German words."""
    import random

    table = wordfreq.get_frequency_dict("de")
    sample = random.Random(7).sample(sorted(table), 3000)
    for word in (*ZIPF_WORDS, *sample):
        assert zipf(word) == wordfreq.zipf_frequency(word, "de"), word


def test_a_build_writes_every_file_and_the_lexicon_loads_from_them(tmp_path) -> None:
    old = tmp_path / OLD_LEXICON_FILE.name
    old.write_bytes(b"an earlier build's file")
    table = {"Gegenanträge": "Gegenantrag", "Ausländer": "Ausländer", "Beirates": "Beirat"}
    build_lexicon(table, {"Stadtrat"}, tmp_path)
    names = {path.name for path in tmp_path.iterdir()}
    assert names == {path.name for path in LEXICON_FILES} | {SEEN_WORDS_FILE.name}
    vocab = tmp_path / "vocab.txt"
    vocab.write_text("# curated\nBeschlusskontrolle\n", encoding="utf-8")
    lexicon = Lexicon.from_files(tmp_path, vocab)
    assert "Stadtrat" in lexicon.forms  # an extra word of the build
    assert "Gegenantrag" in lexicon.forms and "gegenantrag" not in lexicon.forms
    assert lexicon.known("Ausländerbeirates") and lexicon.begins_forms("gegen")
    # the council vocabulary, curated beside the built files
    assert "Beschlusskontrolle" in lexicon.forms and lexicon.begins_forms("Beschlusskon")
    assert lexicon.is_compound_tail("kontrolle") is False  # no head "Beschluss" in the forms
    (tmp_path / "none.txt").write_text("", encoding="utf-8")
    assert "Beschlusskontrolle" not in Lexicon.from_files(tmp_path, tmp_path / "none.txt").forms
    assert lexicon.confusions.lookup("Auslander") == ["ausländer"]


def test_a_lexicon_not_built_is_an_error_naming_the_file(tmp_path) -> None:
    build_lexicon({"Land": "Land"}, set(), tmp_path)
    (tmp_path / LEXICON_FILES[2].name).unlink()
    with pytest.raises(MissingDependencyError, match="make models") as raised:
        Lexicon.from_files(tmp_path)
    assert LEXICON_FILES[2].name in str(raised.value)


def test_first_names_of_the_public_list_are_read_by_their_column_of_germany(tmp_path) -> None:
    """models/src/nam_dict_names.py takes a name with frequency 4 or more in nam_dict.txt's
    column of Germany, with its gender (unisex ``?``); an equivalence line is no name."""
    import importlib.util

    from pipeline.lexicon import MODELS_DIR

    spec = importlib.util.spec_from_file_location("nam", MODELS_DIR / "src" / "nam_dict_names.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def line(kind: str, name: str, column: int, frequency: str) -> str:
        row = f"{kind:<2} {name:<26}".ljust(column) + frequency
        return row.ljust(column + 20) + "$"

    germany = module.GERMANY_COLUMN
    rows = [
        "# a comment line",
        line("F", "Grit", germany, "4"),
        line("M", "Rüdiger", germany, "6"),
        line("?F", "Christel", germany, "5"),
        line("M", "Aad", germany - 2, "4"),  # the Netherlands' column, not Germany's
        line("F", "Seltene", germany, "3"),  # too rare
        line("=", "Rudi Rüdiger", germany, "1"),
    ]
    source = tmp_path / "nam_dict.txt"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert module.names(source) == {"Grit": "f", "Rüdiger": "m", "Christel": "?"}


def test_the_first_names_are_the_curated_and_the_listed_ones() -> None:
    from pipeline.lexicon import first_names

    names = first_names()
    assert names["Andreas"] == "m" and names["Grit"] == "f" and names["Rüdiger"] == "m"
    assert names["Eva-Maria"] == "f"  # curated only
    assert "Stadt" not in names and "Bürgermeister" not in names
