#!/usr/bin/env bash
# Brings up the real platforms `npm run test:lms` plays the course in, all required: Moodle 4.3 (Apache/PHP,
# PostgreSQL), ADL's CATAPULT cmi5 player (MariaDB) and an xAPI LRS, and Forma LMS 4.0.19, on loopback, installed
# into $LMS_RIGS (default /opt/lms-rigs). Debian, as root. The installers and drivers are in tests/lms/rigs/; the
# Moodle and Forma sources come from LMS_SOURCE (default ../shared/lms when it exists) or from their official
# download, checked against pinned SHA-256 digests (tests/lms/rigs/README.md). About 5 minutes the first time,
# seconds after that (idempotent; it restarts stopped services).
set -euo pipefail
exec bash "$(dirname "$0")/rigs/setup.sh" all
