#!/usr/bin/env bash
# Benchmark of the background mode (issue 14): resident memory and idle CPU of BackgroundMode (tray icon and
# alerts, no window) on a Claude directory like the window benchmark's (dev.budmon.ui.ClaudeDirFixture, the
# 5h window at 80 %, so one warn alert is shown), with the launcher's JVM options, on a private session bus
# with a real StatusNotifierWatcher and dunst. Until `budmon --background` exists it runs the test-scope
# dev.budmon.background.BackgroundMain from target/classes. RSS is VmRSS after BUDMON_BENCH_WARM seconds
# (30), idle CPU is utime + stime over the following BUDMON_BENCH_IDLE seconds (60), as window.sh reads them.
#
#   mvn -q -o test-compile && src/bench/background.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -z "${BUDMON_BENCH_INNER:-}" ]; then
  export BUDMON_BENCH_INNER=1
  exec dbus-run-session -- "$0" "$@"
fi
bench="${BUDMON_BENCH_DIR:-/tmp/budmon-bench-background}"
warm="${BUDMON_BENCH_WARM:-30}"
idle="${BUDMON_BENCH_IDLE:-60}"
rm -rf "$bench" && mkdir -p "$bench/claude"
(cd "$root" && mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" >/dev/null)
cp="$root/target/classes:$root/target/test-classes:$(cat "$bench/cp.txt")"
printf '%s\n' 'dev.budmon.ui.ClaudeDirFixture.create(java.nio.file.Path.of("'"$bench"'/claude"), java.time.Instant.now(), "en").writeUsageLimits(0.80, java.time.Instant.now());' '/exit' > "$bench/fixture.jsh"
jshell --class-path "$cp" "$bench/fixture.jsh" >/dev/null 2>&1

status-notifier-watcher > "$bench/watcher.log" 2>&1 & watcher=$!
Xvfb -displayfd 3 -nolisten tcp -screen 0 640x480x24 3> "$bench/display" 2>/dev/null & xvfb=$!
sleep 1
DISPLAY=":$(cat "$bench/display")" dunst > "$bench/dunst.log" 2>&1 & dunst=$!
sleep 1
java -cp "$cp" -Djava.awt.headless=true -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -Xms16m \
  dev.budmon.background.BackgroundMain "$bench/claude" > "$bench/background.log" 2>&1 & pid=$!
sleep "$warm"
rss_kb=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
t0=$(awk '{print $14+$15}' "/proc/$pid/stat")
sleep "$idle"
t1=$(awk '{print $14+$15}' "/proc/$pid/stat")
hz=$(getconf CLK_TCK)
echo "RSS after ${warm} s: $((rss_kb / 1024)) MB"
awk -v t="$((t1 - t0))" -v hz="$hz" -v s="$idle" 'BEGIN { printf "idle CPU over %d s: %.2f %% of a core\n", s, 100 * t / hz / s }'
cat "$bench/background.log"
kill "$pid" "$dunst" "$watcher" "$xvfb" 2>/dev/null || true
