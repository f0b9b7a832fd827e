"""Letters of the family in layouts the bundled samples do not show."""

from __future__ import annotations

import io

import docx
import pytest

from imr_desk.domain.validation import expected_final_determination
from imr_desk.extract import extract_text
from imr_desk.readers import read_bytes
from tests.support.variants import as_export, hard_wrapped
from tests.unit.extract.letterparts import BOILER, ITEM, letter
from tests.unit.extract.spancheck import span_problems

def test_prose_credentials_with_several_states_and_and_in_a_specialty():
    out = letter(
        "The expert reviewer is Board Certified in Physical Medicine and Rehabilitation, has a subspecialty "
        "in Pain Medicine and is licensed to practice in California, Nevada and Arizona.",
        "The patient is a 45-year-old man injured on 3/2/2012.",
        ITEM.format(heading="Lumbar MRI: Upheld", why="Not indicated."),
    )
    assert out["reviewer"] == {
        "licensure_states": ["California", "Nevada", "Arizona"],
        "specialties": ["Physical Medicine and Rehabilitation", "Pain Medicine"],
    }
    assert out["patient"] == {"age": 45, "sex": "male"}


@pytest.mark.parametrize(
    ("credentials", "states", "specialties"),
    [
        ("is Licensed in Psychology and is licensed to practice in California and New York.",
         ["California", "New York"], ["Psychology"]),
        ("is Licensed in Chiropractic, has a subspecialty in Acupuncture and is licensed to practice in California.",
         ["California"], ["Chiropractic", "Acupuncture"]),
        ("is Board Certified in Internal Medicine and is licensed in Ohio and Utah.", ["Ohio", "Utah"], ["Internal Medicine"]),
        ("is a Doctor of Osteopathy, is Board Certified in Family Practice and is licensed to practice in California.",
         ["California"], ["Family Practice"]),
        ("is a Doctor of Chiropractic and is licensed to practice in California.", ["California"], ["Doctor of Chiropractic"]),
        ("is a Licensed Chiropractor and Licensed Acupuncturist and is licensed to practice in California.",
         ["California"], ["Chiropractor", "Acupuncturist"]),
        ("is a licensed Physical Therapist and is licensed to practice in Oregon.", ["Oregon"], ["Physical Therapist"]),
        ("holds a license in Psychology and is licensed to practice in Pennsylvania and the District of Columbia.",
         ["Pennsylvania", "District of Columbia"], ["Psychology"]),
        ("holds a license to practice in Arizona and is Board Certified in Anesthesiology.", ["Arizona"], ["Anesthesiology"]),
        ("is Board Certified in Orthopaedic Surgery, is fellowship trained in Spine Surgery and is licensed to practice in "
         "California.", ["California"], ["Orthopaedic Surgery", "Spine Surgery"]),
        ("is Board Eligible in Physical Medicine and Rehabilitation and is licensed to practice in Texas.", ["Texas"],
         ["Physical Medicine and Rehabilitation"]),
        ("is Board Certified in Anesthesiology with a subspecialty in Pain Management and is licensed to practice in New York.",
         ["New York"], ["Anesthesiology", "Pain Management"]),
        ("is a Board Certified Orthopedic Surgeon and is licensed to practice in Nevada.", ["Nevada"], ["Orthopedic Surgeon"]),
        ("is certified by the American Board of Internal Medicine, has added qualifications in Geriatrics and is licensed "
         "to practice in Oregon.", ["Oregon"], ["Internal Medicine", "Geriatrics"]),
        ("is a Board Certified Physiatrist licensed in Arizona.", ["Arizona"], ["Physiatrist"]),
    ],
)
def test_prose_credentials_licensed_in_a_field_or_a_state(credentials, states, specialties):
    out = letter(
        "The expert reviewer " + credentials,
        "The patient is a 45-year-old man injured on 3/2/2012.",
        ITEM.format(heading="Lumbar MRI: Upheld", why="Not indicated."),
        footer_after=12,
    )
    assert out["reviewer"] == {"licensure_states": states, "specialties": specialties}
    assert not [w for w in out["warnings"] if (w["field"] or "").startswith("reviewer")]


@pytest.mark.parametrize(
    ("states_label", "specialties_label"),
    [
        ("State(s) of Licensure", "Certification(s)/Specialty"),
        ("State of Licensure", "Specialty"),
        ("States of Licensure", "Certifications/Specialties"),
        ("Licensure", "Board Certification(s)"),
        ("Licensed in", "Board Certified in"),
        ("State(s) of Licensure", "Specialty Certification"),
    ],
)
@pytest.mark.parametrize(("footer_after", "wrapped"), [(None, False), (9, False), (None, True)], ids=["plain", "export", "wrapped"])
def test_list_credentials_under_other_labels(states_label, specialties_label, footer_after, wrapped):
    out = letter(
        f"\n\nThe Expert Reviewer has the following credentials:\n\n{states_label}: California, Nevada\n\n"
        f"{specialties_label}: Neurology, Pain Medicine\n\n",
        "The patient is a 45-year-old man injured on 3/2/2012.",
        ITEM.format(heading="Lumbar MRI: Upheld", why="Not indicated."),
        footer_after=footer_after,
        wrapped=wrapped,
    )
    assert out["reviewer"] == {"licensure_states": ["California", "Nevada"], "specialties": ["Neurology", "Pain Medicine"]}


