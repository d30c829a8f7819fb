"""One test per vendor quirk of loaders/oparl/quirks.py."""

from __future__ import annotations

import pytest

from ratsgraph.loaders.oparl import quirks


def test_404_error_json_is_an_empty_list() -> None:
    assert quirks.error_404_as_empty_list(404, {"error": "Keine Daten"})["data"] == []
    assert quirks.error_404_as_empty_list(404, [])["data"] == []
    # A real object or another status is not this quirk.
    assert quirks.error_404_as_empty_list(404, {"id": "x", "type": "t"}) is None
    assert quirks.error_404_as_empty_list(500, {"error": "x"}) is None


def test_bare_array_becomes_a_list_object() -> None:
    assert quirks.coerce_list_page([]) == {"data": [], "links": {}, "pagination": {}}
    page = quirks.coerce_list_page([{"id": "a"}, "junk"])
    assert page["data"] == [{"id": "a"}]
    assert quirks.coerce_list_page({"data": None, "links": {}})["data"] == []
    normal = {"data": [{"id": "a"}], "links": {"next": "u"}}
    assert quirks.coerce_list_page(normal) is normal


def test_single_body_instead_of_body_list() -> None:
    body = {"id": "https://x/body/1", "type": "https://schema.oparl.org/1.0/Body", "name": "Stadt Krefeld"}
    assert quirks.single_body_as_list(body)["data"] == [body]
    listed = {"data": [body], "links": {}}
    assert quirks.single_body_as_list(listed)["data"] == [body]


def test_invalid_json_with_control_characters() -> None:
    raw = b'{"data": [{"name": "Rat\x01 der\x1f Stadt", "text": "a\tb\nc"}]}'
    with pytest.raises(ValueError):
        import json

        json.loads(raw)
    parsed = quirks.parse_json_lenient(raw)
    assert parsed["data"][0]["name"] == "Rat der Stadt"
    assert parsed["data"][0]["text"] == "a\tb\nc"
    with pytest.raises(ValueError):  # truncated JSON is not repairable: the client retries it
        quirks.parse_json_lenient(b'{"data": [{"name": "R')


def test_auxiliary_file_as_object() -> None:
    single = {"id": "f1"}
    assert quirks.as_list(single) == [single]
    assert quirks.as_list(None) == []
    assert quirks.as_list([single]) == [single]


def test_object_where_url_expected() -> None:
    assert quirks.as_url({"id": "https://x/location/1", "type": "Location"}) == "https://x/location/1"
    assert quirks.as_url(" https://x/o/1 ") == "https://x/o/1"
    assert quirks.as_url(None) is None


def test_seven_digit_ags() -> None:
    assert quirks.fix_ags("5358016") == "05358016"
    assert quirks.fix_ags(5358016) == "05358016"
    assert quirks.fix_ags("05913000") == "05913000"
    assert quirks.fix_ags("") is None


def test_modified_since_without_microseconds_or_encoding() -> None:
    assert quirks.format_modified_since("2024-03-01T10:11:12.123456+01:00") == "2024-03-01T09:11:12Z"
    assert quirks.format_modified_since("2024-03-01") == "2024-03-01T00:00:00Z"
    url = quirks.keep_query("https://x/paper?page=2", {"modified_since": "2024-03-01T09:11:12Z"})
    assert url == "https://x/paper?page=2&modified_since=2024-03-01T09:11:12Z"


def test_modified_since_kept_on_next_links() -> None:
    # The server dropped it from its next link; an existing value is not duplicated.
    url = quirks.keep_query("https://x/paper?page=3", {"modified_since": "2020-01-01T00:00:00Z"})
    assert "modified_since=2020-01-01T00:00:00Z" in url
    again = quirks.keep_query(url, {"modified_since": "2020-01-01T00:00:00Z"})
    assert again.count("modified_since") == 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-10-31", "2020-10-31"),
        ("2020-10-31T18:00:00+01:00", "2020-10-31T18:00:00+01:00"[:10]),
        ("31.10.2020", "2020-10-31"),
        ("Der Paritätische", None),
        ("2020-02-30", None),
        ("0000-00-00", None),
        ("", None),
        (None, None),
        (20201031, None),
    ],
)
def test_garbage_dates(raw: object, expected: str | None) -> None:
    assert quirks.clean_date(raw) == expected


def test_missing_type_on_deleted_objects() -> None:
    deleted = {"id": "https://x/body/1/meeting/2294", "deleted": True}
    assert quirks.infer_type(deleted, "Meeting") == "Meeting"
    assert quirks.infer_type(deleted, None) == "Meeting"  # from the URL
    typed = {"id": "u", "type": "https://schema.oparl.org/1.1/Paper"}
    assert quirks.infer_type(typed, "Meeting") == "Paper"


def test_placeholders_are_missing_values() -> None:
    assert quirks.clean_text("N/A") is None
    assert quirks.clean_text("  ") is None
    assert quirks.clean_text(" Rat ") == "Rat"


def test_karlsruhe_organization_url_layout() -> None:
    assert quirks.organization_label_from_url("https://web1.karlsruhe.de/oparl/bodies/0001/organizations/gr/1") == (
        "Committee"
    )
    assert quirks.organization_label_from_url("https://web1.karlsruhe.de/oparl/bodies/0001/organizations/at/2") == (
        "AdministrativeUnit"
    )
    assert quirks.organization_label_from_url("https://x/organization/1-8") is None
