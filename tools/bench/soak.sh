#!/bin/sh
# A bounded soak of `parlsearch serve` under a mix of normal and costly requests: on a corpus of
# SIZE_MB MB (tools/bench/make_corpus.py, default 50) indexed by `parlsearch index`, the server
# (--threads 2, its default limits: 3 s per search) takes wrk's load for $SECONDS seconds
# (default 300) at 32 connections on GET /api/search, cycling through:
#  - the 300 queries of the peer benchmark (../shared/bench/peers.py), with facets;
#  - costly queries inside the limits: one-letter wildcards, 64 common words joined by OR,
#    phrases of common words;
#  - requests over a limit: 333 wildcards, 70 words, 1000+ bytes, invalid UTF-8 in q, lang,
#    facets and from, which must be refused with 400 at once.
# It prints the machine, the counts per status, latency percentiles and the maximum, the
# slowest requests, and the server's resident memory every 10 s; it fails if there was a 5xx
# answer, a request took longer than the time limit plus 0.5 s, or memory grew by more than
# 10 % after the first minute.
# Usage: tools/bench/soak.sh [SIZE_MB]   (after a build: cmake --build build; needs wrk)
set -eu
cd "$(dirname "$0")/../.."
# shellcheck disable=SC3028 # SECONDS is read as an environment variable here
duration="${SECONDS:-300}"
[ "$duration" -gt 0 ] 2>/dev/null || duration=300
size_mb="${1:-50}"
build="${BUILD:-build}"
. tools/bench/common.sh
require_bench_tools soak.sh "$build"
command -v wrk > /dev/null || { echo "soak.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
# SOAK_KEEP=DIR keeps the corpus and index in DIR, and uses them again on the next run.
if [ -n "${SOAK_KEEP:-}" ]; then
  work="$SOAK_KEEP"
  mkdir -p "$work"
  keep=1
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-soak-XXXXXX")"
  keep=0
fi
server=""
sampler=""
trap '[ -n "$server" ] && kill "$server" 2> /dev/null; [ -n "$sampler" ] && kill "$sampler" 2> /dev/null; [ "$keep" = 1 ] || rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

print_machine
if [ ! -d "$work/db" ]; then
  python3 tools/bench/make_corpus.py --size-mb "$size_mb" --out "$work/corpus.jsonl" \
    --parlsearch "$build/parlsearch" 2>&1
  "$build/parlsearch" index --db "$work/db" --format jsonl "$work/corpus.jsonl" | head -n 1
fi

python3 - "$work/corpus.jsonl" "$work/requests.lua" <<'PY'
import collections, json, re, sys, urllib.parse
sys.path.insert(0, '../shared/bench')
import peers
corpus, out = sys.argv[1], sys.argv[2]
measured, _ = peers.make_queries(corpus, 300, 20)
counts = collections.Counter()
with open(corpus, encoding='utf-8') as f:
    for i, line in enumerate(f):
        if i >= 20000:
            break
        counts.update(re.findall(r'\w{2,}', json.loads(line)['text'].lower()))
common = [w for w, _ in counts.most_common(64)]
q = lambda text: urllib.parse.quote(text, safe='')
normal = [f'/api/search?facets=party,lang&q={q(m["q"])}' for m in measured]
costly = ([f'/api/search?facets=party,lang,year&q={q(w)}' for w in
           ['a* b* c* d* e* f* g* h*', 'a* OR b* OR c* OR d* OR e* OR f* OR g* OR h*',
            'de* la* le* van* het* les* des* en*']] +
          [f'/api/search?facets=party,speaker&q={q(" OR ".join(common))}',
           f'/api/search?q={q(" ".join(common))}',
           f'/api/search?q={q(chr(34) + " ".join(common[:6]) + chr(34))}',
           f'/api/search?sort=date&q={q(" OR ".join(common[:32]))}&offset=9000&limit=100'])
refused = ([f'/api/search?q={q("a* " * 333)}', f'/api/search?q={q(" ".join(["w%d" % i for i in range(70)]))}',
            f'/api/search?q={"x" * 1200}', '/api/search?q=%FF%FE', '/api/search?q=budget&lang=%FF',
            '/api/search?q=budget&facets=%FF', '/api/search?q=budget&from=%FF',
            '/api/paragraphs/%FF'])
# Per 20 requests: 14 normal, 4 costly, 2 refused.
mix = []
for i in range(300):
    mix.append(normal[i % len(normal)])
    if i % 7 == 3:
        mix.append(costly[(i // 7) % len(costly)])
    if i % 14 == 5:
        mix.append(refused[(i // 14) % len(refused)])
with open(out, 'w') as lua:
    lua.write('local paths = {\n' + ''.join(f'  "{p}",\n' for p in mix) + '}\n')
    lua.write('''
local threads = {}
function setup(thread)
  thread:set("first", #threads * 97)
  table.insert(threads, thread)
end
local n = -1
-- A global: done() reads each thread's table with thread:get.
statuses = {}
function request()
  n = n + 1
  return wrk.format("GET", paths[((first or 0) + n) % #paths + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, count in pairs(counts) do total[status] = (total[status] or 0) + count end
  end
  for status, count in pairs(total) do io.write(string.format("status %d %d\\n", status, count)) end
  io.write(string.format("latency max_us %d\\n", latency.max))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s_us %d\\n", p, latency:percentile(p)))
  end
end
''')
print(f'request mix: {len(mix)} requests cycling, {sum(p in normal for p in mix)} normal, '
      f'{sum(p in costly for p in mix)} costly, {sum(p in refused for p in mix)} over a limit')
PY

"$build/parlsearch" serve --db "$work/db" --port 0 --threads 2 > /dev/null 2> "$work/serve.log" &
server=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's#.*serving .* on http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$work/serve.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "soak.sh: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

# Resident memory every 10 s, from the start of the load.
(
  t=0
  while kill -0 "$server" 2> /dev/null; do
    echo "$t $(sed -n 's/^VmRSS:\s*\([0-9]*\) kB/\1/p' "/proc/$server/status")"
    sleep 10
    t=$((t + 10))
  done
) > "$work/rss.txt" &
sampler=$!

echo
echo "== soak: wrk -t2 -c32 -d${duration}s --timeout 10s, GET /api/search, $size_mb MB =="
wrk -t2 -c32 -d"${duration}s" --timeout 10s -s "$work/requests.lua" "http://127.0.0.1:$port" \
  > "$work/wrk.txt" 2>&1 || true
kill "$sampler" 2> /dev/null || true
sampler=""

python3 - "$work/wrk.txt" "$work/rss.txt" "$work/serve.log" <<'PY'
import re, sys
wrk = open(sys.argv[1]).read()
rss = [tuple(map(int, line.split())) for line in open(sys.argv[2]) if len(line.split()) == 2]
log = open(sys.argv[3], errors='replace').read().splitlines()
statuses = {int(s): int(n) for s, n in re.findall(r'^status (\d+) (\d+)$', wrk, re.M)}
lat = {k: int(v) / 1000 for k, v in re.findall(r'^latency (\S+)_us (\d+)$', wrk, re.M)}
requests = re.search(r'(\d+) requests in', wrk)
rps = re.search(r'Requests/sec:\s+([\d.]+)', wrk)
sockets = re.search(r'Socket errors: (.*)', wrk)
print(f'requests: {requests.group(1) if requests else "?"}, '
      f'{float(rps.group(1)) if rps else 0:.0f}/s; by status: '
      + ', '.join(f'{s}: {n}' for s, n in sorted(statuses.items())))
print('socket errors: ' + (sockets.group(1) if sockets else 'none'))
print('latency (ms, wrk): ' + ', '.join(f'{k} {v:.1f}' for k, v in lat.items()))
# The server's own durations, from its log: the slowest requests and their status.
served = []
for line in log:
    m = re.match(r'^GET (\S+) (\d{3}) ([\d.]+) ms', line)
    if m:
        served.append((float(m.group(3)), int(m.group(2)), m.group(1)[:60]))
served.sort(reverse=True)
print('slowest in the server log: ' + '; '.join(f'{ms:.0f} ms {s} {p}' for ms, s, p in served[:5]))
print('resident memory (s: MB): ' + ', '.join(f'{t}: {kb / 1024:.0f}' for t, kb in rss))
failures = []
errors5xx = sum(n for s, n in statuses.items() if s >= 500)
if errors5xx:
    failures.append(f'{errors5xx} answers with 5xx')
limit_ms = 3000 + 500
if served and served[0][0] > limit_ms:
    failures.append(f'a request took {served[0][0]:.0f} ms in the server (limit {limit_ms})')
after = [kb for t, kb in rss if t >= 60]
if len(after) >= 2 and max(after) > after[0] * 1.10:
    failures.append(f'memory grew from {after[0] / 1024:.0f} to {max(after) / 1024:.0f} MB '
                    'after the first minute')
if failures:
    print('FAILED: ' + '; '.join(failures))
    sys.exit(1)
print('passed: no 5xx, every request within the time limit + 0.5 s, memory flat after 60 s')
PY
