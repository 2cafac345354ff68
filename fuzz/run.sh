#!/usr/bin/env bash
# Runs one libFuzzer target built by fuzz/build.sh: fuzz/run.sh TARGET [SECONDS] (default 600).
# One fuzzing process at the lowest priority, so that it takes one core and yields to others.
# The growing corpus is fuzz/out/corpus/TARGET (seeded from fuzz/corpus/TARGET, which only
# holds the committed seeds); crashing inputs land in fuzz/out/artifacts/TARGET/; libFuzzer's
# log is fuzz/out/logs/TARGET.log.
set -euo pipefail

target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
case $target in
    QuestionnaireLoader | JournalRecord) max_len=65536 ;;
    Condition | Scrubber) max_len=4096 ;;
    *) echo "fuzz/run.sh: unknown target $target" >&2; exit 2 ;;
esac
out=$root/fuzz/out
mkdir -p "$out/corpus/$target" "$out/artifacts/$target" "$out/logs"
cd "$out/logs"
# -jobs=1 -workers=1: libFuzzer runs one child and writes its output to fuzz-0.log.
nice -n 19 "$out/bin/$target" -workers=1 -jobs=1 -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$out/artifacts/$target/" \
    "$out/corpus/$target" "$root/fuzz/corpus/$target" || status=$?
mv -f fuzz-0.log "$target.log"
grep -E '^(#[0-9]+.*(DONE|pulse|NEW)|stat::|==[0-9]+==|SUMMARY|Done)' "$target.log" | tail -n 12
echo "corpus: $(ls "$out/corpus/$target" | wc -l) files; artifacts: $(ls "$out/artifacts/$target" | wc -l)" >&2
exit "${status:-0}"
