"""Real sentences from the seeds, one per line, and the references a person reads
in them (in the style of eyecite's citation tables).

Each sentence is copied from the seed named in its comment; each expected tuple
was written by reading the sentence, not by running the code:
(kind, words as written, target document, paragraph numbers, direction).
"""

from __future__ import annotations

import pytest

from tests.conftest import annotated_sentence

SENTENCES = [
    # seed 000, paragraph 3
    (
        "The CWS also established the ICT Strategy for Standards Task Force to work on Task No. 58 and designated "
        "the International Bureau as the Task Force leader (See paragraphs 17 to 24 of document CWS/6/34).",
        [("paragraph", "paragraphs 17 to 24 of document CWS/6/34", "CWS/6/34", list(range(17, 25)), None)],
    ),
    # seed 000, paragraph 4
    (
        "The CWS noted that the Task Force would prepare a strategic roadmap of future work of the CWS and "
        "collaboration among IP offices for consideration by the CWS at a future session (See paragraphs 19 to 21 "
        "of document CWS/7/29.)",
        [("paragraph", "paragraphs 19 to 21 of document CWS/7/29", "CWS/7/29", [19, 20, 21], None)],
    ),
    # seed 000, paragraph 9
    (
        "The CWS requested that the Secretariat issue a circular inviting its Members to comment on the draft "
        "recommendations and the Task Force to report the results of responses to the circular (see paragraphs "
        "156 to 159 of document CWS/11/28).",
        [("paragraph", "paragraphs 156 to 159 of document CWS/11/28", "CWS/11/28", [156, 157, 158, 159], None)],
    ),
    # seed 000, paragraph 9
    (
        "At its eleventh session in 2023, the CWS considered a set of draft recommendations presented by the Task "
        "Force, which was reproduced in the Annex to document CWS/11/18.",
        [("annex", "the Annex to document CWS/11/18", "CWS/11/18", [], None)],
    ),
    # seed 000, paragraph 10
    (
        "“Prepare a final proposal for a set of Recommendations based on the feedback from the CWS Members on the "
        'proposed 10 Recommendations on ICT and IP administration." (See paragraphs 70 and 71 of document '
        "CWS/11/28.)",
        [("paragraph", "paragraphs 70 and 71 of document CWS/11/28", "CWS/11/28", [70, 71], None)],
    ),
    # seed 000, paragraph 2, first bullet
    (
        "to review the Recommendations in Group 1 indicated in the Annex of document CWS/6/3, in collaboration "
        "with other relevant CWS Task Forces;",
        [("annex", "the Annex of document CWS/6/3", "CWS/6/3", [], None)],
    ),
    # seed 000, paragraph 12
    (
        "The Task Force agreed to focus on preparing a final proposal for a set of 10 recommendations on ICT and IP "
        "administration, considering the substantive feedback received in response to Circular C.CWS.180 and from "
        "input provided at Task Force meetings.",
        [("circular", "Circular C.CWS.180", "C.CWS.180", [], None)],
    ),
    # seed 000, paragraph 17
    (
        "If the CWS approves the revised description of Task No. 58 as proposed in paragraph 16 above, the Task "
        "Force will also discuss implementation of the set of Recommendations",
        [("paragraph", "paragraph 16 above", None, [16], "above")],
    ),
    # seed 000, paragraph 18 (c)
    (
        "note the work plan of the ICT Task Force as referred to in paragraphs 16 and 17 above.",
        [("paragraph", "paragraphs 16 and 17 above", None, [16, 17], "above")],
    ),
    # seed 000, paragraph 18 (a)
    ("note the content of the present document;", [("document", "the present document", None, [], None)]),
    # seed 000, paragraph 14: sessions and dates, no reference
    (
        "The Task Force met twice after the eleventh session of the CWS, in March and June 2024, with an "
        "additional meeting scheduled in August 2024.",
        [],
    ),
    # seed 001, paragraph 2 (hard-wrapped in the PDF text)
    (
        "The CWS noted the analysis of 40 Recommendations by the Secretariat and their relevancy to the activities "
        "of the CWS with three groups of Recommendations (see paragraphs 17 to 27 of document CWS/6/34).",
        [("paragraph", "paragraphs 17 to 27 of document CWS/6/34", "CWS/6/34", list(range(17, 28)), None)],
    ),
    # seed 001, paragraph 3
    (
        "surveys conducted firstly by Task Force and then also by Members of the CWS (see document CWS/11/21).",
        [("document", "document CWS/11/21", "CWS/11/21", [], None)],
    ),
    # seed 001, paragraph 6: "document" without "of"
    (
        "The CWS also requested the ICT Strategy Task Force to report the results of responses to this circular at "
        "its twelfth session (See paragraphs 158 and 159 document CWS/11/28).",
        [("paragraph", "paragraphs 158 and 159 document CWS/11/28", "CWS/11/28", [158, 159], None)],
    ),
    # seed 001, paragraph 7: another spelling of the same circular
    (
        "In response to the Circular C.CWS 180, the following Member States responded: Australia, Germany, "
        "Lithuania, Mexico, Mozambique, Nigeria, and Norway.",
        [("circular", "Circular C.CWS 180", "C.CWS.180", [], None)],
    ),
    # seed 001, paragraph 8
    (
        "the Task Force prepared a final proposal for a set of recommendations on ICT and IP administration and "
        "presents it, which is reproduced in the Annex to the present document, for consideration and adoption.",
        [("annex", "the Annex to the present document", None, [], None)],
    ),
    # seed 001, paragraph 11 (c)
    (
        "agree to report the set of recommendations to WIPO General Assembly in 2025 as proposed in paragraph 10 "
        "above; and",
        [("paragraph", "paragraph 10 above", None, [10], "above")],
    ),
    # seed 002, paragraph 19
    (
        "the Committee took note of the report by the International Bureau on activities undertaken in 2023 (see "
        "document CWS/12/25 annexed to this document), as requested by the WIPO General Assembly at its fortieth "
        "session, held in October 2011.",
        [
            ("document", "document CWS/12/25", "CWS/12/25", [], None),
            ("document", "this document", None, [], None),
        ],
    ),
    # seed 002, paragraph 21
    (
        "The WIPO General Assembly is invited to take note of the “Report on the Committee on WIPO Standards”, "
        "which includes ICT Recommendations for Intellectual Property Offices and document CWS/12/25 (document "
        "WO/GA/58/9).",
        [
            ("document", "document CWS/12/25", "CWS/12/25", [], None),
            ("document", "document WO/GA/58/9", "WO/GA/58/9", [], None),
        ],
    ),
    # seed 002, annex (CWS/12/25), paragraph 15
    (
        "This document will serve as a basis of the relevant report to be presented to the WIPO General Assembly "
        "to be held in 2025, as requested at its 40th session held in October 2011 (see paragraph 190 of document "
        "WO/GA/40/19).",
        [
            ("document", "This document", None, [], None),
            ("paragraph", "paragraph 190 of document WO/GA/40/19", "WO/GA/40/19", [190], None),
        ],
    ),
    # seed 002, paragraph 15: the Annex of this very document
    (
        "The Committee adopted the set of 10 Recommendations relating to ICT and to IP administration (see the "
        "Annex) as presented in document CWS/12/22, and agreed to present them to the WIPO General Assembly in 2025.",
        [
            ("annex", "the Annex", None, [], None),
            ("document", "document CWS/12/22", "CWS/12/22", [], None),
        ],
    ),
    # seed 003, its own symbol line: a third spelling of a circular
    ("C. CWS 151", [("circular", "C. CWS 151", "C.CWS.151", [], None)]),
    # seed 003, third paragraph, its Markdown link "[CWS/8/13](#)" read as its text, as the text reader does
    (
        "At the eighth session of the CWS, the ICT Strategy for Standards Task Force presented its progress report "
        "for consideration by the CWS, which includes the proposed prioritization of 40 Recommendations based on "
        "the results of the survey within the Task Force (see the Annex of document CWS/8/13).",
        [("annex", "the Annex of document CWS/8/13", "CWS/8/13", [], None)],
    ),
]

