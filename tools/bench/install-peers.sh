#!/bin/sh
# Installs, with apt, the Debian 12 packages the peer engines of tools/bench/peers.sh need
# (../shared/bench/README.md) that are not installed yet: SQLite, PostgreSQL, Xapian's
# scriptindex (xapian-omega) and Lucene++ (whose headers need Boost's). Run as root. Installs
# nothing when everything is present, so peers.sh can call it at every run.
# Usage: tools/bench/install-peers.sh
set -eu

packages="
  sqlite3 postgresql-15 libpq-dev
  xapian-tools xapian-omega libxapian-dev
  liblucene++-dev libboost-dev
  g++ pkg-config
"

missing=""
for package in $packages; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done

if [ -n "$missing" ]; then
  echo "parlsearch: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
