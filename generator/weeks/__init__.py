"""The plan stage: a week for each reader's days, equipment and level, built from the library.

`planner.plan_weeks(library)` is the stage, a pure function of the library.
`model` says what a built week is (the reader's choices, the kits), `rules`
checks each week by the same rules as the hand-written plans before it is
published, `words` holds every sentence a built week says, and `pages` what
each week's page shows. Rendering receives the weeks and never plans.
"""
