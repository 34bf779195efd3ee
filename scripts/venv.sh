#!/usr/bin/env bash
# Make .venv (again, if a failed `python3 -m venv` left half of one behind) and
# install a pinned requirements file into it, saying first what and why.
# Usage: scripts/venv.sh REQUIREMENTS WHY. Settings: GOAL (the make target
# named in messages), PYTHON (default python3), VENV (default .venv).
set -euo pipefail

requirements=$1 why=$2
goal="make ${GOAL:-build}" python=${PYTHON:-python3} venv=${VENV:-.venv}
fail() { printf '%s: %s\n' "$goal" "$*" >&2; exit 1; }

if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
  command -v "$python" >/dev/null 2>&1 || fail "no $python found; install Python 3.11, 3.12 or 3.13 (or run make PYTHON=/path/to/python3 ...)"
  # The supported Pythons, as in pyproject.toml and the README.
  "$python" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' \
    || fail "$python is Python $("$python" -c 'import platform; print(platform.python_version())'); the site is built with Python 3.11, 3.12 or 3.13 (set PYTHON=/path/to/one)"
  if [ -e "$venv" ] || [ -L "$venv" ]; then
    echo "$goal: $venv is not a working venv (a failed python3 -m venv leaves half of one); making it again" >&2
  else
    echo "$goal: making $venv with $python" >&2
  fi
  "$python" -m venv --clear "$venv" >/dev/null 2>&1 || fail "$python -m venv $venv failed; on Debian or Ubuntu install python3-venv (sudo apt-get install python3-venv), then run $goal again"
fi
echo "$goal: installing $requirements into $venv ($why; pinned versions, a minute or two the first time)" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