@pytest.mark.parametrize(
    ("summary", "injury", "ur_date"),
    [
        ("This 61 year old woman reports a CT 3/1/1998 to 9/15/2011 injury to both wrists. "
         "The Utilization Review dated 11/2/2013 denied the request.", ("1998-03-01", "2011-09-15"), "2013-11-02"),
        ("This is a 56 year old woman with continuous trauma 1/1/2005-1/1/2012. "
         "Utilization review dated November 5, 2013 denied the request.", ("2005-01-01", "2012-01-01"), "2013-11-05"),
        ("This 48 year old woman was injured on the job between 03/01/2010 and 03/01/2011. "
         "Utilization review dated 11/5/2013 denied the request.", ("2010-03-01", "2011-03-01"), "2013-11-05"),
        ("This 48 year old woman was injured on 03/01/2010 and 03/01/2011. "  # two injuries, no range
         "Utilization review dated 11/5/2013 denied the request.", ("2010-03-01", None), "2013-11-05"),
    ],
)
def test_cumulative_trauma_ranges(summary, injury, ur_date):
    out = letter(
        "The expert reviewer is Board Certified in Orthopedic Surgery and is licensed to practice in Texas.",
        summary,
        ITEM.format(heading="Retrospective request for carpal tunnel release (DOS 10/1/13): Overturned", why="Needed."),
    )
    assert out["injury"] == {"date": injury[0], "end_date": injury[1]}
    assert out["ur_decision_date"] == ur_date
    assert out["items"][0]["retrospective"] is True
    assert out["final_determination"] == "overturned"


def test_decision_on_its_own_line_and_old_heading():
    out = letter(
        "The expert reviewer is Board Certified in Family Practice and is licensed to practice in Ohio.",
        "The injured worker is a 39 year old male with a date of injury of January 5, 2013. "
        "On 2/14/2014 the utilization review non-certified the request.",
        "TWELVE SESSIONS OF AQUATIC THERAPY FOR THE LUMBAR SPINE:\nOverturned\n\n"
        "Claims Administrator guideline: MTUS.\n\nMAXIMUS guideline: ODG.\n\nDecision rationale: Fine.\n\n"
        + ITEM.format(heading="Retro: Urine drug screen x1: Upheld", why="No."),
        heading="IMR DECISION(S) AND RATIONALE(S)",
    )
    assert [(i["request"], i["decision"], i["quantity"], i["retrospective"]) for i in out["items"]] == [
        ("TWELVE SESSIONS OF AQUATIC THERAPY FOR THE LUMBAR SPINE", "overturned", 12, False),
        ("Retro: Urine drug screen x1", "upheld", 1, True),
    ]
    assert out["final_determination"] == "partially overturned"
    assert out["injury"]["date"] == "2013-01-05"
    assert out["ur_decision_date"] == "2014-02-14"


def test_numbered_decisions_of_early_letters():
    out = letter(
        "The physician reviewer is Board Certified in Occupational Medicine and is licensed to practice in California.",
        "The patient is a 44 year-old female with a date of Injury of 8/28/2001. "
        "Utilization Review denial dated 8/30/2013.",
        "1) MAXIMUS Federal Services, Inc. has determined the request for a 28 day functional restoration "
        "program is not medically necessary and appropriate.\n\n"
        "The Claims Administrator based its decision on the MTUS Chronic Pain Guidelines.\n\n"
        "The Physician Reviewer based his/her decision on the MTUS Chronic Pain Guidelines, page 49.\n\n"
        "The Physician Reviewer's decision rationale: The program is not supported.\n\n"
        "2) MAXIMUS Federal Services, Inc. has determined the request for 6 month follow-up aftercare is "
        "medically necessary and appropriate.\n\n"
        "The Physician Reviewer's decision rationale: Aftercare is supported.\n",
    )
    assert [(i["request"], i["decision"]) for i in out["items"]] == [
        ("a 28 day functional restoration program", "upheld"),
        ("6 month follow-up aftercare", "overturned"),
    ]
    assert out["items"][0]["maximus_guideline"] == "MTUS Chronic Pain Guidelines, page 49."
    assert out["items"][1]["rationale"] == "Aftercare is supported."
    assert out["ur_decision_date"] == "2013-08-30"


@pytest.mark.parametrize("footer_after", [None, 20, 23])
def test_headings_that_state_medical_necessity(footer_after):
    """ "X is not medically necessary." heads an item where its labels follow; a rationale
    that ends the same way stays a rationale."""
    out = letter(
        "The expert reviewer is Board Certified in Anesthesiology and is licensed to practice in California.",
        "The applicant is a 58-year-old former warehouse worker who has filed a claim for chronic low back "
        "pain reportedly associated with an industrial injury of March 5, 2011. In a Utilization Review "
        "Report dated November 14, 2014, the claims administrator denied a request for Norco.",
        "Norco 10/325mg #90 is not medically necessary.\n\n"
        "Claims Administrator guideline: Decision based on MTUS, Opioids, page 76-80.\n\n"
        "MAXIMUS guideline: Decision based on MTUS, When to Continue Opioids, page 80.\n\n"
        "Decision rationale: The applicant was off of work.\n\n"
        "Therefore, the request for Norco was not medically necessary.\n\n"
        "The request for Neurontin 600mg #60 with 2 refills is medically necessary and appropriate.\n\n"
        "Claims Administrator guideline: Decision based on MTUS, Gabapentin, page 18-19.\n\n"
        "MAXIMUS guideline: Decision based on MTUS, Gabapentin, page 19.\n\n"
        "Decision rationale: The applicant has neuropathic pain. The request was medically necessary.\n",
        footer_after=footer_after,
    )
    assert [(i["request"], i["decision"], i["quantity"]) for i in out["items"]] == [
        ("Norco 10/325mg #90", "upheld", 90),
        ("Neurontin 600mg #60 with 2 refills", "overturned", 60),
    ]
    assert out["items"][0]["rationale"] == (
        "The applicant was off of work.\n\nTherefore, the request for Norco was not medically necessary."
    )
    assert out["items"][1]["maximus_guideline"] == "Decision based on MTUS, Gabapentin, page 19."
    assert out["final_determination"] == "partially overturned"
    assert not [w for w in out["warnings"] if w["field"] and w["field"].startswith("items")]
    assert (out["injury"]["date"], out["ur_decision_date"]) == ("2011-03-05", "2014-11-14")
    assert "Final" not in " ".join(i["request"] for i in out["items"])


