"""`new exercise "Name"`: a commented exercise file to fill in."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from generator.render import environment


def slug(name: str) -> str:
    """'Banded Clamshell (knees)' -> 'banded-clamshell-knees'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")


def exercise_template(ident: str, name: str) -> str:
    return environment().get_template("new-exercise.yml.j2").render(id=ident, name=name.strip())


def new_exercise(root: Path, name: str) -> tuple[Path, str]:
    """Write exercises/<id>.yml; refuse an id that is taken (returns path, problem)."""
    ident = slug(name)
    target = root / "exercises" / f"{ident}.yml"
    if len(ident) < 2:
        return target, f"'{name}' does not make an id; use a name with letters, e.g. \"Banded clamshell\""
    if target.exists():
        return target, f"exercises/{ident}.yml already exists; edit it, or choose a more specific name"
    taken = {line.split(":", 1)[1].strip() for file in (root / "exercises").glob("*.yml") for line in file.read_text(encoding="utf-8", errors="replace").splitlines() if line.startswith("previous_ids:")}
    if any(ident in entry for entry in taken):
        return target, f"the id '{ident}' was used before by another exercise; choose another name"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(exercise_template(ident, name), encoding="utf-8")
    return target, ""
