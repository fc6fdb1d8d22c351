#!/bin/sh
# Cross-language retrieval figures (docs/relevance.md): 5-fold cross-validation on the bundled
# report's 92 translation pairs, French words -> Dutch paragraphs and the reverse, translation on
# and off; then the same with 5 query words, without capitalised words, and with one lexicon
# source at a time; then, when the machine has Dutch and French gettext catalogs, on their
# messages (tools/eval/gettext_pairs.py): software messages, a second aligned corpus; then the
# Europarl development sittings, each held out in turn (leave one sitting out). Each corpus also
# with related words (--related).
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
run --roster "$roster" --related "$report"

if [ -d /usr/share/locale/nl/LC_MESSAGES ] && [ -d /usr/share/locale/fr/LC_MESSAGES ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-eval-XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  tools/eval/gettext_pairs.py > "$work/gettext.jsonl"
  echo
  echo "## gettext messages"
  run "$work/gettext.jsonl"
  run --related "$work/gettext.jsonl"
fi

# Debates the lexicon never saw: the Europarl sittings (tools/eval/europarl_pairs.py), one held out
# at a time. EUROPARL names their folder.
europarl="${EUROPARL:-../shared/data/europarl-dev}"
if [ -d "$europarl" ]; then
  work_europarl="$(mktemp -d "${TMPDIR:-/tmp}/parlsearch-eval-XXXXXX")"
  tools/eval/europarl_pairs.py "$europarl" > "$work_europarl/europarl.jsonl"
  echo
  echo "## Europarl sittings, leave one sitting out"
  run --by-document "$work_europarl/europarl.jsonl"
  for sources in none pairs dictionary,cognates; do
    run --by-document --sources "$sources" "$work_europarl/europarl.jsonl"
  done
  run --by-document --words 5 "$work_europarl/europarl.jsonl"
  run --by-document --top 100 "$work_europarl/europarl.jsonl"
  run --by-document --related "$work_europarl/europarl.jsonl"
  rm -rf "$work_europarl"
fi

for file in "$@"; do
  echo
  echo "## $file"
  run "$file"
done