@pytest.mark.parametrize(
    ("summary", "patient", "injury", "ur_date"),
    [
        ("Ms. Smith is a 61 y/o who reported a work injury Jan. 5, 2010 while lifting boxes. The utilization "
         "review decision dated 2/3/15 denied the request.", (61, "female"), "2010-01-05", "2015-02-03"),
        ("The patient, age 55, is a former driver who injured his neck on or about 6/15/2014. The request was "
         "denied in Utilization Review on 1/5/15.", (55, "male"), "2014-06-15", "2015-01-05"),
        ("This is a 29 year old female with an industrial injury dated 01-05-2009. Utilization Review "
         "determination of 01/05/2015 non-certified the MRI.", (29, "female"), "2009-01-05", "2015-01-05"),
        ("The IW is a fifty-two year old female who reported a one year old injury on 3/3/2013 to her knee. "
         "Utilization review dated 4/4/2014 denied it.", (52, "female"), "2013-03-03", "2014-04-04"),
        ("On 4/5/2012, this 45 year old male was injured in a fall. UR denied the request on 5/5/2014.",
         (45, "male"), "2012-04-05", "2014-05-05"),
        ("This 45 year old man was seen on 5/5/2013 for the injury. His date of injury is 4/5/2012. UR denied "
         "the request on 5/5/2014.", (45, "male"), "2012-04-05", "2014-05-05"),
        ("A 62 y.o. male slipped at work on 5/6/2012. The UR dated 7/8/14 modified the request.",
         (62, "male"), "2012-05-06", "2014-07-08"),
        ("The injured worker (IW) is a 60 year old man with a DOI of 07/07/1997. A previous determination "
         "dated 8/8/2014 non-certified acupuncture. He was seen on 9/1/2014.", (60, "male"), "1997-07-07", "2014-08-08"),
        ("The applicant is a 52-year-old female who sustained an industrial injury on 04-05-2012. On 10/10/2013, "
         "the claims administrator denied a request for Norco.", (52, "female"), "2012-04-05", "2013-10-10"),
        ("The applicant is a 52 yo woman. Date of injury 4/5/2012. The request was denied on 10/10/2013 by the "
         "claims administrator. She was seen on 11/1/2013.", (52, "female"), "2012-04-05", "2013-10-10"),
        ("The applicant is a 52 yo woman injured on 4/5/2012. On 10/10/2013, the claims administrator received "
         "the request.", (52, "female"), "2012-04-05", None),
        ("52yo F with DOI 4/5/2012. Prior UR 10/10/13 non-certified.", (52, "female"), "2012-04-05", "2013-10-10"),
        ("47 y/o M, DOI 4/5/2012, seen by M.D. Lee. Prior UR 10/10/13 non-certified.", (47, "male"), "2012-04-05",
         "2013-10-10"),
        ("This is a 52 year old female with a date of injury of 4.5.2012. The UR of 10.10.2013 denied it.",
         (52, "female"), "2012-04-05", "2013-10-10"),
        ("The patient is a 46 year old male with D.O.I. 11/11/2011. The utilization review dated 12/12/2014 "
         "denied it.", (46, "male"), "2011-11-11", "2014-12-12"),
        ("The patient is a 45 year old male injured on 3/3/2012. A prior UR on 2/2/2014 certified Norco. The "
         "current UR dated 11/12/2014 modified the request.", (45, "male"), "2012-03-03", "2014-11-12"),
        ("A 50-year-old female was involved in a motor vehicle accident at work on 01/02/2012. UR dated 11/12/2014 "
         "denied it.", (50, "female"), "2012-01-02", "2014-11-12"),
        ("On 1/2/2012 the patient, a 50 year old man, had a work-related accident. A prior car accident on 3/3/2008 "
         "left no injury. UR dated 11/12/2014 denied it.", (50, "male"), "2012-01-02", "2014-11-12"),
        ("The patient is a 45 year old male injured on 3/3/2012. A utilization review on 2/2/2014 approved "
         "therapy. The UR non-certification of 11/12/2014 is disputed.", (45, "male"), "2012-03-03", "2014-11-12"),
    ],
)
def test_summary_sentence_forms(summary, patient, injury, ur_date):
    """Two-digit years of the review read after the injury, whatever the summary's full dates."""
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        summary,
        ITEM.format(heading="MRI: Upheld", why="No."),
    )
    assert (out["patient"]["age"], out["patient"]["sex"]) == patient
    assert (out["injury"]["date"], out["ur_decision_date"]) == (injury, ur_date)


