#!/usr/bin/env bash
# Benchmark of the dashboard window: cold start to the first painted frame with data, resident memory and
# CPU while idle after a minute, and the time from an atomic rewrite of usage-limits.json to the repaint
# that shows it. Each set runs a launcher (./budmon, which passes BUDMON_JAVA_OPTS to java) as a fresh
# process on a Claude directory holding a real Claude Code transcript and the interceptor's
# usage-limits.json (dev.budmon.ui.ClaudeDirFixture). The sets take turns start by start and idle in the same
# minute (dev.budmon.bench.WindowBenchmark); the window reports its paints through a probe from the test
# classes (dev.budmon.bench.PaintProbe) added to copies of the jars, the rest is read from /proc.
#
#   src/bench/window.sh                                  # about 4 minutes
#   BUDMON_BENCH_BASELINE=../old-checkout src/bench/window.sh   # and an older, built checkout beside it
#
# Environment: BUDMON_BENCH_DIR (default /tmp/budmon-bench-window), BUDMON_BENCH_STARTS (cold starts per
# set, 7), BUDMON_BENCH_IDLE (seconds of idle CPU, 60; 0 measures the cold starts only), BUDMON_BENCH_WRITES
# (file rewrites, 30), BUDMON_BENCH_IDLE_FROM (seconds after the start at which RSS is read and the idle
# time begins; 60), BUDMON_BENCH_HISTORY_MB (0: also read a generated transcript history of that many MB, as
# a second Claude directory), BUDMON_BENCH_KEEP_DIR (1: every start of a set on one Claude directory, so that
# the starts after the first find the transcript index it wrote, in the set's own XDG_CACHE_HOME; the first
# start is left out of the medians), BUDMON_BENCH_SETS (which sets to run, by name, separated by commas; default
# all), BUDMON_BENCH_BASELINE (another checkout, already built, measured as the sets "before",
# "before-no-archive" and, with a JDK 25, "jdk25-before"), BUDMON_BENCH_EXTRA (more sets, one per line, as label|launcher|env|JVM options),
# JAVA25 (a JDK 25 for its sets; empty: none), PYTHON_BUDMON (a checkout of the Python original,
# github.com/weilhalt/budmon: a last row with its time to a mapped window and its RSS). The last Java row is the floor of this machine: a minimal FlatLaf
# window with its own archive (set name floor), started separately.
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
baseline="${BUDMON_BENCH_BASELINE:-}"
java25="${JAVA25-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$java25/bin/java" ] || java25=""
mkdir -p "$bench"

cd "$root"
# the jar the launcher runs (and its class-data archives), built now so that no start below builds it
mvn -B -q -o -DskipTests package > /dev/null 2>&1 || mvn -B -q -DskipTests package > /dev/null
cp="target/test-classes:target/budmon.jar"

# Each set runs a copy of a checkout's launcher and jar, with the benchmark's probe (PaintProbe) added to
# the jar: the launcher's -jar takes no other class path, and anything added beside the jar would keep the
# JVM from using the jar's class-data archive. Each copy gets its archives as its launcher gets them.
copy() { # NAME CHECKOUT: a copy of the checkout's launcher and jar, with the probe in the jar
  local c="$bench/copies/$1"
  rm -rf "$c" && mkdir -p "$c/target"
  cp "$2/budmon" "$c/"
  cp "$2/target/budmon.jar" "$c/target/"
  (cd target/test-classes && jar uf "$c/target/budmon.jar" dev/budmon/bench/PaintProbe*.class)
  echo "$c"
}

# The archives as the build and setup record them (this version): with the JDK given.
record_archives() { # COPY JAVA
  "$2" -cp "$1/target/budmon.jar" dev.budmon.setup.ClassDataArchives "$1/target/budmon.jar" > /dev/null
}

# A launcher from before the archives were recorded at build time records its window archive itself, in the
# background, with a hidden rehearsal of the start-up, after a first start without one: let it.
record_old_archive() { # COPY [JAVA_HOME]
  local dir="$1" fixture="$bench/rehearsal"
  rm -rf "$fixture"
  java -cp "$cp" dev.budmon.bench.WindowBenchmark --fixture "$fixture"
  JAVA_HOME="${2:-${JAVA_HOME:-}}" CLAUDE_CONFIG_DIR="$fixture" BUDMON_REHEARSAL_DELAY=0 "$dir/budmon" \
    > /dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 600); do
    if compgen -G "$dir/target/budmon-window-*.[ja][so][at]" > /dev/null \
        && ! compgen -G "$dir/target/budmon-window-*.lock" > /dev/null; then
      break
    fi
    sleep 0.2
  done
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}

prepare() { # NAME CHECKOUT [JAVA_HOME]: a copy with its archives
  local c java="${3:+$3/bin/}java"
  c="$(copy "$1" "$2")"
  if grep -q -- '--window-rehearsal' "$c/budmon"; then
    record_old_archive "$c" "${3:-}"
  else
    record_archives "$c" "$java"
  fi
  echo "$c"
}

# Sets: name|launcher|environment|JVM options added to the launcher's own. (Names become folder names.)
c="$(prepare after "$root")"
sets=("after|$c/budmon||" "after-no-archive|$c/budmon|BUDMON_CDS=off|")
if [ -n "$baseline" ]; then
  baseline="$(cd "$baseline" && pwd)"
  c="$(prepare before "$baseline")"
  sets+=("before|$c/budmon||" "before-no-archive|$c/budmon|BUDMON_CDS=off|")
