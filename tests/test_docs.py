from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_every_error_code_the_generator_emits_is_documented() -> None:
    emitted = set()
    for module in (REPO / "generator").glob("*.py"):
        emitted.update(re.findall(r'"(HD\d{3})"', module.read_text(encoding="utf-8")))
    documented = set(re.findall(r"^\| (HD\d{3}) \|", (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.MULTILINE))
    assert emitted, "no codes found"
    assert emitted == documented


def test_readme_quick_start_is_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line.strip().split("#")[0].strip() for line in quick.splitlines() if line.startswith("    ")]
    assert commands == ["make serve", "make test"]


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / args[0]), *args[1:]], cwd=REPO, capture_output=True, text=True, check=False)


def test_workflows_pass_zizmor_offline() -> None:
    done = run_tool("zizmor", "--offline", ".github/workflows")
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflows_match_the_github_workflow_schema() -> None:
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / ".github" / "workflows").glob("*.yml"))
    assert len(files) >= 2
    done = run_tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_issue_forms_require_source_and_what_is_wrong() -> None:
    form = (REPO / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text(encoding="utf-8")
    for field in ("id: wrong", "id: source"):
        after = form.split(field, 1)[1].split("- type:", 1)[0]
        assert "required: true" in after, field
