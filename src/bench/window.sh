#!/usr/bin/env bash
# Benchmark of the dashboard window (issue 4, section 5): cold start to the first painted frame with data,
# resident memory after one minute, CPU while idle for a minute, and the time from an atomic rewrite of
# usage-limits.json to the repaint that shows it. Each set of JVM options runs the real launcher (./budmon,
# which passes BUDMON_JAVA_OPTS to java) as a fresh process on a Claude directory holding a real Claude Code
# transcript and the interceptor's usage-limits.json (dev.budmon.ui.ClaudeDirFixture); the window reports
# its paints through -Dbudmon.bench.firstFrame / -Dbudmon.bench.paints, the rest is read from /proc.
#
#   src/bench/window.sh                 # about 3 minutes per set of options, 4 sets
#
# Environment: BUDMON_BENCH_DIR (default /tmp/budmon-bench-window), BUDMON_BENCH_STARTS (cold starts per
# set, 7), BUDMON_BENCH_IDLE (seconds of idle CPU, 60; 0 measures the cold starts only), BUDMON_BENCH_WRITES
# (file rewrites, 30),
# BUDMON_BENCH_HISTORY_MB (0: also read a generated transcript history of that many MB, as a second Claude
# directory), BUDMON_BENCH_SETS (which sets to run, by name; default all).
# Without DISPLAY the script runs itself under xvfb-run (a 24-bit 1600x1400 screen).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1400x24 -noreset -nolisten tcp" "$0" "$@"
fi

bench="${BUDMON_BENCH_DIR:-/tmp/budmon-bench-window}"
starts="${BUDMON_BENCH_STARTS:-7}"
idle="${BUDMON_BENCH_IDLE:-60}"
writes="${BUDMON_BENCH_WRITES:-30}"
history_mb="${BUDMON_BENCH_HISTORY_MB:-0}"
archive="$bench/budmon-window.jsa"
lean="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxRAM=512m -XX:-UsePerfData"
# name|JVM options; the archive of the last set is made first, with that set's options minus the archive
sets=(
  "defaults|"
  "c1-serial|-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  "lean|$lean"
  "lean+cds|$lean -XX:SharedArchiveFile=$archive"
)
mkdir -p "$bench"

cd "$root"
# the jar the launcher runs, built now so that no start below builds it
mvn -B -q -o -DskipTests package 2>/dev/null || mvn -B -q -DskipTests package
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt \
  >/dev/null 2>&1 || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
driver=(java -Dclk.tck="$(getconf CLK_TCK)" -cp "$cp" dev.budmon.bench.WindowBenchmark "$root/budmon")

if [ "$history_mb" != 0 ]; then
  history="$bench/history-${history_mb}mb"
  if [ "$(cat "$history/.params" 2>/dev/null)" != "$history_mb 20 1 1.0" ]; then
    rm -rf "$history"
    java -cp "$cp" dev.budmon.bench.TranscriptCorpus "$history" "$history_mb" 20 1 1.0
    echo "$history_mb 20 1 1.0" > "$history/.params"
  fi
  find "$history/.claude" -name '*.jsonl' -exec cat {} + > /dev/null
  export BUDMON_BENCH_HISTORY="$history/.claude"
fi

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the times)"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), \
$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(java -version 2>&1 | head -1); \
display $DISPLAY ($(xdpyinfo 2>/dev/null | awk '/dimensions:/ {print $2}' || true))"
echo "== $starts cold starts, ${idle} s idle, $writes rewrites per set${BUDMON_BENCH_HISTORY:+; history $BUDMON_BENCH_HISTORY}"
echo
echo "| set | JVM options | first frame, from launch: median (min–max) | the same, since the JVM's start | RSS after 1 min | idle CPU (1 min) | file to screen: median / p90 / max |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for entry in "${sets[@]}"; do
  name="${entry%%|*}"
  opts="${entry#*|}"
  if [ -n "${BUDMON_BENCH_SETS:-}" ] && [[ " $BUDMON_BENCH_SETS " != *" $name "* ]]; then
    continue
  fi
  if [[ "$opts" == *SharedArchiveFile=* ]]; then
    # -XX:ArchiveClassesAtExit: a dynamic archive of the classes one run loaded (JDK 13+), on top of the
    # JDK's own; it is valid only for this jar, so it is made again after every build
    "${driver[@]}" "$bench/work" archive "${opts% -XX:SharedArchiveFile=*}" 1 0 0 "$archive" >&2
  fi
  "${driver[@]}" "$bench/work" "$name" "$opts" "$starts" "$idle" "$writes"
  rm -rf "$bench/work"
done
echo
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
