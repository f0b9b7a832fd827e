"""Joining source lines into paragraphs."""

from __future__ import annotations

import pytest

from imr_desk.readers import read_bytes
from imr_desk.readers.chars import normalize_chars
from imr_desk.readers.layout import build_text
from imr_desk.readers.lines import Gap, SourceLine
from imr_desk.readers.textfile import text_lines


def _build(raw: str) -> str:
    return build_text(text_lines(normalize_chars(raw)))[0]


def test_export_layout_unwraps_lines_and_keeps_paragraphs():
    raw = "A sentence that wraps \n\nonto a second line. \n\n \n\nNext paragraph. \n\n \n\n" * 3
    assert _build(raw).split("\n\n")[:2] == ["A sentence that wraps onto a second line.", "Next paragraph."]


def test_export_page_break_inside_a_sentence_is_joined():
    raw = "Long enough line that continues on the next page with \n\n\n\nlower case. \n\n" * 6
    assert "with lower case." in _build(raw)


_WRAPPED = [
    "The patient has had chronic low back pain for several years and was treated with",
    "medication, physical therapy and injections without lasting relief of her symptoms.",
    "She reports that her pain is worse with prolonged sitting and standing at her job.",
]


@pytest.mark.parametrize(
    ("page_break", "same_paragraph"),
    [
        ("\n\f", True),  # a page ends mid-paragraph after a full-width sentence
        ("\f", True),
        ("\n\n\f", False),  # a blank line before the page's end ends the paragraph
        ("\n\f\n", False),  # or one at the next page's start
    ],
)
def test_a_form_feed_ends_a_paragraph_only_with_a_blank_line(page_break, same_paragraph):
    page = "\n".join(_WRAPPED) + "\n\n" + "\n".join(_WRAPPED)
    text = _build(page + page_break + "\n".join(_WRAPPED) + "\n\nThe end.")
    assert len(text.split("\n\n")) == (3 if same_paragraph else 4)


@pytest.mark.parametrize(("padding", "same_paragraph"), [(" \n\n\n\n", True), (" \n\n \n\n\n\n", False)])
def test_export_page_padding_alone_does_not_end_a_paragraph(padding, same_paragraph):
    paragraph = " \n\n".join(_WRAPPED) + " \n\n \n\n"
    raw = paragraph * 3 + " \n\n".join(_WRAPPED[:2]) + padding + _WRAPPED[2] + " \n\n \n\n" + paragraph
    assert (_build(raw).count("\n\n") == 4) is same_paragraph


@pytest.mark.parametrize(
    ("page_break", "same_paragraph"),
    [(" \n\n\f", True), (" \n\n\n\n\f", True), (" \n\n \n\n\f", False), (" \n\n\f \n\n", False), ("\f \n\n", False)],
)
def test_export_pages_split_by_form_feeds_keep_their_paragraphs(page_break, same_paragraph):
    paragraph = " \n\n".join(_WRAPPED) + " \n\n \n\n"
    first_page = paragraph * 3 + " \n\n".join(_WRAPPED[:2])
    second_page = _WRAPPED[2] + " \n\n \n\n" + paragraph * 3
    paragraphs = _build(first_page + page_break + second_page).split("\n\n")
    assert len(paragraphs) == (7 if same_paragraph else 8)


def test_a_short_last_page_of_the_export_keeps_its_layout():
    paragraph = " \n\n".join(_WRAPPED) + " \n\n \n\n"
    last_page = 'not use it longer than 2-3 weeks". \n\nMedical records do not detail the plan. \n\n'
    paragraphs = _build(paragraph * 3 + 'It says "Do \n\n\f' + last_page).split("\n\n")
    assert paragraphs[3] == 'It says "Do not use it longer than 2-3 weeks". Medical records do not detail the plan.'


def test_a_numbered_list_after_a_colon_in_hard_wrapped_lines_keeps_its_entries():
    lines = [*_WRAPPED, "The guidelines require all of the following before opioids are continued:",
             "1. Documented pain relief.", "2. Improved function.", *_WRAPPED]
    paragraphs = _build("\n".join(lines)).split("\n\n")
    assert paragraphs[1:4] == ["1. Documented pain relief.", "2. Improved function.", " ".join(_WRAPPED)]
    assert paragraphs[0].endswith("before opioids are continued:")


def test_hyphen_at_line_end_is_kept_and_joined():
    raw = "disc protrusion at L4-\n\nL5 and L5-S1. It was non-\n\ncertified today. \n\n" * 6
    text = _build(raw)
    assert "at L4-L5 and L5-S1" in text and "non-certified" in text


