#!/usr/bin/env bash
# Installs the Forma LMS 4.0.19 SCORM rig (Debian 12, root; idempotent; about a minute the first time, seconds after):
#   code in /opt/formalms (from formalms-4.0.19-vendored.tar.xz: Forma's source with html/vendor included; or from
#   Forma's unpacked source tree, whose PHP packages composer then installs as html/composer.lock pins them),
#   a private MariaDB on 127.0.0.1:3307 (datadir /var/lib/lms2/mysql, db / user / password: forma),
#   a private Apache + mod_php 8.2 on 127.0.0.1:8770 (config /var/lib/lms2/apache/httpd.conf),
#   then Forma's own web installer (admin / Admin#12345) and the student account (student / Student#12345).
# Touches no other service: no /etc/apache2 or /etc/mysql edits, nothing of Moodle's Apache (8765), PostgreSQL, the
# MariaDB on 3306 or the Node services on 3398/8080. Needs node + npm; `npm install` here first (setup.sh does).
# Usage: ./install.sh [formalms-4.0.19-vendored.tar.xz (default: beside this file), or Forma 4.0.19's source tree]
#        (../setup.sh passes what ../sources.ts checked; nothing is read when the code is installed already)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="${1:-$HERE/formalms-4.0.19-vendored.tar.xz}"
DIR=/opt/formalms V=/var/lib/lms2 URL=http://127.0.0.1:8770
T0=$(date +%s)
export DEBIAN_FRONTEND=noninteractive

# 0. packages (only the missing ones). apache2-bin is Apache's binary and modules without Debian's apache2 service;
#    mariadb-server only when no mariadbd is present (this rig runs its own mariadbd, not the system service).
PKGS="apache2-bin libapache2-mod-php8.2 php8.2-cli php8.2-mysql php8.2-xml php8.2-mbstring php8.2-curl php8.2-zip
  php8.2-gd php8.2-intl php8.2-bcmath php8.2-ldap media-types chromium curl xz-utils"
[ -x /usr/sbin/mariadbd ] || PKGS="$PKGS mariadb-server"
HAVE=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' $PKGS 2>/dev/null | awk '$2=="installed"{print $1}' || true)
MISSING=""; for p in $PKGS; do grep -qx "$p" <<<"$HAVE" || MISSING="$MISSING $p"; done
if [ -n "${MISSING// /}" ]; then
  [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get update -qq
  apt-get install -y -qq $MISSING >/dev/null
fi
for b in /usr/sbin/apache2 /usr/lib/apache2/modules/libphp8.2.so /usr/sbin/mariadbd /usr/bin/mariadb-install-db /usr/bin/chromium; do
  [ -x "$b" ] || [ -f "$b" ] || { echo "install.sh: $b missing after apt-get" >&2; exit 1; }
done

# 1. code: the vendored archive, or the source tree plus the PHP packages at the commits html/composer.lock pins
#    (fetched by Forma's own composer.phar from the lock's addresses, all on api.github.com / github.com)
if [ ! -f "$DIR/html/index.php" ] || [ ! -f "$DIR/html/vendor/autoload.php" ]; then
  mkdir -p "$DIR" $V
  if [ -f "$SRC" ]; then tar -xJf "$SRC" -C "$(dirname "$DIR")" --no-same-owner
  elif [ -f "$SRC/html/index.php" ]; then cp -a "$SRC/." "$DIR/"
  else echo "install.sh: no Forma source at $SRC (a formalms-4.0.19-vendored.tar.xz or Forma's source tree)" >&2; exit 1; fi
fi
if [ ! -f "$DIR/html/vendor/autoload.php" ]; then
  # Offline, composer spends minutes trying each of 61 packages by every route before it gives up: ask once first.
  (curl -sS -m 20 -o /dev/null https://api.github.com/ && cd "$DIR/html" \
    && COMPOSER_ALLOW_SUPERUSER=1 php ../composer.phar install --no-dev --no-interaction --no-progress --optimize-autoloader) \
    >$V/composer.log 2>&1 || { tail -n 15 $V/composer.log >&2
    echo "install.sh: composer could not install Forma's PHP packages (html/composer.lock names them; log $V/composer.log)." \
      "It needs api.github.com and github.com; without them, install from the project's vendored archive (LMS_SOURCE)." >&2; exit 1; }
fi
# Forma 4.0.19 declares PHP <= 8.1.99 (html/config/version.php) and refuses to boot on Debian 12's PHP 8.2: widen it.
sed -i "s/'php_max_version' => '8.1.99'/'php_max_version' => '8.2.99'/" "$DIR/html/config/version.php"
chown -R www-data:www-data "$DIR/html"

# 2. private MariaDB on 3307 and Apache on 8770
mkdir -p $V/mysql $V/apache $V/run && chown mysql:mysql $V/mysql $V/run
[ -d $V/mysql/mysql ] || mariadb-install-db --no-defaults --user=mysql --datadir=$V/mysql \
  --auth-root-authentication-method=normal --skip-test-db >$V/mariadb-install-db.log 2>&1 \
  || { tail -20 $V/mariadb-install-db.log >&2; exit 1; }
sed "s#@ROOT@#$DIR/html#g" "$HERE/httpd.conf.tmpl" > $V/apache/httpd.conf
"$HERE/start.sh" >/dev/null
mariadb --no-defaults -S $V/run/mysqld.sock -uroot -e "CREATE DATABASE IF NOT EXISTS forma CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS 'forma'@'127.0.0.1' IDENTIFIED BY 'forma'; CREATE USER IF NOT EXISTS 'forma'@'localhost' IDENTIFIED BY 'forma';
  GRANT ALL ON forma.* TO 'forma'@'127.0.0.1'; GRANT ALL ON forma.* TO 'forma'@'localhost';"

# 3. Forma's own web installer (headless Chromium), once: it writes html/config.php and html/forma.lock
(cd "$HERE" && { [ -d node_modules/playwright-core ] || npm install --no-audit --no-fund >/dev/null 2>&1; }) \
  || { echo "install.sh: npm install failed in $HERE" >&2; exit 1; }
if [ ! -f "$DIR/html/config.php" ]; then
  node "$HERE/web-install.mjs" --url $URL --db-host 127.0.0.1:3307 --shots $V/web-install >$V/web-install.log 2>&1 \
    || { tail -20 $V/web-install.log >&2; exit 1; }
  [ -f "$DIR/html/config.php" ] || { echo "install.sh: the installer wrote no config.php (see $V/web-install.log)" >&2; exit 1; }
fi
runuser -u www-data -- php -d error_reporting=1 "$HERE/forma_helper.php" setup >/dev/null   # student / Student#12345
[ "$(curl -s -o /dev/null -w '%{http_code}' $URL/)" = 200 ] || { echo "install.sh: $URL/ does not answer 200" >&2; exit 1; }
echo "forma rig installed at $URL in $(( $(date +%s) - T0 )) s (admin / Admin#12345, student / Student#12345)"
