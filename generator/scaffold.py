"""`new exercise "Name"`: a commented exercise file to fill in."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

from generator.document import Document
from generator.reader import read_file
from generator.render.pages import environment
from generator.render.structured import Site

PREVIEW_HOST = "http://127.0.0.1:8000"  # where `make serve` serves the site


def slug(name: str) -> str:
    """'Banded Clamshell (knees)' -> 'banded-clamshell-knees'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")


def folded(label: str) -> str:
    """A name as it is compared with other names: case, hyphens and spacing do not count."""
    return " ".join(label.casefold().replace("-", " ").split())


def preview_url(root: Path, page: str) -> str:
    """The address of a page under `make serve`, which serves the site under site_url's path."""
    base = urlparse(Site.from_mkdocs(root).url).path
    return f"{PREVIEW_HOST}{base.rstrip('/')}/{page}"


def exercise_template(ident: str, name: str) -> str:
    return environment().get_template("new-exercise.yml.j2").render(id=ident, name=name.strip())


def _exercise_documents(root: Path) -> list[Document]:
    read = (read_file(file, file.name) for file in sorted((root / "exercises").glob("*.yml")))
    return [document for document in read if isinstance(document, Document) and isinstance(document.value, dict)]


def _taken(ident: str, name: str, documents: list[Document]) -> str:
    """Why the new exercise's id or name cannot be used, or ''."""
    wanted = folded(name)
    for document in documents:
        data = document.value
        if ident in (data.get("previous_ids") or ()):
            return f"the id '{ident}' was used before by exercises/{document.path} (previous_ids); choose another name"
        labels = [("name", data.get("name"))] + [("an alias", alias) for alias in data.get("aliases") or ()]
        for role, label in labels:
            if isinstance(label, str) and folded(label) == wanted:
                return f"'{name.strip()}' is already {role if role != 'name' else 'the name'} of exercises/{document.path}; edit that file, or choose a more specific name"
    return ""


def new_exercise(root: Path, name: str) -> tuple[Path, str]:
    """Write exercises/<id>.yml; refuse an id, name or alias that is taken (returns path, problem)."""
    ident = slug(name)
    target = root / "exercises" / f"{ident}.yml"
    if len(ident) < 2:
        return target, f"'{name}' does not make an id; use a name with letters, e.g. \"Banded clamshell\""
    if target.exists():
        return target, f"exercises/{ident}.yml already exists; edit it, or choose a more specific name"
    problem = _taken(ident, name, _exercise_documents(root))
    if problem:
        return target, problem
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(exercise_template(ident, name), encoding="utf-8")
    return target, ""