def test_a_word_hyphenated_at_a_line_end_is_whole_where_the_letter_spells_it_so():
    lines = [
        "The MTUS Chronic Pain Medical Treatment Guide-",
        "lines recommend it for a short time; evidence-",
        "based reviews agree. These Guidelines also",
        "name nonsteroidal drugs, and a non-",
        "steroidal one was tried.",
    ] * 3
    text = build_text([SourceLine(line) for line in lines])[0]
    assert "Medical Treatment Guidelines recommend" in text  # "Guidelines" stands elsewhere
    assert "a nonsteroidal one" in text
    assert "evidence-based reviews" in text  # never written whole: the hyphen stays


def test_stray_footer_word_is_dropped():
    raw = "pain, although both Final \n should be employed with care. \n\n" * 6
    text = _build(raw)
    assert "although both should be employed" in text and "Final" not in text


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        ("the pain although both Final \n\n\n\n\n\nshould be employed. \n\n", ["the pain although both should be employed."]),
        ("Norco #90: Upheld Final \n\n \n\n\n\n\nClaims Administrator guideline: MTUS. \n\n",
         ["Norco #90: Upheld", "Claims Administrator guideline: MTUS."]),
        ("It is not necessary. \n\n\n\n\n\n \n\nFinal Claims Administrator guideline: MTUS. \n\n",
         ["It is not necessary.", "Claims Administrator guideline: MTUS."]),
        ("It is not necessary. \n\n\n\n\n\n \n\nFinal Determination: UPHOLD \n\n",
         ["It is not necessary.", "Final Determination: UPHOLD"]),
    ],
    ids=["end-mid-sentence", "end-of-a-heading", "start-of-a-label", "a-stated-determination-stays"],
)
def test_export_footer_word_at_a_page_end_or_start_goes(raw, paragraphs):
    assert _build("A first line of the letter. \n\n \n\n" * 12 + raw).split("\n\n")[12:] == paragraphs


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        ("the pain although both Final\n\n\n\nshould be employed.\n", ["the pain although both should be employed."]),
        ("Norco #90: Upheld Final\n\n\n\nClaims Administrator guideline: MTUS.\n", ["Norco #90: Upheld", "Claims Administrator guideline: MTUS."]),
        ("It is not necessary.\n\n\n\nFinal Claims Administrator guideline: MTUS.\n", ["It is not necessary.", "Claims Administrator guideline: MTUS."]),
        ("It is set forth below:\n2\n\n\n\nNorco #90: Upheld\n", ["It is set forth below:", "Norco #90: Upheld"]),
        ("It is not necessary.\n\n\n\nFinal Determination: UPHOLD\n", ["It is not necessary.", "Final Determination: UPHOLD"]),
    ],
    ids=["end-mid-sentence", "end-of-a-heading", "start-of-a-label", "page-number-after-a-colon", "a-stated-determination-stays"],
)
def test_single_spaced_footer_leftovers_at_a_page_break_go(raw, paragraphs):
    assert _build("A first line of the letter.\n\n" * 12 + raw).split("\n\n")[12:] == paragraphs


def test_page_number_lines_are_dropped():
    lines = [SourceLine("First part of a sentence"), SourceLine("Page 2 of 4"), SourceLine("and its end.")]
    assert build_text(lines)[0] == "First part of a sentence and its end."


def test_heading_with_decision_on_next_line_is_one_paragraph():
    raw = "Previous rationale ends here.\n\nPERMANENT IMPLANTATION OF A STIMULATOR (SCS):\nOverturned\n\nClaims Administrator guideline: x.\n"
    assert "PERMANENT IMPLANTATION OF A STIMULATOR (SCS): Overturned" in _build(raw).split("\n\n")


def test_pdf_like_lines_break_at_labels_and_short_sentence_ends():
    lines = [SourceLine(t) for t in [
        "Decision rationale: The guideline says that a long line of rationale text fills the width and",
        "it ends on a short line.",
        "Twelve physical therapy visits for the right shoulder was the original request. Nine physical",
        "therapy visits were authorized by the Claims Administrator. The remaining IMR eligible portion",
        "of the original request, three visits is: Upheld",
        "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.",
    ]]
    paragraphs = build_text(lines)[0].split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("Twelve physical") and paragraphs[1].endswith("is: Upheld")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("reportedly associated with an industrial injury of October 14,", "2010. Thus far he has had therapy."),
        ("reportedly associated with an industrial injury of", "October 14, 2010. Thus far he has had therapy."),
        ("He asked for an injection between 6/27/2013 and", "8/11/2013 but it was not given."),
        ("He is licensed to practice in California,", "Florida and Ohio."),
        ("He asked for Tramadol ER 150mg", "#30 between 6/27/2013 and 8/11/2013."),
        ("In a Utilization Review Report dated July", "22, 2014, the claims administrator denied it."),
    ],
)
def test_single_spaced_lines_carry_a_sentence_across_a_page_break_to_a_number_or_a_capital(before, after):
    raw = f"Dear Mr. Smith,\n\nThe applicant is a 58-year-old former driver.\n{before}\nFinal\n\n\n\n{after}\n\nThe end.\n"
    assert _build(raw).split("\n\n") == ["Dear Mr. Smith,", f"The applicant is a 58-year-old former driver. {before} {after}", "The end."]


