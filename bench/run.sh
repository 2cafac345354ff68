#!/bin/sh
# Times `kiosk summarize` (the full report: every question, themes, JSON) beside DuckDB and jq
# computing only the staff-pulse NPS of the same journal, and simdjson doing the same as a floor
# (with libsimdjson-dev installed). Minimum wall time of RUNS runs, and the peak resident memory
# of the fastest run. Not a test: run it by hand on a quiet machine.
#
#   bench/run.sh                      # 10k, 100k, 1M and 3M responses, 10 runs each
#   RUNS=3 SIZES="100000" bench/run.sh
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
SIZES=${SIZES:-"10000 100000 1000000 3000000"}
VENV=bench/.venv
# The version the README's figures were measured with: DuckDB's JSON reader gets faster.
DUCKDB_VERSION=2.0.1

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null \
    || "$VENV/bin/pip" install -q "duckdb==$DUCKDB_VERSION"
command -v jq >/dev/null || { echo "bench/run.sh: needs jq (apt-get install jq)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/run.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
swift build -c release --product kiosk >/dev/null
KIOSK=$(swift build -c release --show-bin-path)/kiosk
mkdir -p bench/data
SIMDJSON=""
if [ -f /usr/include/simdjson.h ]; then
    SIMDJSON=bench/data/nps_simdjson
    c++ -O3 -std=c++17 bench/nps_simdjson.cpp -lsimdjson -pthread -o "$SIMDJSON"
else
    echo "bench/run.sh: no simdjson floor without libsimdjson-dev (apt-get install libsimdjson-dev)" >&2
fi

# Runs the command once; prints "seconds peak-kB", the fastest of $1 (the best so far) and this.
faster() {
    best=$1
    shift
    /usr/bin/time -f "%e %M" -o bench/data/.time "$@" >/dev/null 2>&1
    read -r seconds kilobytes < bench/data/.time
    if [ -z "$best" ] || [ "$(echo "$seconds < ${best% *}" | bc)" = 1 ]; then best="$seconds $kilobytes"; fi
    echo "$best"
}

# Prints "seconds peak-kB" of the fastest of RUNS runs of the command.
measure() {
    best=""
    for _ in $(seq "$RUNS"); do best=$(faster "$best" "$@"); done
    echo "$best"
}

JQ_NPS='fromjson? | select(.questionnaire == "staff-pulse") | .answers.recommend | select(type == "number")'
printf '| responses | file MB | kiosk summarize (full report) | DuckDB (NPS only) | jq (NPS only) | simdjson (NPS only) | kiosk / DuckDB |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|\n'
for size in $SIZES; do
    journal=bench/data/journal-$size.jsonl
    [ -f "$journal" ] || bench/generate-journal "$size" "$journal"
    megabytes=$(( $(stat -L -c %s "$journal") / 1000000 ))
    # kiosk, DuckDB and simdjson take turns, so that the machine's drift (it has measured the same
    # binary 0.40 s and 0.55 s within an hour) falls on all alike.
    kiosk_best="" duck_best="" simdjson_best=""
    for _ in $(seq "$RUNS"); do
        kiosk_best=$(faster "$kiosk_best" "$KIOSK" summarize "$journal" --format json --questionnaires questionnaires)
        duck_best=$(faster "$duck_best" "$VENV/bin/python" bench/nps_duckdb.py "$journal")
        [ -z "$SIMDJSON" ] || simdjson_best=$(faster "$simdjson_best" "$SIMDJSON" "$journal")
    done
    set -- $kiosk_best
    kiosk_s=$1 kiosk_kb=$2
    set -- $duck_best
    duck_s=$1 duck_kb=$2
    # jq takes over 8 s a million lines: past a million it is left out.
    jq_column="-"
    if [ "$size" -le 1000000 ]; then
        set -- $(measure sh -c "jq -R -c '$JQ_NPS' '$journal' 2>/dev/null | awk '{ if (\$1 >= 9) p++; else if (\$1 <= 6) d++; n++ } END { print 100 * (p - d) / n }'")
        jq_column="$1 s, $(($2 / 1024)) MB"
    fi
    simdjson_column="-"
    if [ -n "$SIMDJSON" ]; then
        set -- $simdjson_best
        simdjson_column="$1 s, $(($2 / 1024)) MB"
    fi
    printf '| %s | %s | %s s, %s MB | %s s, %s MB | %s | %s | %.2f |\n' "$size" "$megabytes" \
        "$kiosk_s" $((kiosk_kb / 1024)) "$duck_s" $((duck_kb / 1024)) "$jq_column" "$simdjson_column" \
        "$(echo "$kiosk_s / $duck_s" | bc -l)"
done
