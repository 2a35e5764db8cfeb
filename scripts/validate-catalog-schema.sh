#!/usr/bin/env bash
# Checks Schemas/errata-catalog.schema.json against real catalog files: every bundled catalog (Catalogs/) and the
# example's catalog must validate, and every deliberately bad catalog in Schemas/Fixtures/invalid/ (each of which
# the loader rejects too; CatalogFileSchemaTests checks that) must not.
#
# The schema's key lists are compared with the loader's by `swift test --filter CatalogFileSchemaTests`; this script
# checks the value rules (types, patterns, enums, conditionals) with a real JSON Schema validator.
#
# Usage: scripts/validate-catalog-schema.sh
# Environment: PYTHON (default python3) picks the interpreter; jsonschema and PyYAML (PyPI) are installed with pip
# when missing.
# Exit status: 0 when every catalog is judged as expected, 1 otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"

if ! "$python" -c 'import jsonschema, yaml' 2>/dev/null; then
    echo "Installing jsonschema and PyYAML with pip…" >&2
    "$python" -m pip install --quiet 'jsonschema>=4.18' 'PyYAML>=6'
fi

"$python" - <<'PYTHON'
import glob
import json
import re
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """YAML as the loader reads it: YAML 1.2 core booleans (true/false only; yes/no/on/off stay text), no
    timestamps (a date stays text)."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(path):
    with open(path, encoding="utf-8") as file:
        if path.endswith(".json"):
            return json.load(file)
        return yaml.load(file, Loader=CoreLoader)


with open("Schemas/errata-catalog.schema.json", encoding="utf-8") as file:
    schema = json.load(file)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

valid = sorted(glob.glob("Catalogs/*.errata.yaml") + glob.glob("Catalogs/*.errata.json")
               + glob.glob("Examples/*/Sources/*/*.errata.yaml"))
invalid = sorted(glob.glob("Schemas/Fixtures/invalid/*.errata.yaml"))
if not valid or not invalid:
    sys.exit("error: no catalogs found; run from the repository")

failed = 0
passed = 0
for path in valid:
    errors = sorted(validator.iter_errors(load(path)), key=lambda error: list(error.absolute_path))
    if errors:
        failed += 1
        for error in errors:
            where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
            print(f"FAIL {path}: {where}: {error.message}")
    else:
        passed += 1
        print(f"ok   {path} validates")
for path in invalid:
    errors = list(validator.iter_errors(load(path)))
    if errors:
        passed += 1
        print(f"ok   {path} is rejected: {jsonschema.exceptions.best_match(errors).message}")
    else:
        failed += 1
        print(f"FAIL {path} validates, but the loader rejects it")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PYTHON
