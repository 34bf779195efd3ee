"""`python -m generator`: the command line, or one line on what is missing to run it."""

import sys

if sys.version_info < (3, 11):
    sys.exit(f"python -m generator needs Python 3.11 or later; this is {sys.version.split()[0]}. Use `make validate`, which sets up .venv")

try:
    from generator.cli import main

    code = main()
except ModuleNotFoundError as missing:  # a Python without the pinned packages (not a bug of ours)
    if (missing.name or "").partition(".")[0] == "generator":
        raise
    print(f"python -m generator needs the project's packages ({missing.name} is not installed). Use the make targets (`make validate`, `make new NAME=\"...\"`), which set up .venv, or run .venv/bin/python -m generator", file=sys.stderr)
    code = 2
except OSError as missing:  # cairocffi finds no cairo library (CairoSVG draws the preview cards with it)
    if "cairo" not in str(missing):
        raise
    print("python -m generator needs the cairo library for the preview cards (Debian/Ubuntu: sudo apt-get install libcairo2). `make build` and `make serve` install it, or say how", file=sys.stderr)
    code = 2
sys.exit(code)
