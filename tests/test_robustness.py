"""Every file of the shared robustness corpus goes through the whole pipeline.

Each file runs in its own child process with a time bound: it must be read or
refused with one of the typed errors of ``pipeline.errors``, never crash, never
hang. The corpus is real third-party files kept outside the repository (read in
place, never copied); without it the tests skip and say why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import errors
from pipeline.probe import OK, REFUSED, corpus_files, probe_all

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "robustness"
TIMEOUT_SECONDS = 60.0
TYPED_ERRORS = {
    value.__name__ for value in vars(errors).values() if isinstance(value, type) and issubclass(value, errors.CwsError)
}

# Outcomes read by a person from the corpus README and MANIFEST (what each file is).
EXPECTED_ERRORS = {
    "pdf/r4-user-password.pdf": "EncryptedDocument",  # user password required
    "pdf/libreoffice-writer-password.pdf": "EncryptedDocument",  # open password unknown
    "pdf/password-example.pdf": "EncryptedDocument",  # user password required
    "pdf/empty.pdf": "EmptyDocument",  # zero bytes
    "pdf/stamp-no.pdf": "CorruptDocument",  # startxref past the end, no /Root
    "pdf/pdf-with-jbig2.pdf": "NoTextLayer",  # JBIG2 scan, no text layer
    "pdf/imagemagick-CCITTFaxDecode.pdf": "NoTextLayer",  # fax image only
    "pdf/encrypted_doc_no_id.pdf": "NoTextLayer",  # opens with the empty password; image-only pages
    "docx/~$strict.docx": "UnsupportedFormat",  # a Word lock file, not a ZIP package
}
EXPECTED_TEXT = {
    "pdf/r6-empty-password.pdf",  # empty user password: opens transparently
    "pdf/r4-aes-v2-no-key-length.pdf",  # empty user password
    "pdf/naacl06-shinyama.pdf",  # an ordinary two-column paper
    "pdf/federal-register-2020-17221.pdf",  # cyclic annotations must not matter: we never read them
}

FILES = corpus_files(CORPUS)


@pytest.fixture(scope="module")
def outcomes():
    """Each file's outcome, two child processes at a time."""
    return dict(zip(FILES, probe_all(CORPUS, FILES, TIMEOUT_SECONDS)))


def test_corpus_is_there():
    if not FILES:
        pytest.skip(f"robustness corpus absent: {CORPUS} (shared/ is not checked out beside the repository)")
    assert any(name.endswith(".pdf") for name in FILES)


@pytest.mark.parametrize("name", FILES or ["(corpus absent)"])
def test_file_is_read_or_refused_with_a_typed_error(name, outcomes):
    if not FILES:
        pytest.skip(f"robustness corpus absent: {CORPUS}")
    outcome = outcomes[name]
    assert outcome.status in (OK, REFUSED), f"{name}: {outcome.status}: {outcome.detail}"
    if outcome.status == REFUSED:
        assert outcome.error in TYPED_ERRORS
        assert outcome.detail.strip(), "a refusal says why"
    if name in EXPECTED_ERRORS:
        assert (outcome.status, outcome.error) == (REFUSED, EXPECTED_ERRORS[name])
    if name in EXPECTED_TEXT:
        assert outcome.status == OK
