#!/bin/sh
# Benchmarks on the bundled report replicated under new document numbers until the corpus reaches
# SIZE_MB (default 100), each against a peer run in the same script, as this machine is noisy:
#  - indexing: parse + index throughput of `parlsearch index`, single thread; the peer indexes
#    the same paragraphs with stock Xapian (TermGenerator);
#  - queries: latency of a fixed query set with facets through parlsearch's Searcher; the peer
#    runs the same queries with stock Xapian on its index.
# Prints the machine, the corpus and the figures.
# Usage: tools/bench/run.sh [SIZE_MB]   (after a build: cmake --build build)
set -eu
cd "$(dirname "$0")/../.."
size_mb="${1:-100}"
build="${BUILD:-build}"
work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT

. tools/bench/common.sh
replicate_report "$work/corpus" "$size_mb"

print_machine
echo "corpus:  $copies copies of the bundled report, $corpus_bytes bytes"

now() { date +%s.%N; }

start=$(now)
"$build/parlsearch" index --db "$work/db" "$work/corpus" > "$work/index.out"
end=$(now)
paragraphs=$(sed -n 's/^indexed [0-9]* documents (\([0-9]*\) paragraphs).*/\1/p' "$work/index.out")
seconds=$(echo "$end - $start" | bc -l)

# The peer: parse once (not timed), then time stock Xapian indexing of the same paragraphs.
"$build/parlsearch" parse "$work"/corpus/*.txt > "$work/paragraphs.jsonl"
start=$(now)
"$build/tools/bench/parlsearch_xapian_peer_index" "$work/peer-db" < "$work/paragraphs.jsonl" > /dev/null
end=$(now)
peer_seconds=$(echo "$end - $start" | bc -l)

printf 'parlsearch index (parse + index): %d paragraphs in %.1f s: %.0f paragraphs/s, %.2f MB/s\n' \
  "$paragraphs" "$seconds" "$(echo "$paragraphs / $seconds" | bc -l)" \
  "$(echo "$corpus_bytes / 1000000 / $seconds" | bc -l)"
printf 'peer (stock Xapian TermGenerator, index only): %.1f s: %.0f paragraphs/s\n' \
  "$peer_seconds" "$(echo "$paragraphs / $peer_seconds" | bc -l)"
printf 'ratio parlsearch / peer time: %.2f\n' "$(echo "$seconds / $peer_seconds" | bc -l)"
printf 'index size: %s (parlsearch), %s (peer)\n' "$(du -sh "$work/db" | cut -f1)" \
  "$(du -sh "$work/peer-db" | cut -f1)"

echo "query latency, ${REPEAT:-5} rounds of the query set:"
"$build/tools/bench/parlsearch_query_bench" "$work/db" "$work/peer-db" "${REPEAT:-5}"

# Micro-benchmarks (Google Benchmark), with stock Xapian's TermGenerator on the same paragraph
# as the peer of the analysis: medians of 5 repetitions, peers interleaved in the same run.
echo "micro-benchmarks (median cpu time per operation of 5 repetitions; ratio to the peer):"
"$build/tools/bench/parlsearch_micro_bench" --benchmark_format=csv --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true 2> /dev/null |
  awk -F, '/^"BM_.*_median"/ {
    gsub(/"/, "", $1); name = substr($1, 4); sub(/_median$/, "", name)
    cpu[name] = $4; unit[name] = $5; items[name] = $7; order[++n] = name
  }
  END {
    for (i = 1; i <= n; ++i) {
      name = order[i]; line = sprintf("  %-36s %12.0f %s", name, cpu[name], unit[name])
      peer = ""
      if (name == "AnalyzeDutch") peer = "PeerXapianTermGeneratorDutch"
      if (name == "AnalyzeFrench") peer = "PeerXapianTermGeneratorFrench"
      if (name == "LoadDutchWordList") peer = "PeerUnorderedSetDutchWordList"
      if (peer != "" && cpu[peer] > 0) line = line sprintf("   ratio %.2f", cpu[name] / cpu[peer])
      if (items[name] > 0) line = line sprintf("   %.0f paragraphs/s", items[name])
      print line
    }
  }'
