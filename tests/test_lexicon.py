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
