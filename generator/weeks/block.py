"""The 12-week block every week is done in: reps first, then load by each move's own progression
rule, two lighter weeks, and a test at the start and the end. The week pages print it and the
calendar files (generator/render/ics.py) follow it week by week.

The progression rule is the guideline's (E9, Ratamess et al. 2009): once you can do one or
two reps more than the target on every set, add 2-10% load. Each exercise's own `progress`
says what "more load" means for it (a stronger band, a harder version). The lighter weeks and
the test weeks are common coaching practice, said as such on the page, not a study's finding.
"""

from __future__ import annotations

from dataclasses import dataclass

WEEKS = 12


@dataclass(frozen=True)
class Phase:
    first: int
    last: int
    name: str
    what: str
    light: bool = False

    @property
    def weeks(self) -> str:
        return f"Week {self.first}" if self.first == self.last else f"Weeks {self.first}-{self.last}"


BLOCK = (
    Phase(1, 1, "Start and test", "Use the low end of each rep range and learn the moves. Write down each move's weight, band or version and the reps of your last set: that is your first test."),
    Phase(2, 3, "Add reps", "Add a rep or two to each set each week, up to the top of the range, with the same weight or band."),
    Phase(4, 4, "Lighter week", "Do one set fewer of each move, with the same weights, and stop each set with about four reps still in you. This lets your body catch up.", light=True),
    Phase(5, 7, "Add load", "When a move reaches the top of its rep range on every set, take its next step, as its page says: 2-10% more weight, a stronger band or a harder version. Then start again at the low end of the reps."),
    Phase(8, 8, "Lighter week", "One set fewer of each move, same weights, about four reps in reserve.", light=True),
    Phase(9, 11, "Add load again", "Go on the same way: reps up to the top of the range, then the next step."),
    Phase(12, 12, "Retest, then rest", "Early in the week, repeat the week 1 test with the same moves and count your reps. Then train lightly for the rest of the week, and start a new block from your new numbers.", light=True),
)


def phase_of(week: int) -> Phase:
    return next(phase for phase in BLOCK if phase.first <= week <= phase.last)