SESSION_SENTENCES = [
    # (sentence, [(body, relation, number, year, start date, end date)]); seed in the comment.
    # seed 000, paragraph 2
    ("At its sixth session in 2018, the CWS created the new Task No. 58 to:", [("CWS", "named", 6, 2018, None, None)]),
    # seed 002, paragraph 1
    (
        "During the reporting period, the Committee on WIPO Standards (hereinafter referred to as “the Committee”, "
        "or “the CWS”) held its twelfth session from September 16 to 19, 2024, chaired by Mr. Michael Cristiano "
        "(Australia).",
        [("CWS", "named", 12, 2024, "2024-09-16", "2024-09-19")],
    ),
    # seed 002, paragraph 4
    (
        "The Committee unanimously elected Mr. Ali Alharbi (Saudi Arabia) and Mr. Alexandre Ciancio (Brazil) as "
        "Vice-Chairs for its twelfth and thirteenth sessions, whose terms began immediately.",
        [("CWS", "named", 12, None, None, None), ("CWS", "named", 13, None, None, None)],
    ),
    # seed 002, paragraph 19 (the General Assembly's session, not the CWS's)
    (
        "as requested by the WIPO General Assembly at its fortieth session, held in October 2011.",
        [("WO/GA", "named", 40, 2011, None, None)],
    ),
    # seed 002, annex (CWS/12/25), paragraph 13
    (
        "following the decision of the General Assembly in October 2011, the participation at the eleventh session "
        "of the CWS of eight developing or least developed countries (LDCs) was funded by the International Bureau.",
        [("CWS", "named", 11, None, None, None)],
    ),
    # seed 000, paragraph 17: relative to a session the sentence does not know
    (
        "The Task Force plans to report the outcome of its discussions to the next session of the Committee.",
        [("CWS", "next", None, None, None, None)],
    ),
]


@pytest.mark.parametrize("sentence, expected", SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_references_in_real_sentences(sentence, expected):
    found = [
        (
            r.kind.value,
            r.mention.text,
            r.document,
            r.paragraphs,
            r.direction.value if r.direction else None,
        )
        for r in annotated_sentence(sentence).references
    ]
    assert found == expected


@pytest.mark.parametrize("sentence, expected", SESSION_SENTENCES, ids=[s[:40] for s, _ in SESSION_SENTENCES])
def test_sessions_in_real_sentences(sentence, expected):
    found = [
        (
            record.body,
            mention.relation.value,
            mention.number,
            mention.year,
            mention.start_date.isoformat() if mention.start_date else None,
            mention.end_date.isoformat() if mention.end_date else None,
        )
        for record in annotated_sentence(sentence).sessions
        for mention in record.mentions
    ]
    assert found == expected
