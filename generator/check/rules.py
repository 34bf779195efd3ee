"""Rules on ids, names, progressions, citations and images: what one file's schema cannot see.

Each rule is a small generator function taking the checking context
(generator/check/context.py), with its code and a one-line description in
CONTRIBUTING.md; the registry (generator/check/registry.py) lists it. Adding a
rule never means editing another rule.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from dataclasses import replace

from generator.check.context import Context
from generator.check.manifest import FOLDERS, MANIFEST, read_manifest
from generator.check.schema import dotted
from generator.check.texts import quoted
from generator.citations import cited
from generator.document import Document, JsonPath
from generator.errors import DataError, Fix
from generator.model import Exercise, Myth, Plan

MAX_IMAGE_BYTES = 400 * 1024
KIND_WORDS = {"exercise": "exercise", "myth": "myth", "plan": "plan", "muscles": "muscle", "equipment": "equipment", "sources": "source"}
ID_FORM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
KIND_FILES = {"exercise": "exercises/", "myth": "content/myths/", "plan": "content/plans/", "muscles": "content/muscles.yml", "equipment": "content/equipment.yml", "sources": "content/sources.yml"}


def _nearest_hint(word: str, choices: Iterable[str], kind: str, own: str = "") -> str:
    """The nearest valid id, never the id of the file that names it."""
    match = difflib.get_close_matches(word, sorted(set(choices) - {own}), n=1, cutoff=0.5)
    if match:
        return f"did you mean {match[0]}?"
    return f"no {KIND_WORDS[kind]} has that id; see {KIND_FILES[kind]}"


def _references(ctx: Context) -> Iterator[tuple[str, JsonPath, str, str]]:
    """Every id reference in the library as (file, json path, kind, id)."""
    lib = ctx.library
    for ex in lib.exercises.values():
        for i, item in enumerate(ex.equipment):
            yield ex.file, ("equipment", i), "equipment", item
        for group in ("primary", "secondary"):
            for i, item in enumerate(getattr(ex, group)):
                yield ex.file, ("muscles", group, i), "muscles", item
        for group in ("easier", "harder"):
            for i, item in enumerate(getattr(ex, group)):
                yield ex.file, ("progressions", group, i), "exercise", item
        for i, item in enumerate(ex.substitutes):
            yield ex.file, ("substitutes", i), "exercise", item
        for i, item in enumerate(ex.outer_hip.instead if ex.outer_hip else ()):
            yield ex.file, ("outer_hip", "instead", i), "exercise", item
        for i, row in enumerate(ex.evidence):
            yield ex.file, ("evidence", i, "muscle"), "muscles", row.muscle
            yield ex.file, ("evidence", i, "source"), "sources", row.source
        for i, item in enumerate(ex.sources):
            yield ex.file, ("sources", i), "sources", item
    for myth in lib.myths.values():
        for group, kind in (("exercises", "exercise"), ("muscles", "muscles"), ("myths", "myth")):
            for i, item in enumerate(getattr(myth, group)):
                yield myth.file, ("related", group, i), kind, item
        for i, item in enumerate(myth.sources):
            yield myth.file, ("sources", i), "sources", item
    for plan in lib.plans.values():
        for i, item in enumerate(plan.equipment):
            yield plan.file, ("equipment", i), "equipment", item
        for d, day in enumerate(plan.days):
            for e, entry in enumerate(day.entries):
                yield plan.file, ("days", d, "exercises", e, "exercise"), "exercise", entry.exercise
        for i, item in enumerate(plan.sources):
            yield plan.file, ("sources", i), "sources", item
    for muscle in lib.muscles.values():
        for i, item in enumerate(muscle.sources):
            yield "content/muscles.yml", (muscle.id, "sources", i), "sources", item
    for page in lib.pages.values():
        for i, item in enumerate(page.sources):
            yield page.file, ("sources", i), "sources", item
    for file, path, text, _ in ctx.written.in_files(_cites):
        for source in cited(text):
            yield file, path, "sources", source


def _cites(text: str) -> bool:
    return "[@" in text


def _renamed_to(ctx: Context, kind: str) -> dict[str, str]:
    """Old id -> current id, from every entry's previous_ids."""
    collection = {"exercise": ctx.library.exercises, "myth": ctx.library.myths, "plan": ctx.library.plans}.get(kind, {})
    return {old: item.id for item in collection.values() for old in item.previous_ids}


