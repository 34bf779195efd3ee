"""The check stage, end to end: read every data file, check it, and build the typed model.

`load(root)` returns the Library and every problem found, all in one run.
A file that fails its schema is left out of the Library, but its id is still
known, so that other files that name it are not blamed as well.

It works in two passes: `_read` reads every file (and checks and builds the
hand-written pages, whose words the wording rules read), then `_checked_and_built` checks
each data file's schema, builds the library and runs the figures' checks and
the cross-file rules, while the wording rules, which read the texts alone, run
beside it on a second core where they can (generator/check/side_by_side.py).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.check import pose_rules, registry, rules, safety, schema
from generator.check.context import Context, Texts
from generator.check.manifest import FOLDERS, MANIFEST, missing, read_manifest
from generator.check.file_cache import FileCache, checked, open_cache
from generator.check.reading import read_files
from generator.check.side_by_side import side_by_side
from generator.document import Document
from generator.errors import DataError
from generator.model import (
    BASE_ANGLES,
    BASE_PLANTED,
    Day,
    Dose,
    Equipment,
    EvidenceRow,
    Exercise,
    Image,
    Library,
    Limb,
    Load,
    Mistake,
    Muscle,
    Myth,
    OuterHip,
    Page,
    Plan,
    PlanEntry,
    Pose,
    PoseFact,
    PosePair,
    Source,
)
from generator.reader import MAX_FILE_BYTES, read_file, read_markdown, tab_errors

VOCABULARY_MAX_BYTES = 4 * 1024 * 1024  # the reference list grows with the library; one entry file stays small
VOCABULARIES = {"muscles": "content/muscles.yml", "equipment": "content/equipment.yml", "sources": "content/sources.yml"}
COLLECTIONS = {"exercise": "exercises", "myth": "content/myths", "plan": "content/plans"}
_DATA_SUFFIXES = (".yaml", ".json", ".YML")


@dataclass(frozen=True)
class Loaded:
    """The outcome of validation: the library, its documents, and the problems."""

    library: Library
    documents: dict[str, Document]
    known_ids: dict[str, frozenset[str]]
    errors: tuple[DataError, ...]
    notes: tuple[DataError, ...] = ()  # said, not refused (a byte-order mark read past)


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _t(value: Any) -> tuple[str, ...]:
    return tuple(map(str, value or ()))


def _dose(data: dict[str, Any]) -> Dose:
    return Dose(_s(data["sets"]), _s(data.get("reps")), _s(data.get("seconds")), bool(data.get("per_side", False)), _s(data["rest_seconds"]))


def _posture(base: str, view: str, layers: list[Any]) -> Pose:
    """A resolved Pose: the base position's angles, then each layer (start, end) on top."""
    trunk: dict[str, int] = {"trunk": 0, "trunk_side": 0}
    sides: dict[str, dict[str, int]] = {"working": {}, "other": {}}
    for layer in layers:
        trunk.update({key: layer[key] for key in trunk if key in layer})
        for side in sides:
            sides[side].update(layer.get("both", {}))
            sides[side].update(layer.get(side, {}))
    return Pose(base, view, trunk["trunk"], trunk["trunk_side"], Limb(**sides["working"]), Limb(**sides["other"]))


def build_pose(data: dict[str, Any]) -> PosePair:
    """The `pose:` block with every angle resolved: base position, then start; end and via on top of the start."""
    base, view = data["base"], data["view"]
    layers = [BASE_ANGLES[base], data["start"]]
    return PosePair(
        base=base, view=view, planted=data.get("planted", BASE_PLANTED[base]), equipment=_t(data.get("equipment")),
        start=_posture(base, view, layers), end=_posture(base, view, [*layers, data["end"]]),
        via=_posture(base, view, [*layers, data["via"]]) if "via" in data else None, second_view=data.get("second_view"),
        facts=tuple(PoseFact(f["at"], f["fact"], f.get("side", "working")) for f in data.get("facts", ())), moves=data.get("moves"),
        turn=data.get("turn"),
    )


