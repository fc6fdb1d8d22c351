#!/bin/sh
# Shards: what splitting an index costs and gains on this machine. On a corpus of SIZE_MB MB
# (tools/bench/make_corpus.py):
#  - build: `parlsearch index` into one database, then into 2 shards (written in parallel);
#  - queries: the peer benchmark's 300 queries (one or two words, drawn as
#    ../shared/bench/peers.py draws them) and the heavy set (tools/bench/heavy_queries.py),
#    through the Searcher (parlsearch_peer_query: both languages, translations, pairs, party
#    facet), over 1 local database, the 2 local shards, and the 2 shards served by two
#    xapian-tcpsrv on loopback through a stub file; one warm-up round, then 3 measured rounds;
#  - network: the messages the client writes to the shard servers per query (strace), i.e. the
#    round trips of Xapian's remote protocol, which is what separate machines add latency to.
# Prints the machine, then the figures.
# Usage: tools/bench/shards.sh SIZE_MB   (after a build: cmake --build build; needs xapian-tools)
set -eu
cd "$(dirname "$0")/../.."
if [ "$#" -ne 1 ]; then
  echo "usage: tools/bench/shards.sh SIZE_MB" >&2
  exit 2
fi
size_mb="$1"
build="${BUILD:-build}"
. tools/bench/common.sh
require_bench_tools shards.sh "$build"
command -v xapian-tcpsrv > /dev/null ||
  { echo "shards.sh: xapian-tcpsrv is missing (apt-get install xapian-tools)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-shards-XXXXXX")"
servers=""
trap 'for pid in $servers; do kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null; done; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

print_machine
now() { date +%s.%N; }

python3 tools/bench/make_corpus.py --size-mb "$size_mb" --out "$work/corpus.jsonl" \
  --parlsearch "$build/parlsearch" > /dev/null 2>&1
corpus_mb=$(echo "$(wc -c < "$work/corpus.jsonl") / 1048576" | bc -l)

echo
echo "== build, $(printf '%.0f' "$corpus_mb") MB of JSON Lines =="
# Indexes the corpus into $1 with the flags $2, printing what it took.
build_index() {
  start=$(now)
  # shellcheck disable=SC2086 # $2: flags, split on purpose
  "$build/parlsearch" index --db "$1" $2 --format jsonl "$work/corpus.jsonl" > "$1.out"
  end=$(now)
  seconds=$(echo "$end - $start" | bc -l)
  paragraphs=$(sed -n 's/^indexed [0-9]* documents (\([0-9]*\) paragraphs).*/\1/p' "$1.out")
  printf '  %-10s %8s paragraphs %7.1f s %6.2f MB/s %8.1f MB on disk\n' "$3" "$paragraphs" \
    "$seconds" "$(echo "$corpus_mb / $seconds" | bc -l)" \
    "$(echo "$(du -sk "$1" | cut -f1) / 1024" | bc -l)"
}
build_index "$work/one" "" "1 database"
build_index "$work/two" "--shards 2" "2 shards"

# Two shard servers on free loopback ports, and the stub file naming them.
for shard in 0 1; do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Its output (a line for each probe below) is not ours to print.
  xapian-tcpsrv --port "$port" --interface 127.0.0.1 --quiet "$work/two/shard-$shard" \
    > /dev/null 2>&1 &
  servers="$servers $!"
  echo "remote 127.0.0.1:$port" >> "$work/remote.stub"
  for _ in $(seq 100); do
    python3 -c "import socket, sys; socket.create_connection(('127.0.0.1', $port)).close()" \
      2> /dev/null && break
    sleep 0.1
  done
done

# The queries: the peer benchmark's, then the heavy ones; each set after a warm-up round.
python3 -c "
import sys
sys.path.insert(0, '../shared/bench')
import peers
measured, warmup = peers.make_queries(sys.argv[1], 300, 20)
peers.write_query_file(sys.argv[2], measured)
" "$work/corpus.jsonl" "$work/peer.txt"
python3 tools/bench/heavy_queries.py "$work/corpus.jsonl" > "$work/heavy.txt"

# Runs query set $1 over index $2, three rounds after a warm-up; results in $3.
run_queries() {
  cat "$1" "$1" "$1" > "$work/measured.txt"
  "$build/tools/bench/parlsearch_peer_query" "$2" "$1" "$work/measured.txt" "$3"
}

echo
echo "== queries: latency in ms (3 rounds after a warm-up round), and hits equal to 1 database's =="
printf '  %-22s %-6s %5s %8s %8s %8s  %s\n' index set n p50 p99 max "same top 10 and counts"
for set in peer heavy; do
  for index in one two remote.stub; do
    run_queries "$work/$set.txt" "$work/$index" "$work/$set.$index.jsonl"
  done
  python3 - "$set" "$work/$set.one.jsonl" "$work/$set.two.jsonl" "$work/$set.remote.stub.jsonl" <<'PY'
import json, math, sys

def load(path):
    return [json.loads(line) for line in open(path, encoding='utf-8') if line.strip()]

def percentile(values, pct):
    values = sorted(values)
    return values[max(1, math.ceil(pct / 100 * len(values))) - 1]

name, paths = sys.argv[1], sys.argv[2:]
base = load(paths[0])
labels = ['1 database', '2 local shards', '2 remote (loopback)']
for label, path in zip(labels, paths):
    results = load(path)
    ms = [r['ms'] for r in results]
    key = lambda r: (r['top'], r['hits'], json.dumps(r['facets'], sort_keys=True))
    same = sum(1 for a, b in zip(base, results) if key(a) == key(b))
    print(f'  {label:<22} {name:<6} {len(ms):>5} {percentile(ms, 50):>8.2f} '
          f'{percentile(ms, 99):>8.2f} {max(ms):>8.2f}  {same}/{len(results)}')
    for a, b in zip(base, results):
        if key(a) != key(b):
            print(f'    differs: query {a["i"]}: {a["hits"]} / {b["hits"]} hits, '
                  f'top {a["top"][:2]} / {b["top"][:2]}')
PY
done

echo
echo "== network: messages written to the shard servers per query (strace: one warm-up and one measured round) =="
for set in peer heavy; do
  strace -f -yy -e trace=write,sendto,sendmsg -o "$work/strace.txt" \
    "$build/tools/bench/parlsearch_peer_query" "$work/remote.stub" "$work/$set.txt" \
    "$work/$set.txt" "$work/strace.out.jsonl" > /dev/null
  # Each set is run twice by the runner (warm-up, then measured), on connections opened once.
  queries=$(( 2 * $(grep -c . "$work/$set.txt") ))
  writes=$(grep -c 'TCP:\[' "$work/strace.txt" || true)
  printf '  %-6s %6d queries %8d messages %6.1f per query (both shards)\n' "$set" "$queries" \
    "$writes" "$(echo "$writes / $queries" | bc -l)"
done