fi
if [ -n "$java25" ]; then
  c="$(prepare after-jdk25 "$root" "$java25")"
  sets+=("jdk25|$c/budmon|JAVA_HOME=$java25|" "jdk25-no-archive|$c/budmon|JAVA_HOME=$java25 BUDMON_CDS=off|")
  if [ -n "$baseline" ]; then
    c="$(prepare before-jdk25 "$baseline" "$java25")"
    sets+=("jdk25-before|$c/budmon|JAVA_HOME=$java25|")
  fi
fi
while IFS= read -r extra; do
  [ -n "$extra" ] && sets+=("$extra")
done <<< "${BUDMON_BENCH_EXTRA:-}"
chosen=()
for s in "${sets[@]}"; do
  if [ -z "${BUDMON_BENCH_SETS:-}" ] || [[ ",$BUDMON_BENCH_SETS," == *",${s%%|*},"* ]]; then
    chosen+=("$s")
  fi
done

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

echo "== $(date -u +%Y-%m-%dT%H:%MZ), git $(git rev-parse --short HEAD)${baseline:+, before: $baseline at $(git -C "$baseline" rev-parse --short HEAD)}"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the times)"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), \
$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(java -version 2>&1 | head -1); \
display $DISPLAY ($(xdpyinfo 2>/dev/null | awk '/dimensions:/ {print $2}' || true))"
echo "== $starts cold starts per set, taking turns; ${idle} s idle from ${BUDMON_BENCH_IDLE_FROM:-60} s, \
$writes rewrites${BUDMON_BENCH_HISTORY:+; history $BUDMON_BENCH_HISTORY}"
echo
echo "| set | first frame, from launch: median (min–max) | the same, since the JVM's start | first frame with the transcripts' figures, from launch | RSS after ${BUDMON_BENCH_IDLE_FROM:-60} s | idle CPU (the next ${idle} s) | CPU since the start, at the end of it | file to screen: median / p90 / max |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
if [ ${#chosen[@]} -gt 0 ]; then
  java -Dclk.tck="$(getconf CLK_TCK)" -cp "$cp" dev.budmon.bench.WindowBenchmark "$bench/work" \
    "$starts" "$idle" "$writes" "${chosen[@]}"
  rm -rf "$bench/work"
fi

# The floor of this machine: a minimal FlatLaf window (one label) with its own class-data archive and the
# launcher's flags, from launch to its first paint.
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
  javac -cp target/budmon.jar -d "$ref" "$ref/ReferenceWindow.java"
  (cd "$ref" && printf 'Main-Class: ReferenceWindow\nClass-Path: budmon.jar\n' > manifest \
    && cp "$root/target/budmon.jar" . && jar cfm reference.jar manifest ReferenceWindow*.class)
  ref_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -Xms16m -Xshare:auto)
  rm -f "$ref/reference.jsa"
  java "${ref_flags[@]}" -XX:ArchiveClassesAtExit="$ref/reference.jsa" -jar "$ref/reference.jar" 2>/dev/null &
  sleep 5
  kill $! && wait $! 2>/dev/null || true
  times=()
  for _ in $(seq "$starts"); do
    launched=$(date +%s%3N)
    java "${ref_flags[@]}" -XX:SharedArchiveFile="$ref/reference.jsa" -jar "$ref/reference.jar" 2> "$ref/err" &
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
**${sorted[$(( (${#sorted[@]} - 1) / 2 ))]} ms** (${sorted[0]}–${sorted[-1]}) | | | | | | |"
fi

# The Python original, the yardstick: from launch until its window is mapped (it paints with Tk as it maps),
# and its RSS after 20 s. It reads ~/.claude only: a home of its own with a realistic Claude directory.
if [ -n "${PYTHON_BUDMON:-}" ] && command -v xdotool > /dev/null; then
  py="$bench/python"
  rm -rf "$py" && mkdir -p "$py/home"
  java -cp "$cp" dev.budmon.statusline.RealisticClaudeDir "$py" > /dev/null
  mv "$py/claude" "$py/home/.claude"
  times=()
  rss=""
  for n in $(seq "$starts"); do
    launched=$(date +%s%3N)
    HOME="$py/home" PYTHONPATH="$PYTHON_BUDMON" python3 -m budmon > /dev/null 2>&1 &
    pid=$!
    mapped=""
    for _ in $(seq 500); do
      if xdotool search --onlyvisible --pid "$pid" --name '^Budget Monitor$' > /dev/null 2>&1; then
        mapped=$(date +%s%3N)
        break
      fi
      sleep 0.01
    done
    if [ "$n" -eq 1 ]; then
      sleep 20
      rss=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
    fi
    kill $pid && wait $pid 2>/dev/null || true
    [ -n "$mapped" ] && times+=($((mapped - launched)))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "| Python BudMon $(sed -n 's/^version = "\(.*\)"/\1/p' "$PYTHON_BUDMON/pyproject.toml") \
($(python3 --version 2>&1)), launch to its mapped window | **${sorted[$(( (${#sorted[@]} - 1) / 2 ))]} ms** \
(${sorted[0]}–${sorted[-1]}) | | ${rss} MB | | | |"
fi

echo
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
