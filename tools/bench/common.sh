# Shared by the benchmark scripts (sourced, from the project's root).

# The machine, in one line.
print_machine() {
  echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores," \
       "$(free -g | awk '/^Mem:/ {print $2}') GiB; $(uname -sr)"
}

# Writes copies of the bundled report into DIR, each under a new document number, until they
# reach SIZE_MB megabytes; sets $copies and $corpus_bytes.
# Usage: replicate_report DIR SIZE_MB
replicate_report() {
  report=corpus/samples/A-805-2_2023-2024_paradigm.txt
  number=$(grep -o '[A-Z]\{1,3\}-[0-9]*/[0-9]*' "$report" | head -n 1)
  report_bytes=$(wc -c < "$report")
  copies=$(( ($2 * 1000000 + report_bytes - 1) / report_bytes ))
  mkdir -p "$1"
  i=0
  while [ "$i" -lt "$copies" ]; do
    sed "s#$number#A-$((10000 + i))/2#g" "$report" > "$1/report-$i.txt"
    i=$((i + 1))
  done
  corpus_bytes=$(cat "$1"/*.txt | wc -c)
}

# Exits with a message unless the benchmark binaries are built in BUILD_DIR and peers.py is
# beside the project. Usage: require_bench_tools SCRIPT_NAME BUILD_DIR
require_bench_tools() {
  for binary in "$2/parlsearch" "$2/tools/bench/parlsearch_peer_query"; do
    [ -x "$binary" ] || { echo "$1: $binary is missing (cmake --build build)" >&2; exit 1; }
  done
  [ -f ../shared/bench/peers.py ] || { echo "$1: ../shared/bench/peers.py is missing" >&2; exit 1; }
}
