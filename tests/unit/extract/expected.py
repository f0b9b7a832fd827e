"""Hand-checked fields of every sample letter (bundled text bodies and real PDFs).

Per letter: states, specialties, (age, sex), (injury date, end date), UR date, final
determination, case number (None without the cover header) and items as
(request, decision, quantity, retrospective).
"""

from __future__ import annotations

U, O = "upheld", "overturned"

TEXT_LETTERS = {
    "000_c9487fd7d3241e39.txt": dict(
        states=["Iowa", "Illinois", "Hawaii"],
        specialties=["Preventive Medicine", "Occupational Medicine", "Public Health & Gen Prev Med"],
        patient=(54, "male"), injury=("2005-12-06", None), ur="2013-10-28", final=U, case=None,
        items=[("RETROSPECTIVE REQUEST FOR FEXMID 7.5 MG, #120", U, 120, True)],
    ),
    "001_2f955240b14c55b5.txt": dict(
        states=["California"], specialties=["Preventive Medicine", "Occupational Medicine"],
        patient=(60, "female"), injury=("2004-08-24", None), ur="2014-12-08", final=U, case=None,
        items=[("Cyclobenzaprine 7.5mg QTY: 60.00", U, 60, False)],
    ),
    "002_4c5777553f12bddd.txt": dict(
        states=["Florida"], specialties=["Internal Medicine", "Emergency Medicine"],
        patient=(53, "female"), injury=("2008-05-12", None), ur="2013-10-10", final="partially overturned",
        case=None,
        items=[
            ("NORCO 10/325 MG #180", U, 180, False),
            ("FEXMID 7.5 MG #30", U, 30, False),
            ("PERMANENT IMPLANTATION OF LUMBAR SPINAL CORD STIMULATOR (SCS)", O, None, False),
        ],
    ),
    "003_d10753cbb80713e0.txt": dict(
        states=["California"], specialties=["Family Practice"],
        patient=(60, "female"), injury=("1979-08-06", "2008-02-27"), ur=None, final=U, case=None,
        items=[
            ("Fexmid (Cyclobenzaprine 7.5mg) one PO BID #60", U, 60, False),
            ("Home Health Assistance", U, None, False),
        ],
    ),
    "004_8aa5183601f98bf9.txt": dict(
        states=["New Jersey", "Michigan", "California"], specialties=["Neurology", "Neuromuscular Medicine"],
        patient=(51, "female"), injury=("2009-04-17", None), ur="2014-12-16", final=U, case=None,
        items=[
            ("(Retro) Flexeril 7.5mg # 180", U, 180, True),
            ("(Retro) Protonix 20mg # 120", U, 120, True),
            ("(Retro) Norco 2.5mg # 120", U, 120, True),
        ],
    ),
}

