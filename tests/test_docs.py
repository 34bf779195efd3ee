from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO


def test_every_error_code_the_generator_emits_is_documented() -> None:
    emitted = set()
    for module in (REPO / "generator").rglob("*.py"):
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
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / ".github" / "workflows").glob("*.y*ml"))
    assert files == [".github/workflows/ci.yml"]
    done = run_tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_dependabot_config_matches_its_schema_and_waits_before_updating() -> None:
    done = run_tool("check-jsonschema", "--builtin-schema", "vendor.dependabot", ".github/dependabot.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "github-actions"}
    for update in config["updates"]:
        assert update["cooldown"]["default-days"] >= 7, update["package-ecosystem"]
        assert update["groups"], update["package-ecosystem"]


def test_deploy_runs_only_for_a_push_to_main_after_the_tests() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    jobs = workflow["jobs"]
    assert set(jobs) == {"test", "deploy"}
    test, deploy = jobs["test"], jobs["deploy"]
    assert test["permissions"] == {"contents": "read"}
    assert "if" not in test
    assert deploy["needs"] in ("test", ["test"])
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy.get("concurrency", {}).get("cancel-in-progress", False) is False
    runs = [step.get("run", "") for step in test["steps"]]
    assert "make validate" in runs and "make test" in runs and "make build" in runs
    assert runs.index("make validate") < runs.index("make test")
    assert not any("apt-get" in run for run in runs), "make test installs what it needs"
    for job in jobs.values():
        assert job["timeout-minutes"] <= 30
        assert job["runs-on"] == "ubuntu-latest"


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version() -> None:
    text = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:- )?uses: (\S+)(.*)$", text, re.MULTILINE)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), f"{action}: say the version in a comment"
    for step in yaml.safe_load(text)["jobs"]["test"]["steps"]:
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_issue_forms_require_source_and_what_is_wrong() -> None:
    form = (REPO / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text(encoding="utf-8")
    for field in ("id: wrong", "id: source"):
        after = form.split(field, 1)[1].split("- type:", 1)[0]
        assert "required: true" in after, field
