"""Clean-up before matching keeps a map back to the original text."""

from ratsgraph.loaders.text.cleanup import clean


def test_a_word_hyphenated_across_lines_is_joined_and_quoted_from_the_original():
    original = "Vorsitzende des Ausschusses für Per-  \nsonal und über die Verwaltung hinaus-\n\ngehen"
    c = clean(original)
    assert "Ausschusses für Personal und" in c.text
    assert "hinausgehen" in c.text
    i = c.text.index("hinausgehen")
    assert c.quote(i, i + len("hinausgehen"))[2] == "hinaus-\n\ngehen"


def test_a_hyphen_before_a_capital_stays_part_of_the_word():
    assert "E-Government" in clean("das E-\nGovernment Gesetz").text


def test_a_hyphen_in_a_list_of_compounds_is_not_touched():
    assert clean("Wirtschafts-, Beschäftigungsförderung").text == "Wirtschafts-, Beschäftigungsförderung"


def test_markdown_marks_go_but_gender_stars_stay():
    c = clean("### **CDU-Fraktion**\nVertreter\\*innen und Dezernent*in")
    assert c.text == "CDU-Fraktion\nVertreter*innen und Dezernent*in"


def test_every_cleaned_span_maps_to_the_same_original_text():
    original = "**Drucksache Nr.:** 26309-22-E1\n\nzü-\n\ngigere *Bearbeitung*"
    c = clean(original)
    for word in ("Drucksache Nr.:", "26309-22-E1", "zügigere", "Bearbeitung"):
        i = c.text.index(word)
        s, e, quoted = c.quote(i, i + len(word))
        assert original[s:e] == quoted
        assert quoted.replace("-\n\n", "") == word