@pytest.mark.parametrize("footer_after", [None, 14])
def test_numbered_items_in_both_forms_with_rationales_only(footer_after):
    out = letter(
        "The expert reviewer is Board Certified in Psychiatry and is licensed to practice in California.",
        "The patient is a 39 year old female who was injured on 4/5/2012. Utilization Review on 6/7/2014 denied it."
        "\n\nDOCUMENTS REVIEWED\n\nUtilization review determination, 6/7/2014. Progress report, 5/1/2014.",
        "1. Urine drug screen is not medically necessary and appropriate.\n\nDecision rationale: Not indicated here.\n\n"
        "2. Psychotherapy, six sessions, is medically necessary and appropriate.\n\nDecision rationale: Indicated here.\n\n"
        "3) Xanax 0.5mg #60: Upheld\n\nDecision rationale: Benzodiazepines are not recommended.\n",
        heading="IMR DECISION(S) AND RATIONALE(S)",
        footer_after=footer_after,
    )
    assert [(i["request"], i["decision"], i["quantity"], i["rationale"]) for i in out["items"]] == [
        ("Urine drug screen", "upheld", None, "Not indicated here."),
        ("Psychotherapy, six sessions", "overturned", 6, "Indicated here."),
        ("Xanax 0.5mg #60", "upheld", 60, "Benzodiazepines are not recommended."),
    ]
    assert out["clinical_case_summary"].endswith("Utilization Review on 6/7/2014 denied it.")
    assert out["ur_decision_date"] == "2014-06-07"


@pytest.mark.parametrize("form", [{}, {"wrapped": True}, {"footer_after": 20}], ids=["plain", "wrapped", "export"])
def test_items_lettered_a_b_keep_their_letter_out_of_the_request(form):
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "The patient is a 52 year old female injured on 4/5/2011. UR dated 6/7/2015 denied the request.",
        ITEM.format(heading="A. Norco 10/325 mg, #60: Upheld", why="No.")
        + ITEM.format(heading="B) MRI of the lumbar spine: Overturned", why="Yes."),
        **form,
    )
    assert [(i["request"], i["decision"], i["quantity"]) for i in out["items"]] == [
        ("Norco 10/325 mg, #60", "upheld", 60),
        ("MRI of the lumbar spine", "overturned", None),
    ]


def test_a_capital_and_a_dot_out_of_the_items_lettering_start_the_request():
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "The patient is a 52 year old female injured on 4/5/2011. UR dated 6/7/2015 denied the request.",
        ITEM.format(heading="C. diff toxin assay: Upheld", why="No.") + ITEM.format(heading="A. Nerve conduction study: Upheld", why="No."),
    )
    assert [i["request"] for i in out["items"]] == ["C. diff toxin assay", "A. Nerve conduction study"]


def test_sex_from_pronouns_not_from_reviewer_boilerplate():
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "This 50 year old claimant slipped at work on 2/3/2015. She reports pain; her physician "
        "recommended therapy and she agreed.",
        ITEM.format(heading="Physical therapy: Upheld", why="No."),
    )
    assert out["patient"] == {"age": 50, "sex": "female"}


def test_unknown_sex_and_missing_ur_date_warn():
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "This 50 year old claimant was injured on 2/3/2015. The claimant reports pain.",
        ITEM.format(heading="Physical therapy: Upheld", why="No."),
    )
    assert out["patient"]["sex"] is None
    assert out["ur_decision_date"] is None
    fields = {w["field"] for w in out["warnings"]}
    assert {"patient.sex", "ur_decision_date"} <= fields


def test_item_heading_without_decision_is_kept_and_warned():
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "This 50 year old man was injured on 2/3/2015.",
        "Physical therapy for the knee\n\nClaims Administrator guideline: MTUS.\n\n"
        "MAXIMUS guideline: ODG.\n\nDecision rationale: Something.\n",
    )
    assert out["items"][0]["request"] == "Physical therapy for the knee"
    assert out["items"][0]["decision"] is None
    assert out["final_determination"] is None
    assert any(w["field"] == "items.0.decision" for w in out["warnings"])


def test_not_a_letter_extracts_with_warnings():
    out = extract_text("Dear friend, thanks for lunch.").as_dict()
    assert out["items"] == [] and out["patient"]["age"] is None
    assert {"items", "patient.age", "reviewer.licensure_states", None} <= {w["field"] for w in out["warnings"]}


def test_final_determination_rules():
    def final(*decisions):
        return expected_final_determination([{"decision": d} for d in decisions])

    assert final("upheld", "upheld") == "upheld"
    assert final("overturned") == "overturned"
    assert final("upheld", "overturned") == "partially overturned"
    assert final("upheld", None) is None
    assert final() is None


@pytest.mark.parametrize("footer_after", [None, 12])
@pytest.mark.parametrize(
    ("heading", "wanted", "decision"),
    [
        ("Request for 12 sessions of physical therapy is upheld.", "Request for 12 sessions of physical therapy", "upheld"),
        ("The request for Norco 10/325mg #90 was Overturned.", "Norco 10/325mg #90", "overturned"),
        ("Norco 10/325mg, #90 \u2014 Overturned", "Norco 10/325mg, #90", "overturned"),
        ("Norco 10/325mg #90\n\nDecision: Upheld", "Norco 10/325mg #90", "upheld"),
        ("Norco 10/325mg #90\n\nIMR Determination: overturned", "Norco 10/325mg #90", "overturned"),
        ("Norco 10/325mg #90: Not medically necessary", "Norco 10/325mg #90", "upheld"),
        ("Lumbar MRI: Medically necessary and appropriate.", "Lumbar MRI", "overturned"),
        ("Norco 10/325mg #90 (Upheld)", "Norco 10/325mg #90", "upheld"),
        ("Norco 10/325mg #90 | Overturned", "Norco 10/325mg #90", "overturned"),
        ("Disputed Item: Norco 10/325mg #90 \u2014 Decision: Upheld", "Norco 10/325mg #90", "upheld"),
        ("Request: Norco 10/325mg #90\n\nDecision: Overturned", "Norco 10/325mg #90", "overturned"),
        ("Item 2: Norco 10/325mg #90 - Upheld", "Norco 10/325mg #90", "upheld"),
        ("Norco 10/325mg #90: The request is upheld", "Norco 10/325mg #90", "upheld"),
        ("Norco 10/325mg #90 - this request is Overturned.", "Norco 10/325mg #90", "overturned"),
    ],
)
def test_decision_forms_of_other_letters(heading, wanted, decision, footer_after):
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "This 45 year old male was injured on 4/5/2012. UR denied on 5/5/2014.",
        ITEM.format(heading="MRI lumbar spine: Overturned", why="The rationale ends as one: the decision is upheld.")
        + ITEM.format(heading=heading, why="Not indicated."),
        footer_after=footer_after,
    )
    assert [(i["request"], i["decision"]) for i in out["items"]] == [("MRI lumbar spine", "overturned"), (wanted, decision)]
    assert out["items"][0]["rationale"] == "The rationale ends as one: the decision is upheld."
    assert not out["warnings"]