def test_a_salutation_stays_its_own_paragraph_across_a_page_break():
    raw = "Dear Mr. Smith,\nFinal\n\n\n\nMAXIMUS Federal Services has completed the review.\n"
    assert _build(raw).split("\n\n") == ["Dear Mr. Smith,", "MAXIMUS Federal Services has completed the review."]


def test_pdf_like_sentence_whose_last_short_line_carries_on_in_lower_case_still_ends_its_paragraph():
    lines = [SourceLine(t) for t in [
        "1. Prospective request for 1 lumbar epidural steroid",
        "injection at L4-5 is not medically necessary and",
        "appropriate.",
        "Guidelines Used in Utilization Review (UR)",
        "Decision",
        "The Claims Administrator based its decision on the",
        "Chronic Pain Medical Treatment Guidelines, page 46.",
    ]]
    assert build_text(lines)[0].split("\n\n") == [
        "1. Prospective request for 1 lumbar epidural steroid injection at L4-5 is not medically necessary and appropriate.",
        "Guidelines Used in Utilization Review (UR) Decision",
        "The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, page 46.",
    ]


@pytest.mark.parametrize("decision", ["Upheld", "Upheld.", "Upheld .", "UPHELD .", "Overturned ."])
def test_pdf_like_heading_line_ending_with_its_decision_stands_alone(decision):
    lines = [SourceLine(t) for t in [
        "Decision rationale: The guideline says that a long line of rationale text fills the width and",
        "it ends on a short line.",
        f"Norco 10/325mg #90: {decision}",
        "The patient was seen in follow-up and the physician noted the pain was",
        "a seven of ten.",
    ]]
    assert build_text(lines)[0].split("\n\n")[1] == f"Norco 10/325mg #90: {decision}"


def test_docx_real_paragraphs_are_not_joined():
    lines = [SourceLine("A whole paragraph without a full stop at the end"), SourceLine("Another paragraph")]
    assert build_text(lines, real_paragraphs=True)[0] == (
        "A whole paragraph without a full stop at the end\n\nAnother paragraph"
    )


def test_pages_map_to_offsets():
    lines = [SourceLine("One.", 1), SourceLine("Two.", 2, Gap.PAGE), SourceLine("Three.", 4, Gap.PAGE)]
    text, pages = build_text(lines)
    assert [text[p:].split()[0] for p in pages] == ["One.", "Two.", "Three.", "Three."]


def test_break_hyphen_from_pdf_uses_the_letters_own_words():
    text = normalize_chars("Guide\ufffelines say. The Guidelines agree. non\ufffesteroidal drugs.")
    assert text.startswith("Guidelines say.") and "non-steroidal" in text


@pytest.mark.parametrize(
    ("source", "wanted"),
    [
        ("with radicul\ufffeopathy in the legs", "radiculopathy"),  # fragments no word of the letter
        ("no drug screen; the drug\uffferelated risks are related to dose", "drug-related"),  # two words it uses
        ("her well\ufffebeing, as well-being goes", "her well-being"),  # spelled hyphenated elsewhere
        ("the drug\ufffescreen is needed", "drugscreen"),  # "screen" stands alone nowhere else
        ("aberrant drug\uffferelated behaviors", "drug-related"),  # a word that closes compounds
        ("fluoroscopically image\ufffeguided injection", "image-guided"),
        ("anti\ufffeconvulsants are first line", "anti-convulsants"),  # a prefix that keeps its hyphen
    ],
)
def test_break_hyphen_between_long_fragments(source, wanted):
    assert wanted in normalize_chars(source)


