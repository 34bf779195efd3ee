#!/usr/bin/env bash
# The README's two commands on a fresh Debian, as a new user runs them: makes
# a root with `debootstrap --variant=minbase` plus git, make and python3 (the
# distribution's own), clones this repository into it (HEAD, with the working
# tree's uncommitted and untracked files copied over), and runs make targets
# in the order given. Run as root (debootstrap and chroot need it); installs
# debootstrap with apt-get when missing.
#
#   scripts/fresh-root.sh SUITE TARGET...
#   scripts/fresh-root.sh bookworm serve test     # Debian 12, Python 3.11.2
#   scripts/fresh-root.sh trixie test serve       # Debian 13, Python 3.13
#
# For `serve`: starts `make serve`, waits (up to 15 minutes) for
# http://127.0.0.1:PORT/hipdips/ to answer, stops it with TERM (sent to the
# server, make's child) and requires a clean exit of make (status 0, no
# message). PORT is 8000 unless something listens there already.
# Any other target (test, build, validate) must exit 0. Every run also fails
# if a Python traceback reaches the output. The log of each run is in
# WORK/SUITE-TARGETS.log. Settings: WORK (default /var/tmp/hipdips-roots:
# the pristine roots are kept there as SUITE.base and reused; the root of a
# run is deleted afterwards unless KEEP=1), MIRROR (default
# http://deb.debian.org/debian).
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
suite=$1; shift
targets=("$@")
[ "$(id -u)" = 0 ] || { echo "fresh-root: run as root (debootstrap and chroot need it)" >&2; exit 2; }
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=${WORK:-/var/tmp/hipdips-roots}
mirror=${MIRROR:-http://deb.debian.org/debian}
name="$suite-$(IFS=-; echo "${targets[*]}")"
root="$work/$name.root"
log="$work/$name.log"
mkdir -p "$work"
: > "$log"
say() { printf 'fresh-root %s: %s\n' "$name" "$*" | tee -a "$log" >&2; }

command -v debootstrap >/dev/null 2>&1 || { say "installing debootstrap"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }

base="$work/$suite.base"
if [ ! -f "$base/.complete" ]; then
  say "debootstrap --variant=minbase $suite (+ git, make, python3) into $base"
  rm -rf "$base"
  debootstrap --variant=minbase --include=git,make,python3 "$suite" "$base" "$mirror" >>"$log" 2>&1
  touch "$base/.complete"
fi
rm -rf "$root"
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"

# Chromium (the browser tests) needs /proc, /sys, /dev and a shared-memory /dev/shm.
mounts=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
  if [ "${KEEP:-0}" != 1 ]; then rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
mount_in() { mkdir -p "$root$2"; mount "${@:3}" "$1" "$root$2"; mounts+=("$root$2"); }
mount_in proc /proc -t proc
mount_in sysfs /sys -t sysfs
mount_in /dev /dev --bind
mount_in devpts /dev/pts -t devpts -o newinstance,ptmxmode=0666
mount_in shm /dev/shm -t tmpfs -o size=1g

# The repository as committed, then the working tree's changes on top.
src=/home/contributor/hipdips
git clone --quiet --no-checkout "$repo" "$root$src"
git -C "$root$src" checkout --quiet --detach "$(git -C "$repo" rev-parse HEAD)"
(cd "$repo" && git ls-files -z -m -o --exclude-standard | tar --null -T - -c -f -) | tar -x -f - -C "$root$src"
(cd "$repo" && git ls-files -z -d) | (cd "$root$src" && xargs -0 -r rm -f --)
say "$(chroot "$root" sh -c '. /etc/os-release; echo "$PRETTY_NAME, $(python3 --version)"'), $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD || echo ' + uncommitted changes')"

# Behind a TLS-inspecting proxy (PIP_CERT names its CA bundle) pip and npm in
# the root need that bundle too; an ordinary machine does not set PIP_CERT.
ca=()
if [ -n "${PIP_CERT:-}" ] && [ -f "$PIP_CERT" ]; then
  cp "$PIP_CERT" "$root/etc/host-ca.crt"
  ca=(PIP_CERT=/etc/host-ca.crt NODE_EXTRA_CA_CERTS=/etc/host-ca.crt)
fi
inside() { exec chroot "$root" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb "${ca[@]}" sh -c "cd $src && $*"; }

port_free() { python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null; }
answers() { python3 -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' "$1" 2>/dev/null; }

serve() {
  local port=8000 addr url pid server waited=0 code=0
  port_free $port || port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  addr=127.0.0.1:$port url=http://127.0.0.1:$port/hipdips/
  say "make serve${addr:+ (SERVE_ADDR=$addr)}: waiting for $url"
  ( inside "exec make serve SERVE_ADDR=$addr" ) >>"$log" 2>&1 &
  pid=$!  # chroot, env and sh exec: this is make
  until answers "$url"; do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" || code=$?; say "FAIL: make serve ended (status $code) before $url answered"; return 1; }
    [ $waited -lt 900 ] || { kill -TERM "$pid"; say "FAIL: $url did not answer within 15 minutes"; return 1; }
    sleep 3; waited=$((waited + 3))
  done
  server=$(ps -o pid= --ppid "$pid" | head -n 1)
  say "$url answers after ${waited} s; stopping the server (pid $server, $(cat "/proc/$server/comm")) with TERM"
  kill -TERM "$server"
  wait "$pid" || code=$?
  [ $code = 0 ] || { say "FAIL: make serve exited with status $code after TERM"; return 1; }
  say "make serve stopped cleanly (status 0)"
}

started=$(date +%s)
for target in "${targets[@]}"; do
  t0=$(date +%s)
  if [ "$target" = serve ]; then
    serve
  else
    say "make $target"
    ( inside "make $target" ) >>"$log" 2>&1 || { say "FAIL: make $target exited with status $?"; exit 1; }
  fi
  say "make $target passed in $(( $(date +%s) - t0 )) s"
done
if grep -n 'Traceback (most recent call last)' "$log" >&2; then say "FAIL: a traceback reached the output"; exit 1; fi
say "PASS: make ${targets[*]} in $(( $(date +%s) - started )) s ($log)"
