"""Names folded for comparison: quote and apostrophe styles, no-break spaces and
hyphens made plain, at unchanged offsets."""

import pytest

from pipeline.references.names import fold, fold_marks

FOLDED = [
    ("Côte D’ivoire", "côte d'ivoire"),
    ("Côte d‘Ivoire", "côte d'ivoire"),
    ("Cote d`Ivoire", "cote d'ivoire"),
    ("Côte d´Ivoire", "côte d'ivoire"),
    ("Republic\u00a0of\u00a0Korea", "republic of korea"),
    ("Guinea\u2011Bissau", "guinea-bissau"),
    ("’’‘‘", "''''"),  # every mark of a run, not only the first
    ("CWS/11/28", "cws/11/28"),
    ("", ""),
]


@pytest.mark.parametrize("text, folded", FOLDED, ids=[text or "empty" for text, _ in FOLDED])
def test_fold(text, folded):
    assert fold(text) == folded
    assert len(fold_marks(text)) == len(text)  # offsets into the folded text hold for the text
