"""The check stage: every data file read, checked and turned into the typed model, or errors.

`validate.load(root)` is the stage: it reads each file (generator/reader.py),
checks it against its JSON Schema (`schema`) and for anything that could run in
a reader's browser (`safety`), builds the model, then runs the cross-file rules
the registry lists (`registry`): ids, names, progressions, citations and images
(`rules`), hand-written weeks (`plan_rules`), claims the site never makes and
copied wording (`wording`, `originality`), and links between pages
(`page_links`). Every rule reads one shared `context`; `texts` walks every
text a contributor writes once for the rules that read prose. From the command
line, `file_cache` keeps what each unchanged file read to and what the figure
and wording checks found in it, so the next run reads and checks only what changed.
"""
