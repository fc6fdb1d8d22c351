#!/bin/sh
# The main job: installs what is missing, builds parlsearch, indexes the bundled corpus and
# searches it.
# Usage: tools/main.sh [QUERY]   (default: interopérabilité)
set -eu
cd "$(dirname "$0")/.."

tools/setup/install-dependencies.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$(nproc)" --target parlsearch

index=build/bundled-index
build/parlsearch index --db "$index" --roster corpus/rosters/brussels-parliament-2019-2024.tsv \
  corpus/samples
build/parlsearch search --db "$index" --facets party,lang "${1:-interopérabilité}"
