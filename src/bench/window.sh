#!/usr/bin/env bash
# Benchmark of the dashboard window (issue 4, section 5): cold start to the first painted frame with data,
# resident memory after one minute, CPU while idle for a minute, and the time from an atomic rewrite of
# usage-limits.json to the repaint that shows it. Each set of JVM options runs the real launcher (./budmon,
# which passes BUDMON_JAVA_OPTS to java) as a fresh process on a Claude directory holding a real Claude Code
# transcript and the interceptor's usage-limits.json (dev.budmon.ui.ClaudeDirFixture); the window reports
# its paints through -Dbudmon.bench.firstFrame / -Dbudmon.bench.paints, the rest is read from /proc.
#
#   src/bench/window.sh                 # about 3 minutes per set, 4 sets (2 without a JDK 25)
#
# Environment: BUDMON_BENCH_DIR (default /tmp/budmon-bench-window), BUDMON_BENCH_STARTS (cold starts per
# set, 7), BUDMON_BENCH_IDLE (seconds of idle CPU, 60; 0 measures the cold starts only), BUDMON_BENCH_WRITES
# (file rewrites, 30),
# BUDMON_BENCH_IDLE_FROM (seconds after the start at which RSS is read and the idle minute begins; 60).
# The last row is the floor of this machine: a minimal FlatLaf window with its own archive (set name floor).
# BUDMON_BENCH_HISTORY_MB (0: also read a generated transcript history of that many MB, as a second Claude
# directory), BUDMON_BENCH_SETS (which sets to run, by name, separated by commas; default all), JAVA25 (a
# JDK 25 for its sets; empty: none).
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
java25="${JAVA25-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$java25/bin/java" ] || java25=""
# name|JAVA_HOME|JVM options added to the launcher's own (./budmon gives the window -XX:+UseSerialGC
# -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -Xms16m). Sets named *archive* run with the launcher's
# own window archive (on JDK 25 an AOT cache), recorded first by its rehearsal; the others with BUDMON_CDS=off.
# (Names become folder names, and a comma would split CLAUDE_CONFIG_DIR.)
sets=(
  "no-archive||"
  "archive||"
)
[ -n "$java25" ] && sets+=("jdk25-no-archive|$java25|" "jdk25-archive|$java25|")
mkdir -p "$bench"

cd "$root"
default_java_home="${JAVA_HOME:-}"
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
echo "| set | JVM options | first frame, from launch: median (min–max) | the same, since the JVM's start | RSS after ${BUDMON_BENCH_IDLE_FROM:-60} s | idle CPU (the next ${idle} s) | file to screen: median / p90 / max |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for entry in "${sets[@]}"; do
  name="${entry%%|*}"
  rest="${entry#*|}"
  java_home="${rest%%|*}"
  opts="${rest#*|}"
  if [ -n "${BUDMON_BENCH_SETS:-}" ] && [[ ",$BUDMON_BENCH_SETS," != *",$name,"* ]]; then
    continue
  fi
  export JAVA_HOME="${java_home:-$default_java_home}"
  if [[ "$name" == *archive* ]] && [[ "$name" != *no-archive* ]]; then
    export BUDMON_CDS=on
    # the launcher's archive is valid only for this jar and this JVM: recorded again for every run
    BUDMON_REHEARSAL_DELAY=0 "${driver[@]}" "$bench/work" archive "" 1 0 0 launcher >&2
  else
    export BUDMON_CDS=off
  fi
  "${driver[@]}" "$bench/work" "$name" "$opts" "$starts" "$idle" "$writes"
  rm -rf "$bench/work"
done

# The floor of this machine, as the issue's reference: a minimal FlatLaf window (one label) with its own
# class-data archive and the launcher's flags, from launch to its first paint.
if [ -z "${BUDMON_BENCH_SETS:-}" ] || [[ ",$BUDMON_BENCH_SETS," == *",floor,"* ]]; then
  ref="$bench/reference"
  mkdir -p "$ref"
  cat > "$ref/ReferenceWindow.java" <<'JAVA'
public class ReferenceWindow {
    public static void main(String[] args) throws Exception {
        com.formdev.flatlaf.FlatDarkLaf.setup();
        javax.swing.SwingUtilities.invokeLater(() -> {
            javax.swing.JFrame f = new javax.swing.JFrame("reference");
            f.add(new javax.swing.JLabel("5h 42 %   Reset 13:00   Expiry 15:20") {
                private boolean painted;

                @Override
                protected void paintComponent(java.awt.Graphics g) {
                    super.paintComponent(g);
                    if (!painted) {
                        painted = true;
                        System.err.println("reference-frame " + System.currentTimeMillis());
                    }
                }
            });
            f.setSize(400, 300);
            f.setVisible(true);
        });
    }
}
JAVA
  flatlaf="$(tr ':' '\n' < target/bench-classpath.txt | grep '/flatlaf-[0-9.]*\.jar$' | head -1)"
  javac -cp "$flatlaf" -d "$ref" "$ref/ReferenceWindow.java"
  cp "$flatlaf" "$ref/flatlaf.jar"
  printf 'Main-Class: ReferenceWindow\nClass-Path: flatlaf.jar\n' > "$ref/manifest"
  (cd "$ref" && jar cfm reference.jar manifest ReferenceWindow*.class)
  ref_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -Xms16m -Xshare:auto)
  rm -f "$ref/reference.jsa"
  java "${ref_flags[@]}" -XX:ArchiveClassesAtExit="$ref/reference.jsa" -jar "$ref/reference.jar" 2>/dev/null &
  sleep 5
  kill $! && wait $! 2>/dev/null || true
  times=()
  for _ in $(seq "$starts"); do
    launched=$(date +%s%3N)
    java "${ref_flags[@]}" -XX:SharedArchiveFile="$ref/reference.jsa" -XX:+UnlockDiagnosticVMOptions \
      -XX:ArchiveRelocationMode=0 -jar "$ref/reference.jar" 2> "$ref/err" &
    pid=$!
    for _ in $(seq 300); do
      grep -q '^reference-frame ' "$ref/err" && break
      sleep 0.02
    done
    painted=$(awk '/^reference-frame / {print $2}' "$ref/err")
    kill $pid && wait $pid 2>/dev/null || true
    [ -n "$painted" ] && times+=($((painted - launched)))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "| floor: a minimal FlatLaf window (one label) with its own archive, to its first paint | \
\`${ref_flags[*]}\` | **${sorted[$(( (${#sorted[@]} - 1) / 2 ))]} ms** (${sorted[0]}–${sorted[-1]}) | | | | |"
fi

echo
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
