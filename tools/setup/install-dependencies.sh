#!/bin/sh
# Installs, with apt, the Debian 12 packages parlsearch needs to build and test that are not
# installed yet. Run as root. Installs nothing when everything is present.
set -eu

packages="
  build-essential cmake pkg-config git
  libxapian-dev libicu-dev libstemmer-dev libcld2-dev
  libcli11-dev nlohmann-json3-dev libcpp-httplib-dev libpoppler-cpp-dev libpugixml-dev libxml2-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  wdutch wfrench
  zlib1g-dev dict-freedict-fra-nld dict-freedict-nld-fra
  chromium
"
# Node.js runs the browser test; the machine's own Node.js comes with npm, and Debian's npm
# package would conflict with it, so each is only added when missing.
command -v node >/dev/null 2>&1 || packages="$packages nodejs"
command -v npm >/dev/null 2>&1 || packages="$packages npm"

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
