#!/usr/bin/env bash
# Builds one libFuzzer target and runs it for SECONDS on its corpus.
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags]
# TARGET: markdown json csv anki page snapshot journal reviewlog (or "list").
# GlossCore/GlossStore/CSV are built by SwiftPM with fuzzer+address instrumentation into
# .build-fuzz (release with -enable-testing, so @testable reaches the internal loaders), then Fuzz/FuzzTargets.swift
# is linked against their objects. Crashes land in Fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
targets="markdown json csv anki page snapshot journal reviewlog"
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:-60}
shift 2 || shift $#
if [[ $target == list ]]; then echo "$targets"; exit 0; fi
[[ " $targets " == *" $target "* ]] || { echo "fuzz.sh: unknown target '$target' (one of: $targets)" >&2; exit 2; }

scratch=.build-fuzz
swift build --scratch-path "$scratch" -c release --target GlossStore \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing >&2
modules="$scratch/release/Modules"
[[ -d $modules ]] || modules="$scratch/release"
# GlossStore's Swift dependencies, and the module maps of the system libraries they import
# (zstd, sqlite3, zlib: linked through the maps' `link` lines).
# An object whose source file is gone (a file removed since the last build here) is left out.
objects=$(find "$scratch/release/"{GlossCore,GlossStore,CSV,GRDB,ZIPFoundation}.build -name '*.o' | while read -r o; do
    module=$(basename "$(dirname "$o")" .build)
    name=$(basename "$o" .swift.o)
    if [[ $module == Gloss* && $o == *.swift.o && -z $(find "Sources/$module" -name "$name.swift" -print -quit) ]]; then continue; fi
    echo "$o"
done)
maps=$(find Sources "$scratch"/checkouts/*/Sources -mindepth 2 -maxdepth 2 -name module.modulemap)
binary="$scratch/fuzz-$target"
upper=$(tr '[:lower:]' '[:upper:]' <<<"$target")
if [[ ! -x $binary || Fuzz/FuzzTargets.swift -nt $binary || -n $(find -H "$scratch/release" -name '*.o' -newer "$binary" | head -1) ]]; then
    swiftc -O -sanitize=fuzzer,address -parse-as-library -D "FUZZ_$upper" -I "$modules" \
        $(printf -- '-Xcc -fmodule-map-file=%s ' $maps) \
        -module-name GlossFuzz Fuzz/FuzzTargets.swift $objects -o "$binary" >&2
fi
mkdir -p "Fuzz/corpus/$target" "Fuzz/artifacts/$target" "$scratch/corpus-$target"
# New inputs go to the scratch corpus; the committed seed corpus is only read.
"$binary" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
    -artifact_prefix="Fuzz/artifacts/$target/" "$@" "$scratch/corpus-$target" "Fuzz/corpus/$target"
