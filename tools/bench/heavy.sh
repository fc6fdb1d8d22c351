#!/bin/sh
# The expensive end of the query load, which the peer benchmark (peers.sh: one or two random,
# mostly rare words) does not reach:
#  - heavy queries: on a corpus of SIZE_MB MB (tools/bench/make_corpus.py) indexed by
#    `parlsearch index`, about 60 queries of the corpus's most frequent words and costliest
#    forms (tools/bench/heavy_queries.py: wildcards, phrases, ORs, NOT, field filters), run
#    through parlsearch's Searcher with the party facet (parlsearch_peer_query): one warm-up
#    round, then 3 measured rounds; latency percentiles per kind of query, and the queries that
#    found nothing;
#  - serving: on a corpus of SERVE_SIZE_MB MB (default 50), `parlsearch serve` with 1, then 2
#    search threads under wrk (2 threads, 16 connections, $SECONDS seconds each, default 30)
#    cycling through the 300 queries of the peer benchmark (../shared/bench/peers.py) on
#    GET /api/search with the party and lang facets; requests/s, latency percentiles, errors
#    and the server's resident memory after the run.
# Prints the machine, then the figures.
# Usage: tools/bench/heavy.sh SIZE_MB [SERVE_SIZE_MB]   (after a build: cmake --build build;
#        SECONDS=10 tools/bench/heavy.sh 20 for a short run; needs wrk: apt-get install wrk)
set -eu
cd "$(dirname "$0")/../.."
# First thing: where sh is bash, SECONDS counts the seconds since the shell started (0 now when
# it is not in the environment, which would make wrk run for no time).
# shellcheck disable=SC3028 # SECONDS is read as an environment variable here
duration="${SECONDS:-30}"
[ "$duration" -gt 0 ] 2>/dev/null || duration=30
if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "usage: tools/bench/heavy.sh SIZE_MB [SERVE_SIZE_MB]" >&2
  exit 2
fi
size_mb="$1"
serve_mb="${2:-50}"
build="${BUILD:-build}"
. tools/bench/common.sh
require_bench_tools heavy.sh "$build"
command -v wrk > /dev/null || { echo "heavy.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-heavy-XXXXXX")"
server=""
trap '[ -n "$server" ] && kill "$server" 2> /dev/null; rm -rf "$work"' EXIT
# dash runs the EXIT trap on exit only: turn a signal into an exit so the server and the
# folder go too.
trap 'exit 130' INT TERM

print_machine

now() { date +%s.%N; }

# Makes a corpus of $1 MB at $2.jsonl and indexes it into $2.db, printing what it took.
make_index() {
  python3 tools/bench/make_corpus.py --size-mb "$1" --out "$2.jsonl" --parlsearch "$build/parlsearch" 2>&1
  start=$(now)
  "$build/parlsearch" index --db "$2.db" --format jsonl "$2.jsonl" > "$2.index.out"
  end=$(now)
  paragraphs=$(sed -n 's/^indexed [0-9]* documents (\([0-9]*\) paragraphs).*/\1/p' "$2.index.out")
  seconds=$(echo "$end - $start" | bc -l)
  printf 'index (parlsearch index --format jsonl, with the lexicon): %s paragraphs in %.1f s, %.2f MB/s; %.1f MB on disk\n' \
    "$paragraphs" "$seconds" "$(echo "$(wc -c < "$2.jsonl") / 1048576 / $seconds" | bc -l)" \
    "$(echo "$(du -sk "$2.db" | cut -f1) / 1024" | bc -l)"
}

# --- heavy queries -------------------------------------------------------------------------
echo
echo "== heavy queries, $size_mb MB =="
make_index "$size_mb" "$work/heavy"
python3 tools/bench/heavy_queries.py "$work/heavy.jsonl" > "$work/heavy.txt"
# The set is the warm-up (so the index's pages are read and the first query of a kind is not
# timed cold), then three measured rounds, for three samples per query.
cat "$work/heavy.txt" "$work/heavy.txt" "$work/heavy.txt" > "$work/measured.txt"
"$build/tools/bench/parlsearch_peer_query" "$work/heavy.db" "$work/heavy.txt" "$work/measured.txt" \
  "$work/heavy.out.jsonl"
python3 - "$work/measured.txt" "$work/heavy.out.jsonl" <<'PY'
import collections, json, math, re, sys

queries = [line.rstrip('\n') for line in open(sys.argv[1], encoding='utf-8') if line.strip()]
results = [json.loads(line) for line in open(sys.argv[2], encoding='utf-8') if line.strip()]
if len(results) != len(queries):
    sys.exit(f'heavy.sh: {len(results)} results for {len(queries)} queries')


def category(q):
    # by shape, as heavy_queries.py writes them; a field query may also hold quotes
    if re.search(r'(^|\s)[a-z]+:', q):
        return 'field'
    if '*' in q:
        return 'wildcard'
    if ' NOT ' in q:
        return 'not'
    if ' OR ' in q:
        return f'or{q.count(" OR ") + 1}'
    if '"' in q:
        return 'phrase'
    return 'word'


def percentile(values, pct):
    # nearest rank, as peers.py computes it
    values = sorted(values)
    return values[max(1, math.ceil(pct / 100 * len(values))) - 1]


ms = collections.defaultdict(list)
no_hits = set()
for r in results:
    q = queries[r['i']]
    ms[category(q)].append(r['ms'])
    if r['hits'] == 0:
        no_hits.add(q)
distinct = len(set(queries))
print(f'latency of {distinct} heavy queries, 3 rounds after a warm-up round (ms, Searcher::Search '
      'with the party facet):')
