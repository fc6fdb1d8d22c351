#!/bin/sh
# Cross-language retrieval figures (docs/relevance.md): 5-fold cross-validation on the bundled
# report's 92 translation pairs, French words -> Dutch paragraphs and the reverse, translation on
# and off; then the same with 5 query words, without capitalised words, and with one lexicon
# source at a time; then, when the machine has Dutch and French gettext catalogs, on their
# messages (tools/eval/gettext_pairs.py): software messages, a second aligned corpus.
# Usage: tools/eval/run.sh [FILE...]   (after a build: cmake --build build; BUILD=dir to change)
#   FILE...: other aligned data to evaluate on as well: reports (.txt) or paragraph records
#   (.jsonl, `pair` set).
set -eu
cd "$(dirname "$0")/../.."
build="${BUILD:-build}"
eval="$build/tools/eval/parlsearch_crosslingual_eval"
report=corpus/samples/A-805-2_2023-2024_paradigm.txt
roster=corpus/rosters/brussels-parliament-2019-2024.tsv

run() {
  echo
  "$eval" "$@" 2>&1
}

echo "## Bundled report"
run --roster "$roster" "$report"
run --roster "$roster" --words 5 "$report"
run --roster "$roster" --no-names "$report"
for sources in none pairs dictionary cognates dictionary,cognates; do
  run --roster "$roster" --sources "$sources" "$report"
done

if [ -d /usr/share/locale/nl/LC_MESSAGES ] && [ -d /usr/share/locale/fr/LC_MESSAGES ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-eval-XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  tools/eval/gettext_pairs.py > "$work/gettext.jsonl"
  echo
  echo "## gettext messages"
  run "$work/gettext.jsonl"
fi

for file in "$@"; do
  echo
  echo "## $file"
  run "$file"
done
