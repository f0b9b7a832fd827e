import pytest

from imr_desk.extract.items import _strip_trailing


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Norco 10/325mg #120:", "Norco 10/325mg #120"),
        ("  Physical therapy 2x6 is: ", "Physical therapy 2x6"),
        ("Lumbar MRI ARE ;", "Lumbar MRI"),
        ("Diagnosis", "Diagnosis"),
        ("Home health care -:, ", "Home health care"),
        ("Request is is", "Request"),
        ("is", "is"),
    ],
)
def test_strip_trailing_drops_punctuation_and_a_dangling_verb(heading: str, expected: str) -> None:
    text = f"before|{heading}|after"
    start = text.index("|") + 1
    s, e = _strip_trailing(text, start, text.rindex("|"))
    assert text[s:e] == expected
