from __future__ import annotations

import re

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
