#!/usr/bin/env bash
# Benchmark of the quota-history reader (issue 13): a year of heavy use, 500,000 observations, read by a fresh
# JVM into the compact store, as `budmon history` and a year-long --since do, and what the window's history
# figures cost on it. Not a test; prints one line per run, the heap the history keeps and the figures' time.
#
#   src/bench/history.sh              # 500,000 observations, 5 runs
#
# Environment: BUDMON_BENCH_DIR (default /tmp/budmon-bench-history), BUDMON_BENCH_OBSERVATIONS (500000),
# BUDMON_BENCH_RUNS (5), BUDMON_BENCH_FIGURES (computations of the history figures timed, 200), BUDMON_BENCH_JAVA_OPTS (default: the launcher's flags for every command but the status
# line: C1 only, the serial collector, a 16 MB first heap).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BUDMON_BENCH_DIR:-/tmp/budmon-bench-history}"
count="${BUDMON_BENCH_OBSERVATIONS:-500000}"
runs="${BUDMON_BENCH_RUNS:-5}"
java_opts="${BUDMON_BENCH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -Xms16m}"
claude="$bench/claude-$count"

if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
fi
cd "$root"
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt \
  >/dev/null 2>&1 || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

if [ ! -f "$claude/.done" ]; then
  rm -rf "$claude"
  java -cp "$cp" dev.budmon.bench.HistoryBenchmark generate "$claude" "$count" 1
  touch "$claude/.done"
fi
# From the page cache, as on a machine where BudMon runs all day.
cat "$claude"/budmon/quota-history/*.jsonl > /dev/null

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews wall times)"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), \
$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(java -version 2>&1 | head -1)"
echo "== history: $(du -sb "$claude/budmon/quota-history" | awk '{printf "%.0f MB", $1 / 1e6}') in \
$(find "$claude/budmon/quota-history" -name '*.jsonl' | wc -l) month files; JVM options: $java_opts"
for i in $(seq "$runs"); do
  # shellcheck disable=SC2086
  /usr/bin/time -f "    whole process: wall %e s, CPU %U+%S s, peak RSS %M KB" \
    java $java_opts -cp "$cp" dev.budmon.bench.HistoryBenchmark read "$claude"
done
# shellcheck disable=SC2086
java $java_opts -cp "$cp" dev.budmon.bench.HistoryBenchmark memory "$claude"
# What the window's watcher pays for the pace, the binding limit, the shares and the dollars per percent,
# with every new state and every 30 s (HistoryFeed), in a JVM with the launcher's options.
echo "== history figures at 2026-12-06T12:00Z:"
rm -rf "$bench/figures" && cp -r "$claude" "$bench/figures" # the figures' run appends to the history
# shellcheck disable=SC2086
java $java_opts -cp "$cp" dev.budmon.bench.HistoryBenchmark figures "$bench/figures" "${BUDMON_BENCH_FIGURES:-200}"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