@pytest.mark.parametrize(
    ("first", "second", "wanted"),
    [
        ("secondary to lumbar radicul-", "opathy and stenosis.", "lumbar radiculopathy and"),  # fragments no word of the letter
        ("aberrant drug-", "related behaviors were noted.", "aberrant drug-related behaviors"),
        ("the request was non-", "certified by the reviewer.", "was non-certified by"),
        ("relaxants are a second-", "line option for acute pain.", "a second-line option"),
        ("while the twelve-", "session course exceeds the guidelines.", "the twelve-session course"),
        ("homebound, on a part-", "time or intermittent basis.", "on a part-time or"),
        ("the patient reports radicul-", "opathy, and radiculopathy is noted.", "reports radiculopathy, and"),
    ],
)
def test_a_text_letters_line_end_hyphen_is_judged_as_a_pdfs(first, second, wanted):
    lines = ["The patient has pain in the low back that goes on to the legs", first, second, "The end."]
    raw = "".join(f"{line} \n\n" for line in lines) * 3  # the export layout, a few times over
    assert wanted in read_bytes(raw.encode(), "txt").text


def test_every_label_starts_with_one_of_the_label_initials():
    import re

    from imr_desk.readers.labels import LABEL_INITIALS, LABELS

    labels = [
        "State(s) of Licensure:", "Certification(s)/Specialty:", "Claims Administrator guideline:",
        "MAXIMUS guideline:", "Decision rationale:", "The Expert Reviewer's decision rationale:",
        "Physician Reviewer decision rationale:", "Case Number:", "Date Assigned:", "Decision Date:",
        "Priority:", "Date of Injury:", "UR Denial Date:", "Application Received:", "IMR Case Number:",
        "Claim No.:", "Employee:", "Medical Qualifications of the Expert Reviewer", "Case Summary:",
        "Disclaimer:", "The Final Determination was based", "Claims Number:", "Employee Name:", "Provider Name:",
        "Treatment(s) in Dispute", "Dated:", "Expert Reviewer Case Summary:", "Documents Reviewed for Determination:",
        "Medical Treatment Guideline(s) the Claims Administrator based its decision on:",
        "Medical Treatment Guideline(s) the Expert Reviewer based his/her decision on:", "Rationale for the Decision:",
        "1) Regarding the request for Norco:", "Regarding the requests for MRI",
    ]
    pattern = re.compile(LABELS, re.IGNORECASE | re.VERBOSE)
    for label in labels:
        assert pattern.match(label), label
        assert label[0] in LABEL_INITIALS, label
    assert not pattern.match("Reviewer notes:")
    assert not pattern.match("Medical Treatment Guidelines 2016 and the Official Disability Guidelines")


def test_pdf_like_lines_of_the_earliest_letters_break_at_their_labels():
    lines = [SourceLine(t) for t in [
        "1) MAXIMUS Federal Services, Inc. has determined the request for a 28 day functional restoration",
        "program is not medically necessary and appropriate.",
        "The Claims Administrator based its decision on the MTUS Chronic Pain Guidelines, which are part",
        "of the MTUS.",
        "The Physician Reviewer based his/her decision on the MTUS Chronic Pain Guidelines, page 49, as",
        "the guideline that applies.",
    ]]
    paragraphs = build_text(lines)[0].split("\n\n")
    assert [p[:30] for p in paragraphs] == [
        "1) MAXIMUS Federal Services, I", "The Claims Administrator based", "The Physician Reviewer based h",
    ]


def test_pdf_like_capitals_that_a_sentence_carries_on_are_no_heading():
    lines = [SourceLine(t) for t in [
        "The patient was seen on 3/4/2014 with no explicit documentation of functional improvement with",
        "previous use of the medication, and the request was non-certified on 3/20/2014 by the reviewer.",
        "MTUS ACOEM",
        "guidelines were cited. The patient continues to report pain in the lower back and both legs.",
        "CLINICAL CASE SUMMARY",
        "the summary starts in lower case in this letter, for some reason, and goes on for a while.",
    ]]
    assert build_text(lines)[0].split("\n\n") == [
        " ".join(t.text for t in lines[:4]),
        "CLINICAL CASE SUMMARY",  # a section heading stays one
        lines[5].text,
    ]


def test_pdf_like_guideline_citations_go_on_after_a_short_line():
    lines = [SourceLine(t) for t in [
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Cyclobenzaprine,",
        "Antispasmodics, Page(s): 41-42, 64-66.",
        "Decision based on Non-MTUS Citation ODG Pain.",
        "The patient has had back pain for years and the medication was taken for more than a year now.",
        "Decision rationale: Not supported.",
    ]]
    assert build_text(lines)[0].split("\n\n") == [
        " ".join(t.text for t in lines[:3]), lines[3].text, lines[4].text,
    ]


