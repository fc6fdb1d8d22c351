#!/bin/sh
# The whole test suite: installs what is missing, builds parlsearch twice (optimised with g++, and
# with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer with clang), and runs every test
# in both builds, the fuzz targets' short runs included.
# Usage: tools/test.sh
set -eu
cd "$(dirname "$0")/.."

tools/setup/install-dependencies.sh
# Playwright (playwright-core) drives Debian's Chromium in the browser test.
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
jobs="$(nproc)"

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLSEARCH_WERROR=ON >/dev/null
cmake --build build --parallel "$jobs"
ctest --test-dir build --output-on-failure --parallel "$jobs"

# The sanitizer build is clang's, whose libFuzzer also gives the fuzz targets (tests/fuzz, run by
# ctest for 15 s each: docs/fuzzing.md). A folder configured with another compiler starts over.
if [ -f build-sanitize/CMakeCache.txt ] &&
  ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++-14$' build-sanitize/CMakeCache.txt; then
  rm -rf build-sanitize/CMakeCache.txt build-sanitize/CMakeFiles
fi
cmake -S . -B build-sanitize -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
  -DPARLSEARCH_FUZZ=ON -DPARLSEARCH_BUILD_BENCHMARKS=OFF -DPARLSEARCH_WERROR=ON >/dev/null
cmake --build build-sanitize --parallel "$jobs"
ctest --test-dir build-sanitize --output-on-failure --parallel "$jobs"
