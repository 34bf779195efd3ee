"""A corpus of broken contributions, each with the error code it must get.

Each case edits one file of the fixture library (tests/fixtures/library):
("replace", old, new) swaps text once, ("write", text) writes a whole file,
("bytes", raw) writes raw bytes, ("copy", other) copies another file of the
library to this name, ("delete",) removes the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BadInput:
    name: str
    file: str
    edit: tuple[object, ...]
    code: str

    def apply(self, root: Path) -> None:
        target = root / self.file
        action = self.edit[0]
        if action == "replace":
            old, new = str(self.edit[1]), str(self.edit[2])
            text = target.read_text(encoding="utf-8")
            assert old in text, f"{self.name}: {old!r} not in {self.file}"
            target.write_text(text.replace(old, new, 1), encoding="utf-8")
        elif action == "write":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(str(self.edit[1]), encoding="utf-8")
        elif action == "bytes":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(bytes(self.edit[1]))  # type: ignore[call-overload]
        elif action == "copy":
            target.write_bytes((root / str(self.edit[1])).read_bytes())
        elif action == "delete":
            target.unlink()


CLAM = "exercises/clam.yml"
LIFT = "exercises/leg-lift.yml"
PLAN = "content/plans/week.yml"
MYTH = "content/myths/spot.yml"
SOURCES = "content/sources.yml"
HOME = "content/index.md"

CASES: tuple[BadInput, ...] = (
    # reading
    BadInput("yaml syntax error", CLAM, ("replace", "level: beginner", "level: beginner: yes"), "HD103"),
    BadInput("bad indentation", CLAM, ("replace", "  primary: [gluteus-medius]", " primary: [gluteus-medius]"), "HD103"),
    BadInput("unclosed bracket", CLAM, ("replace", "aliases: [clamshell]", "aliases: [clamshell"), "HD103"),
    BadInput("duplicate key", CLAM, ("replace", "level: beginner", "level: beginner\nlevel: advanced"), "HD104"),
    BadInput("yaml anchor", CLAM, ("replace", "equipment: [mini-band]", "equipment: &eq [mini-band]"), "HD105"),
    BadInput("yaml alias", LIFT, ("replace", "equipment: []", "equipment: *eq"), "HD105"),
    BadInput("python tag", CLAM, ("replace", "level: beginner", "level: !!python/object/apply:os.system [ls]"), "HD106"),
    BadInput("custom tag", CLAM, ("replace", "level: beginner", "level: !level beginner"), "HD106"),
    BadInput("empty file", LIFT, ("write", ""), "HD109"),
    BadInput("comment-only file", LIFT, ("write", "# nothing here\n"), "HD109"),
    BadInput("invalid utf-8", CLAM, ("bytes", b"id: clam\nname: Cl\xe4m\n"), "HD101"),
    BadInput("tab indentation", CLAM, ("replace", "  primary: [gluteus-medius]", "\tprimary: [gluteus-medius]"), "HD110"),
    BadInput("control character", CLAM, ("replace", "name: Clam", "name: Cl\x07am"), "HD111"),
    BadInput("file too large", LIFT, ("write", "id: leg-lift\nwhy: " + "x" * 300_000 + "\n"), "HD107"),
    BadInput("two documents", CLAM, ("replace", "level: beginner", "level: beginner\n---\nlevel: beginner"), "HD112"),
    BadInput("numeric key", CLAM, ("replace", "level: beginner", "level: beginner\n5: five"), "HD113"),
    BadInput("not a finite number", CLAM, ("replace", "mvic: 40", "mvic: .inf"), "HD114"),
    BadInput("nesting too deep", CLAM, ("replace", "aliases: [clamshell]", "aliases: [[[[[[[[[clamshell]]]]]]]]]"), "HD108"),
    BadInput("page without front matter", HOME, ("write", "# Home\n"), "HD115"),
    BadInput("wrong file extension", "exercises/new-one.yaml", ("write", "id: new-one\n"), "HD116"),
    BadInput("vocabulary file missing", SOURCES, ("delete",), "HD117"),
    # schema
    BadInput("unknown key", CLAM, ("replace", "level: beginner", "level: beginner\ndifficulty: easy"), "HD201"),
    BadInput("misspelt key", CLAM, ("replace", "cues:", "cue:"), "HD201"),
    BadInput("missing required key", CLAM, ("replace", "summary: A side-lying move that opens the top knee against a band to train the side of the hip.\n", ""), "HD202"),
    BadInput("list where a mapping is expected", CLAM, ("replace", "muscles:\n  primary: [gluteus-medius]\n  secondary: [gluteus-maximus]", "muscles: [gluteus-medius]"), "HD203"),
    BadInput("text where a list is expected", CLAM, ("replace", "  primary: [gluteus-medius]", "  primary: gluteus-medius"), "HD203"),
    BadInput("top level is a list", LIFT, ("write", "- id: leg-lift\n"), "HD203"),
    BadInput("number where text is expected", CLAM, ("replace", "name: Clam", "name: 42"), "HD203"),
    BadInput("unknown level", CLAM, ("replace", "level: beginner", "level: easy"), "HD204"),
    BadInput("unknown verdict", MYTH, ("replace", 'verdict: "false"', "verdict: nope"), "HD204"),
    BadInput("unquoted no becomes a boolean", MYTH, ("replace", 'verdict: "false"', "verdict: false"), "HD204"),
    BadInput("id not kebab-case", CLAM, ("replace", "id: clam", "id: Clam_Shell"), "HD205"),
    BadInput("reps not a number or range", CLAM, ("replace", "reps: 12-20", "reps: lots"), "HD205"),
    BadInput("summary too short", CLAM, ("replace", "summary: A side-lying move that opens the top knee against a band to train the side of the hip.", "summary: Short."), "HD206"),
    BadInput("too few cues", CLAM, ("replace", "  - Keep your hips stacked.\n  - Move slowly.\n", ""), "HD206"),
    BadInput("same id twice in a list", CLAM, ("replace", "sources: [study-a]", "sources: [study-a, study-a]"), "HD208"),
    BadInput("both reps and seconds", CLAM, ("replace", "reps: 12-20", "reps: 12-20\n  seconds: 30"), "HD209"),
    BadInput("exercises on a rest day", PLAN, ("replace", "    kind: rest\n", "    kind: rest\n    exercises:\n      - exercise: clam\n        sets: 1\n        reps: 5\n        rest_seconds: 30\n"), "HD209"),
    BadInput("source without doi, pmid or url", SOURCES, ("replace", "  url: https://example.org/review\n", ""), "HD209"),
    # safety
    BadInput("raw html script", CLAM, ("replace", "setup: Lie on your side", "setup: <script>alert(1)</script> Lie on your side"), "HD401"),
    BadInput("raw html event handler", CLAM, ("replace", "  - Lift the top knee.", '  - Lift the <img src=x onerror="alert(1)"> knee.'), "HD401"),
    BadInput("iframe in a page", HOME, ("replace", "# Home", '# Home\n\n<iframe src="https://evil.example"></iframe>'), "HD401"),
    BadInput("javascript link", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: '[click](javascript:alert(1)) Lie on your side.'"), "HD402"),
    BadInput("entity-encoded javascript link", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: '[click](&#106;avascript:alert(1)) Lie down.'"), "HD402"),
    BadInput("data url link", MYTH, ("replace", "instead: Train for strength.", "instead: '[x](data:text/html;base64,PHNjcmlwdD4=)'"), "HD402"),
    BadInput("ftp source url", SOURCES, ("replace", "url: https://example.org/review", "url: ftp://example.org/review"), "HD402"),
    BadInput("javascript source url", SOURCES, ("replace", "url: https://example.org/review", "url: javascript:alert(1)"), "HD402"),
    BadInput("remote image in text", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: '![x](https://tracker.example/p.gif) Lie down.'"), "HD403"),
    BadInput("image file missing", CLAM, ("replace", "safety:", "images:\n  - path: images/missing.png\n    alt: A clam.\n    licence: CC0-1.0\n    author: Me\nsafety:"), "HD404"),
    BadInput("image path outside the repository", CLAM, ("replace", "safety:", "images:\n  - path: ../../etc/passwd\n    alt: A clam.\n    licence: CC0-1.0\n    author: Me\nsafety:"), "HD205"),
    BadInput("svg image", CLAM, ("replace", "safety:", "images:\n  - path: images/clam.svg\n    alt: A clam.\n    licence: CC0-1.0\n    author: Me\nsafety:"), "HD205"),
    # cross-file rules
    BadInput("unknown muscle", CLAM, ("replace", "primary: [gluteus-medius]", "primary: [gluteus-medus]"), "HD301"),
    BadInput("unknown equipment", CLAM, ("replace", "equipment: [mini-band]", "equipment: [mini-bands]"), "HD301"),
    BadInput("dangling progression", CLAM, ("replace", "harder: [leg-lift]", "harder: [leg-lift, pistol-squat]"), "HD301"),
    BadInput("unknown source", CLAM, ("replace", "sources: [study-a]", "sources: [study-a, study-z]"), "HD301"),
    BadInput("unknown inline citation", MYTH, ("replace", "[@review-b]", "[@review-c]"), "HD301"),
    BadInput("plan names an unknown exercise", PLAN, ("replace", "exercise: clam", "exercise: clams"), "HD301"),
    BadInput("file name does not match id", LIFT, ("replace", "id: leg-lift", "id: side-lift"), "HD302"),
    BadInput("previous id taken by another entry", LIFT, ("replace", "previous_ids: [side-leg-lift]", "previous_ids: [thrust]"), "HD303"),
    BadInput("duplicate exercise name", LIFT, ("replace", "name: Leg lift", "name: Clam"), "HD304"),
    BadInput("alias equals another name", LIFT, ("replace", "name: Leg lift", "name: Leg lift\naliases: [Thrust]"), "HD304"),
    BadInput("progressions disagree", LIFT, ("replace", "easier: [clam]", "easier: []"), "HD306"),
    BadInput("progression cycle", LIFT, ("replace", "  harder: []", "  harder: [clam]"), "HD305"),
    BadInput("plan needs equipment it lacks", PLAN, ("replace", "exercise: leg-lift", "exercise: thrust"), "HD307"),
    BadInput("same primary muscle on consecutive days", PLAN, ("replace", "    kind: rest\n", "    kind: training\n    focus: More\n    exercises:\n      - exercise: leg-lift\n        sets: 1\n        reps: 5\n        rest_seconds: 30\n"), "HD308"),
    BadInput("source never cited", SOURCES, ("replace", "review-b:", "unused-c:\n  kind: review\n  authors: X\n  year: 2001\n  title: T\n  venue: V\n  url: https://example.org/x\nreview-b:"), "HD309"),
    BadInput("cited source not listed", MYTH, ("replace", "sources: [review-b]", "sources: [study-a]"), "HD311"),
    BadInput("evidence source not listed", CLAM, ("replace", "sources: [study-a]", "sources: [review-b]"), "HD311"),
    BadInput("exercise lists itself as harder", CLAM, ("replace", "harder: [leg-lift]", "harder: [leg-lift, clam]"), "HD312"),
)

CASES += (
    BadInput("link breaking out of a name", LIFT, ("replace", "name: Leg lift", "name: 'x](javascript:alert(1)) [y'"), "HD402"),
    BadInput("attribute list event handler", CLAM, ("replace", "  - Move slowly.", "  - 'Move slowly. {: onclick=\"alert(1)\" }'"), "HD405"),
    BadInput("attribute list style in a page", HOME, ("replace", "# Home", "# Home { style=\"display:none\" }"), "HD405"),
    BadInput("protocol-relative image", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: '![x](//tracker.example/p.gif) Lie down.'"), "HD403"),
)

LIFT_POSE = "pose:\n  base: side-lying\n  view: front\n  start:\n    other: {knee: 20}\n  end:\n    working: {hip_out: 35}\n"
CLAM_POSE = "pose:\n  base: side-lying\n  view: front\n  equipment: [band-knees]\n  start:\n    both: {hip: 45, knee: 90}\n  end:\n    working: {hip: 35, hip_out: 30, hip_turn: 35}\n"

CASES += (
    # one data file, one page: a copy that keeps the original's id
    BadInput("copied exercise keeps the id, sorts first", "exercises/a-clam-copy.yml", ("copy", CLAM), "HD315"),
    BadInput("copied exercise keeps the id, sorts last", "exercises/zz-clam-copy.yml", ("copy", CLAM), "HD315"),
    BadInput("copied myth keeps the id", "content/myths/a-spot.yml", ("copy", MYTH), "HD315"),
    BadInput("muscle worked hard past the weekly sets", PLAN, ("replace", "        sets: 2\n        reps: 15\n", "        sets: 21\n        reps: 15\n"), "HD320"),
    BadInput("glutes under the level's weekly sets", PLAN, ("replace", "equipment: [mini-band]\n", "level: advanced\nequipment: [mini-band]\n"), "HD320"),
    BadInput("direct abduction past the cap", PLAN, ("replace", "        sets: 2\n        reps: 15\n", "        sets: 17\n        reps: 15\n"), "HD321"),
    BadInput("week without a pattern its equipment allows", PLAN, ("replace", "equipment: [mini-band]\n", "equipment: [mini-band, barbell]\n"), "HD322"),
    BadInput("heavy lift after a light move", PLAN, ("replace", "        rest_seconds: 60\n  - name: Tuesday", "        rest_seconds: 60\n      - exercise: thrust\n        sets: 2\n        reps: 10\n        rest_seconds: 90\n  - name: Tuesday"), "HD323"),
    BadInput("copied plan keeps the id", "content/plans/z-week.yml", ("copy", PLAN), "HD315"),
    # what the tests used to find only after validation said "valid"
    BadInput("no pose", CLAM, ("replace", CLAM_POSE, ""), "HD202"),
    BadInput("figure goes through the floor", "exercises/thrust.yml", ("replace", "    both: {hip: 0, knee: 90, ankle: 0}", "    working: {knee: 150}"), "HD316"),
    # pose rules: the figure teaches what the steps say
    BadInput("fire hydrant seen from the side", LIFT, ("replace", LIFT_POSE, "pose:\n  base: quadruped\n  view: side\n  start: {}\n  end:\n    working: {hip_out: 80}\n"), "HD331"),
    BadInput("knee below hip height where a fact says level", LIFT, ("replace", LIFT_POSE, "pose:\n  base: quadruped\n  view: back\n  start: {}\n  end:\n    working: {hip_out: 45}\n  facts:\n    - {at: end, fact: knee_at_hip_height}\n"), "HD330"),
    BadInput("fact at via without a via", LIFT, ("replace", "    working: {hip_out: 35}\n", "    working: {hip_out: 35}\n  facts:\n    - {at: via, fact: leg_straight}\n"), "HD330"),
    BadInput("unknown pose fact", LIFT, ("replace", "    working: {hip_out: 35}\n", "    working: {hip_out: 35}\n  facts:\n    - {at: end, fact: knee_to_elbow}\n"), "HD204"),
    BadInput("floating body: upper back on a bench that is not drawn", "exercises/thrust.yml", ("replace", "  equipment: [bench-back, barbell-hips]", "  equipment: [barbell-hips]"), "HD332"),
    BadInput("floating knee on hands and knees", LIFT, ("replace", LIFT_POSE, "pose:\n  base: quadruped\n  view: back\n  start:\n    working: {hip: 40}\n  end:\n    working: {hip_out: 40}\n"), "HD332"),
    BadInput("banded exercise draws no band", CLAM, ("replace", "  equipment: [band-knees]\n", ""), "HD333"),
    BadInput("support held but not drawn", LIFT, ("replace", "setup: Lie on your side, legs straight.", "setup: Stand tall and hold a chair with one hand."), "HD333"),
    BadInput("promise to remove hip dips", CLAM, ("replace", "why: It trains the side of the hip [@study-a].", "why: It will get rid of hip dips in a month [@study-a]."), "HD501"),
    BadInput("promise in a hand-written page", HOME, ("replace", "# Home", "# Home\n\nThis plan fills in hip dips fast."), "HD501"),
    BadInput("absolute about what sets a dip", HOME, ("replace", "# Home", "# Home\n\nBone shape sets most of a hip dip; no exercise burns fat from one spot."), "HD502"),
    BadInput("absolute about a dip in data", CLAM, ("replace", "why: It trains the side of the hip [@study-a].", "why: It trains the side of the hip, but hip dips are determined by bone shape [@study-a]."), "HD502"),
    # the load model (generator/check/load_rules.py)
    BadInput("exercise without a load list", LIFT, ("replace", "load:\n  - {muscle: gluteus-medius, role: main, reason: \"lying on the side, the top leg lifts against gravity\"}\n", ""), "HD324"),
    BadInput("load names a muscle the exercise does not list", LIFT, ("replace", "against gravity\"}\n", "against gravity\"}\n  - {muscle: gluteus-maximus, role: high, reason: \"it helps lift the leg a little\"}\n"), "HD324"),
    BadInput("load leaves a primary muscle without main", CLAM, ("replace", "{muscle: gluteus-medius, role: main, source: study-a}", "{muscle: gluteus-medius, role: high, source: study-a}"), "HD324"),
    BadInput("load calls a helper main", CLAM, ("replace", "{muscle: gluteus-maximus, role: low,", "{muscle: gluteus-maximus, role: main,"), "HD324"),
    BadInput("load lists a muscle twice", CLAM, ("replace", "{muscle: gluteus-maximus, role: low,", "{muscle: gluteus-medius, role: low,"), "HD324"),
    BadInput("load source not in the exercise's sources", CLAM, ("replace", "{muscle: gluteus-medius, role: main, source: study-a}", "{muscle: gluteus-medius, role: main, source: review-b}"), "HD324"),
    BadInput("load source that does not exist", CLAM, ("replace", "{muscle: gluteus-medius, role: main, source: study-a}", "{muscle: gluteus-medius, role: main, source: study-z}"), "HD301"),
    BadInput("load item with neither source nor reason", CLAM, ("replace", "{muscle: gluteus-medius, role: main, source: study-a}", "{muscle: gluteus-medius, role: main}"), "HD209"),
    BadInput("load role that is not a choice", CLAM, ("replace", "{muscle: gluteus-medius, role: main, source: study-a}", "{muscle: gluteus-medius, role: medium, source: study-a}"), "HD204"),
    BadInput("template source left", CLAM, ("replace", "sources: [study-a]", 'sources: ["FILL IN"]'), "HD310"),
    BadInput("template pose left", CLAM, ("replace", CLAM_POSE, "pose: FILL IN\n"), "HD310"),
    BadInput("unquoted colon in a cue", CLAM, ("replace", "  - Keep your hips stacked.", "  - Keep your hips: stacked."), "HD203"),
    BadInput("unquoted colon in a sentence", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: Lie down. Note: band above the knees: always."), "HD103"),
    BadInput("secondhand figure not marked", SOURCES, ("replace", "  finding: The side-lying lift had the most activity.\n", "  finding: The side-lying lift had the most activity.\n  secondhand_muscles: [gluteus-medius]\n"), "HD317"),
    BadInput("rival wording of a shared fact", CLAM, ("replace", "why: It trains the side of the hip [@study-a].", "why: It trains the muscles just above the trochanter [@study-a]."), "HD504"),
    BadInput("rival progression rule", LIFT, ("replace", "  - Lift the top leg.", "  - Lift the top leg, and add a little weight each week."), "HD504"),
    BadInput("link to a page that does not exist", HOME, ("replace", "(exercises/clam.md)", "(exercises/clams.md)"), "HD318"),
    BadInput("link to a missing heading", HOME, ("replace", "(exercises/clam.md)", "(index.md#nowhere)"), "HD318"),
    BadInput("link from an exercise to a missing page", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: Lie on your side, as in [the lift](leg-lifts.md)."), "HD318"),
    BadInput("link written from the site root in an exercise", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: >-\n  Lie on your side with a band above the knees,\n  as in [the lift](exercises/leg-lift.md)."), "HD318"),
    BadInput("absolute link to a page", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: Lie on your side, as in [the lift](/hipdips/exercises/leg-lift/)."), "HD318"),
    BadInput("directory-style link", HOME, ("replace", "(exercises/clam.md)", "(exercises/clam/)"), "HD318"),
    BadInput("reworded promise in a folded block", CLAM, ("replace", "why: It trains the side of the hip [@study-a].", "why: >-\n  It trains the side of the hip [@study-a].\n  Say goodbye to hip dips with no equipment."), "HD501"),
    BadInput("promise excused by a report after it", HOME, ("replace", "# Home", "# Home\n\nRemove hip dips in 4 weeks, as the ads say."), "HD501"),
    BadInput("published exercise deleted", "exercises/thrust.yml", ("delete",), "HD319"),
    BadInput("cue too long", CLAM, ("replace", "  - Move slowly.", "  - Move slowly" + " and with care" * 25 + "."), "HD206"),
    BadInput("reference-style link to a missing page", HOME, ("replace", "# Home", "# Home\n\nSee [the lift][lift].\n\n[lift]: exercises/leg-lifts.md"), "HD318"),
    BadInput("side-lying exercise without an outer-hip swap", CLAM, ("replace", "outer_hip:\n  instead: [thrust]\n  how: Lie on the other side, or swap to the thrust.\n", ""), "HD340"),
    BadInput("outer-hip swap to a side-lying exercise", CLAM, ("replace", "  instead: [thrust]", "  instead: [leg-lift]"), "HD340"),
    BadInput("outer-hip swap to an unknown exercise", CLAM, ("replace", "  instead: [thrust]", "  instead: [thrusts]"), "HD301"),
    BadInput("outer-hip swap without instructions", CLAM, ("replace", "  how: Lie on the other side, or swap to the thrust.\n", ""), "HD202"),
    BadInput("source without confirmed authors and no label", SOURCES, ("replace", "review-b:", "unsure-c:\n  kind: review\n  authors: Authors not confirmed\n  year: 2001\n  title: T\n  venue: V\n  url: https://example.org/x\nreview-b:"), "HD202"),
    BadInput("proper name in lower case", CLAM, ("replace", "setup: Lie on your side with a band above the knees.", "setup: Lie on your side, as after a romanian deadlift."), "HD505"),
    BadInput("link with no words", HOME, ("replace", "[clam](exercises/clam.md)", "[](exercises/clam.md)"), "HD318"),
)