def unknown_ids(ctx: Context) -> Iterator[DataError]:
    """HD301: every id named in a file exists. The hint follows a rename (previous_ids), says to
    remove or repoint a reference to a deleted page (one in the published list), and otherwise
    names the nearest valid id; an id named inside a text is located to its own line."""
    manifest = read_manifest(ctx.root)
    renamed = {kind: _renamed_to(ctx, kind) for kind in ("exercise", "myth", "plan")}
    for file, path, kind, ident in _references(ctx):
        if ident in ctx.known[kind]:
            continue
        word = KIND_WORDS[kind]
        better = renamed.get(kind, {}).get(ident, "")
        if better:
            hint = f"'{ident}' was renamed to '{better}' (its previous_ids): write {better}"
        elif kind in ("exercise", "myth", "plan") and manifest.published(kind, ident):
            hint = f"the {word} '{ident}' was deleted: remove this reference, or point it at another {word}"
        else:
            hint = _nearest_hint(ident, ctx.known[kind], kind, own=Path(file).stem if file.startswith(KIND_FILES[kind]) else "")
            better = hint.removeprefix("did you mean ").removesuffix("?") if hint.startswith("did you mean ") else ""
        document = ctx.documents.get(file)
        text = document.string_at(path) if document else None
        offset = text.find(f"@{ident}") if text and text != ident else -1
        message = f"unknown {word} id '{ident}'" + (f" in {quoted(text[max(0, text.rfind('[', 0, offset)) : text.find(']', offset) + 1])}" if offset >= 0 else "")
        error = document.error(path, "HD301", message, hint, offset=offset + 1) if document and offset >= 0 else ctx.error(file, path, "HD301", message, hint)
        yield replace(error, fix=Fix(file, error.line, ident, better)) if better else error


def file_name_is_id(ctx: Context) -> Iterator[DataError]:
    """HD302: a file's name is its id."""
    items: list[Exercise | Myth | Plan] = [*ctx.library.exercises.values(), *ctx.library.myths.values(), *ctx.library.plans.values()]
    for item in items:
        stem = Path(item.file).stem
        if item.id != stem:
            message = f"id '{item.id}' does not match the file name '{stem}.yml'"
            if ID_FORM.fullmatch(stem):
                document = ctx.documents[item.file]
                line = document.where(("id",))[0]
                fix = Fix(item.file, line, item.id, stem)
                yield document.error(("id",), "HD302", message, f"rename the file to {item.id}.yml, or set id: {stem}", fix=fix)
            else:
                yield ctx.error(item.file, ("id",), "HD302", message, f"rename the file to {item.id}.yml (file names are the id: lower case words joined by hyphens)")


def ids_never_reused(ctx: Context) -> Iterator[DataError]:
    """HD303: an id, current or previous, belongs to one entry for good."""
    for collection in (ctx.library.exercises, ctx.library.myths, ctx.library.plans):
        owner: dict[str, str] = {item.id: item.id for item in collection.values()}
        for item in collection.values():
            for i, old in enumerate(item.previous_ids):
                if old in owner and owner[old] != item.id:
                    yield ctx.error(item.file, ("previous_ids", i), "HD303", f"id '{old}' is already used by '{owner[old]}'", "an id that was ever published stays with its first entry; choose another")
                owner.setdefault(old, item.id)


def _folded(label: str) -> str:
    return " ".join(label.casefold().replace("-", " ").split())