def test_decision_label_on_the_line_after_a_hard_wrapped_heading():
    cred = "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah."
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n" + BOILER.format(cred=cred) + "\nCLINICAL CASE SUMMARY\n"
        "This 45 year old male was injured on 4/5/2012. UR denied on 5/5/2014.\nIMR ISSUES, DECISIONS AND RATIONALES\n"
        "Norco 10/325mg #90\nDecision: Upheld\nDecision rationale: Not indicated for this patient because the records\n"
        "do not show functional improvement with the medication.\nMRI of the lumbar spine\nDecision: Overturned\n"
        "Decision rationale: Indicated.\n"
    )
    out = extract_text(read_bytes(text.encode(), "txt").text).as_dict()
    assert [(i["request"], i["decision"]) for i in out["items"]] == [
        ("Norco 10/325mg #90", "upheld"), ("MRI of the lumbar spine", "overturned"),
    ]
    assert span_problems(out) == []


def test_a_heading_without_its_decision_takes_the_one_its_rationale_concludes_with():
    out = letter(
        "The expert reviewer is Board Certified in Anesthesiology and is licensed to practice in California.",
        "The patient is a 50 year old woman injured on 3/2/2012. The utilization review of 4/4/2014 denied Norco.",
        ITEM.format(heading="Norco 10/325mg #90", why="No improvement. Therefore, the request for Norco is not medically necessary.")
        + ITEM.format(heading="Lumbar MRI", why="Red flags are documented; the MRI was medically necessary here. It is indicated."),
    )
    first, second = out["items"]
    assert (first["request"], first["decision"]) == ("Norco 10/325mg #90", "upheld")
    start, end = out["spans"]["items.0.decision"]
    assert out["text"][start:end] == "is not medically necessary"
    assert (second["request"], second["decision"]) == ("Lumbar MRI", "overturned")
    assert [w["message"] for w in out["warnings"] if w["field"] == "items.0.decision"] == [
        "decision taken from the rationale's conclusion; the heading states none"
    ]


def test_sex_from_an_object_pronoun_when_the_summary_names_no_sex():
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "The patient is a 45-year-old who fell on 1/2/2011. The patient's wife drives him to appointments.",
        ITEM.format(heading="Norco 10/325mg #90: Upheld", why="No."),
    )
    assert out["patient"] == {"age": 45, "sex": "male"}
    start, end = out["spans"]["patient.sex"]
    assert out["text"][start:end] == "him"


DENIAL_WARNING = "date taken from a denial the summary tells of; no sentence names the Utilization Review"


@pytest.mark.parametrize(
    ("sentence", "ur_date", "warned"),
    [
        ("The requested Norco was denied by the carrier on 10/10/2013.", "2013-10-10", True),
        ("This is a review of the denial dated 10/10/2013.", "2013-10-10", True),
        ("On 9/1/2013 the physician requested Norco. On 10/10/2013 the request was denied.", "2013-10-10", True),
        ("An adverse determination was issued on 10/10/2013.", "2013-10-10", True),
        ("The request for authorization dated 9/1/2013 was denied in a letter dated 10/10/2013.", "2013-10-10", True),
        ("Utilization review non-certified the request for authorization dated 9/1/2013 on 10/10/2013.", "2013-10-10", False),
        ("The IMR application dated 10/20/2013 disputes the UR decision dated 10/10/2013.", "2013-10-10", False),
        ("The patient denied any new injury on 5/5/2013. A request for Norco was made on 9/1/2013.", None, False),
        ("He has back pain. The denial was dated 10/10/2013.", "2013-10-10", True),
        ("The request was partially certified on 10/10/2013.", "2013-10-10", True),
        ("A request for Norco was submitted on 9/1/2013 and was denied on 10/10/2013.", "2013-10-10", True),
        ("The progress report of 9/1/2013 requested Norco, denied by UR of 10/10/2013.", "2013-10-10", False),
    ],
)
def test_ur_date_of_a_denial_told_without_naming_the_review(sentence, ur_date, warned):
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "The patient is a 45 year old male injured on 3/2/2010. " + sentence,
        ITEM.format(heading="Norco 10/325mg #90: Upheld", why="No."),
    )
    assert out["ur_decision_date"] == ur_date
    messages = [w["message"] for w in out["warnings"] if w["field"] == "ur_decision_date"]
    assert (DENIAL_WARNING in messages) is warned