print(f'  {"kind":<9}{"n":>4}{"p50":>8}{"p90":>8}{"p99":>8}{"max":>8}')
order = ['word', 'wildcard', 'phrase', 'or2', 'or4', 'field', 'not']
for c in order + sorted(set(ms) - set(order)):
    if c in ms:
        v = ms[c]
        print(f'  {c:<9}{len(v):>4}{percentile(v, 50):>8.2f}{percentile(v, 90):>8.2f}'
              f'{percentile(v, 99):>8.2f}{max(v):>8.2f}')
every = [r['ms'] for r in results]
print(f'  {"all":<9}{len(every):>4}{percentile(every, 50):>8.2f}{percentile(every, 90):>8.2f}'
      f'{percentile(every, 99):>8.2f}{max(every):>8.2f}')
if no_hits:
    print(f'queries without hits: {len(no_hits)} of {distinct}: ' + ' | '.join(sorted(no_hits)))
else:
    print(f'queries without hits: none (all {distinct} found some)')
PY

# --- serving -------------------------------------------------------------------------------
echo
echo "== serving, $serve_mb MB: wrk -t2 -c16 -d${duration}s, GET /api/search?facets=party,lang =="
if [ "$serve_mb" = "$size_mb" ]; then
  serve="$work/heavy"
else
  make_index "$serve_mb" "$work/serve"
  serve="$work/serve"
fi
# The peer benchmark's 300 measured queries, drawn exactly as peers.py draws them.
python3 -c "
import sys
sys.path.insert(0, '../shared/bench')
import peers
measured, warmup = peers.make_queries(sys.argv[1], 300, 20)
peers.write_query_file(sys.argv[2], measured)
" "$serve.jsonl" "$work/serve-queries.txt"
# wrk's script: the queries URL-encoded; each wrk thread starts at its own place in the cycle,
# so that the two do not send the same query at the same time.
python3 - "$work/serve-queries.txt" > "$work/queries.lua" <<'PY'
import sys, urllib.parse
queries = [line.rstrip('\n') for line in open(sys.argv[1], encoding='utf-8') if line.strip()]
print('local queries = {')
for q in queries:
    print(f'  "{urllib.parse.quote(q, safe="")}",')
print('}')
print('''local threads = 0
function setup(thread)
  thread:set("first", threads * math.floor(#queries / 2))
  threads = threads + 1
end
local n = -1
function request()
  n = n + 1
  local q = queries[((first or 0) + n) % #queries + 1]
  return wrk.format("GET", "/api/search?facets=party,lang&q=" .. q)
end''')
PY
echo "queries: $(wc -l < "$work/serve-queries.txt") (peers.py's), e.g. $(head -n 2 "$work/serve-queries.txt" | paste -sd '|' -)"

for threads in 1 2; do
  "$build/parlsearch" serve --db "$serve.db" --port 0 --threads "$threads" 2> "$work/serve.log" &
  server=$!
  port=""
  tries=0
  while [ -z "$port" ]; do
    sleep 0.2
    port=$(sed -n 's#.*http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/serve.log")
    tries=$((tries + 1))
    if [ "$tries" -gt 150 ] || ! kill -0 "$server" 2> /dev/null; then
      echo "heavy.sh: parlsearch serve did not start:" >&2
      cat "$work/serve.log" >&2
      exit 1
    fi
  done
  wrk -t2 -c16 -d"${duration}s" --latency -s "$work/queries.lua" "http://127.0.0.1:$port" > "$work/wrk.out"
  # VmHWM too: the peak shows whether the run grew the server and gave it back.
  grep '^VmRSS\|^VmHWM' "/proc/$server/status" > "$work/memory"
  kill "$server"
  wait "$server" 2> /dev/null || true
  server=""
  python3 - "$threads" "$work/wrk.out" "$work/memory" <<'PY'
import re, sys
threads, wrk, memory = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()


def to_ms(text):
    value, unit = re.fullmatch(r'([\d.]+)(us|ms|s|m)', text).groups()
    return float(value) * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[unit]


def find(pattern, default=None):
    m = re.search(pattern, wrk, re.MULTILINE)
    return m.groups() if m else default


latency = {p: to_ms(v) for p, v in re.findall(r'^\s+(50|90|99)%\s+(\S+)$', wrk, re.MULTILINE)}
rps = float(find(r'^Requests/sec:\s+([\d.]+)')[0])
requests = int(find(r'^\s+(\d+) requests in')[0])
non2xx = int(find(r'Non-2xx or 3xx responses: (\d+)', ('0',))[0])
sockets = [int(n) for n in find(r'Socket errors: connect (\d+), read (\d+), write (\d+), '
                                r'timeout (\d+)', ('0', '0', '0', '0'))]
kb = dict(re.findall(r'^(VmRSS|VmHWM):\s+(\d+) kB', memory, re.MULTILINE))
errors = (f'socket errors {sum(sockets)} (connect {sockets[0]}, read {sockets[1]}, '
          f'write {sockets[2]}, timeout {sockets[3]})')
print(f'--threads {threads}: {rps:.0f} requests/s ({requests} requests), latency p50 '
      f'{latency["50"]:.2f} ms, p90 {latency["90"]:.2f} ms, p99 {latency["99"]:.2f} ms; '
      f'non-2xx {non2xx}, {errors}; server RSS after the run '
      f'{int(kb["VmRSS"]) / 1024:.0f} MB (peak {int(kb["VmHWM"]) / 1024:.0f} MB)')
PY
done