def build_exercise(data: dict[str, Any], file: str) -> Exercise:
    muscles = data["muscles"]
    progressions = data["progressions"]
    return Exercise(
        id=data["id"], file=file, previous_ids=_t(data.get("previous_ids")), name=data["name"],
        aliases=_t(data.get("aliases")), summary=data["summary"], level=data["level"], plane=data["plane"],
        mechanic=data["mechanic"], equipment=_t(data["equipment"]), primary=_t(muscles["primary"]),
        secondary=_t(muscles.get("secondary")), why=data["why"], setup=data["setup"], steps=_t(data["steps"]),
        cues=_t(data["cues"]), mistakes=tuple(Mistake(m["mistake"], m["fix"]) for m in data["mistakes"]),
        dose=_dose(data["dose"]), progress=data["dose"]["progress"], easier=_t(progressions.get("easier")),
        harder=_t(progressions.get("harder")), substitutes=_t(data["substitutes"]),
        evidence=tuple(
            EvidenceRow(e["muscle"], float(e["mvic"]), None if e.get("sd") is None else float(e["sd"]), e["measure"], bool(e.get("secondhand", False)), e["source"], _s(e.get("note")), _s(e.get("tested")))
            for e in data.get("evidence", ())
        ),
        safety=_t(data["safety"]), sources=_t(data["sources"]),
        images=tuple(Image(i["path"], i["alt"], i["licence"], i["author"]) for i in data.get("images", ())),
        pose=build_pose(data["pose"]) if "pose" in data else None,
        outer_hip=OuterHip(_t(data["outer_hip"]["instead"]), data["outer_hip"]["how"]) if "outer_hip" in data else None,
        reviewed=_s(data.get("reviewed")),
        load=tuple(Load(i["muscle"], i["role"], _s(i.get("source")), _s(i.get("reason"))) for i in data.get("load", ())),
    )


def build_myth(data: dict[str, Any], file: str) -> Myth:
    related = data.get("related", {})
    return Myth(
        id=data["id"], file=file, previous_ids=_t(data.get("previous_ids")), claim=data["claim"], verdict=data["verdict"],
        answer=data["answer"], explanation=data["explanation"], instead=data["instead"],
        exercises=_t(related.get("exercises")), muscles=_t(related.get("muscles")), myths=_t(related.get("myths")),
        sources=_t(data["sources"]), reviewed=_s(data.get("reviewed")),
    )


def build_plan(data: dict[str, Any], file: str) -> Plan:
    days = tuple(
        Day(d["name"], d["kind"], _s(d.get("focus")), tuple(PlanEntry(e["exercise"], _dose(e)) for e in d.get("exercises", ())), _s(d.get("notes")))
        for d in data["days"]
    )
    return Plan(
        id=data["id"], file=file, previous_ids=_t(data.get("previous_ids")), title=data["title"], summary=data["summary"],
        audience=data["audience"], equipment=_t(data["equipment"]), days=days, notes=_t(data.get("notes")), sources=_t(data["sources"]),
        reviewed=_s(data.get("reviewed")),
        level=_s(data.get("level")),
    )


BUILDERS: dict[str, Callable[[dict[str, Any], str], Exercise | Myth | Plan]] = {"exercise": build_exercise, "myth": build_myth, "plan": build_plan}


