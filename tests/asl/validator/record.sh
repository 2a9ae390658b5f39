#!/usr/bin/env bash
# Re-record asl-validator's verdicts on every case under cases/ into verdicts.json.
#
# Development-time only: `cargo test` never runs this script, it only reads the
# verdicts.json this script writes. Needs Node >= 18 and npm with access to the
# npm registry.
#
# Usage: bash tests/asl/validator/record.sh [WORK_DIR]
#   WORK_DIR  folder where the pinned asl-validator is npm-installed
#             (default: ${TMPDIR:-/tmp}/dea-tutor-asl-validator). Never inside the repo.
set -euo pipefail

ASL_VALIDATOR_VERSION="4.0.0"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="${1:-${TMPDIR:-/tmp}/dea-tutor-asl-validator}"

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
case "$WORK/" in
  "$HERE/"*) echo "record.sh: WORK_DIR must be outside $HERE" >&2; exit 2 ;;
esac

cd "$WORK"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund --silent "asl-validator@${ASL_VALIDATOR_VERSION}"

installed="$(node -p "require('asl-validator/package.json').version")"
if [ "$installed" != "$ASL_VALIDATOR_VERSION" ]; then
  echo "record.sh: expected asl-validator@${ASL_VALIDATOR_VERSION}, got ${installed}" >&2
  exit 2
fi

cat > "$WORK/record-verdicts.js" <<'JS'
"use strict";
// Runs asl-validator's Node API over cases/{valid,invalid}/*.json.
const fs = require("fs");
const path = require("path");
const validator = require("asl-validator");
const version = require("asl-validator/package.json").version;

const corpusDir = process.argv[2];
// Both checks on, i.e. the library defaults. Passed explicitly because when an
// options object is given, a missing key counts as false.
const options = { checkArn: true, checkPaths: true };

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

const cases = {};
for (const group of ["invalid", "valid"]) {
  const dir = path.join(corpusDir, "cases", group);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  for (const file of files) {
    const key = `${group}/${file}`;
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    let definition;
    try {
      definition = JSON.parse(text);
    } catch (e) {
      // asl-validator never sees these; its CLI would exit 2 (exception).
      cases[key] = { valid: false, errors: ["JSON_PARSE_ERROR: file is not valid JSON"] };
      continue;
    }
    try {
      const r = validator(definition, options);
      cases[key] = {
        valid: r.isValid,
        errors: r.errors.map((e) => `${e["Error code"]}: ${e.Message}`),
      };
    } catch (e) {
      // asl-validator threw instead of giving a verdict.
      cases[key] = { valid: false, errors: [`VALIDATOR_EXCEPTION: ${e && e.message}`] };
    }
  }
}

const out = sortKeys({ validator: `asl-validator@${version}`, options, cases });
fs.writeFileSync(path.join(corpusDir, "verdicts.json"), JSON.stringify(out, null, 2) + "\n");
const n = Object.keys(cases).length;
const valid = Object.values(cases).filter((c) => c.valid).length;
console.log(`asl-validator@${version}: ${n} cases, ${valid} rated valid, ${n - valid} rated invalid`);
JS

node "$WORK/record-verdicts.js" "$HERE"
echo "wrote $HERE/verdicts.json"
