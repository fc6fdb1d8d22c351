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

# shellcheck disable=SC2086
"$(dirname "$0")/../setup/install-missing.sh" $packages