def test_pdf_like_numbered_entries_start_paragraphs_after_a_sentence_ends():
    lines = [SourceLine(t) for t in [
        "A decision has been made for each of the treatment and/or services that were in dispute:",
        "1. Physical therapy 2x4 for the right shoulder is not medically necessary and appropriate.",
        "2. Tramadol 50mg #60 is medically necessary and appropriate. The dose was reduced from",
        "3. to 2 tablets a day.",
    ]]
    assert build_text(lines)[0].split("\n\n") == [
        "A decision has been made for each of the treatment and/or services that were in dispute:",
        "1. Physical therapy 2x4 for the right shoulder is not medically necessary and appropriate.",
        "2. Tramadol 50mg #60 is medically necessary and appropriate. The dose was reduced from 3. to 2 tablets a day.",
    ]


@pytest.mark.parametrize("layout", ["export", "blank lines"])
def test_numbered_entries_after_a_sentence_stay_apart_in_text_files(layout):
    entries = [
        "A decision has been made for each of the treatment and/or services that were in dispute:",
        "1) MAXIMUS Federal Services, Inc. has determined the request for a 28 day",
        "functional restoration program is not medically necessary and appropriate.",
        "2) MAXIMUS Federal Services, Inc. has determined the request for a 6 month",
        "aftercare program is not medically necessary and appropriate.",
    ]
    summary = ["The patient is a 44 year old female", "with chronic low back pain", "who was seen", "on 8/1/2013."]
    lines = [*summary, "", *entries, "", "Next paragraph."]
    raw = "".join(f"{line} \n\n" for line in lines) if layout == "export" else "\n".join(lines)
    paragraphs = read_bytes(raw.encode(), "txt").text.split("\n\n")
    assert [p[:40] for p in paragraphs] == [
        " ".join(summary)[:40], entries[0][:40], entries[1][:40], entries[3][:40], "Next paragraph.",
    ]


def test_export_join_is_the_rule_it_states():
    """The join pattern, split by the next line's first character for speed, joins exactly
    where its plain statement does."""
    import re

    from imr_desk.readers.labels import LABEL_INITIALS, LABELS
    from imr_desk.readers.textfile import _join_pattern

    export_join = _join_pattern(" \n\n")

    nl = re.escape(" \n\n")
    plain_statement = re.compile(
        rf"""{nl}
        (?<=[a-z0-9.,;)%"'\]]{nl})
        (?<!pheld{nl})(?<!rturned{nl})(?<!Final{nl})(?<!Determination{nl})
        (?=[A-Za-z0-9("])
        (?!(?=[{"".join(sorted(LABEL_INITIALS))}])(?i:{LABELS}))
        (?!(?:(?<=[.!?:]{nl})|(?<=[.!?]["')\]]{nl}))\d{{1,2}}[.)]\s+[A-Z(])
        (?![A-Z]{{2,}}\b)(?![A-Z]\b)
        (?!(?i:upheld|overturned)\b)
        (?!(?i:page)\s+\d)(?!\d{{1,3}}(?:\s+of\s+\d{{1,3}})?\s*(?:\n|$))(?!Final(?:\s+Determination)?[ \t]*(?:\n|$))
        """,
        re.VERBOSE,
    )
    ends = ["word", "word.", "L4-", "Upheld", "is: overturned", "Final", "word:", "7,", "(a)", 'said "x"', "Determination"]
    starts = [
        "word", "Word", "MRI", "A", "I think", "upheld", "uPHELD", "Overturned", "page 3", "Page 3 of 9", "12", "3 of 4",
        "12 visits", "Final", "Final Determination", "Finally", "Claims Administrator guideline: x", "claims administrator",
        "The Final Determination was based", "The patient", "(cont)", '"quoted"', "1.5 mg", "C6 level",
        "2) MAXIMUS has", "3. Physical therapy", "4. (a)", "5) lower",
    ]
    text = "".join(f"{end} \n\n{start} \n\n \n\n" for end in ends for start in starts)
    assert export_join.sub(" ", text) == plain_statement.sub(" ", text)
    assert text.count(" \n\n") - export_join.sub(" ", text).count(" \n\n") >= 50  # it does join


def test_pdf_like_section_headings_in_title_case_stand_alone():
    lines = [SourceLine(t) for t in [
        "How the IMR Final Determination Was Made",
        "MAXIMUS Federal Services sent the complete case file to an expert reviewer, who is licensed",
        "to practice in Utah.",
        "Clinical Case Summary",
        "The patient is a 45 year old male injured on 3/2/2012 who reports pain in the lower back and",
        "the legs.",
        "IMR Issues, Decisions and Rationales",
    ]]
    assert build_text(lines)[0].split("\n\n")[::2] == [
        "How the IMR Final Determination Was Made", "Clinical Case Summary", "IMR Issues, Decisions and Rationales",
    ]
