"""The pre-commit hook (.pre-commit-hooks.yaml) as another TEI project uses it: `pre-commit try-repo`
with a clone of this checkout as the hook's repository, on a scratch project holding two files of
the example edition. pre-commit installs the toolkit from the clone with pip (a normal, not an
editable, install), runs `tei-edition validate` on the XML files, and fails the commit on an error
naming file, line and rule.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
HOOK_ID = "tei-edition-validate"
DOCUMENT = "d1950-07-05_stalin_roshchin.xml"


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == HOOK_ID]
    assert hook["language"] == "python" and hook["entry"] == "tei-edition validate" and hook["files"] == r"\.xml$"


def test_try_repo_validates_the_changed_files(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hook_repo = tmp_path / "tei-edition"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(hook_repo)], check=True)
    project = tmp_path / "project"
    (project / "xml").mkdir(parents=True)
    for name in ("persons.xml", "places.xml", "organisations.xml", DOCUMENT):
        shutil.copy2(ROOT / "xml" / name, project / "xml" / name)
    (project / "README.txt").write_text("not XML: the hook leaves it alone\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "."], cwd=project, check=True)

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(hook_repo), HOOK_ID, "--all-files", "--color", "never"],
            cwd=project, capture_output=True, text=True, timeout=1200, check=False,
            env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")},
        )

    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "tei-edition validate" in passed.stdout and "Passed" in passed.stdout

    document = project / "xml" / DOCUMENT
    document.write_text(document.read_text(encoding="utf-8").replace("</teiHeader>", "</teiHeadr>", 1), encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=project, check=True)
    failed = try_repo()
    assert failed.returncode == 1
    assert f"xml/{DOCUMENT}:" in failed.stdout and "[well-formed]" in failed.stdout


# The CI recipe (docs/ci.md): the page quotes the files that run, and they run.

CI = ROOT / "docs" / "ci"
RECIPE = CI / "validate-and-build.sh"


@pytest.mark.parametrize(("name", "language"), [("validate-and-build.sh", "sh"), ("github-workflow.yml", "yaml"), ("gitlab-ci.yml", "yaml")])
def test_ci_page_quotes_the_recipe_files_exactly(name: str, language: str) -> None:
    page = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert f"```{language}\n{(CI / name).read_text(encoding='utf-8')}```" in page


@pytest.mark.parametrize(("name", "platform"), [("github-workflow.yml", "github"), ("gitlab-ci.yml", "gitlab")])
def test_ci_configurations_run_the_recipe(name: str, platform: str) -> None:
    config = yaml.safe_load((CI / name).read_text(encoding="utf-8"))
    commands = [step.get("run", "") for job in config["jobs"].values() for step in job.get("steps", [])] if platform == "github" else config["edition"]["script"]
    assert f"/tmp/tei-edition/docs/ci/{RECIPE.name} {platform}" in commands
    assert any("pip install -e /tmp/tei-edition" in command for command in commands)


def _example_copy(target: Path) -> Path:
    target.mkdir()
    for name in ("edition.toml", "front.xml"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "sources", target / "sources")
    shutil.copytree(ROOT / "xml", target / "xml")
    return target


def _run_recipe(edition: Path, platform: str) -> subprocess.CompletedProcess[str]:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run([str(RECIPE), platform], cwd=edition, capture_output=True, text=True, timeout=1800, check=False, env={**os.environ, "PATH": path})


def test_recipe_for_github(tmp_path: Path) -> None:
    edition = _example_copy(tmp_path / "edition")
    done = _run_recipe(edition, "github")
    annotations = [line for line in done.stdout.splitlines() if line.startswith(("::error ", "::warning ", "::notice "))]
    errors = [line for line in annotations if line.startswith("::error ")]
    assert done.returncode == (1 if errors else 0), done.stderr
    sarif = json.loads((edition / "build" / "reports" / "validate.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    results = [result for run in sarif["runs"] for result in run["results"]]
    assert len(results) == len(annotations)
    assert (edition / "build" / "html" / "index.html").is_file()


def test_recipe_for_gitlab(tmp_path: Path) -> None:
    edition = _example_copy(tmp_path / "edition")
    done = _run_recipe(edition, "gitlab")
    junit = etree.parse(str(edition / "build" / "reports" / "validate.junit.xml")).getroot()
    cases = list(junit.iter("testcase"))
    assert {case.get("file") for case in cases} == {f"xml/{p.name}" for p in (edition / "xml").glob("*.xml")}
    failed = sum(int(suite.get("failures", "0")) + int(suite.get("errors", "0")) for suite in junit.iter("testsuite"))
    assert done.returncode == (1 if failed else 0), done.stderr
    assert (edition / "build" / "html" / "index.html").is_file()


def test_recipe_refuses_an_unknown_platform(tmp_path: Path) -> None:
    done = _run_recipe(tmp_path, "jenkins")
    assert done.returncode == 2 and "usage" in done.stderr
