#!/usr/bin/env bash
# Benchmark of what the interceptor adds to each API request of the program it runs in: without the
# interceptor, with the interceptor of an earlier commit (BASE, default 6571e8b: before the quota
# history of issue 13) and with the one in the working tree, each with the default write delay and with
# BUDMON_INTERCEPTOR_WRITE_DELAY_MS=0 (a write after every response, the worst case). Every response
# changes the 5h utilization, so the working tree's module appends a history line for every one. Two
# tables: a Node client doing streaming POST /v1/messages requests one after the other against the
# loopback mock (end to end), and the interceptor's own time per response, on the response path and
# deferred (see src/bench/interceptor-overhead.mjs for how each figure is taken). Not a test; prints
# Markdown tables.
#
#   src/bench/interceptor.sh                          # REQUESTS=1000 ROUNDS=5 BASE=6571e8b
#   ROUNDS=10 BASE=main src/bench/interceptor.sh
#   DIRECT_ONLY=1 src/bench/interceptor.sh            # the second table only
#   RUNTIME=/path/to/bun src/bench/interceptor.sh     # the client under Bun (modules loaded with --preload)
set -euo pipefail
cd "$(dirname "$0")/../.."
base="${BASE:-6571e8b}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git show "$base:interceptor/budmon-interceptor.mjs" > "$tmp/base.mjs"
args=(--requests "${REQUESTS:-1000}" --warmup "${WARMUP:-200}" --rounds "${ROUNDS:-5}")
[ -n "${RUNTIME:-}" ] && args+=(--runtime "$RUNTIME")
[ -n "${DIRECT_ONLY:-}" ] && args+=(--direct-only)
echo "git $(git rev-parse --short HEAD)$(git diff --quiet -- interceptor || echo ' + uncommitted changes'), base $base" >&2
node src/bench/interceptor-overhead.mjs "${args[@]}" \
  "$base=$tmp/base.mjs" "$base=$tmp/base.mjs@0" \
  "working tree=interceptor/budmon-interceptor.mjs" "working tree=interceptor/budmon-interceptor.mjs@0"
