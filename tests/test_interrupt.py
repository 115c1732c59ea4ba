"""Nothing lost, nothing half-written: a real `tei-edition build` killed mid-way, and builds that repeat to the byte.

A reference build of a copy of the example edition gives every output's bytes.
Another copy is built and killed with SIGINT, SIGTERM or SIGKILL once some
outputs exist: every output left must be a complete file (it parses, and has
the reference's bytes, since the inputs are the same), SIGINT and SIGTERM must
end with a message and 130/143, and the rebuild must give the reference's bytes
with no temporary left behind.
"""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures.hostile.harness import DOCUMENT, make_edition, start, tei_edition
from lxml import etree

#: The build's own records (manifest, journal, caches) are not outputs.
_RECORDS = ("manifest.", ".cache")
_EPOCH = {"SOURCE_DATE_EPOCH": "946684800"}
DOCUMENT_PATH = f"xml/{DOCUMENT}"


def outputs(edition: Path) -> dict[str, bytes]:
    """Every output file of a build (TEI and rendered), by relative path; temporaries and records aside."""
    found = {}
    for base in ("xml", "build"):
        for path in sorted((edition / base).rglob("*")):
            relative = str(path.relative_to(edition))
            if path.is_file() and not is_temporary(path) and not any(r in relative for r in _RECORDS):
                found[relative] = path.read_bytes()
    return found


def is_temporary(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(".tmp")


def temporaries(edition: Path) -> list[Path]:
    return sorted(p for p in edition.rglob("*") if is_temporary(p))


def build(edition: Path) -> None:
    result = tei_edition("build", "--jobs", "2", "--quiet", cwd=edition, env=_EPOCH)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr  # 1: validation findings in the example edition, not a crash


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    edition = make_edition(tmp_path_factory.mktemp("reference"), documents=(), sources=True)
    build(edition)
    made = outputs(edition)
    assert any(name.endswith(".pdf") for name in made) and any(name.endswith(".html") for name in made)
    return made


def assert_complete(name: str, data: bytes) -> None:
    """An output parses as what it claims to be."""
    if name.endswith(".xml"):
        etree.fromstring(data)
    elif name.endswith(".html"):
        assert data.rstrip().endswith(b"</html>"), f"{name} is cut short"
    elif name.endswith(".pdf"):
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), f"{name} is cut short"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_killed_build_leaves_only_complete_files(tmp_path: Path, reference: dict[str, bytes], stop: signal.Signals) -> None:
    edition = make_edition(tmp_path / "edition", documents=(), sources=True)
    process = start("build", "--jobs", "2", "--quiet", cwd=edition, env=_EPOCH)
    deadline = time.monotonic() + 240
    while len(list((edition / "build").rglob("*.html"))) < 3 and time.monotonic() < deadline:
        assert process.poll() is None, "the build ended before it could be interrupted"
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.kill(process.pid, stop)
    try:
        _stdout, stderr = process.communicate(timeout=120)  # hangs if a worker outlives the main process
    finally:
        kill_session(process)

    if stop == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 128 + stop, stderr
        assert "Traceback" not in stderr, stderr
        assert f"interrupted by {stop.name}" in stderr
        assert temporaries(edition) == [], "an interrupted build left temporaries"
    left = outputs(edition)
    assert len(left) < len(reference), "nothing was interrupted"
    for name, data in left.items():
        assert_complete(name, data)
        assert data == reference[name], f"{name} differs from a complete build's"

    build(edition)
    assert outputs(edition) == reference
    assert temporaries(edition) == [], "the rebuild left temporaries (its own, or the killed run's)"


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="a zombie is told by Linux's /proc")
def test_a_dead_writers_temporary_goes_even_if_no_one_reaped_it(tmp_path: Path) -> None:
    """A killed build's workers are adopted by the init process, which may reap them late:
    until then each is a zombie, whose pid still answers, and its temporaries must go all
    the same (a rebuild once left one: the killed worker was not yet reaped)."""
    from tei_edition.xmlio import write_atomic

    child = os.fork()
    if child == 0:
        os._exit(0)
    try:
        deadline = time.monotonic() + 30
        while Path(f"/proc/{child}/stat").read_bytes().rsplit(b") ", 1)[1][:1] != b"Z" and time.monotonic() < deadline:
            time.sleep(0.01)
        dead = tmp_path / f".page.html.{child}.abc123.tmp"
        living = tmp_path / f".other.html.{os.getpid()}.def456.tmp"
        dead.write_bytes(b"half a page")
        living.write_bytes(b"being written")
        write_atomic(tmp_path / "page.html", b"<html></html>\n")
        assert not dead.exists(), "the zombie's temporary was kept"
        assert living.exists(), "a living writer's temporary was taken"
    finally:
        os.waitpid(child, 0)