def unique_names(ctx: Context) -> Iterator[DataError]:
    """HD304: no two exercises share a name or an alias; a clash is reported on every file in it."""
    holders: dict[str, list[tuple[Exercise, JsonPath, str]]] = {}
    for ex in ctx.library.exercises.values():
        labels = [(("name",), ex.name)] + [(("aliases", i), alias) for i, alias in enumerate(ex.aliases)]
        mine: set[str] = set()
        for path, label in labels:
            folded = _folded(label)
            if folded in mine:
                yield ctx.error(ex.file, path, "HD304", f"'{label}' is listed twice in this exercise", "keep it once")
                continue
            mine.add(folded)
            holders.setdefault(folded, []).append((ex, path, label))
    manifest = read_manifest(ctx.root)
    for places in holders.values():
        if len(places) < 2:
            continue
        # The exercise already published keeps its label; the new one changes. When the list of
        # published pages cannot tell (no list, or both or neither listed), both are told.
        first = {ex.id for ex, _, _ in places if manifest.published("exercise", ex.id)}
        first = first if 0 < len(first) < len({ex.id for ex, _, _ in places}) else set()
        for ex, path, label in places:
            others = ", ".join(f"{other.file} ({'name' if other_path == ('name',) else 'alias'})" for other, other_path, _ in places if other is not ex)
            role = "name" if path == ("name",) else "alias"
            if ex.id in first:
                hint = f"this exercise was published first and keeps its {role}; the other file changes"
            else:
                hint = "two exercises cannot share a name or an alias: choose a more specific one, or drop the alias"
            yield ctx.error(ex.file, path, "HD304", f"the {role} '{label}' is also used by {others}", hint)


def published_pages_stay(ctx: Context) -> Iterator[DataError]:
    """HD319: every page in the published list keeps its address: its id is still an id, or a
    previous id (a redirect), unless its line is removed on purpose. A lone new id beside a lone
    gone one is a rename, told on the renamed file with the fix."""
    manifest = read_manifest(ctx.root)
    if not manifest.exists:
        return
    for kind, collection in (("exercise", ctx.library.exercises), ("myth", ctx.library.myths), ("plan", ctx.library.plans)):
        kept = set(collection) | set(_renamed_to(ctx, kind)) | ctx.known[kind]
        gone = {ident: line for ident, line in manifest.ids(kind).items() if ident not in kept}
        if not gone:
            continue
        word, folder = KIND_WORDS[kind], FOLDERS[kind]
        fresh = [item for item in collection.values() if not manifest.published(kind, item.id)]
        if len(gone) == 1 and len(fresh) == 1:
            (old,) = gone
            document = ctx.documents[fresh[0].file]
            message = f"this {word} looks like a rename of '{old}', whose page {folder}/{old}/ was published; without previous_ids its old address breaks"
            hint = f"add previous_ids: [{old}] below id:; if you deleted '{old}' instead, remove the line {folder}/{old} from {MANIFEST}"
            yield document.error(("id",), "HD319", message, hint, fix=_previous_id_fix(document, old))
            continue
        for old, line in gone.items():
            message = f"the published {word} page {folder}/{old}/ is gone: no file has the id '{old}' or lists it in previous_ids"
            hint = f"if you renamed it, add previous_ids: [{old}] to the renamed file; if you deleted it on purpose, remove this line and point links to it at another {word}"
            yield DataError(MANIFEST, line, 1, "HD319", message, hint)


def _previous_id_fix(document: Document, old: str) -> Fix | None:
    """The edit that adds `old` to a file's previous_ids (or the key itself, below id:)."""
    if isinstance(document.value, dict) and "previous_ids" not in document.value:
        line = document.where(("id",))[0]
        written = document.line_text(line)
        return Fix(document.path, line, written, f"{written}\nprevious_ids: [{old}]") if written.startswith("id:") else None
    return list_append_fix(document, ("previous_ids",), old)


def list_append_fix(document: Document, path: JsonPath, item: str) -> Fix | None:
    """The edit that adds `item` to the list at `path`: `[a]` becomes `[a, item]`, and a
    block list gets a line `- item` below its last one. None for a shape it does not know."""
    value = document.value_at(path)
    if not isinstance(value, list):
        return None
    line, col = document.where(path)
    written = document.line_text(line)
    if written[col - 1 : col] == "[" and written.rstrip().endswith("]"):
        return Fix(document.path, line, "[]", f"[{item}]") if not value else Fix(document.path, line, written, f"{written.rstrip()[:-1]}, {item}]")
    last_line = document.where((*path, len(value) - 1))[0] if value else 0
    last = document.line_text(last_line)
    if last.lstrip().startswith("- "):
        indent = last[: len(last) - len(last.lstrip())]
        return Fix(document.path, last_line, last, f"{last}\n{indent}- {item}")
    return None


