#!/bin/sh
# Installs parlsearch from the build tree into a temporary prefix, builds examples/ against the
# installed package with find_package(parlsearch), and runs it on an index of the bundled report.
# Usage: example_test.sh SOURCE_DIR BUILD_DIR [CXX_FLAGS [CXX]]
# CXX is the compiler the libraries were built with (the default compiler otherwise): sanitizer
# and coverage instrumentation need that compiler's runtime.
set -eu
source_dir="$1"
build_dir="$2"
flags="${3:-}"
compiler="${4:-}"
work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-example-XXXXXX")"
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$source_dir/examples" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  ${compiler:+-DCMAKE_CXX_COMPILER="$compiler"} \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
  > "$work/configure.log"
cmake --build "$work/build" > "$work/build.log"

"$work/prefix/bin/parlsearch" index --db "$work/index" \
  --roster "$work/prefix/share/parlsearch/rosters/brussels-parliament-2019-2024.tsv" \
  "$source_dir/corpus/samples/A-805-2_2023-2024_paradigm.txt" > /dev/null
"$work/build/search_example" "$work/index" interopérabilité > "$work/out.txt"
cat "$work/out.txt"
grep -q "^4 hits" "$work/out.txt"
grep -q "Soetkin Hoessen (Groen)" "$work/out.txt"
grep -q "^party Ecolo: 1" "$work/out.txt"