_PT_CHIRO = "Chiropractic spinal manipulation times 6"
REAL_LETTERS = {
    "CM16-0237844.pdf": dict(
        states=["California", "Texas", "Florida"],
        specialties=["Anesthesiology", "Pain Management", "Hospice & Palliative Medicine"],
        patient=(51, "female"), injury=("2016-10-20", None), ur="2016-12-05", final=U, case="CM16-0237844",
        items=[("Additional physical therapy two times four visits (8) for the lumbar and bilateral knees", U, 8, False)],
    ),
    "CM16-0239569.pdf": dict(
        states=["Missouri"], specialties=["Chiropractor"],
        patient=(58, "female"), injury=("2016-11-15", None), ur="2016-12-09", final=U, case="CM16-0239569",
        items=[
            (_PT_CHIRO, U, 6, False),
            ("Chiropractic joint manipulation times 6", U, 6, False),
            ("Electrical stimulation times 6", U, 6, False),
            ("Spinolator therapy (traction) times 6", U, 6, False),
            ("Ice/Heat pads therapy times 6", U, 6, False),
        ],
    ),
    "CM16-0245466.pdf": dict(
        states=["California"], specialties=["Physical Medicine & Rehabilitation", "Pain Management"],
        patient=(55, "female"), injury=("2016-11-02", None), ur="2016-11-23", final=U, case="CM16-0245466",
        items=[
            ("Etodolac", U, None, False), ("Lidocaine patch", U, None, False), ("Omeprazole", U, None, False),
            ("Cyclobenzaprine", U, None, False), ("Flector 1.3% transdermal patch", U, None, False),
            ("Back support", U, None, False), ("Custom touch back heat therapy pad", U, None, False),
            ("Hot/cold therapy wrap", U, None, False),
        ],
    ),
    "CM17-0002857.pdf": dict(
        states=["New York"], specialties=["Internal Medicine"],
        patient=(62, "male"), injury=("2016-12-16", None), ur="2016-12-22", final=U, case="CM17-0002857",
        items=[("Physical therapy 6 sessions 2 times a week for 3 weeks to the lumbar and cervical spine", U, 6, False)],
    ),
    "CM17-0008479.pdf": dict(
        states=["Florida", "California"], specialties=["Preventive Medicine", "Occupational Medicine"],
        patient=(47, "male"), injury=("2016-10-18", None), ur="2016-12-19", final=U, case="CM17-0008479",
        items=[
            ("MRI (magnetic resonance imaging) of the cervical spine", U, None, False),
            ("Twelve infrared acupuncture visits, 2 times weekly for 6 weeks", U, 12, False),
            ("Twelve manual acupuncture visits (15 mins), 2 times weekly for 6 weeks", U, 12, False),
            ("Twelve elect acupuncture visits (15 mins), 2 times weekly for 6 weeks", U, 12, False),
            ("Twelve acupuncture visits with Capsaicin patch, 2 times weekly for 6 weeks", U, 12, False),
            ("Extracorporeal shockwave therapy (ESWT)", U, None, False),
            ("Trigger points impedance imaging (TPII)", U, None, False),
            ("Localized intense neurostimulation therapy [following TPII]", U, None, False),
        ],
    ),
    "CM17-0009574.pdf": dict(
        states=["California"], specialties=["Preventive Medicine", "Occupational Medicine"],
        patient=(58, "male"), injury=("2016-11-22", None), ur="2016-12-19", final=O, case="CM17-0009574",
        items=[("MRI of the left knee without contrast", O, None, False)],
    ),
    "CM17-0010365.pdf": dict(
        states=["California"], specialties=["Physical Medicine & Rehabilitation", "Pain Management"],
        patient=(51, "male"), injury=("2016-11-08", None), ur="2017-01-05", final=O, case="CM17-0010365",
        items=[("Physical therapy three times a week for two weeks for the cervical, thoracic, and lumbar", O, 6, False)],
    ),
    "CM17-0013754.pdf": dict(
        states=["Pennsylvania"], specialties=["Family Practice"],
        patient=(45, "male"), injury=("2016-11-02", None), ur="2016-12-20", final=U, case="CM17-0013754",
        items=[("2 sessions of physical therapy", U, 2, False)],
    ),
    "CM17-0014320.pdf": dict(
        states=["California"], specialties=["Internal Medicine"],
        patient=(44, "female"), injury=("2016-11-04", None), ur="2017-01-13", final=U, case="CM17-0014320",
        items=[
            ("three physical therapy visits for the right shoulder", U, 3, False),
            ("Twelve physical therapy visits for the Cervical Spine", U, 12, False),
        ],
    ),
    "CM17-0015218.pdf": dict(
        states=["California"], specialties=["Orthopedic Surgery", "Hand Surgery", "Sports Medicine"],
        patient=(34, "male"), injury=("2016-12-13", None), ur="2017-01-13", final=O, case="CM17-0015218",
        items=[("with open carpal tunnel release", O, None, True)],
    ),
    "CM17-0015849.pdf": dict(
        states=["North Carolina"], specialties=["Family Practice"],
        patient=(47, "female"), injury=("2016-10-14", None), ur="2016-12-29", final=U, case="CM17-0015849",
        items=[("Physical therapy treatments for the left shoulder wrist and hip", U, None, False)],
    ),
    "CM17-0016761.pdf": dict(
        states=["Iowa", "Montana", "California"],
        specialties=["Preventive Medicine", "Occupational Medicine", "Public Health & General Preventive Medicine"],
        patient=(48, "male"), injury=("2016-10-22", None), ur="2017-01-19", final=U, case="CM17-0016761",
        items=[
            ("Two physical therapy visits for the left hand/finger", U, 2, False),
            ("Gym membership", U, None, False),
        ],
    ),
}


def summary_of(letter: dict) -> dict:
    """The extracted letter reduced to the shape of the tables above."""
    case = letter["case"]
    return dict(
        states=letter["reviewer"]["licensure_states"],
        specialties=letter["reviewer"]["specialties"],
        patient=(letter["patient"]["age"], letter["patient"]["sex"]),
        injury=(letter["injury"]["date"], letter["injury"]["end_date"]),
        ur=letter["ur_decision_date"],
        final=letter["final_determination"],
        case=case["case_number"] if case else None,
        items=[(i["request"], i["decision"], i["quantity"], i["retrospective"]) for i in letter["items"]],
    )
