#!/bin/sh
# Installs, with apt, the Debian 12 packages parlsearch needs to build and test that are not
# installed yet. Run as root. Installs nothing when everything is present.
set -eu

packages="
  build-essential cmake pkg-config git clang-14 libclang-rt-14-dev
  libxapian-dev xapian-tools libicu-dev libstemmer-dev libcld2-dev
  libcli11-dev nlohmann-json3-dev libcpp-httplib-dev libpoppler-cpp-dev libpugixml-dev libxml2-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  wdutch wfrench python3 python3-feedparser
  zlib1g-dev dict-freedict-fra-nld dict-freedict-nld-fra
  chromium
"
# Node.js runs the browser test; the machine's own Node.js comes with npm, and Debian's npm
# package would conflict with it, so each is only added when missing.
command -v node >/dev/null 2>&1 || packages="$packages nodejs"
command -v npm >/dev/null 2>&1 || packages="$packages npm"

# shellcheck disable=SC2086
"$(dirname "$0")/install-missing.sh" $packages
