#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema (draft 2020-12) with python3-jsonschema.

usage: validate_json.py SCHEMA [--reject-mutations] PATH...

Each PATH is a file or a directory (every *.json below it). Exits 1 if any file is invalid or
none was found. With --reject-mutations, each valid file is also broken in a few ways a trace can
be broken (a required field missing, a wrong format tag, a mistyped field), and each broken copy
must be rejected: proof that the schema can fail.
"""
import copy
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("validate_json.py: python3-jsonschema is not installed (tools/bootstrap installs it)")


def files_under(paths):
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*.json") if "schema" not in q.parts)
        else:
            yield p  # a missing file is reported as a failure below


def mutations(doc):
    if not isinstance(doc, dict):
        return
    for key in sorted(doc)[:3]:
        broken = copy.deepcopy(doc)
        del broken[key]
        yield f"without {key!r}", broken
    if "format" in doc:
        broken = copy.deepcopy(doc)
        broken["format"] = "wqcheck-trace/0"
        yield "format wqcheck-trace/0", broken
    if doc.get("steps"):
        broken = copy.deepcopy(doc)
        broken["steps"][0]["footprint"]["read"] = "not-a-list"
        yield "steps[0].footprint.read a string", broken
        broken = copy.deepcopy(doc)
        broken["steps"][0]["colour"] = "red"
        yield "steps[0] with an unknown field", broken


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    schema = json.loads(pathlib.Path(argv[1]).read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    reject = "--reject-mutations" in argv[2:]
    paths = [a for a in argv[2:] if a != "--reject-mutations"]
    failures = 0
    count = 0
    for path in files_under(paths):
        count += 1
        if not path.exists():
            print(f"{path}: no such file")
            failures += 1
            continue
        doc = json.loads(path.read_text())
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors:
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            print(f"{path}: {where}: {e.message}")
        failures += bool(errors)
        if reject and not errors:
            for what, broken in mutations(doc):
                if validator.is_valid(broken):
                    print(f"{path}: the schema accepts a broken copy ({what})")
                    failures += 1
    if count == 0:
        print("validate_json.py: no JSON files found in " + " ".join(paths))
        return 1
    print(f"validate_json.py: {count} file(s) checked against {argv[1]}, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
