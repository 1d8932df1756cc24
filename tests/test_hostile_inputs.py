"""Hostile input: every bad file gets one clear line, and the good files beside it are indexed.

The hostile files are built here, at test time: an empty file, truncated PDFs,
an encrypted PDF (standard security handler, written by hand), an image-only
PDF, a zip bomb named .docx, HTML with scripts, binary junk named .pdf, a file
nobody may read, a 2 GB sparse file, a named pipe, and folders that loop
through symbolic links. The run goes through the real command in a fresh
process; when the tests run as root, that process is started without the
capabilities that let root read any file (``setpriv``), so "permission
denied" is real. Worker-level disasters (a file that hangs, crashes the
process or eats memory) are injected through the extraction function.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest

from indexer.batch import index_paths
from indexer.workers import WorkerPool, extract_one

from .test_batch_helpers import (
    CLI,
    hostile_extract,
    index_state,
    report_text,
    write_reports,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file from numbered object bodies (object 1 is the catalog), with its xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer, xref)
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def _page_objects(contents: bytes, resources: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s "
        b"/Contents 4 0 R >>" % resources,
        _stream(b"", contents),
    ]


def text_pdf_objects() -> list[bytes]:
    text = b"BT /F1 12 Tf 72 720 Td (United Nations A/90/88 General Assembly) Tj ET"
    objects = _page_objects(text, b"<< /Font << /F1 5 0 R >> >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return objects


def image_only_pdf() -> bytes:
    objects = _page_objects(b"q 500 0 0 700 50 50 cm /Im1 Do Q",
                            b"<< /XObject << /Im1 5 0 R >> >>")
    objects.append(_stream(b"/Type /XObject /Subtype /Image /Width 8 /Height 8 "
                           b"/ColorSpace /DeviceGray /BitsPerComponent 8", bytes(range(64))))
    return pdf(objects)


def _rc4(key: bytes, data: bytes) -> bytes:
    box = list(range(256))
    j = 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


def encrypted_pdf(password: bytes = b"secret") -> bytes:
    """A PDF locked with a user password: RC4 40-bit, standard security handler R2."""
    padded = (password + _PAD)[:32]
    owner = _rc4(hashlib.md5(padded).digest()[:5], padded)
    permissions = -4
    file_id = hashlib.md5(b"paraindex hostile input").digest()
    key = hashlib.md5(padded + owner + struct.pack("<i", permissions) + file_id).digest()[:5]
    user = _rc4(key, _PAD)
    objects = text_pdf_objects()
    objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
        owner.hex().encode(), user.hex().encode(), permissions))
    trailer = b"/Encrypt 6 0 R /ID [<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode())
    return pdf(objects, trailer)


def zip_bomb(path: Path, megabytes: int = 64) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (megabytes << 20))


HTML = """<!DOCTYPE html><html><head><title>A/90/77</title>
<script>var leaked = "SCRIPTSECRET"; document.write("SCRIPTSECRET");</script>
<style>p { color: red } /* STYLESECRET */</style></head>
<body onload="alert('ONLOADSECRET')">
<p>United Nations A/90/77</p><p>General Assembly</p>
<h1>Report on hostile input</h1>
<p>1. The report reviews water and sanitation in cities.</p>
<script>alert("SCRIPTSECRET")</script>
<p>2. The report recommends that Member States protect <b>civilians</b>.</p>
<iframe src="javascript:alert('ONLOADSECRET')"></iframe>
</body></html>
"""

#: file name -> the start of the one-line reason it must get
EXPECTED_FAILURES = {
    "empty.pdf": "empty file",
    "truncated-head.pdf": "corrupt or not a valid file of its type (pdfium could not open it)",
    "truncated-tail.pdf": "corrupt or not a valid file of its type (pdfium could not open it)",
    "locked.pdf": "encrypted (password protected)",
    "scan.pdf": "no text layer (scanned image without OCR)",
    "bomb.docx": "too large (expands to 64 MB: decompression bomb)",
    "junk.pdf": "corrupt or not a valid file of its type (no PDF header: not a PDF)",
    "secret.txt": "cannot read (permission denied)",
    "huge.pdf": "too large (2048 MB, limit 256 MB)",
    "pipe.pdf": "not a regular file (a pipe, socket or device)",
    "self.pdf": "symbolic link loop",
}


def build_hostile_folder(folder: Path) -> list[Path]:
    """The hostile files, and good files among them; returns the good ones."""
    folder.mkdir()
    good = write_reports(folder / "good", 3)
    for name in ("A_99_215-EN.pdf", "E_C.12_99_3-EN.docx"):
        shutil.copy(CORPUS / name, folder / "good" / name)
        good.append(folder / "good" / name)
    (folder / "A_90_77.html").write_text(HTML)
    good.append(folder / "A_90_77.html")

    real = (CORPUS / "A_99_215-EN.pdf").read_bytes()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "truncated-head.pdf").write_bytes(real[:1024])
    (folder / "truncated-tail.pdf").write_bytes(real[: len(real) * 9 // 10])
    (folder / "locked.pdf").write_bytes(encrypted_pdf())
    (folder / "scan.pdf").write_bytes(image_only_pdf())
    zip_bomb(folder / "bomb.docx")
    (folder / "junk.pdf").write_bytes(os.urandom(4096).replace(b"%PDF", b"%PDX"))
    secret = folder / "secret.txt"
    secret.write_text(report_text(99))
    secret.chmod(0)
    with open(folder / "huge.pdf", "wb") as sparse:
        sparse.truncate(2048 << 20)  # 2 GB that take no disk space
    os.mkfifo(folder / "pipe.pdf")
    os.symlink("self.pdf", folder / "self.pdf")
    loop = folder / "loop"
    (loop / "inner").mkdir(parents=True)
    os.symlink("..", loop / "inner" / "up")  # loop/inner/up/inner/up/... forever
    os.symlink(str(folder), loop / "top")  # and back to the folder being indexed
    return good


def _unprivileged() -> list[str]:
    """A prefix that runs a command as root without root's right to read every file."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable to root")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]


