#!/bin/sh
# The whole test suite: installs what is missing, builds parlsearch twice (optimised, and with
# AddressSanitizer and UndefinedBehaviorSanitizer), and runs every test in both builds.
# Usage: tools/test.sh
set -eu
cd "$(dirname "$0")/.."

tools/setup/install-dependencies.sh
# Playwright (playwright-core) drives Debian's Chromium in the browser test.
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
jobs="$(nproc)"

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$jobs"
ctest --test-dir build --output-on-failure --parallel "$jobs"

cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DPARLSEARCH_SANITIZE=ON \
  -DPARLSEARCH_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-sanitize --parallel "$jobs"
ctest --test-dir build-sanitize --output-on-failure --parallel "$jobs"
