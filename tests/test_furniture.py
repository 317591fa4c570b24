"""Running headers and footers: lines repeated at the edges of the pages."""

from __future__ import annotations

from pipeline.cleanup import clean_with

HEADER = "Stadt Halle (Saale) - Dezernat Stadtentwicklung und Verkehr"


def _pages(*bodies: str) -> str:
    """A letter of these page bodies, each page ended by its label, the pages after the
    first opened by a form feed and the running header."""
    count = len(bodies)
    pages = [f"{body}\n\nSeite {k + 1} von {count}\n" for k, body in enumerate(bodies)]
    return "".join(page if k == 0 else f"\f{HEADER}\n\n{page}" for k, page in enumerate(pages))


def test_a_status_sentence_ending_two_pages_of_three_is_kept() -> None:
    """Regression (tests/eval_scans.py seed 239 scan-000 at 150 dpi): two points with the
    same status ended pages 1 and 2 with ``Die Umsetzung ist erfolgt.``, which was removed
    as a running footer, and both points lost their status."""
    body = "Der Stand wurde im Ausschuss berichtet.\nDie Mittel stehen bereit.\n\n"
    text = _pages(
        f"{body}Zu 4.\nDie Umsetzung ist erfolgt.",
        f"{body}Zu 5.\nDie Umsetzung ist erfolgt.",
        f"{body}Zu 6.\nDer Beschlusspunkt ist umgesetzt.\n\nMit freundlichen Grüßen",
    )
    cleaned = clean_with("remove_page_furniture", text)
    assert cleaned.count("Die Umsetzung ist erfolgt.") == 2
    assert HEADER not in cleaned
    assert "Seite" not in cleaned


def test_a_footer_on_two_pages_of_three_is_removed() -> None:
    footer = "Hausanschrift: Marktplatz 1, 06108 Halle (Saale)"
    text = _pages(
        f"Zu 1.\nText eins.\n\n{footer}", f"Zu 2.\nText zwei.\n\n{footer}", "Zu 3.\nEnde."
    )
    assert footer not in clean_with("remove_page_furniture", text)


def test_a_sentence_on_every_page_is_a_footer() -> None:
    footer = "Bitte geben Sie bei Antwort das Aktenzeichen an."
    body = "Der Stand wurde im Ausschuss berichtet.\nDie Mittel stehen bereit.\n\n"
    text = _pages(f"{body}Zu 1.\n{footer}", f"{body}Zu 2.\n{footer}")
    assert footer not in clean_with("remove_page_furniture", text)
