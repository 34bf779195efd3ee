#!/usr/bin/env bash
# What `make test` needs that pip does not bring: a Chromium-family browser
# (browser tests), cairo (social cards), Java and npm (the Nu HTML checker),
# and Debian's venv module for the first `python3 -m venv`.
#
# Silent when everything is there. Otherwise installs the missing Debian/Ubuntu
# packages when it can (root or passwordless sudo, and apt-get), or stops with
# one line that says what to install. `make test` runs it first; run it alone
# with `make system-deps`. Settings: CHROMIUM (a browser binary), PYTHON, VENV,
# VNU (the Nu checker's jar; npm is only needed while it is missing).
set -euo pipefail

packages=()   # Debian packages to install
manual=()     # things apt-get cannot (or should not) install here

fail() { printf 'make test: %s\n' "$*" >&2; exit 1; }

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
find_browser || browser_missing=1

command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
if [ ! -f "${VNU:-.tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar}" ]; then
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi
ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
"$ldconfig" -p 2>/dev/null | grep -q 'libcairo\.so\.2 ' || packages+=(libcairo2)

# Debian and Ubuntu split `python -m venv` into python3-venv; only the system
# Python needs it, and only before .venv exists.
venv=${VENV:-.venv}
if [ ! -x "$venv/bin/python" ] && command -v dpkg >/dev/null 2>&1; then
  python=$(command -v "${PYTHON:-python3}" || true)
  case "$(readlink -f "${python:-/nonexistent}")" in
    /usr/bin/python3*) dpkg -s python3-venv >/dev/null 2>&1 || packages+=(python3-venv) ;;
  esac
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
      what=$(printf '%s\n' "${packages[@]}" | sed 's/default-jre-headless/Java/; s/libcairo2/cairo/; s/python3-venv/Python venv module/' | paste -sd, - | sed 's/,/, /g')
    fi
  fi
  if [ "$browser_missing" = 1 ]; then what="${what:+$what and }$browser_hint"; fi
  fail "install $what, then run make test again"
fi

"${apt[@]}" apt-get update -qq
if [ "$browser_missing" = 1 ]; then
  # Debian's chromium is the browser; Ubuntu's is a wrapper that installs a
  # snap (slow, and unusable in containers and CI), so there we do not.
  candidate=$(apt-cache policy chromium 2>/dev/null | sed -n 's/^ *Candidate: *//p')
  case "$candidate" in
    ""|"(none)"|*snap*) manual+=("$browser_hint") ;;
    *) packages+=(chromium) ;;
  esac
fi
# Name everything we cannot install before installing anything.
[ ${#manual[@]} = 0 ] || fail "install ${manual[*]}, then run make test again"
if [ ${#packages[@]} -gt 0 ]; then
  echo "make test: installing ${packages[*]} with apt-get" >&2
  "${apt[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
fi
