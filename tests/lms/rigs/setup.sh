#!/usr/bin/env bash
# Brings up the real learning platforms `npm run test:lms` plays the course in, on loopback (Debian, root;
# idempotent; about 5 minutes the first time, seconds after that):
#   moodle  Moodle 4.3 (Apache + PHP 8.2, PostgreSQL 15)       http://127.0.0.1:8765        admin / Admin#12345
#   cmi5    ADL's CATAPULT cmi5 player (private MariaDB)       http://127.0.0.1:3398        API catapult-key / catapult-secret
#           and the xAPI LRS it reports to (Learning Locker's  http://127.0.0.1:8080/xAPI/  lrs-key / lrs-secret
#           statement service + State/Profile glue)
#   forma   Forma LMS 4.0.19, its own SCORM 1.2/2004 player    http://127.0.0.1:8770        admin / Admin#12345
#           (private Apache + PHP 8.2, private MariaDB 3307)                                student / Student#12345
# Each rig folder here is copied to $LMS_RIGS (default /opt/lms-rigs) and installed there. Moodle's and Forma's
# sources are not in the repository: sources.ts takes them from LMS_SOURCE (default ../shared/lms beside the
# repository) or from their official download, checked against the hashes pinned in it (README.md).
# With MOODLE_URL set, Moodle is one you run yourself (Docker, …): only its driver is installed.
# Usage: setup.sh [all|moodle|cmi5|forma]. Afterwards $LMS_RIGS/<rig>/README.md says how to drive each one.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
DEST="${LMS_RIGS:-/opt/lms-rigs}"
WHAT="${1:-all}"
case "$WHAT" in all|moodle|cmi5|forma) ;; *) echo "usage: $0 [all|moodle|cmi5|forma]" >&2; exit 2 ;; esac
[ "$(id -u)" = 0 ] || { echo "$0 installs Debian packages and services: run it as root" >&2; exit 1; }
[ -x "$REPO/node_modules/.bin/tsx" ] || { echo "$0 needs the repository's npm packages: run npm ci first" >&2; exit 1; }
mkdir -p "$DEST"
export DEBIAN_FRONTEND=noninteractive
[ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get update -qq
copy() { tar -C "$HERE" --exclude=node_modules --exclude=out -cf - "$1" | tar -C "$DEST" -xf -; }
npm_in() { (cd "$1" && { [ -d node_modules ] || npm install --no-audit --no-fund "${@:2}" >/dev/null 2>&1; }) || { echo "npm install failed in $1" >&2; exit 1; }; }
# The checked source of moodle|forma (sources.ts prints where it took it from, or why there is none).
source_of() { "$REPO/node_modules/.bin/tsx" "$HERE/sources.ts" "$1"; }
up() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != 000 ]; }

if [ "$WHAT" = all ] || [ "$WHAT" = moodle ]; then
  copy moodle
  if [ -n "${MOODLE_URL:-}" ]; then
    # A Moodle run another way (Docker, …): only its driver is installed; README.md says what the driver needs.
    npm_in "$DEST/moodle"
    up "$MOODLE_URL/login/index.php" || { echo "MOODLE_URL=$MOODLE_URL does not answer: start that Moodle first, or leave MOODLE_URL unset to install the Moodle rig here" >&2; exit 1; }
  else
    # Installed code needs no source: a second run reads no archive.
    SRC=""; [ -f /opt/moodle/version.php ] || SRC="$(source_of moodle)"
    "$DEST/moodle/install.sh" ${SRC:+"$SRC"}
  fi
fi
if [ "$WHAT" = all ] || [ "$WHAT" = cmi5 ]; then
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || apt-get install -y -qq mariadb-server >/dev/null
  command -v chromium >/dev/null || apt-get install -y -qq chromium >/dev/null
  copy lrs; copy cmi5
  npm_in "$DEST/lrs"; npm_in "$DEST/cmi5"; npm_in "$DEST/cmi5/catapult-player/service" --omit=dev
  # After a reboot everything is installed but nothing runs: start what does not answer.
  up http://127.0.0.1:8080/xAPI/about || "$DEST/lrs/start.sh" 8080 >/dev/null
  up http://127.0.0.1:3398/ || "$DEST/cmi5/start.sh" 3398 8080
fi
if [ "$WHAT" = all ] || [ "$WHAT" = forma ]; then
  copy forma && npm_in "$DEST/forma"
  SRC=""; [ -f /opt/formalms/html/index.php ] && [ -f /opt/formalms/html/vendor/autoload.php ] || SRC="$(source_of forma)"
  "$DEST/forma/install.sh" ${SRC:+"$SRC"}
fi
case "$WHAT" in
  moodle) READY="Moodle ${MOODLE_URL:-http://127.0.0.1:8765}" ;;
  cmi5)   READY="CATAPULT http://127.0.0.1:3398, LRS http://127.0.0.1:8080/xAPI/" ;;
  forma)  READY="Forma http://127.0.0.1:8770" ;;
  *)      READY="Moodle ${MOODLE_URL:-http://127.0.0.1:8765}, CATAPULT http://127.0.0.1:3398, LRS http://127.0.0.1:8080/xAPI/, Forma http://127.0.0.1:8770" ;;
esac
echo "LMS rigs ready in $DEST: $READY"