def test_a_cover_header_whose_labels_stand_without_colons():
    header = (
        "Case Number CM16-0237844 Date Assigned 12/14/2016\n\nDate of Injury 10/20/2016 Decision Date 01/12/2017\n\n"
        "UR Denial Date 12/05/2016 Priority Standard\n\nApplication Received 12/12/2016\n\n"
    )
    text = header + (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n\nThe expert reviewer is Board Certified in Neurology and is "
        "licensed to practice in Utah.\n\nCLINICAL CASE SUMMARY\n\nThe patient is a 45 year old male injured on "
        "10/20/2016.\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\nNorco #90: Upheld\n\nDecision rationale: No.\n"
    )
    out = extract_text(read_bytes(text.encode(), "txt").text).as_dict()
    assert span_problems(out) == []
    assert out["case"] == {
        "case_number": "CM16-0237844", "date_assigned": "2016-12-14", "date_of_injury": "2016-10-20",
        "decision_date": "2017-01-12", "ur_denial_date": "2016-12-05", "priority": "Standard",
        "application_received": "2016-12-12", "claim_number": None, "employee_name": None,
    }
    assert not [w for w in out["warnings"] if (w["field"] or "").startswith("case.")]


_BODY = (
    "HOW THE IMR FINAL DETERMINATION WAS MADE\n\nThe expert reviewer is Board Certified in Neurology and is "
    "licensed to practice in Utah.\n\nCLINICAL CASE SUMMARY\n\nThe patient is a 45 year old male injured on "
    "10/20/2016.\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\nNorco #90: Upheld\n\nDecision rationale: No.\n"
)
_CASE = {
    "case_number": "CM16-0237844", "date_assigned": "2016-12-14", "date_of_injury": "2016-10-20",
    "decision_date": "2017-01-12", "ur_denial_date": "2016-12-05", "priority": "Standard",
    "application_received": "2016-12-12", "claim_number": None, "employee_name": None,
}


@pytest.mark.parametrize(
    "header",
    [
        # The cover table read column by column: labels stacked above their values, in order.
        "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM16-0237844\n12/14/2016\n01/12/2017\nStandard\n\n"
        "Date of Injury:\nUR Denial Date:\nApplication\nReceived:\n\n10/20/2016\n12/05/2016\n12/12/2016\n\n",
        # Two columns, the last label wrapped around its value.
        "Case Number:          CM16-0237844\nDate Assigned:        12/14/2016             Date of Injury:      10/20/2016\n"
        "Decision Date:        01/12/2017             UR Denial Date:      12/05/2016\n"
        "Priority:             Standard               Application          12/12/2016\n"
        "                                             Received:\n\n",
    ],
    ids=["read-down-columns", "two-columns"],
)
def test_a_cover_header_as_text_tools_write_its_table(header):
    out = extract_text(read_bytes((header + _BODY).encode(), "txt").text).as_dict()
    assert span_problems(out) == []
    assert out["case"] == _CASE
    assert not [w for w in out["warnings"] if (w["field"] or "").startswith("case.")]


def test_a_header_label_without_its_value_takes_no_other_labels_words():
    header = "Case Number: CM16-0237844\n\nPriority:\n\nDate Assigned: 12/14/2016\n\n"
    out = extract_text(read_bytes((header + _BODY).encode(), "txt").text).as_dict()
    assert (out["case"]["priority"], out["case"]["date_assigned"]) == (None, "2016-12-14")


def test_a_stray_decision_after_the_last_rationale_is_an_item_with_a_span():
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "The patient is a 45 year old male injured on 3/2/2012.",
        ITEM.format(heading="Norco 10/325mg #90: Upheld", why="No.") + "Upheld\n",
    )
    stray = out["items"][1]
    assert (stray["request"], stray["decision"]) == (None, "upheld")
    assert "items.1.request" in {w["field"] for w in out["warnings"]}


@pytest.mark.parametrize(
    ("summary", "patient"),
    [
        ("According to the records, the patient's 70-year-old mother drives her. The patient is a 45-year-old female "
         "injured on 3/3/2010.", (45, "female")),
        ("The patient was injured on 3/3/2010 at age 40. She is now 45 years old.", (45, "female")),
        ("A 2-year-old MRI showed a tear. The patient is a 45 year old man injured on 3/3/2010.", (45, "male")),
        ("This 45-year-old female has a 20-year history of smoking. She was injured on 3/3/2010.", (45, "female")),
    ],
)
def test_the_age_is_the_patients_own_now(summary, patient):
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        summary,
        ITEM.format(heading="Norco 10/325mg #90: Upheld", why="No."),
    )
    assert (out["patient"]["age"], out["patient"]["sex"]) == patient


def test_section_headings_a_text_tool_ran_into_the_sentence_before():
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n\n" + BOILER.format(cred="The reviewer is Board Certified in "
        "Neurology and is licensed to practice in Utah.") + " CLINICAL CASE SUMMARY The expert reviewer developed the "
        "following clinical case summary based on a review of the case file, including all medical records: The "
        "patient is a 45 year old female injured on 3/2/2012. The utilization review dated 1/5/2014 non-certified "
        "the request. IMR ISSUES, DECISIONS AND RATIONALES The Final Determination was based on decisions for the "
        "disputed items/services set forth below:\n\n" + ITEM.format(heading="Norco 10/325mg #90: Upheld", why="No.")
    )
    out = extract_text(read_bytes(text.encode(), "txt").text).as_dict()
    assert span_problems(out) == []
    assert out["clinical_case_summary"].startswith("The patient is a 45 year old female")
    assert out["clinical_case_summary"].endswith("non-certified the request.")
    assert (out["patient"]["age"], out["injury"]["date"], out["ur_decision_date"]) == (45, "2012-03-02", "2014-01-05")
    assert [(i["request"], i["decision"]) for i in out["items"]] == [("Norco 10/325mg #90", "upheld")]
    assert out["reviewer"]["specialties"] == ["Neurology"]


