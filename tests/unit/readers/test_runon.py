"""A letter that lost its line breaks gets its paragraphs back."""

from __future__ import annotations

from imr_desk.readers.runon import RUN_ON_PREFIX, is_run_on, paragraphs_of_run_on


def test_paragraphs_come_back_around_headings_labels_intros_and_item_headings():
    run_on = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE MAXIMUS Federal Services sent the case file. "
        "The Expert Reviewer has the following credentials: State(s) of Licensure: Ohio "
        "Certification(s)/Specialty: Neurology CLINICAL CASE SUMMARY The expert reviewer developed the following "
        "clinical case summary based on a review of the case file, including all medical records: The patient is "
        "a 45 year old male. IMR ISSUES, DECISIONS AND RATIONALES The Final Determination was based on decisions for "
        "the disputed items/services set forth below: Norco 7.5 mg #90: Upheld Decision rationale: Not indicated. "
        "MRI of the lumbar spine: Overturned Decision rationale: Indicated."
    )
    assert paragraphs_of_run_on(run_on).split("\n\n") == [
        "HOW THE IMR FINAL DETERMINATION WAS MADE",
        "MAXIMUS Federal Services sent the case file.",
        "The Expert Reviewer has the following credentials:",
        "State(s) of Licensure: Ohio",
        "Certification(s)/Specialty: Neurology",
        "CLINICAL CASE SUMMARY",
        "The expert reviewer developed the following clinical case summary based on a review of the case file, "
        "including all medical records:",
        "The patient is a 45 year old male.",
        "IMR ISSUES, DECISIONS AND RATIONALES",
        "The Final Determination was based on decisions for the disputed items/services set forth below:",
        "Norco 7.5 mg #90: Upheld",
        "Decision rationale: Not indicated.",
        "MRI of the lumbar spine: Overturned",
        "Decision rationale: Indicated.",
    ]


def test_only_a_long_letter_without_line_breaks_is_run_on():
    assert is_run_on("word " * RUN_ON_PREFIX)
    assert not is_run_on("a line\n" + "word " * RUN_ON_PREFIX)
    assert not is_run_on("a short letter without line breaks")


def test_a_footer_word_inside_a_sentence_goes_but_the_final_determination_stays():
    run_on = "The Final Determination was based on decisions. It was a lumbar Final spinal cord stimulator."
    assert paragraphs_of_run_on(run_on) == "The Final Determination was based on decisions. It was a lumbar spinal cord stimulator."


def test_item_labels_in_their_other_spellings_start_paragraphs_but_decision_rationale_stays_whole():
    run_on = (
        "Norco #90: Upheld Claims Administrator Guideline(s): MTUS. MAXIMUS guidelines: ODG. Rationale: Not indicated. "
        "MRI: Overturned Medical Treatment Guideline(s) the Claims Administrator based its decision on: MTUS. "
        "The Expert Reviewer's decision rationale: Indicated."
    )
    assert paragraphs_of_run_on(run_on).split("\n\n") == [
        "Norco #90: Upheld",
        "Claims Administrator Guideline(s): MTUS.",
        "MAXIMUS guidelines: ODG.",
        "Rationale: Not indicated.",
        "MRI: Overturned",
        "Medical Treatment Guideline(s) the Claims Administrator based its decision on: MTUS.",
        "The Expert Reviewer's decision rationale: Indicated.",
    ]