def _vocabulary(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    built: dict[str, Any] = {}
    for key in sorted(data):
        item = data[key]
        if kind == "muscles":
            built[key] = Muscle(key, item["name"], _t(item.get("aliases")), item["summary"], item["region"], item["location"], item["action"], item["shape"], _t(item["sources"]), _s(item.get("reviewed")))
        elif kind == "equipment":
            built[key] = Equipment(key, item["name"], item["description"], bool(item["home"]))
        else:
            fields = {k: item[k] for k in ("description", "year_confirmed", "doi", "pmid", "pmcid", "url", "finding", "note") if k in item}
            fields["short"] = item.get("label", "")
            fields["secondhand_muscles"] = _t(item.get("secondhand_muscles"))
            built[key] = Source(key, item["kind"], item["authors"], item.get("year"), item.get("title", ""), item["venue"], **fields)
    return built


def _same_id(ident: str, files: list[Document]) -> Iterator[DataError]:
    """HD315: two files give one id; each is told about the others, whichever sorts first."""
    for document in files:
        others = ", ".join(other.path for other in files if other is not document)
        own_stem = Path(document.path).stem
        hint = f"give this file its own id: id: {own_stem}" if own_stem != ident else f"this file keeps '{ident}'; change the id in {others}"
        yield document.error(("id",), "HD315", f"id '{ident}' is also the id of {others}", hint)


def _keeper(ident: str, files: list[Document], first: Exercise | Myth | Plan, kind: str) -> Exercise | Myth | Plan:
    """Of several files with one id, the one whose name is the id stays in the library, so that
    other files that name the id are checked against the original, not the copy."""
    for document in files:
        if Path(document.path).stem == ident:
            return BUILDERS[kind](document.value, document.path)
    return first


def _beside_placeholders(document: Document, problems: list[DataError]) -> list[DataError]:
    """Schema problems, less those on a template placeholder: HD310 already says to fill it in."""
    if not problems:
        return problems
    placeholders = {document.where(path) for path, text in document.strings() if rules.PLACEHOLDER in text}
    return [problem for problem in problems if (problem.line, problem.col) not in placeholders]


def _page_output(relative: Path) -> str:
    return relative.as_posix()


def _discover(root: Path) -> Iterator[tuple[str, Path]]:
    """Every data file as (kind, path), and misplaced data files as ('stray', path)."""
    for kind, folder in COLLECTIONS.items():
        base = root / folder
        if not base.is_dir():
            continue
        for file in sorted(base.iterdir()):
            if file.suffix == ".yml" and file.is_file():
                yield kind, file
            elif file.suffix in _DATA_SUFFIXES:
                yield "stray", file
    for kind, relative in VOCABULARIES.items():
        yield kind, root / relative
    content = root / "content"
    for file in sorted(content.rglob("*.md")) if content.is_dir() else ():
        yield "page", file


def load(root: Path, *, cache: bool = False) -> Loaded:
    """Read and validate the whole library under `root`; with `cache`, what each unchanged file
    read to last time, and what its figure's check found, are taken from root/.cache/validate
    (generator/check/file_cache.py)."""
    # Loading makes many small objects and no reference cycles: pausing the
    # cyclic garbage collector saves about a tenth of the time at 1,000 files.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(root, open_cache(root) if cache else None)
    finally:
        if collecting:
            gc.enable()


_DATA_KINDS = frozenset(COLLECTIONS) | frozenset(VOCABULARIES)


def _limit(kind: str) -> int:
    return VOCABULARY_MAX_BYTES if kind in VOCABULARIES else MAX_FILE_BYTES


@dataclass(frozen=True)
class _Read:
    """The first pass over the files: every file read, each page checked and built (the
    wording rules need the pages' texts), and the data files left for `_checked_and_built`."""

    errors: list[DataError]
    documents: dict[str, Document]
    known: dict[str, frozenset[str]]
    pages: dict[str, Page]
    data: list[tuple[str, Document]]  # (kind, document) of each data file read, in the order found


def _read(root: Path, found: list[tuple[str, Path]], cache: FileCache | None) -> _Read:
    errors: list[DataError] = []
    documents: dict[str, Document] = {}
    known: dict[str, set[str]] = {kind: set() for kind in ("exercise", "myth", "plan", "muscles", "equipment", "sources")}
    pages: dict[str, Page] = {}
    data: list[tuple[str, Document]] = []
    # The data files are read first, every second exercise, myth and plan in a forked child where that pays.
    to_read = [(kind, file) for kind, file in found if kind in _DATA_KINDS and file.exists()]
    in_collections = [i for i, (kind, _) in enumerate(to_read) if kind in COLLECTIONS]
    read_ahead = read_files([(file, file.relative_to(root).as_posix(), _limit(kind)) for kind, file in to_read], shared=in_collections[1::2], files=len(found), cache=cache)
    for kind, file in found:
        display = file.relative_to(root).as_posix()
        if kind == "stray":
            errors.append(DataError(display, 1, 1, "HD116", f"'{file.name}' is not read: data files end in .yml", f"rename it to {file.stem}.yml"))
            continue
        if not file.exists():
            errors.append(DataError(display, 1, 1, "HD117", "required data file is missing", "restore it from the main branch"))
            continue
        if kind == "page":
            page = read_markdown(file, display)
            if isinstance(page, DataError):
                errors.extend(_every_tab_line(file, display) if page.code == "HD110" else [page])
                continue
            documents[display] = document = page.front_matter
            problems = schema.check(document, kind) + list(safety.check_document(document))
            errors.extend(_beside_placeholders(document, problems))
            if not problems:
                meta = document.value
                relative = file.relative_to(root / "content")
                pages[display] = Page(display, _page_output(relative), meta["title"], meta["description"], _t(meta.get("sources")), _t(meta.get("hide")), page.body, page.body_line, _s(meta.get("reviewed")))
                errors.extend(safety.check_markdown_body(display, page.body, page.body_line))
            continue
        outcome = read_ahead[file] if file in read_ahead else read_file(file, display, max_bytes=_limit(kind))
        if kind in COLLECTIONS:
            known[kind].add(file.stem)
        if isinstance(outcome, DataError):
            errors.extend(_every_tab_line(file, display) if outcome.code == "HD110" else [outcome])
            continue
        documents[display] = outcome
        if kind in VOCABULARIES and isinstance(outcome.value, dict):
            known[kind].update(k for k in outcome.value if isinstance(k, str))
        data.append((kind, outcome))
    return _Read(errors, documents, {kind: frozenset(ids) for kind, ids in known.items()}, dict(sorted(pages.items())), data)


def _load(root: Path, cache: FileCache | None) -> Loaded:
    found = list(_discover(root))
    read = _read(root, found, cache)
    # The wording rules read the texts alone, so they may start now, on a second core,
    # while this process checks the data files, builds the library and runs the rest.
    # Each text is judged alone, so the texts of files the cache knows need not be read again.
    texts = Texts(read.documents, tuple(read.pages.values()))
    unknown, told = cache.split(read.documents, "wording") if cache is not None else (list(read.documents), [])
    unchecked = Texts({path: read.documents[path] for path in unknown}, texts.pages)
    (built_errors, library), wording_errors = side_by_side(
        lambda: _checked_and_built(root, read, texts, cache), lambda: registry.check_texts(unchecked),
        files=len(unknown), pack=DataError.plain, unpack=DataError.from_plain,
    )
    if cache is not None:
        cache.keep_by_file(unknown, "wording", wording_errors)
    errors = read.errors + built_errors + told + wording_errors
    notes = tuple(note for document in read.documents.values() for note in document.notes) + _unlisted(root, library)
    if cache is not None:
        cache.save()
    return Loaded(library, read.documents, read.known, tuple(sorted(set(errors))), notes)


def _checked_and_built(root: Path, read: _Read, texts: Texts, cache: FileCache | None) -> tuple[list[DataError], Library]:
    """Each data file's schema checked and its item built, the library, then the figures'
    checks and every rule but the wording rules."""
    errors: list[DataError] = []
    built: dict[str, dict[str, Any]] = {"exercise": {}, "myth": {}, "plan": {}}
    vocab: dict[str, dict[str, Any]] = {"muscles": {}, "equipment": {}, "sources": {}}
    claimed: dict[str, dict[str, list[Document]]] = {kind: {} for kind in COLLECTIONS}
    posed: list[tuple[Document, Exercise]] = []  # exercises whose figure is checked
    for kind, document in read.data:
        problems = schema.check(document, kind) + list(safety.check_document(document))
        errors.extend(_beside_placeholders(document, problems))
        if problems:
            continue
        if kind in vocab:
            vocab[kind] = _vocabulary(kind, document.value)
            continue
        item = BUILDERS[kind](document.value, document.path)
        claimed[kind].setdefault(item.id, []).append(document)
        built[kind].setdefault(item.id, item)
        if isinstance(item, Exercise) and item.pose is not None:
            posed.append((document, item))
    copies: list[tuple[str, Exercise | Myth | Plan]] = []
    for kind, owners in claimed.items():
        for ident, files in owners.items():
            if len(files) > 1:
                errors.extend(_same_id(ident, files))
                built[kind][ident] = _keeper(ident, files, built[kind][ident], kind)
                copies.extend((kind, BUILDERS[kind](document.value, document.path)) for document in files if document.path != built[kind][ident].file)
    library = Library(
        exercises=dict(sorted(built["exercise"].items())),
        myths=dict(sorted(built["myth"].items())),
        plans=dict(sorted(built["plan"].items())),
        muscles=vocab["muscles"],
        equipment=vocab["equipment"],
        sources=vocab["sources"],
        pages=read.pages,
    )
    ctx = Context(library, read.documents, read.known, root, texts)
    others = tuple(rule for rule in registry.RULES if rule not in registry.WORDING_RULES)
    errors.extend(error for document, item in posed for error in checked(cache, document.path, "figure", lambda: pose_rules.check_pose(document, item)))
    errors.extend(registry.check(ctx, others))
    errors.extend(_copies_checked(copies, library, read.documents, read.known, root))
    return errors, library


_FIELDS = {"exercise": "exercises", "myth": "myths", "plan": "plans"}


def _copies_checked(copies: list[tuple[str, Exercise | Myth | Plan]], library: Library, documents: dict[str, Document], known: dict[str, frozenset[str]], root: Path) -> list[DataError]:
    """A file that shares its id with another (HD315) is left out of the library, so the
    cross-file rules are run once more with it in its original's place: its other problems
    are all told in this run too, not after HD315 is fixed."""
    found: list[DataError] = []
    for kind, copy in copies:
        entries = {**getattr(library, _FIELDS[kind]), copy.id: copy}
        variant = replace(library, **{_FIELDS[kind]: entries})
        # HD302 (the id is not the file name) says again what HD315 says, with the same fix.
        found.extend(error for error in registry.check_all(variant, documents, known, root) if error.path == copy.file and error.code != "HD302")
    return found


def _unlisted(root: Path, library: Library) -> tuple[DataError, ...]:
    """A note for each page not yet in the list of published addresses (make fix adds it)."""
    manifest = read_manifest(root)
    if not manifest.exists:
        return ()
    current = {"exercise": library.exercises, "myth": library.myths, "plan": library.plans}
    files = {f"{FOLDERS[kind]}/{ident}": item.file for kind, items in current.items() for ident, item in items.items()}
    return tuple(DataError(files[address], 1, 1, "HD319", f"note: {address} is not in {MANIFEST} yet", "make fix adds it, so that a later rename keeps its address") for address in missing(manifest, current))


def _every_tab_line(file: Path, display: str) -> list[DataError]:
    """HD110 on every tab-indented line, not only the first the reader stopped at."""
    return tab_errors(file.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8"), display)