def progressions_agree(ctx: Context) -> Iterator[DataError]:
    """HD306: if A lists B as harder, B lists A as easier, and the reverse; HD312: no self links."""
    exercises = ctx.library.exercises
    for ex in exercises.values():
        for group, mirror in (("harder", "easier"), ("easier", "harder")):
            for i, other in enumerate(getattr(ex, group)):
                if other == ex.id:
                    yield ctx.error(ex.file, ("progressions", group, i), "HD312", f"'{ex.id}' lists itself as {group}", "remove it")
                elif other in exercises and ex.id not in getattr(exercises[other], mirror):
                    mirrored = ctx.documents.get(exercises[other].file)
                    fix = list_append_fix(mirrored, ("progressions", mirror), ex.id) if mirrored else None
                    error = ctx.error(ex.file, ("progressions", group, i), "HD306", f"'{other}' is listed as {group}, but {other}.yml does not list '{ex.id}' as {mirror}", f"add {ex.id} to progressions.{mirror} in exercises/{other}.yml (make fix does it)")
                    yield replace(error, fix=fix)
        for i, other in enumerate(ex.substitutes):
            if other == ex.id:
                yield ctx.error(ex.file, ("substitutes", i), "HD312", f"'{ex.id}' lists itself as a substitute", "remove it")


def progressions_have_no_cycles(ctx: Context) -> Iterator[DataError]:
    """HD305: following 'harder' links never leads back to the start."""
    exercises = ctx.library.exercises
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    reported: set[frozenset[str]] = set()
    for start in exercises:
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(exercises[start].harder))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif child == node or child not in exercises:
                continue
            elif state.get(child) == 1:
                loop = path[path.index(child) :]
                if frozenset(loop) not in reported:
                    reported.add(frozenset(loop))
                    first = exercises[loop[-1]]
                    yield ctx.error(first.file, ("progressions", "harder", first.harder.index(child)), "HD305", f"progressions go in a circle: {' -> '.join([*loop, child])}", "an exercise cannot be harder than itself; remove one link")
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(exercises[child].harder)))


def citations_are_listed(ctx: Context) -> Iterator[DataError]:
    """HD311: every source cited in a file's text or evidence is in its sources list."""
    lib = ctx.library
    listed: dict[str, tuple[str, ...]] = {}
    for item in [*lib.exercises.values(), *lib.myths.values(), *lib.plans.values()]:
        listed[item.file] = item.sources
    for page in lib.pages.values():
        listed[page.file] = page.sources
    for ex in lib.exercises.values():
        for i, row in enumerate(ex.evidence):
            if row.source not in ex.sources:
                yield ctx.error(ex.file, ("evidence", i, "source"), "HD311", f"source '{row.source}' is used but not in sources", f"add {row.source} to sources:")
    for file, path, text, document in ctx.written.in_files(_cites):
        if file not in listed:
            continue
        for source in cited(text):
            if source not in listed[file] and source in ctx.known["sources"]:
                yield document.error(path, "HD311", f"source '{source}' is cited but not in sources", f"add {source} to sources:", offset=max(0, text.find(f"@{source}")), fix=list_append_fix(document, ("sources",), source))
    for muscle in lib.muscles.values():
        for field in ("location", "action", "shape"):
            for source in cited(getattr(muscle, field)):
                if source not in muscle.sources and source in ctx.known["sources"]:
                    yield ctx.error("content/muscles.yml", (muscle.id, field), "HD311", f"source '{source}' is cited but not in sources", f"add {source} to the sources of {muscle.id}")


