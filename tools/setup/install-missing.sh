#!/bin/sh
# Installs, with apt, those of the named Debian packages that are not installed yet. Run as
# root. Installs nothing (and does not touch apt's lists) when every package is present, so the
# scripts that call it can do so at every run.
# Usage: tools/setup/install-missing.sh PACKAGE...
set -eu

missing=""
for package in "$@"; do
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
