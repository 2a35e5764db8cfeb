#!/usr/bin/env bash
# Generates the OpenAPI document of every bundled catalog (Catalogs/*.errata.yaml) with `errata generate openapi`
# and validates each with openapi-spec-validator (PyPI), installing it with pip when it is missing.
#
# Usage: scripts/validate-openapi.sh
# Environment: PYTHON (default python3) picks the interpreter.
# Exit status: 0 when every document is valid, 1 when any is not or cannot be generated.
set -euo pipefail

cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"

if ! "$python" -c 'import openapi_spec_validator' 2>/dev/null; then
    echo "Installing openapi-spec-validator with pip…" >&2
    "$python" -m pip install --quiet openapi-spec-validator
fi

swift build --product errata >&2
errata="$(swift build --show-bin-path)/errata"

output="$(mktemp -d)"
trap 'rm -rf "$output"' EXIT

failures=0
count=0
for catalog in Catalogs/*.errata.yaml; do
    id="$(basename "$catalog" .errata.yaml)"
    document="$output/$id.openapi.json"
    count=$((count + 1))
    if ! "$errata" generate openapi "$catalog" --output "$document"; then
        echo "$catalog: errata generate openapi failed" >&2
        failures=$((failures + 1))
        continue
    fi
    if "$python" -m openapi_spec_validator --schema 3.1 "$document" >"$output/$id.log" 2>&1; then
        echo "$catalog: valid OpenAPI 3.1"
    else
        echo "$catalog: INVALID" >&2
        sed 's/^/    /' "$output/$id.log" >&2
        failures=$((failures + 1))
    fi
done

if [ "$failures" -gt 0 ]; then
    echo "$failures of $count OpenAPI documents failed validation" >&2
    exit 1
fi
echo "$count OpenAPI documents valid"
