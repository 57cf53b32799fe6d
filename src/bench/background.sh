#!/usr/bin/env bash
# Benchmark of the background mode (issue 14) through the real command: `./budmon --background` (the launcher,
# with its JVM options and class-data archive, exactly as the login autostart starts it) on a generated Claude
# directory (dev.budmon.ui.ClaudeDirFixture: a real transcript and the 5h window at 80 %, so one warn alert is
# shown), under Xvfb with a private session bus, a real StatusNotifierWatcher (the icon registers over D-Bus)
# and dunst. RSS is VmRSS after BUDMON_BENCH_WARM seconds (30), idle CPU is utime + stime over the following
# BUDMON_BENCH_IDLE seconds (60) without file changes, as window.sh reads them; BUDMON_BENCH_RUNS runs (2),
# each on a directory of its own. The launcher runs the background without a class-data archive (the window's
# cost it 8 MB: 71 against 63 MB here); BUDMON_BENCH_ARCHIVE=window measures it with that archive, by hand.
#
#   mvn -q -o package -DskipTests && mvn -q -o test-compile && src/bench/background.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -z "${BUDMON_BENCH_INNER:-}" ]; then
  export BUDMON_BENCH_INNER=1
  exec dbus-run-session -- "$0" "$@"
fi
bench="${BUDMON_BENCH_DIR:-/tmp/budmon-bench-background}"
warm="${BUDMON_BENCH_WARM:-30}"
idle="${BUDMON_BENCH_IDLE:-60}"
rm -rf "$bench" && mkdir -p "$bench"
[ -f "$root/target/budmon.jar" ] || { echo "build first: mvn -q -o package -DskipTests" >&2; exit 1; }
(cd "$root" && { mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" >/dev/null 2>&1 \
  || mvn -q -B dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" >/dev/null; })
cp="$root/target/classes:$root/target/test-classes:$(cat "$bench/cp.txt")"

status-notifier-watcher > "$bench/watcher.log" 2>&1 & watcher=$!
Xvfb -displayfd 3 -nolisten tcp -screen 0 640x480x24 3> "$bench/display" 2>/dev/null & xvfb=$!
sleep 1
export DISPLAY=":$(cat "$bench/display")"
dunst > "$bench/dunst.log" 2>&1 & dunst=$!
sleep 1
trap 'kill "$dunst" "$watcher" "$xvfb" 2>/dev/null || true' EXIT

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/{printf "%d GB", $2/1048576}' /proc/meminfo)"
echo "java: $(java -version 2>&1 | head -1)"
echo "git: $(cd "$root" && git rev-parse --short HEAD)$(cd "$root" && git diff --quiet || echo '+changes')"
for run in $(seq 1 "${BUDMON_BENCH_RUNS:-2}"); do
  claude="$bench/claude-$run"
  printf '%s\n' 'dev.budmon.ui.ClaudeDirFixture.create(java.nio.file.Path.of("'"$claude"'"), java.time.Instant.now(), "en").writeUsageLimits(0.80, java.time.Instant.now());' '/exit' > "$bench/fixture.jsh"
  jshell --class-path "$cp" "$bench/fixture.jsh" >/dev/null 2>&1
  load0=$(cut -d' ' -f1 /proc/loadavg)
  # the launcher ends in exec: its pid is the JVM's
  if [ "${BUDMON_BENCH_ARCHIVE:-}" = window ]; then
    # the launcher's own command line, with the window's archive it leaves out for the background
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -Xms16m \
      --add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED -XX:SharedArchiveFile="$root/target/budmon-window.jsa" \
      -Xlog:cds=off -jar "$root/target/budmon.jar" --background --claude-dir "$claude" \
      > "$bench/background-$run.log" 2>&1 & pid=$!
  else
    XDG_CACHE_HOME="$bench/cache" "$root/budmon" --background --claude-dir "$claude" \
      > "$bench/background-$run.log" 2>&1 & pid=$!
  fi
  sleep "$warm"
  rss_kb=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
  t0=$(awk '{print $14+$15}' "/proc/$pid/stat")
  sleep "$idle"
  t1=$(awk '{print $14+$15}' "/proc/$pid/stat")
  rss_end_kb=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
  hz=$(getconf CLK_TCK)
  items=$(busctl --user get-property org.kde.StatusNotifierWatcher /StatusNotifierWatcher \
          org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems)
  echo "--- run $run${BUDMON_BENCH_ARCHIVE:+ (archive: $BUDMON_BENCH_ARCHIVE)} (load average $load0 at the start, $(cut -d' ' -f1 /proc/loadavg) at the end)"
  echo "RSS after ${warm} s: $((rss_kb / 1024)) MB, after $((warm + idle)) s: $((rss_end_kb / 1024)) MB"
  awk -v t="$((t1 - t0))" -v hz="$hz" -v s="$idle" 'BEGIN { printf "idle CPU over %d s: %.2f %% of a core\n", s, 100 * t / hz / s }'
  echo "tray items on the bus: $items; notifications so far: $(( $(dunstctl count displayed) + $(dunstctl count history) ))"
  echo "log: $(cat "$bench/background-$run.log")"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  dunstctl close-all
done
