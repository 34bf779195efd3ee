#!/usr/bin/env bash
# What the make targets need that pip does not bring, checked before anything
# runs. Usage: scripts/system-deps.sh venv|build|test
#   venv   Debian's venv module (python3-venv), needed only while .venv is
#          missing or half-made (a failed `python3 -m venv` leaves one behind)
#   build  that, and cairo (CairoSVG draws the preview cards): make build, serve
#   test   that, a Chromium-family browser (browser tests), Java and npm (the
#          Nu HTML checker): make test
#
# Silent when everything is there. Otherwise installs the missing Debian/Ubuntu
# packages when it can (root or passwordless sudo, and apt-get), saying what
# and why first, or stops with one line that says what to install. Settings:
# GOAL (the make target named in messages), CHROMIUM (a browser binary),
# PYTHON, VENV, VNU (the Nu checker's jar; npm is only needed while it is
# missing).
set -euo pipefail

mode=${1:-test}
case "$mode" in venv|build|test) ;; *) echo "usage: $0 venv|build|test" >&2; exit 2 ;; esac
goal="make ${GOAL:-$mode}"

packages=()   # Debian packages to install
reasons=()    # what each is for, in the same order
manual=()     # things apt-get cannot (or should not) install here

fail() { printf '%s: %s\n' "$goal" "$*" >&2; exit 1; }
need() { packages+=("$1"); reasons+=("$2"); }

# Debian and Ubuntu split `python -m venv` into python3-venv; only the system
# Python needs it, and only while .venv is not a working venv.
venv=${VENV:-.venv}
if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  python=$(command -v "${PYTHON:-python3}" || true)
  case "$(readlink -f "${python:-/nonexistent}")" in
    /usr/bin/python3*) dpkg -s python3-venv >/dev/null 2>&1 || need python3-venv "Python's venv module" ;;
  esac
fi

if [ "$mode" != venv ]; then
  ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
  "$ldconfig" -p 2>/dev/null | grep -q 'libcairo\.so\.2 ' || need libcairo2 "cairo, for the preview cards"
fi

# The browser, looked for in the order tests/test_browser.py uses.
find_browser() {
  if [ -n "${CHROMIUM:-}" ]; then
    command -v -- "$CHROMIUM" >/dev/null 2>&1 || fail "CHROMIUM=$CHROMIUM is not an executable browser; fix it or unset it"
    return 0
  fi
  local name
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

browser_missing=0
if [ "$mode" = test ]; then
  find_browser || browser_missing=1
  command -v java >/dev/null 2>&1 || need default-jre-headless "Java, for the Nu HTML checker"
  if [ ! -f "${VNU:-.tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar}" ]; then
    command -v npm >/dev/null 2>&1 || need npm "npm, to fetch the Nu HTML checker"
  fi
fi

[ "$browser_missing" = 0 ] && [ ${#packages[@]} = 0 ] && exit 0

# Can we install? apt-get, and root or sudo that never asks for a password.
apt=()
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt=(env DEBIAN_FRONTEND=noninteractive)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then apt=(sudo -n env DEBIAN_FRONTEND=noninteractive)
  fi
fi

browser_hint="a Chromium-family browser (Debian: chromium; Ubuntu: Google Chrome's .deb, not the snap) or set CHROMIUM=/path/to/it"
if [ ${#apt[@]} = 0 ]; then
  # Nothing we may install with: say it all on one line.
  what=""
  if [ ${#packages[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1; then
      what="${packages[*]} (sudo apt-get install ${packages[*]})"
    else
      what=$(printf '%s, ' "${reasons[@]}"); what=${what%, }
    fi
  fi
  if [ "$browser_missing" = 1 ]; then what="${what:+$what and }$browser_hint"; fi
  fail "install $what, then run $goal again"
fi

"${apt[@]}" apt-get update -qq
if [ "$browser_missing" = 1 ]; then
  # Debian's chromium is the browser; Ubuntu's is a wrapper that installs a
  # snap (slow, and unusable in containers and CI), so there we do not.
  candidate=$(apt-cache policy chromium 2>/dev/null | sed -n 's/^ *Candidate: *//p')
  case "$candidate" in
    ""|"(none)"|*snap*) manual+=("$browser_hint") ;;
    *) need chromium "a browser, for the browser tests" ;;
  esac
fi
# Name everything we cannot install before installing anything.
[ ${#manual[@]} = 0 ] || fail "install ${manual[*]}, then run $goal again"
why=$(printf '%s; ' "${reasons[@]}"); why=${why%; }
echo "$goal: installing ${packages[*]} with apt-get ($why)" >&2
"${apt[@]}" apt-get install -y -qq "${packages[@]}" 2> >(grep -v "^debconf: delaying package configuration" >&2) >/dev/null
