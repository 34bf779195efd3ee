"""HD501 catches a promise to remove hip dips however it is worded, and a denial or a report
excuses it only where it governs that claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.wording import REMOVAL_PROMISE, problems_in_text
from tests.conftest import run_cli

PROMISES = (
    "Your hip dips will disappear.",
    "This move helps you lose your hip dips.",
    "Say goodbye to hip dips!",
    "Your hip dips will be gone in a month.",
    "Smooth out the dip in your hips.",
    "Smooth out the dips on your hips with three moves.",
    "Get rid of hip dips with no equipment.",
    "Get rid of hip dips without a gym.",
    "Remove hip dips in 4 weeks, as the ads say.",
    "Hip dips will vanish after this plan.",
    "No more hip dips!",
    "Dip-free hips in six weeks.",
    "Hip dips, gone in 30 days.",
    "Hip dips: gone.",
    "Hip dips can be filled in with this plan.",
    "Your hip dips are removed by side lunges.",
    "This plan erases hip dips.",
    "Fix your hip dips at home.",
    "Fill in your hip dips with two moves.",
    "Fill out hip dips fast.",
    "Banish hip dips for good.",
    "Eliminate hip dips in a week.",
    "Kiss your hip dips goodbye? No: say goodbye to hip dips now.",
    "Wave goodbye to your hip dips.",
    "Bye-bye hip dips.",
    "Goodbye, hip dips.",
    "Make your hip dips disappear.",
    "Watch your hip dips fade away.",
    "This routine will shrink your hip dips.",
    "Reduce hip dips with banded walks.",
    "Without a gym, remove hip dips at home.",
    "No gym needed to remove hip dips.",
    "No equipment, no gym, you can get rid of hip dips.",
    "With no equipment you can erase hip dips.",
    "You don't need a gym to get rid of hip dips.",
    "The ads say so, but this plan will remove hip dips.",
    "Hip dips will be a thing of the past.",
    "Your hip dips will be history.",
    "Get hips free of hip dips.",
    "Lose the hip dips for summer.",
    "Want to get rid of hip dips?",
    "How to get rid of hip dips?",
    "This plan promises to remove hip dips.",
    "Erase the hollows on the sides of your hips.",
    "Build muscle to fill in the dents in your hips.",
    "Our hip-dip-free plan works.",
    "Get rid of your stubborn hip dips fast.",
    "Hip dips get smaller and disappear with this plan.",
    "Don't wait: get rid of hip dips today.",
    "Not sure where to start? Remove hip dips with this plan.",
    "Never skip a day and you will remove hip dips.",
    "Nothing to buy: just get rid of hip dips.",
    "Hip dips? Gone in 30 days.",
    "Finally fill those hip dips!",
    "Turn hip dips into smooth curves.",
    "Want smooth hips with no dips? Try this.",
    "You will no longer have hip dips.",
    "Never worry about hip dips again: this plan fills them in.",
    "Kiss hip dips goodbye.",
    "Nothing works faster to remove hip dips.",
    "Your hip dips won't stand a chance.",
    "This exercise gets rid of hip dips, no gym needed.",
    "Removing hip dips takes just 10 minutes a day.",
    "Get rid of hip dips, not your weekends.",
)

HONEST = (
    "No exercise can remove hip dips.",
    "No exercise, food or plan removes a hip dip.",
    "Nothing will make hip dips disappear.",
    "You cannot get rid of hip dips, and you do not need to.",
    "Hip dips do not disappear with exercise.",
    "Hip dips will not vanish, whatever the ads say.",
    "Hip dips can't be removed by exercise.",
    "The ads say they will erase hip dips, but they will not.",
    "Claims that squats remove hip dips are false.",
    "The myth that squats fill in hip dips is popular.",
    "Some apps promise to get rid of hip dips in a month.",
    "Influencers often claim that one move fixes hip dips.",
    "No study shows that any amount of training fills in a hip dip.",
    "Can squats remove hip dips?",
    "Do side lunges get rid of hip dips?",
    "That squats remove hip dips is a myth.",
    "There is no way to remove hip dips with exercise.",
    "It is not possible to fill in hip dips with exercise.",
    "This plan is not about trying to erase hip dips.",
    "Build strength instead of trying to erase hip dips.",
    "Exercise does not really smooth out the dip in your hips.",
    "You may read that banded walks remove hip dips.",
    "Squats alone will not fix your hip dips.",
    "Hip dips are normal and healthy.",
    "Side-lying leg lifts train the muscles above the hip dip.",
    "The dip may look a little softer as the muscle grows.",
    "Fix: keep your hips stacked.",
    "Lose the idea that hip dips are a flaw.",
    "For example, [can hip dips be removed?](myths/hip-dips-can-be-removed.md) is a common question.",
    "Squats are a great lift, but they barely grow the side muscles, and no exercise can fix a hip dip.",
    "It is often said that lunges fill out hip dips.",
    "You don't have to get rid of hip dips.",
    "Hip dips? No exercise fills them in.",
    "Many videos promise to fill in hip dips in weeks.",
    "Don't believe anyone who says they can erase hip dips.",
    "Hip dips are not something to fix.",
    "There's no exercise that removes hip dips.",
    "Training will never fully fill in hip dips.",
)


@pytest.mark.parametrize("sentence", PROMISES)
def test_a_promise_is_refused_however_it_is_worded(sentence: str) -> None:
    codes = [claim.code for _, claim, _ in problems_in_text(sentence, (REMOVAL_PROMISE,))]
    assert codes and set(codes) == {"HD501"}, sentence


@pytest.mark.parametrize("sentence", HONEST)
def test_a_denial_or_report_that_governs_the_claim_is_not_a_promise(sentence: str) -> None:
    assert list(problems_in_text(sentence, (REMOVAL_PROMISE,))) == [], sentence


def test_a_promise_in_a_folded_block_names_its_own_line_and_quotes_it(library: Path) -> None:
    clam = library / "exercises" / "clam.yml"
    text = clam.read_text(encoding="utf-8")
    old = "why: It trains the side of the hip [@study-a]."
    assert old in text
    clam.write_text(text.replace(old, "why: >-\n  It trains the side of the hip [@study-a].\n  Best of all, it will\n  get rid of hip dips with no equipment."), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    result = run_cli("validate", root=library)
    assert f"exercises/clam.yml:{line + 2}:" in result.err and "HD501" in result.err, result.err
    assert '"Best of all, it will get rid of hip dips with no equipment."' in result.err
