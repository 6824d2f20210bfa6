from datetime import date

from pipeline.dates import published_from_text, resolve_expression

PUB = date(2025, 4, 28)  # a Monday


def test_dateline():
    assert published_from_text("Aktualisiert 28. April 2025, 03:00 Uhr ET\nText") == PUB
    assert published_from_text("Kein Datum hier.") is None


def test_expressions():
    assert resolve_expression("am Freitag sagte er", PUB)[0] == date(2025, 4, 25)
    assert resolve_expression("am Montag", PUB)[0] == PUB
    assert resolve_expression("im November 2024", PUB)[:3:2] == (date(2024, 11, 1), "month")
    assert resolve_expression("Ende Januar", PUB)[0] == date(2025, 1, 1)
    assert resolve_expression("am 29. November", PUB)[0] == date(2024, 11, 29)
    assert resolve_expression("am 3. März 2023", None)[0] == date(2023, 3, 3)
    assert resolve_expression("gestern", PUB)[0] == date(2025, 4, 27)


def test_never_invented_without_published():
    assert resolve_expression("am Freitag", None) == (None, None, None)
    assert resolve_expression("Er sagte nichts.", PUB) == (None, None, None)
