#!/usr/bin/env bash
# Rebuilds src/main/resources/geo/us-albers.json from the npm registry's us-atlas 3.0.1.
# Needs Node 18+ and npm. Run from anywhere: db/seed/geo/build.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent us-atlas@3.0.1 >/dev/null
tar xzf us-atlas-3.0.1.tgz
npm init -y >/dev/null
npm install --silent --no-audit --no-fund topojson-client@3.1.0
cp "$here/convert.mjs" .
mkdir -p "$repo/src/main/resources/geo"
node convert.mjs package/counties-albers-10m.json "$repo/src/main/resources/geo/us-albers.json"
