#!/usr/bin/env bash
# Benchmark of the transcript reader (issue 2, section 10), with ccusage measured in the same run.
#
#   src/bench/transcripts.sh            # 500 MB over 20 projects, 3 runs each
#
# Environment: BUDMON_BENCH_DIR (default /tmp/budmon-bench: corpus, ccusage install, outputs),
# BUDMON_BENCH_MB (500), BUDMON_BENCH_SCALE (1.0: sizes of message content and tool output; 0.25 makes a
# corpus with about three times as many responses per megabyte), BUDMON_BENCH_RUNS (3), BUDMON_BENCH_JAVA_OPTS (JVM options of the second set of
# runs; default the ones recommended for BudMon: C1 only and the serial collector, which suit a small,
# long-running, mostly idle desktop program; the first set of runs uses the JVM's defaults).
# The corpus is generated once (deterministic, seed 1) and reused while its parameters stay the same.
# Peak memory and wall time come from GNU time (/usr/bin/time -v) around each whole process.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BUDMON_BENCH_DIR:-/tmp/budmon-bench}"
mb="${BUDMON_BENCH_MB:-500}"
scale="${BUDMON_BENCH_SCALE:-1.0}"
runs="${BUDMON_BENCH_RUNS:-3}"
projects=20
java_opts="${BUDMON_BENCH_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
corpus="$bench/corpus-${mb}mb"
[ "$scale" != "1.0" ] && corpus="$corpus-x$scale"
ccusage_prefix="$bench/ccusage"
ccusage_version=20.0.24
out="$bench/out"
mkdir -p "$bench" "$out"

if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
fi

cd "$root"
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt \
  >/dev/null 2>&1 || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

if [ "$(cat "$corpus/.params" 2>/dev/null)" != "$mb $projects 1 $scale" ]; then
  rm -rf "$corpus"
  java -cp "$cp" dev.budmon.bench.TranscriptCorpus "$corpus" "$mb" "$projects" 1 "$scale"
  echo "$mb $projects 1 $scale" > "$corpus/.params"
fi

# Read everything once so that every run below reads from the page cache, as a monitor that runs all
# day would; a first run after boot also pays for the disk.
find "$corpus/.claude" -name '*.jsonl' -exec cat {} + > /dev/null

# measure LABEL COMMAND...: runs the command under GNU time, prints one line, keeps the output.
measure() {
  local label="$1"
  shift
  /usr/bin/time -v -o "$out/time.txt" "$@" > "$out/$label.out" 2> "$out/$label.err" || {
    echo "$label failed:"; cat "$out/$label.err"; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt" \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$out/time.txt")
  printf '%-22s wall %6.2f s   cpu (user+sys) %6.2f s   peak RSS %5d MB\n' "$label" "$wall" "$cpu" "$rss"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews wall times)"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), \
$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(java -version 2>&1 | head -1)"
echo "== corpus: $(du -sb "$corpus/.claude" | awk '{printf "%.0f MB", $1 / 1e6}') in \
$(find "$corpus/.claude" -name '*.jsonl' | wc -l) files, $projects projects ($corpus)"
grep -E '"(lines|assistantLines|responses)"' "$corpus/expected.json" | tr -d ' ,' | tr '\n' ' '; echo

for set in default tuned; do
  opts=""
  [ "$set" = tuned ] && opts="$java_opts"
  echo "== BudMon full scan, a fresh JVM each run, JVM options: ${opts:-(defaults)}"
  for i in $(seq "$runs"); do
    # shellcheck disable=SC2086
    measure "budmon-$set-scan-$i" java $opts -cp "$cp" dev.budmon.bench.TranscriptBenchmark scan "$corpus"
    sed 's/^/    /' "$out/budmon-$set-scan-$i.out" | grep -E 'scan:'
    node -e '
      const fs = require("fs");
      const e = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).byModel;
      const got = {};
      for (const l of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
        const f = l.split(" ");
        if (f[0] === "model") got[f[1]] = [f[3], f[5], f[7], f[9], f[11]].map(Number);
      }
      const ok = Object.keys(e).length === Object.keys(got).length && Object.entries(e).every(([m, t]) => got[m]
        && [t.input, t.output, t.cacheWrite5m, t.cacheWrite1h, t.cacheRead].every((v, i) => v === got[m][i]));
      console.log("    token totals by model " + (ok ? "match" : "DO NOT MATCH") + " the generator'"'"'s expected.json");
    ' "$corpus/expected.json" "$out/budmon-$set-scan-$i.out"
  done
  # shellcheck disable=SC2086
  java $opts -cp "$cp" dev.budmon.bench.TranscriptBenchmark memory "$corpus" | sed 's/^/    /'
  echo "== BudMon one appended line, JVM options: ${opts:-(defaults)}"
  # shellcheck disable=SC2086
  measure "budmon-$set-update" java $opts -cp "$cp" dev.budmon.bench.TranscriptBenchmark update "$corpus"
  sed 's/^/    /' "$out/budmon-$set-update.out"
done

echo "== ccusage $ccusage_version (daily --offline --json, HOME at the corpus)"
if [ ! -f "$ccusage_prefix/node_modules/ccusage/package.json" ]; then
  npm install --prefix "$ccusage_prefix" --no-audit --no-fund --loglevel=error "ccusage@$ccusage_version" >/dev/null \
    || echo "ccusage $ccusage_version could not be installed"
fi
if [ -f "$ccusage_prefix/node_modules/ccusage/package.json" ]; then
  # npx as the issue names it; npm's cache stays where it is although HOME moves, and is filled once
  # (untimed) so that no run pays for the download
  npm_cache="$(npm config get cache)"
  npx -y "ccusage@$ccusage_version" --version >/dev/null 2>&1 || true
  for i in $(seq "$runs"); do
    measure "ccusage-npx-$i" env HOME="$corpus" npm_config_cache="$npm_cache" \
      npx -y "ccusage@$ccusage_version" daily --offline --json
  done
  native="$ccusage_prefix/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage"
  if [ -f "$native" ]; then
    chmod +x "$native"
    for i in $(seq "$runs"); do
      measure "ccusage-native-$i" env HOME="$corpus" "$native" daily --offline --json
    done
  fi
  node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const t = d.totals || {};
    console.log("    ccusage totals: input " + t.inputTokens + " output " + t.outputTokens + " cache write "
      + t.cacheCreationTokens + " cache read " + t.cacheReadTokens + " (" + (d.daily || []).length + " days)");
  ' "$out/ccusage-npx-1.out"
  node -e '
    const e = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    let i = 0, o = 0, w = 0, r = 0;
    for (const m of Object.values(e.byModel)) { i += m.input; o += m.output; w += m.cacheWrite5m + m.cacheWrite1h; r += m.cacheRead; }
    console.log("    generator totals: input " + i + " output " + o + " cache write " + w + " cache read " + r);
  ' "$corpus/expected.json"
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
