"""The lexicon file built by ``make models`` answers as the word lists it was built from."""

from __future__ import annotations

import itertools

import wordfreq

from pipeline.lexicon import CONFUSION_MIN_FREQ, ConfusionIndex, Lexicon, default_lexicon


def test_loaded_confusion_index_is_the_one_built_from_the_word_lists() -> None:
    lexicon = default_lexicon()
    frequent = (w for w, f in wordfreq.get_frequency_dict("de").items() if f >= CONFUSION_MIN_FREQ)
    fresh = ConfusionIndex(itertools.chain(lexicon.forms, lexicon.function_words, frequent))
    assert fresh.to_mapping() == lexicon.confusions.to_mapping()
    assert lexicon.confusions.lookup("Bürgermelsterin") == ["bürgermeisterin"]


def test_loaded_lexicon_answers_as_one_built_from_its_forms() -> None:
    loaded = default_lexicon()
    built = Lexicon(set(loaded.forms), loaded.council_vocab, loaded.function_words)
    assert built._lower_forms == loaded._lower_forms
    words = ("Land", "land", "Ausländerbeirates", "Obe/burgermeisterin", "Beschlusspunkt", "men")
    assert [built.known(w) for w in words] == [loaded.known(w) for w in words]
    assert [built.standalone(w) for w in words] == [loaded.standalone(w) for w in words]


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