def test_each_hostile_file_gets_its_reason_and_the_good_files_are_indexed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    good = build_hostile_folder(folder)
    index = tmp_path / "index"
    report = tmp_path / "run.json"
    result = subprocess.run(
        [*_unprivileged(), *CLI, "--index", str(index), "index", str(folder), "--report",
         str(report), "--jobs", "2", "--quiet"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    data = json.loads(report.read_text())
    reasons = {Path(f["path"]).name: f["reason"] for f in data["failed"]}
    assert set(reasons) == set(EXPECTED_FAILURES), reasons
    for name, reason in EXPECTED_FAILURES.items():
        assert reasons[name].startswith(reason), (name, reasons[name])
        assert "\n" not in reasons[name]
        assert f"failed: {folder / name}: {reasons[name]}" in result.stderr
    assert data["indexed"] == len(good) and not data["conflicts"]
    state = index_state(index)
    assert len(state) == len(good)

    from indexer.store import Store

    store = Store(index)
    texts = " ".join(r.text for d in store.documents() for r in store.paragraphs(d.doc))
    assert "water and sanitation" in texts
    assert not any(word in texts for word in ("SCRIPTSECRET", "STYLESECRET", "ONLOADSECRET"))


def test_a_file_that_hangs_crashes_or_eats_memory_costs_only_itself(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_reports(folder, 4)
    for number, name in enumerate(("A_90_hang.txt", "A_90_segv.txt", "A_90_oom.txt",
                                   "A_90_bug.txt"), start=50):
        (folder / name).write_text(report_text(number))
    summary = index_paths(tmp_path / "index", [folder], jobs=2, time_limit=2.0,
                          memory_mb=1024, extract_fn=hostile_extract)
    reasons = {Path(f.path).name: f.reason for f in summary.failed}
    assert reasons == {
        "A_90_hang.txt": "timed out (over 2 s)",
        "A_90_segv.txt": "crashed the extractor (SIGSEGV)",
        "A_90_oom.txt": "too large (extraction needs more than the 1024 MB memory limit)",
        "A_90_bug.txt": "extraction failed (RuntimeError: something no reader anticipated "
                        "second line)",
    }
    assert summary.indexed == len(good)
    assert set(index_state(tmp_path / "index")) == {f"A/90/{n}@en" for n in range(1, 5)}


def test_a_dead_worker_is_replaced_and_the_pool_keeps_its_size(tmp_path: Path) -> None:
    paths = write_reports(tmp_path, 3)
    crash = tmp_path / "A_90_segv.txt"
    crash.write_text(report_text(7))
    tasks = [(i, str(p)) for i, p in enumerate([crash, *paths, crash, *paths])]
    with WorkerPool(jobs=2, extract_fn=hostile_extract) as pool:
        outcomes = dict(pool.map(tasks))
        assert len(pool._workers) <= 2
    assert [o.reason is None for _, o in sorted(outcomes.items())] == [
        False, True, True, True, False, True, True, True]


@pytest.mark.shared
def test_every_real_bulk_file_indexes_or_fails_with_one_clean_line(shared_bulk: Path) -> None:
    files = sorted(shared_bulk.glob("*.pdf"))
    assert len(files) >= 150
    known = ("no text layer", "no UN document symbol", "corrupt", "encrypted", "empty file",
             "too large", "timed out", "unsupported")
    with WorkerPool() as pool:
        outcomes = [o for _, o in pool.map((str(p), str(p)) for p in files)]
    assert len(outcomes) == len(files)
    for outcome in outcomes:
        if outcome.reason is None:
            assert outcome.doc and outcome.document and outcome.document.paragraphs, outcome.path
        else:
            assert outcome.reason.startswith(known), (outcome.path, outcome.reason)
            assert "\n" not in outcome.reason and len(outcome.reason) < 200
    assert sum(o.reason is None for o in outcomes) >= len(files) - 5


def test_extract_one_names_a_document_without_a_symbol(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Some notes\n\n1. Without any document symbol at all.\n")
    outcome = extract_one(str(path))
    assert outcome.reason == "no UN document symbol (none in the masthead or the file name)"
    assert outcome.document is None
