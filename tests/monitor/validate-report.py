#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks reports against docs/report-schema.json: validate-report.py SCHEMA REPORT...
Prints "ok FILE" per valid report, else what is wrong; exit status 1 when any is not."""

import json
import sys

import jsonschema

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema,
                                            format_checker=jsonschema.FormatChecker())
failed = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    for error in errors:
        print("%s: %s: %s" % (path, "/".join(map(str, error.path)), error.message))
    if errors:
        failed += 1
    else:
        print("ok " + path)
sys.exit(1 if failed else 0)
