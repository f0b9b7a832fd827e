import re

import pytest

from imr_desk.extract.sections import find_sections, squash


def _squash_slowly(text: str) -> str:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


@pytest.mark.parametrize(
    "text",
    [
        "one line",
        "  padded  line  ",
        "first paragraph.  Two spaces.\n\nsecond paragraph\n",
        "\n\nleading breaks\n\nand trailing ones\n\n",
        "a wrapped\nline\n\nand a paragraph",
        "three\n\n\nbreaks",
        "space before \n\nbreak",
        "break\n\n  then indent",
        "blank line\n \nwith a space",
        "",
        " \n\n ",
    ],
)
def test_squash_collapses_whitespace_and_keeps_paragraphs(text: str) -> None:
    assert squash(text) == _squash_slowly(text)


def test_sections_are_found_in_order() -> None:
    text = (
        "Case Number: CM16-0000001\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\n\nCredentials here.\n\n"
        "CLINICAL CASE SUMMARY\n\nThe patient is a 50 year old male.\n\n"
        "IMR ISSUES, DECISIONS AND RATIONALES\n\nItem: Upheld"
    )
    sections = find_sections(text)
    assert sections.found == {"how", "summary", "issues"}
    assert text[slice(*sections.credentials)].strip() == "Credentials here."
    assert text[slice(*sections.summary)].strip() == "The patient is a 50 year old male."
    assert text[slice(*sections.issues)].strip() == "Item: Upheld"


@pytest.mark.parametrize(
    "heading",
    [
        "IMR ISSUES, DECISIONS AND RATIONALES", "IMR ISSUE(S), DECISION(S) AND RATIONALE(S)", "IMR Issues, Decisions & Rationales",
        "IMR DECISION(S) AND RATIONALE(S)", "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
    ],
)
def test_the_items_heading_in_its_spellings(heading: str) -> None:
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n\nCredentials here.\n\n"
        f"CLINICAL CASE SUMMARY\n\nThe patient is a 50 year old male.\n\n{heading}\n\nItem: Upheld"
    )
    sections = find_sections(text)
    assert "issues" in sections.found
    assert text[slice(*sections.summary)].strip() == "The patient is a 50 year old male."
    assert text[slice(*sections.issues)].strip() == "Item: Upheld"


def test_a_colon_after_a_heading_belongs_to_the_heading() -> None:
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE:\n\nCredentials here.\n\n"
        "CLINICAL CASE SUMMARY:\n\nThe patient is a 50 year old male.\n\n"
        "IMR ISSUES, DECISIONS AND RATIONALES:\n\nItem: Upheld"
    )
    sections = find_sections(text)
    assert text[slice(*sections.credentials)].strip() == "Credentials here."
    assert text[slice(*sections.summary)].strip() == "The patient is a 50 year old male."
    assert text[slice(*sections.issues)].strip() == "Item: Upheld"


def _letter(how: str, summary: str, issues: str, items: str = "Item: Upheld") -> str:
    return (
        f"{how}\n\nCredentials here.\n\n{summary}\n\nThe patient is a 50 year old male.\n\n{issues}\n\n{items}"
    )


def _found_in_order(text: str):
    sections = find_sections(text)
    assert sections.found == {"how", "summary", "issues"}
    assert text[slice(*sections.credentials)].strip() == "Credentials here."
    assert text[slice(*sections.summary)].strip() == "The patient is a 50 year old male."
    return sections


@pytest.mark.parametrize("numbers", [("1.", "2.", "3."), ("I.", "II.", "III.")])
def test_numbered_section_headings(numbers) -> None:
    first, second, third = numbers
    text = _letter(
        f"{first} HOW THE IMR FINAL DETERMINATION WAS MADE", f"{second} CLINICAL CASE SUMMARY",
        f"{third} IMR ISSUES, DECISIONS AND RATIONALES",
    )
    assert text[slice(*_found_in_order(text).issues)].strip() == "Item: Upheld"


_ITEMS = (
    "The Final Determination was based on decisions for the disputed items/services set forth below:\n\n"
    "Norco #90: Upheld\n\nClaims Administrator guideline: MTUS.\n\nDecision rationale: Not indicated."
)


@pytest.mark.parametrize("heading", ["CASE SUMMARY", "Clinical Summary", "SUMMARY OF THE CASE", "Case Summary:"])
def test_the_summary_heading_in_other_words(heading: str) -> None:
    text = _letter("HOW THE IMR FINAL DETERMINATION WAS MADE", heading, "IMR ISSUES, DECISIONS AND RATIONALES", _ITEMS)
    assert text[slice(*_found_in_order(text).issues)].strip().startswith("The Final Determination")


@pytest.mark.parametrize("heading", ["IMR ISSUES AND DECISIONS", "DISPUTED ITEMS/SERVICES", "DECISIONS AND RATIONALES", ""])
def test_an_unknown_items_heading_and_the_sentence_after_it_stay_out_of_the_summary(heading: str) -> None:
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n\nCredentials here.\n\nCLINICAL CASE SUMMARY\n\n"
        f"The patient is a 50 year old male.\n\nHE IS 50.\n\n{heading}\n\n{_ITEMS}".replace("\n\n\n\n", "\n\n")
    )
    sections = find_sections(text)
    assert sections.found == {"how", "summary"}  # the items' heading is warned of as missing
    assert text[slice(*sections.summary)].strip() == "The patient is a 50 year old male.\n\nHE IS 50."
    assert text[slice(*sections.issues)].strip().startswith((heading or "The Final", "The Final"))


@pytest.mark.parametrize(
    "closing",
    [
        "DOCUMENTS REVIEWED\n\nProgress report, 10/1/2015.",
        "Sincerely,\n\nMedical Director",
        "cc: Dr. John Smith",
        "CC: Claims Administrator\n\nSincerely,",
    ],
)
def test_the_items_end_where_the_letter_closes(closing: str) -> None:
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n\nCredentials here.\n\nCLINICAL CASE SUMMARY\n\nThe patient.\n\n"
        f"IMR ISSUES, DECISIONS AND RATIONALES\n\nItem: Upheld\n\nDecision rationale: Not indicated.\n\n{closing}"
    )
    sections = find_sections(text)
    assert text[slice(*sections.issues)].strip() == "Item: Upheld\n\nDecision rationale: Not indicated."


def test_a_paragraph_that_only_begins_like_a_sign_off_is_no_closing() -> None:
    text = (
        "CLINICAL CASE SUMMARY\n\nThe patient.\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\nItem: Upheld\n\n"
        "Decision rationale: Not indicated.\n\nRegards to the guidelines, none apply.\n\nSincerelyness aside, no."
    )
    assert text[slice(*find_sections(text).issues)].strip().endswith("Sincerelyness aside, no.")
