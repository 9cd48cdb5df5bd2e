#!/usr/bin/env bash
# Brings up the real platforms `npm run test:lms` plays the course in: Moodle 4.3 (Apache/PHP,
# PostgreSQL), ADL's CATAPULT cmi5 player (MariaDB) and an xAPI LRS, on loopback, installed into
# $LMS_RIGS (default /opt/lms-rigs). Debian, as root. The installer and the Moodle 4.3 release tarball
# live beside the repository in the project's shared folder (LMS_SOURCE, default ../shared/lms):
# about 4 minutes the first time, seconds after that (it is idempotent and restarts stopped services).
set -euo pipefail
cd "$(dirname "$0")/../.."
SOURCE="${LMS_SOURCE:-../shared/lms}"
if [ ! -x "$SOURCE/setup.sh" ] && [ ! -f "$SOURCE/setup.sh" ]; then
  echo "test:lms needs the real-platform installer: $SOURCE/setup.sh is missing (set LMS_SOURCE to the folder holding setup.sh and moodle/moodle-4.3.0.tar.xz)" >&2
  exit 1
fi
bash "$SOURCE/setup.sh" all
RIGS="${LMS_RIGS:-/opt/lms-rigs}"
# After a reboot the installer finds everything installed; make sure the services answer.
if [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8765/login/index.php)" = 000 ]; then "$RIGS/moodle/start-services.sh"; fi
if [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:3398/)" = 000 ]; then "$RIGS/cmi5/start.sh" 3398 8080; fi
