#!/bin/sh
# HTTP load benchmark: wrk against `parlsearch serve` on loopback, with 1 and 2 worker threads,
# on GET /api/search (a fixed query set, with facets) and, as the peer in the same run, on
# GET /healthz (the server's HTTP path without a search). Each run is bounded in time.
# Prints the machine, the corpus and, per run, requests per second and latency percentiles.
# Usage: tools/bench/load.sh [SIZE_MB] [SECONDS]   (after a build; needs wrk: apt-get install wrk)
set -eu
cd "$(dirname "$0")/../.."
size_mb="${1:-10}"
seconds="${2:-10}"
build="${BUILD:-build}"
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-load-XXXXXX")"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

. tools/bench/common.sh
replicate_report "$work/corpus" "$size_mb"
"$build/parlsearch" index --db "$work/db" --roster corpus/rosters/brussels-parliament-2019-2024.tsv \
  "$work/corpus" > /dev/null

print_machine
echo "corpus:  $copies copies of the bundled report ($corpus_bytes bytes);" \
     "wrk: 2 threads, 8 connections, ${seconds} s per run"

# wrk picks one query of the set per request.
cat > "$work/queries.lua" <<'LUA'
local queries = {"interop%C3%A9rabilit%C3%A9", "gegevensbescherming", "protection%20des%20donn%C3%A9es",
                 "Paradigm", "digitale%20kloof", "budget", "easy.brussels", "administraties"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/search?facets=party,lang&q=" .. queries[(n % #queries) + 1])
end
LUA

for threads in 1 2; do
  "$build/parlsearch" serve --db "$work/db" --port 0 --threads "$threads" 2> "$work/serve.log" &
  server=$!
  port=""
  while [ -z "$port" ]; do
    sleep 0.2
    port=$(sed -n 's#.*http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/serve.log")
  done
  for route in search healthz; do
    if [ "$route" = search ]; then
      wrk -t2 -c8 -d"${seconds}s" --latency -s "$work/queries.lua" "http://127.0.0.1:$port" > "$work/wrk.out"
    else
      wrk -t2 -c8 -d"${seconds}s" --latency "http://127.0.0.1:$port/healthz" > "$work/wrk.out"
    fi
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.out")
    p90=$(awk '$1 == "90%" {print $2}' "$work/wrk.out")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
    errors=$(grep -c "Non-2xx\|Socket errors" "$work/wrk.out" || true)
    printf '%s worker thread(s), /%s: %s requests/s, latency p50 %s, p90 %s, p99 %s%s\n' \
      "$threads" "$route" "$rps" "$p50" "$p90" "$p99" \
      "$( [ "$errors" -gt 0 ] && echo ' (errors, see wrk output)' )"
  done
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
done
