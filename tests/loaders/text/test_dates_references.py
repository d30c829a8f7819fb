"""German dates and Drucksache numbers."""

from ratsgraph.loaders.text.dates import find_dates, parse_date
from ratsgraph.loaders.text.references import find_references


def test_numeric_and_written_dates_become_iso():
    assert parse_date("07.11.2022") == "2022-11-07"
    assert parse_date("am 16. November 2022") == "2022-11-16"
    assert parse_date("vom 3. März 2021") == "2021-03-03"
    assert parse_date("am 15. Dez. 2022") == "2022-12-15"
    assert parse_date("1.2.21") == "2021-02-01"


def test_agenda_numbers_are_not_dates():
    assert list(find_dates("TOP 4.11 und 16.1 Wissenschaft")) == []


def test_an_amendment_number_names_its_base_paper():
    (ref,) = find_references("(Drucksache Nr.: 07035-17-E1)", labelled=True)
    assert (ref.reference, ref.base, ref.suffix, ref.is_amendment) == ("07035-17-E1", "07035-17", "E1", True)


def test_label_variants_are_read():
    text = "Drucksache-Nr. 26309-22-E1; Drucksachen-Nr.: 12345-21; DS-Nr. 01234-20"
    assert [r.reference for r in find_references(text, labelled=True)] == ["26309-22-E1", "12345-21", "01234-20"]


def test_dates_and_phone_numbers_are_not_references():
    assert find_references("am 24.05.2023, Tel. 0231-50 12345, 2020-2025") == []
