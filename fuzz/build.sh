#!/usr/bin/env bash
# Builds one libFuzzer target: fuzz/build.sh TARGET  (TARGET is a harness name without
# "Fuzzer.swift", e.g. QuestionnaireLoader). The binary lands in fuzz/out/bin/TARGET.
#
# SwiftPM renames an executable's entry point, which fights libFuzzer's own main, so this
# compiles by hand: CYaml with clang, then Yams and KioskCore as modules, all instrumented for
# coverage and AddressSanitizer, then the harness linked against them with libFuzzer's main.
# Needs `swift build` (or `swift package resolve`) once, for .build/checkouts/Yams.
set -euo pipefail

target=${1:?usage: fuzz/build.sh TARGET (QuestionnaireLoader, Condition, JournalRecord, Scrubber)}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
harness="fuzz/${target}Fuzzer.swift"
[[ -f $harness ]] || { echo "fuzz/build.sh: no harness $harness" >&2; exit 2; }

yams=.build/checkouts/Yams/Sources
[[ -d $yams/CYaml ]] || swift package resolve
out=fuzz/out/build
mkdir -p "$out/cyaml" fuzz/out/bin

# -O keeps the executions per second up; overflow and bounds checks stay on in -O.
swift_flags=(-O -g -sanitize=fuzzer,address -parse-as-library -swift-version 6)

# Rebuilds a library only when one of its sources is newer than its stamp.
stale() { [[ ! -f $1 ]] || [[ -n $(find "${@:2}" -newer "$1" -name '*.[chs]*' -print -quit) ]]; }
if stale "$out/Yams.stamp" "$yams"; then
    echo "building CYaml and Yams (instrumented)..." >&2
    for source in "$yams"/CYaml/src/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC \
            -I "$yams/CYaml/include" "$source" -o "$out/cyaml/$(basename "${source%.c}").o"
    done
    # Yams imports CYaml only when built by SwiftPM, hence SWIFT_PACKAGE.
    swiftc "${swift_flags[@]}" -module-name Yams -emit-module -emit-module-path "$out/Yams.swiftmodule" \
        -D SWIFT_PACKAGE -wmo -c -o "$out/Yams.o" -Xcc -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" \
        "$yams"/Yams/*.swift
    touch "$out/Yams.stamp"
    rm -f "$out/KioskCore.stamp"
fi
if stale "$out/KioskCore.stamp" Sources/KioskCore; then
    echo "building KioskCore (instrumented)..." >&2
    swiftc "${swift_flags[@]}" -module-name KioskCore -emit-module -emit-module-path "$out/KioskCore.swiftmodule" \
        -wmo -c -o "$out/KioskCore.o" -I "$out" -I "$yams/CYaml/include" \
        $(find Sources/KioskCore -name '*.swift' | sort)
    touch "$out/KioskCore.stamp"
fi

# The harness uses only KioskCore's public API.
swiftc "${swift_flags[@]}" -I "$out" -I "$yams/CYaml/include" \
    "$harness" "$out/KioskCore.o" "$out/Yams.o" "$out"/cyaml/*.o -o "fuzz/out/bin/$target"
echo "fuzz/out/bin/$target" >&2
