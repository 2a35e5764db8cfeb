#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ (address sanitizer on) and runs them.
#
#   scripts/fuzz.sh build                 build every harness into Fuzz/.build/fuzzers/
#   scripts/fuzz.sh NAME SECONDS [ARGS]   fuzz one harness for SECONDS (ARGS go to libFuzzer, e.g. -runs=10000000)
#   scripts/fuzz.sh all SECONDS           fuzz every harness for SECONDS each
#
# NAME is one of: catalog-yaml, catalog-json, json-parser, error-decoder, message-template. Each starts from its
# seed corpus in Fuzz/Corpus/NAME (bundled catalogs, response bodies the renderer makes for them, test bodies) and
# grows a working corpus in Fuzz/.build/corpus/NAME. A crash leaves its input in Fuzz/.build/crashes/ and exits
# non-zero; add it to the normal test suite as a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"

harnesses=(catalog-yaml catalog-json json-parser error-decoder message-template)
# Bounds for every run: inputs as large as a real catalog, and memory well under the machine's. Leak detection is off
# (-detect_leaks=0): Swift keeps enum case tags in a pointer's spare bits, so LeakSanitizer does not see references
# held in multi-payload enums (JSONTemplate, JSONValue) and reports the decoders built once per process as leaked;
# memory that grows per input still stops the run at -rss_limit_mb.
max_len=65536
rss_limit_mb=2048

harness_file() {
    case "$1" in
    catalog-yaml) echo FuzzCatalogYAML ;;
    catalog-json) echo FuzzCatalogJSON ;;
    json-parser) echo FuzzJSONParser ;;
    error-decoder) echo FuzzErrorDecoder ;;
    message-template) echo FuzzMessageTemplate ;;
    *)
        echo "error: unknown harness '$1'; use one of: ${harnesses[*]}" >&2
        exit 64
        ;;
    esac
}

build() {
    # The code under test, instrumented; `--target` builds the modules without linking anything.
    swift build -c release -Xswiftc -sanitize=fuzzer,address --target ErrataTools
    local products
    products="$(swift build -c release -Xswiftc -sanitize=fuzzer,address --show-bin-path)"
    local objects=()
    for module in Errata ErrataTools Yams CYaml HTTPTypes; do
        while IFS= read -r object; do objects+=("$object"); done < <(find "$products/$module.build" -name '*.o')
    done
    mkdir -p .build/fuzzers
    for name in "${harnesses[@]}"; do
        local file
        file="$(harness_file "$name")"
        if [ .build/fuzzers/"$name" -nt Harnesses/"$file".swift ] && [ .build/fuzzers/"$name" -nt "$products/Errata.build" ]; then
            continue
        fi
        echo "linking $name"
        # An absolute source path, so that `#filePath` finds Catalogs/ from the error-decoder harness;
        # `-package-name fuzz` (SwiftPM names a package by its folder), so the harnesses reach the `package` API.
        swiftc -O -parse-as-library -sanitize=fuzzer,address -package-name fuzz \
            -I "$products/Modules" -Xcc -fmodule-map-file=.build/checkouts/Yams/Sources/CYaml/include/module.modulemap \
            "$PWD/Harnesses/$file.swift" "${objects[@]}" -o .build/fuzzers/"$name" 2> >(grep -v 'Cannot export local symbol' >&2)
    done
}

run() {
    local name="$1" seconds="$2"
    shift 2
    harness_file "$name" >/dev/null
    mkdir -p .build/corpus/"$name" .build/crashes
    echo "fuzzing $name for $seconds s"
    # ASAN_OPTIONS too: -detect_leaks=0 stops libFuzzer's per-input check, not LeakSanitizer's pass at exit.
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" .build/fuzzers/"$name" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb="$rss_limit_mb" \
        -timeout=10 -detect_leaks=0 -print_final_stats=1 -artifact_prefix=.build/crashes/"$name"- "$@" \
        .build/corpus/"$name" Corpus/"$name"
}

case "${1:-}" in
build) build ;;
all)
    build
    for name in "${harnesses[@]}"; do run "$name" "${2:?seconds}"; done
    ;;
"")
    sed -n '2,12p' "$0" >&2
    exit 64
    ;;
*)
    build
    run "$1" "${2:?seconds}" "${@:3}"
    ;;
esac
