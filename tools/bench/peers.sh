#!/bin/sh
# parlsearch against the engines a user would pick instead (SQLite FTS5, PostgreSQL full-text
# search, Xapian's scriptindex, Lucene++), all in one run of ../shared/bench/peers.py on the
# same generated corpus and the same queries, as this machine is noisy. For each size: a
# bilingual corpus of SIZE_MB MB (tools/bench/make_corpus.py), built into each engine's index,
# then 300 queries of one or two words with the top 10 and exact counts per party. Prints the
# machine, then per size the table and parlsearch's figures divided by Lucene++'s (build MB/s,
# index MB, p50 and p99 query latency).
# Results (JSON, with the query set) are kept in $OUT (default build/bench-results/).
# Usage: tools/bench/peers.sh SIZE_MB [SIZE_MB...]   (after a build: cmake --build build;
#        as root, for the peers' packages; PEERS=sqlite,lucene runs a subset of the peers)
set -eu
cd "$(dirname "$0")/../.."
if [ "$#" -eq 0 ]; then
  echo "usage: tools/bench/peers.sh SIZE_MB [SIZE_MB...]" >&2
  exit 2
fi
root="$(pwd)"
build="$(cd "${BUILD:-build}" && pwd)"
out="${OUT:-build/bench-results}"
peers_py="$root/../shared/bench/peers.py"
. tools/bench/common.sh
require_bench_tools peers.sh "$build"

tools/bench/install-peers.sh
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-peers-XXXXXX")"
trap 'rm -rf "$work"' EXIT
# peers.py's PostgreSQL server runs as user postgres and must reach its folder inside this one.
chmod 755 "$work"

print_machine

# parlsearch as peers.py's external engine: {corpus} {index} {warmup} {queries} {out} are
# filled in (quoted) by peers.py. Index flags are parlsearch's defaults, as a user runs it.
build_cmd="'$build/parlsearch' index --db {index} --format jsonl {corpus}"
query_cmd="'$build/tools/bench/parlsearch_peer_query' {index} {warmup} {queries} {out}"

# parlsearch's figures divided by Lucene++'s, from a results file of peers.py (Lucene++, like
# parlsearch, is an embedded library that stems both languages).
print_ratios() {
  python3 - "$1" <<'PY'
import json, sys
peers = json.load(open(sys.argv[1], encoding='utf-8'))['peers']
ours, theirs = peers.get('parlsearch', {}), peers.get('lucene', {})
if 'query' not in ours or 'query' not in theirs:
    print('parlsearch / Lucene++: no ratio (one of them was not run or failed)')
    sys.exit(0)
build = ours['build']['text_mb_per_s'] / theirs['build']['text_mb_per_s']
size = ours['index_mb'] / theirs['index_mb']
p50 = ours['query']['p50_ms'] / theirs['query']['p50_ms']
p99 = ours['query']['p99_ms'] / theirs['query']['p99_ms']
print(f'parlsearch / Lucene++: build MB/s {build:.2f}, index MB {size:.2f}, '
      f'query p50 {p50:.2f}, query p99 {p99:.2f}')
PY
}

status=0
for size_mb in "$@"; do
  echo
  echo "== $size_mb MB =="
  corpus="$work/corpus-${size_mb}mb.jsonl"
  results="$out/peers-${size_mb}mb-$(date +%Y%m%d-%H%M%S).json"
  python3 tools/bench/make_corpus.py --size-mb "$size_mb" --out "$corpus" \
    --parlsearch "$build/parlsearch"
  # peers.py prints the table when done; it is printed below from the results file instead, so
  # that a run where one engine failed still shows the others.
  if [ -n "${PEERS+set}" ]; then
    python3 "$peers_py" --corpus "$corpus" --queries 300 --out "$results" --peers "$PEERS" \
      --workdir "$work" --external parlsearch "$build_cmd" "$query_cmd" > /dev/null || status=1
  else
    python3 "$peers_py" --corpus "$corpus" --queries 300 --out "$results" \
      --workdir "$work" --external parlsearch "$build_cmd" "$query_cmd" > /dev/null || status=1
  fi
  rm -f "$corpus"
  if [ -f "$results" ]; then
    python3 "$peers_py" --table "$results"
    print_ratios "$results"
    echo "results: $results"
  fi
done
exit "$status"
