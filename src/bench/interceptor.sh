#!/usr/bin/env bash
# Benchmark of what the interceptor adds to each API request of the program it runs in: a Node client
# doing streaming POST /v1/messages requests one after the other against the loopback mock, without the
# interceptor, with the interceptor of an earlier commit (BASE, default 73e198c: before the hardening of
# issue 11) and with the one in the working tree, each with the default write delay and with
# BUDMON_INTERCEPTOR_WRITE_DELAY_MS=0 (one file write per response, the worst case). Not a test; prints
# a Markdown table (see src/bench/interceptor-overhead.mjs for how each figure is taken).
#
#   src/bench/interceptor.sh                          # REQUESTS=1000 ROUNDS=5 BASE=73e198c
#   ROUNDS=10 BASE=main src/bench/interceptor.sh
#   RUNTIME=/path/to/bun src/bench/interceptor.sh     # the client under Bun (modules loaded with --preload)
set -euo pipefail
cd "$(dirname "$0")/../.."
base="${BASE:-73e198c}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git show "$base:interceptor/budmon-interceptor.mjs" > "$tmp/base.mjs"
args=(--requests "${REQUESTS:-1000}" --warmup "${WARMUP:-200}" --rounds "${ROUNDS:-5}")
[ -n "${RUNTIME:-}" ] && args+=(--runtime "$RUNTIME")
echo "git $(git rev-parse --short HEAD)$(git diff --quiet -- interceptor || echo ' + uncommitted changes'), base $base" >&2
node src/bench/interceptor-overhead.mjs "${args[@]}" \
  "$base=$tmp/base.mjs" "$base=$tmp/base.mjs@0" \
  "working tree=interceptor/budmon-interceptor.mjs" "working tree=interceptor/budmon-interceptor.mjs@0"