@pytest.mark.parametrize("footer_after", [None, 4])
def test_a_letter_without_section_headings_still_gives_its_fields(footer_after):
    text = (
        "Dear Mr. Doe,\n\nMAXIMUS Federal Services sent the complete case file to an expert reviewer. The expert "
        "reviewer is Board Certified in Orthopaedic Surgery and is licensed to practice in California and Nevada.\n\n"
        "The patient is a 52 year old woman who was injured on 3/14/2011 when she slipped at work. She has low back "
        "pain. The utilization review dated 12/02/2014 non-certified the request.\n\n"
        + ITEM.format(heading="Norco 10/325mg #90: Upheld", why="There is no documented functional improvement.")
    )
    if footer_after is not None:
        text = as_export(text, footer_after=footer_after)
    out = extract_text(read_bytes(text.encode(), "txt").text).as_dict()
    assert span_problems(out) == []
    assert out["reviewer"] == {"licensure_states": ["California", "Nevada"], "specialties": ["Orthopaedic Surgery"]}
    assert out["clinical_case_summary"].startswith("The patient is a 52 year old woman")
    assert out["clinical_case_summary"].endswith("non-certified the request.")
    assert (out["patient"], out["injury"]["date"], out["ur_decision_date"]) == (
        {"age": 52, "sex": "female"}, "2011-03-14", "2014-12-02"
    )
    assert [(i["request"], i["decision"], i["maximus_guideline"]) for i in out["items"]] == [
        ("Norco 10/325mg #90", "upheld", "Decision based on ODG.")
    ]
    assert "the letter has no clinical case summary section heading" in {w["message"] for w in out["warnings"]}


@pytest.mark.parametrize("layout", ["export", "blank lines"])
@pytest.mark.parametrize("heading", ["Gym membership: Upheld", "Gym membership - Overturned.", "GYM MEMBERSHIP:  UPHELD"])
def test_an_item_heading_on_the_line_after_a_rationales_last_sentence(layout, heading):
    """No blank line between a rationale's end and the next item's heading, as text taken
    out of a PDF may read."""
    why = (
        "Therapy is supported for the diagnosis. Twelve visits for the hand was the original request. Ten were authorized.\n"
        "The remaining two visits are not medically necessary."
    )
    items = ITEM.format(heading="Norco 10/325mg #90: Upheld", why=why)
    items = items.rstrip("\n") + "\n" + ITEM.format(heading=heading, why="Not supported by the guidelines.")
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n\n" + BOILER.format(cred="The expert reviewer is Board Certified in "
        "Neurology and is licensed to practice in Utah.") + "\n\nCLINICAL CASE SUMMARY\n\nThe patient is a 52 year old "
        "female injured on 4/5/2011. UR dated 6/7/2015 denied the request.\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\n" + items
    )
    raw = as_export(text, keep_lines=True) if layout == "export" else text
    out = extract_text(read_bytes(raw.encode(), "txt").text).as_dict()
    assert [(i["request"], i["decision"]) for i in out["items"]] == [
        ("Norco 10/325mg #90", "upheld"),
        ("GYM MEMBERSHIP" if heading.isupper() else "Gym membership", "upheld" if "pheld" in heading.lower() else "overturned"),
    ]
    assert out["items"][0]["rationale"] == why.replace("\n", " ")
    assert span_problems(out) == []


_LIST_AHEAD_ITEMS = (
    ITEM.format(heading="Norco 10/325mg #90: Upheld", why="Opioids need documented functional gains. " * 4)
    + ITEM.format(heading="MRI of the lumbar spine: Overturned", why="Red flags are documented on examination. " * 4)
)


@pytest.mark.parametrize("footer_after", [None, 20])
def test_a_list_of_the_decisions_ahead_of_the_items_adds_no_items(footer_after):
    out = letter(
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "The patient is a 52 year old female injured on 5/12/2008. UR dated 10/10/2016 denied the request.",
        "Norco 10/325mg #90: Upheld\n\nMRI of the lumbar spine: Overturned\n\n" + _LIST_AHEAD_ITEMS,
        footer_after=footer_after,
    )
    assert [(i["request"], i["decision"], bool(i["rationale"])) for i in out["items"]] == [
        ("Norco 10/325mg #90", "upheld", True),
        ("MRI of the lumbar spine", "overturned", True),
    ]
    assert not [w for w in out["warnings"] if (w["field"] or "").startswith("items")]


def test_a_table_of_the_decisions_ahead_of_the_items_in_a_word_letter_adds_no_items():
    document = docx.Document()
    summary = "The patient is a 52 year old female injured on 5/12/2008. UR dated 10/10/2016 denied it. " * 3
    for paragraph in (
        "HOW THE IMR FINAL DETERMINATION WAS MADE",
        "The expert reviewer is Board Certified in Neurology and is licensed to practice in Utah.",
        "CLINICAL CASE SUMMARY", summary, "IMR ISSUES, DECISIONS AND RATIONALES",
    ):
        document.add_paragraph(paragraph)
    table = document.add_table(rows=2, cols=2)
    for row, (request, decision) in enumerate((("Norco 10/325mg #90", "Upheld"), ("MRI of the lumbar spine", "Overturned"))):
        table.cell(row, 0).text, table.cell(row, 1).text = request, decision
    for paragraph in _LIST_AHEAD_ITEMS.split("\n\n"):
        document.add_paragraph(paragraph)
    data = io.BytesIO()
    document.save(data)
    out = extract_text(read_bytes(data.getvalue(), "docx").text).as_dict()
    assert span_problems(out) == []
    assert [(i["request"], i["decision"], bool(i["rationale"])) for i in out["items"]] == [
        ("Norco 10/325mg #90", "upheld", True),
        ("MRI of the lumbar spine", "overturned", True),
    ]