def test_two_builds_give_the_same_bytes(tmp_path: Path, reference: dict[str, bytes]) -> None:
    """Another folder, another time, the same bytes: no path, timestamp or process order in any output."""
    edition = make_edition(tmp_path / "elsewhere", documents=(), sources=True)
    build(edition)
    again = outputs(edition)
    assert sorted(again) == sorted(reference)
    assert [name for name in reference if again[name] != reference[name]] == []


def test_forced_rebuild_rewrites_the_same_bytes(tmp_path: Path, reference: dict[str, bytes]) -> None:
    edition = make_edition(tmp_path / "edition", documents=(), sources=True)
    build(edition)
    result = tei_edition("build", "--jobs", "1", "--force", "--quiet", cwd=edition, env=_EPOCH)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    assert outputs(edition) == reference


def test_interrupted_render_exits_cleanly(tmp_path: Path) -> None:
    """A single writer, stopped while it makes the PDF book: message, 143, no temporary, no half PDF."""
    documents = tuple(p.name for p in sorted((Path(__file__).parents[1] / "xml").glob("d1950-*.xml")))
    edition = make_edition(tmp_path / "edition", documents=documents)
    process = start("render", "--to", "pdf", "--out", "out", "--quiet", cwd=edition, env=_EPOCH)
    try:
        deadline = time.monotonic() + 240
        while not catches(process.pid, signal.SIGTERM) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        time.sleep(1)  # into the work: compiling, transforming, laying out
        assert process.poll() is None, "the render ended before it could be interrupted"
        os.kill(process.pid, signal.SIGTERM)
        _stdout, stderr = process.communicate(timeout=120)
    finally:
        kill_session(process)
    assert process.returncode == 143 and "interrupted by SIGTERM" in stderr and "Traceback" not in stderr, stderr
    assert temporaries(edition) == []
    for pdf in (edition / "out").glob("*.pdf"):
        assert_complete(pdf.name, pdf.read_bytes())


def catches(pid: int, signum: int) -> bool:
    """Whether the process has its own handler for `signum` yet (Linux: SigCgt in /proc/PID/status)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    caught = int(status.split("SigCgt:")[1].split()[0], 16)
    return bool(caught & (1 << (signum - 1)))


def kill_session(process: subprocess.Popen[str]) -> None:
    """Leave nothing of a test's process behind, whatever the test found."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=60)


@pytest.mark.parametrize(
    "command",
    [
        ("render", DOCUMENT_PATH, "--to", "html", "--out", "out"),
        ("render", DOCUMENT_PATH, "--to", "text", "--out", "out"),
        ("render", DOCUMENT_PATH, "--to", "pdf", "--out", "out"),
        ("export", "--to", "bag", "--out", "out"),
        ("export", "--to", "dts", "--out", "out"),
        ("export", "--to", "cmif", "--out", "out"),
    ],
    ids=["html", "text", "pdf", "bag", "dts", "cmif"],
)
def test_no_output_carries_the_day_it_was_made(tmp_path: Path, command: tuple[str, ...]) -> None:
    """Without SOURCE_DATE_EPOCH no output shows the run's date (a date shown comes from the sources, or that variable)."""
    edition = make_edition(tmp_path / "edition")
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    today = datetime.date.today()
    result = subprocess.run([sys.executable, "-m", "tei_edition", *command], check=False, cwd=edition, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    if datetime.date.today() != today:
        pytest.skip("the run crossed midnight")
    forms = {today.isoformat(), today.strftime("%Y%m%d"), f"{today.day} {today:%B %Y}", f"{today:%B} {today.day}, {today.year}", today.strftime("%d.%m.%Y")}
    made = [p for p in (edition / "out").rglob("*") if p.is_file()]
    assert made
    for path in made:
        data = path.read_bytes()
        assert [form for form in forms if form.encode() in data] == [], f"{path} carries today's date"