def secondhand_figures_are_marked(ctx: Context) -> Iterator[DataError]:
    """HD317: a figure that reached us only quoted elsewhere says so, as its source's entry requires."""
    for ex in ctx.library.exercises.values():
        for i, row in enumerate(ex.evidence):
            source = ctx.library.sources.get(row.source)
            if source and row.muscle in source.secondhand_muscles and not row.secondhand:
                message = f"the {row.muscle} figures of '{row.source}' were only seen quoted in another source, but this row does not say so"
                yield ctx.error(ex.file, ("evidence", i), "HD317", message, "add secondhand: true to this evidence row; the page then marks the figure")


def sources_are_cited(ctx: Context) -> Iterator[DataError]:
    """HD309: every source in the reference list is cited somewhere."""
    used = {ident for _, _, kind, ident in _references(ctx) if kind == "sources"}
    for source in ctx.library.sources:
        if source not in used:
            yield ctx.error("content/sources.yml", (source,), "HD309", f"source '{source}' is never cited", "cite it from a page, or remove it", key=True)


def images_exist(ctx: Context) -> Iterator[DataError]:
    """HD404: an exercise's images are files in the repository, of a sensible size."""
    for ex in ctx.library.exercises.values():
        for i, image in enumerate(ex.images):
            file = (ctx.root / "exercises" / image.path).resolve()
            inside = file.is_relative_to((ctx.root / "exercises").resolve())
            if not inside or not file.is_file():
                yield ctx.error(ex.file, ("images", i, "path"), "HD404", f"image '{image.path}' does not exist", "put the file in exercises/images/")
            elif file.stat().st_size > MAX_IMAGE_BYTES:
                yield ctx.error(ex.file, ("images", i, "path"), "HD404", f"image '{image.path}' is {file.stat().st_size // 1024} KB; the limit is {MAX_IMAGE_BYTES // 1024} KB", "resize or compress it")


PLACEHOLDER = "FILL IN"
_PLACEHOLDER_HINTS = {
    "pose": "copy the pose block of a similar exercise and change what differs (the comment above it shows the shape)",
    "muscles": "list muscle ids from content/muscles.yml, e.g. [gluteus-medius]",
    "sources": "list source ids from content/sources.yml, e.g. [distefano-2009]",
}


def placeholders_filled(ctx: Context) -> Iterator[DataError]:
    """HD310: no 'FILL IN' placeholder from the `new exercise` template is left."""
    for file, path, _, _ in ctx.written.in_files(lambda text: PLACEHOLDER in text):
        hint = _PLACEHOLDER_HINTS.get(str(path[0]) if path else "", "replace the FILL IN text with your own words")
        yield ctx.error(file, path, "HD310", f"{dotted(path)} still holds the template's placeholder", hint)


OUTER_HIP_WHY = {
    "side-lying": "lies on its side, pressing on the bottom hip",
    "side-plank": "props the body on the side of the bottom hip",
    "crossing": "crosses a hip inward past the middle of the body",
}


def outer_hip_swaps(ctx: Context) -> Iterator[DataError]:
    """HD340: an exercise that presses on or crosses over the outer hip says what to do instead
    when it hurts (`outer_hip:`), and swaps to an exercise that does neither."""
    exercises = ctx.library.exercises
    for ex in exercises.values():
        why = ex.presses_or_crosses
        if why and ex.outer_hip is None:
            message = f"the exercise {OUTER_HIP_WHY[why]}, but has no outer_hip: block for readers whose outer hip hurts"
            hint = "add outer_hip: with instead: [standing or seated exercise ids] and how: one short line (see content/outer-hip-pain.md)"
            yield ctx.error(ex.file, ("safety",), "HD340", message, hint)
        for i, other in enumerate(ex.outer_hip.instead if ex.outer_hip else ()):
            if other in exercises and exercises[other].presses_or_crosses:
                message = f"outer_hip swaps to '{other}', which {OUTER_HIP_WHY[exercises[other].presses_or_crosses]} too"
                yield ctx.error(ex.file, ("outer_hip", "instead", i), "HD340", message, "swap to a standing or seated move, or a hold")