_PARTLY = (
    "Post-operative physical therapy 3 times a week for 4 weeks for the right shoulder was the original request. "
    "Post-operative physical therapy 2 times a week for 4 weeks for the right shoulder was authorized by the Claims "
    "Administrator. The remaining IMR eligible portion of the original request, Post-operative physical therapy 1 time "
    "a week for 4 weeks for the right shoulder is: Upheld"
)


def _partly_certified_second(raw: str) -> list[tuple]:
    out = extract_text(read_bytes(raw.encode(), "txt").text).as_dict()
    assert span_problems(out) == []
    return [(i["request"], i["decision"], i["quantity"], i.get("original_request"), i["rationale"]) for i in out["items"]]


_PARTLY_WANTED = [
    ("Norco 10/325mg #90", "upheld", 90, None, "Opioids need documented functional gains."),
    (
        "Post-operative physical therapy 1 time a week for 4 weeks for the right shoulder", "upheld", 4,
        "Post-operative physical therapy 3 times a week for 4 weeks for the right shoulder", "Eight visits were authorized.",
    ),
]


def _partly_letter() -> str:
    return (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n\n" + BOILER.format(cred="The expert reviewer is Board Certified in "
        "Neurology and is licensed to practice in Utah.") + "\n\nCLINICAL CASE SUMMARY\n\nThe patient is a 52 year old "
        "female injured on 4/5/2011. " + "She has neck pain and takes Norco. " * 30
        + "UR dated 6/7/2015 denied the request.\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\n"
        + ITEM.format(heading="Norco 10/325mg #90: Upheld", why="Opioids need documented functional gains.")
        + ITEM.format(heading=_PARTLY, why="Eight visits were authorized.")
    )


def test_a_partly_certified_heading_after_a_rationale_in_a_letter_that_lost_its_line_breaks():
    assert _partly_certified_second(" ".join(_partly_letter().split())) == _PARTLY_WANTED


def test_a_page_break_inside_a_partly_certified_heading_of_single_spaced_lines_keeps_it_whole():
    export = as_export(_partly_letter())
    lines = export.split(" \n\n")
    first = next(k for k, line in enumerate(lines) if line.startswith("Post-operative"))
    last = next(k for k, line in enumerate(lines) if line.endswith("is: Upheld"))
    printed = [k for k, line in enumerate(lines) if line]  # as_export counts printed lines only
    for after in range(printed.index(first) + 1, printed.index(last) + 1):
        single_spaced = as_export(_partly_letter(), footer_after=after).replace(" \n\n", "\n")
        assert _partly_certified_second(single_spaced) == _PARTLY_WANTED, after


@pytest.mark.parametrize("width", range(46, 131, 6))
@pytest.mark.parametrize("export", [False, True], ids=["lines", "export"])
def test_a_partly_certified_heading_in_the_lines_a_pdf_text_tool_gives(width, export):
    """No paragraph marks, as is or in the export layout: where a line breaks, the rationale
    before runs into the heading, and the heading's own sentences may end lines."""
    lines = hard_wrapped(_partly_letter(), width=width).split("\n")
    raw = "".join(f"{line} \n\n" for line in lines) if export else "\n".join(lines)
    assert _partly_certified_second(raw) == _PARTLY_WANTED


@pytest.mark.parametrize("width", range(50, 131, 8))
def test_a_long_heading_in_the_lines_a_pdf_text_tool_gives_in_the_export_layout(width):
    heading = "Retrospective request for Toradol 60mg intramuscular injection given at the office visit of 5/1/2015: Upheld"
    text = _partly_letter().replace(_PARTLY, heading)
    lines = hard_wrapped(text, width=width).split("\n")
    out = extract_text(read_bytes("".join(f"{line} \n\n" for line in lines).encode(), "txt").text).as_dict()
    assert [(i["request"], i["decision"], i["retrospective"], i["rationale"]) for i in out["items"]] == [
        ("Norco 10/325mg #90", "upheld", False, "Opioids need documented functional gains."),
        (heading.removesuffix(": Upheld"), "upheld", True, "Eight visits were authorized."),
    ]


@pytest.mark.parametrize("width", range(50, 131, 16))
@pytest.mark.parametrize("export", [False, True], ids=["lines", "export"])
def test_a_heading_opening_with_a_count_after_a_rationale_with_no_full_stop_stays_apart(width, export):
    text = _partly_letter().replace("Opioids need documented functional gains.", "Opioids need gains; see ODG, Pain chapter").replace(
        _PARTLY, "12 sessions of physical therapy: Upheld"
    )
    lines = hard_wrapped(text, width=width).split("\n")
    raw = "".join(f"{line} \n\n" for line in lines) if export else "\n".join(lines)
    out = extract_text(read_bytes(raw.encode(), "txt").text).as_dict()
    assert [(i["request"], i["quantity"], i["rationale"]) for i in out["items"]] == [
        ("Norco 10/325mg #90", 90, "Opioids need gains; see ODG, Pain chapter"),
        ("12 sessions of physical therapy", 12, "Eight visits were authorized."),
    ]
