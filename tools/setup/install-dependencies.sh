#!/bin/sh
# Installs, with apt, the Debian 12 packages parlsearch needs to build and test that are not
# installed yet. Run as root. Installs nothing when everything is present.
set -eu

packages="
  build-essential cmake pkg-config git
  libxapian-dev libicu-dev libstemmer-dev libcld2-dev
  libcli11-dev nlohmann-json3-dev libcpp-httplib-dev libpoppler-cpp-dev libpugixml-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  wdutch wfrench
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
