#!/usr/bin/env bash
# Regenerates the class lists src/main/cds/statusline-<jdk>.classlist and window-<jdk>.classlist: the
# classes that `budmon --statusline` and the window load, from which the build and `budmon --setup` record
# the launcher's class-data archives (-Xshare:dump -XX:SharedClassListFile=..., see
# dev.budmon.setup.ClassDataArchives). <jdk> is the feature version of the JDK that runs this (JAVA_HOME,
# else java on PATH): a list names that JDK's own classes, and a newer JDK writes lines an older one refuses,
# so there is one per JDK family in ClassDataArchives.LIST_JDKS (17 and 25). Run it for each after a change
# to what the status line or the window's start loads; a class missing from a list is then read from the
# jar, as without an archive, and a listed class that no longer exists is skipped.
#
# The status line runs as Claude Code runs it, on the realistic Claude directory of src/bench/statusline.sh
# (payloads with and without rate_limits, the default and all elements); the window starts under Xvfb on the
# window benchmark's Claude directory, sees one rewrite of its files and closes after a few seconds.
#
#   src/package/classlists.sh                                           # JDK 17 on PATH
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 src/package/classlists.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
version="$("$java" -version 2>&1 | head -1)"
jdk="$(echo "$version" | sed -E 's/[^"]*"(1\.)?([0-9]+).*/\2/')"

mvn -B -q -o -DskipTests package > /dev/null 2>&1 || mvn -B -q -DskipTests package > /dev/null
cp="$root/target/test-classes:$root/target/budmon.jar"
list=(-Xshare:off "-XX:DumpLoadedClassList=$work/list")
merged() { # the lists given, each line once, in the order first seen
  echo "# Classes loaded by $1: the class list of the launcher's class-data archive."
  echo "# Written by src/package/classlists.sh with $version."
  shift
  # without the ids newer JDKs number classes with (each run its own): only classes of a custom loader,
  # which BudMon has none of, need them
  cat "$@" | grep -v '^#' | sed -E '/ source: /!s/ id: [0-9]+$//' | awk '!seen[$0]++'
}

# The status line: what the launcher runs, with its short-run flags
java -cp "$cp" dev.budmon.statusline.RealisticClaudeDir "$work/sl" > /dev/null
mkdir -p "$work/sl/all"
cp "$work/sl/claude/usage-limits.json" "$work/sl/all/"
cp -r "$work/sl/claude/budmon" "$work/sl/all/"
printf '[statusline]\nelements = cwd, model_info, 5h_bar, 7d_bar, countdown_5h, countdown_7d, cost, burn_5h, burn_7d, reserve, cache, tokens_in, tokens_out, requests, model, pace_5h, pace_7d, binds\n' \
  > "$work/sl/all/budmon.ini"
n=0
for run in "claude payload.json" "claude payload-without-limits.json" "all payload.json" "claude payload.json"; do
  set -- $run
  XDG_CACHE_HOME="$work/cache" "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable \
    "${list[@]}" -jar target/budmon.jar --claude-dir "$work/sl/$1" --statusline < "$work/sl/$2" > /dev/null
  mv "$work/list" "$work/statusline-$((n++))"
done
merged "budmon --statusline" "$work"/statusline-* > "src/main/cds/statusline-$jdk.classlist"

# The window: its start, its first paints, a change of its files, its clock, the tray icon and the alerts
# beside it, its exit. On a private session bus with a StatusNotifierWatcher, where there are both, as on a
# desktop: the tray's D-Bus classes then join the list.
java -cp "$cp" dev.budmon.bench.WindowBenchmark --fixture "$work/window"
desktop=()
if command -v dbus-run-session > /dev/null && command -v status-notifier-watcher > /dev/null; then
  desktop=(dbus-run-session --)
fi
"${desktop[@]}" xvfb-run -a -s "-screen 0 1600x1400x24 -noreset -nolisten tcp" bash -c '
  if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v status-notifier-watcher > /dev/null; then
    status-notifier-watcher > /dev/null 2>&1 &
    sleep 1
  fi
  "'"$java"'" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -Xms16m \
    --add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED '"${list[*]}"' -jar target/budmon.jar \
    --claude-dir "'"$work/window"'" &
  pid=$!
  sleep 6
  java -cp "'"$cp"'" dev.budmon.bench.WindowBenchmark --fixture "'"$work/window"'"
  sleep 3
  kill $pid
  wait $pid || true
  kill %1 2> /dev/null || true'
merged "the window and the other commands" "$work/list" > "src/main/cds/window-$jdk.classlist"
wc -l src/main/cds/*-"$jdk".classlist
