#!/bin/sh
# The main job: installs what is missing, builds parlsearch, and reads the bundled corpus.
# Usage: tools/main.sh
set -eu
cd "$(dirname "$0")/.."

tools/setup/install-dependencies.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$(nproc)" --target parlsearch

build/parlsearch parse corpus/samples/A-805-2_2023-2024_paradigm.txt \
  --roster corpus/rosters/brussels-parliament-2019-2024.tsv | head -n 20
