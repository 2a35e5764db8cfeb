#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora in Fuzz/Corpus/ from the repository's own material.

- catalog-yaml: the bundled catalogs, the example's catalog and the schema fixtures (valid and invalid).
- catalog-json: the same catalogs as JSON (`.errata.json` is the same tree).
- json-parser: the error bodies of every bundled catalog (the examples in the generated OpenAPI golden files, which
  are the renderer's output) and the JSON bodies written in the tests.
- error-decoder: those bodies, each behind the two bytes the harness reads first (status choice, content type).
- message-template: every catalog message template, a zero byte, and the message rendered with sample values.

Run again after changing the catalogs or tests: python3 scripts/fuzz-seeds.py (needs PyYAML).
"""
import glob
import hashlib
import json
import os
import re
import shutil

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")


def write(kind, data):
    folder = os.path.join(CORPUS, kind)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data)


def main():
    shutil.rmtree(CORPUS, ignore_errors=True)
    catalogs = sorted(glob.glob(os.path.join(ROOT, "Catalogs", "*.errata.yaml")))
    catalogs += [os.path.join(ROOT, "Examples", "HelloErrata", "Sources", "HelloAPI", "hello.errata.yaml")]
    fixtures = sorted(glob.glob(os.path.join(ROOT, "Schemas", "Fixtures", "**", "*.errata.yaml"), recursive=True))
    for path in catalogs + fixtures:
        with open(path, "rb") as handle:
            text = handle.read()
        write("catalog-yaml", text)
        try:
            tree = yaml.safe_load(text)
        except yaml.YAMLError:
            continue
        write("catalog-json", json.dumps(tree, indent=2, default=str).encode())

    bodies = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "**", "*.openapi.json"), recursive=True)):
        with open(path) as handle:
            document = json.load(handle)
        for response in document.get("components", {}).get("responses", {}).values():
            for content in response.get("content", {}).values():
                for example in content.get("examples", {}).values():
                    if "value" in example:
                        bodies.append(json.dumps(example["value"], separators=(",", ":")).encode())
    # JSON bodies written in the tests as raw string literals: #"{...}"#.
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "**", "*.swift"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        for literal in re.findall(r'#"(\{.*?\})"#', source):
            bodies.append(literal.encode())
    statuses = [200, 400, 401, 403, 404, 409, 413, 422, 429, 500, 502, 503, 504, 599]
    for body in sorted(set(bodies)):
        write("json-parser", body)
        try:
            value = json.loads(body)
        except ValueError:
            value = None
        status = value.get("status") if isinstance(value, dict) else None
        choice = statuses.index(status) if status in statuses else 4
        write("error-decoder", bytes([choice, 1]) + body)
        write("error-decoder", bytes([choice, 2]) + body)
        write("error-decoder", bytes([len(statuses), 0]) + body)

    for path in catalogs:
        with open(path) as handle:
            tree = yaml.safe_load(handle)
        for entry in tree.get("codes", []) or []:
            message = entry.get("message")
            if not isinstance(message, str):
                continue
            rendered = re.sub(r"\{([A-Za-z0-9_.]+)\??\}", "abc", message.replace("{{", "\x01").replace("}}", "\x02"))
            rendered = rendered.replace("\x01", "{").replace("\x02", "}")
            write("message-template", message.encode() + b"\0" + rendered.encode())
    for kind in sorted(os.listdir(CORPUS)):
        print(kind, len(os.listdir(os.path.join(CORPUS, kind))))


if __name__ == "__main__":
    main()
