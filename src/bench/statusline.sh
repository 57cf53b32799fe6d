#!/usr/bin/env bash
# Benchmark of `budmon --statusline` as Claude Code runs it: the launcher ./budmon with a realistic payload
# on stdin and a realistic Claude directory (RealisticClaudeDir: interceptor file, budmon.ini, 48 other
# sessions, an active session of 25 MB with subagents). Median wall time of RUNS runs (default 20) after 3
# warm-up runs, with and without the class-data archive, on JDK 17 and (when present) JDK 25, plus the
# floor of this machine: a hello-world jar with its own archive. Not a test; prints a Markdown table.
#
#   src/bench/statusline.sh                 # RUNS=20, JDK 25 from JAVA25 (default: temurin-25 if installed)
#   RUNS=50 JAVA25= src/bench/statusline.sh # more runs, JDK 17 only
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
runs="${RUNS:-20}"
out="${BENCH_DIR:-$root/target/bench-statusline}"
java25="${JAVA25-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$java25/bin/java" ] || java25=""

echo "building and generating the Claude directory ..." >&2
mvn -q -o -B -DskipTests package >&2 2>/dev/null || mvn -q -B -DskipTests package >&2
rm -rf "$out"
mkdir -p "$out"
java -cp "$root/target/test-classes:$root/target/budmon.jar" dev.budmon.statusline.RealisticClaudeDir "$out" >&2
# The same directory configured for every element: the transcript is read (its counts cached between calls).
mkdir -p "$out/claude-all"
cp "$out/claude/usage-limits.json" "$out/claude-all/"
printf '[statusline]\nelements = cwd, model_info, 5h_bar, 7d_bar, countdown_5h, countdown_7d, cost, burn_5h, burn_7d, reserve, cache, tokens_in, tokens_out, requests, model\nmax_width = 250\n' \
  > "$out/claude-all/budmon.ini"
export XDG_CACHE_HOME="$out/cache"

# A hello-world jar with its own archive: what any JVM start costs on this machine.
mkdir -p "$out/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' > "$out/hello/Hello.java"
javac -d "$out/hello" "$out/hello/Hello.java"
printf 'Main-Class: Hello\n' > "$out/hello/manifest"
jar cfm "$out/hello/hello.jar" "$out/hello/manifest" -C "$out/hello" Hello.class
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:disable)
java "${flags[@]}" -XX:ArchiveClassesAtExit="$out/hello/hello.jsa" -jar "$out/hello/hello.jar" > /dev/null

remove_archives() {
  rm -rf "$root"/target/budmon-statusline-* "${XDG_CACHE_HOME}"/budmon/budmon-statusline-*
}

# One call as Claude Code makes it, then wait for the background run that records the archive.
train() { # claude-dir payload
  "$root/budmon" --claude-dir "$1" --statusline < "$2" > /dev/null 2>&1
  local f
  for _ in $(seq 600); do
    for f in "$root"/target/budmon-statusline-*.jsa "$root"/target/budmon-statusline-*.aot; do
      if [ -e "$f" ] && ! compgen -G "$root/target/budmon-statusline-*.lock" > /dev/null; then
        return
      fi
    done
    sleep 0.2
  done
  echo "no archive appeared" >&2
}

# measure LABEL PAYLOAD COMMAND...: median and minimum wall time and median CPU time (user + system) in ms.
measure() {
  local label="$1" payload="$2"
  shift 2
  local i
  for i in 1 2 3; do "$@" < "$payload" > /dev/null 2>&1; done
  local TIMEFORMAT='%R %U %S' times
  times="$(mktemp)"
  for i in $(seq "$runs"); do
    { time "$@" < "$payload" > /dev/null 2>/dev/null; } 2>> "$times"
  done
  local med min cpu
  med="$(awk '{ printf "%.0f\n", $1 * 1000 }' "$times" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  min="$(awk '{ printf "%.0f\n", $1 * 1000 }' "$times" | sort -n | head -1)"
  cpu="$(awk '{ printf "%.0f\n", ($2 + $3) * 1000 }' "$times" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  rm -f "$times"
  printf '| %s | %s | %s | %s |\n' "$label" "$med" "$min" "$cpu"
}

line() { # what the status line printed, for the record
  "$@" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g'
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
results=()
P="$out/payload.json"
PN="$out/payload-without-limits.json"
D="$out/claude"
A="$out/claude-all"

remove_archives
results+=("$(BUDMON_CDS=off measure "JDK 17, no archive, default elements" "$P" "$root/budmon" --claude-dir "$D" --statusline)")
train "$D" "$P"
results+=("$(measure "JDK 17, CDS archive, default elements" "$P" "$root/budmon" --claude-dir "$D" --statusline)")
sample_default="$(line "$root/budmon" --claude-dir "$D" --statusline < "$P")"
remove_archives
train "$D" "$PN"
results+=("$(measure "JDK 17, CDS archive, payload without rate_limits (own usage-limits.json)" "$PN" "$root/budmon" --claude-dir "$D" --statusline)")
remove_archives
train "$A" "$P"
results+=("$(measure "JDK 17, CDS archive, all 15 elements (25 MB transcript, counts cached)" "$P" "$root/budmon" --claude-dir "$A" --statusline)")
sample_all="$(line "$root/budmon" --claude-dir "$A" --statusline < "$P")"
if [ -n "$java25" ]; then
  remove_archives
  results+=("$(BUDMON_CDS=off JAVA_HOME="$java25" measure "JDK 25, no archive, default elements" "$P" "$root/budmon" --claude-dir "$D" --statusline)")
  JAVA_HOME="$java25" train "$D" "$P"
  results+=("$(JAVA_HOME="$java25" measure "JDK 25, AOT cache, default elements" "$P" "$root/budmon" --claude-dir "$D" --statusline)")
fi
results+=("$(measure "JDK 17, hello world with its CDS archive (floor)" /dev/null java "${flags[@]}" -XX:SharedArchiveFile="$out/hello/hello.jsa" -jar "$out/hello/hello.jar")")
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "Command: \`src/bench/statusline.sh\` (RUNS=$runs), $(date -u +%Y-%m-%dT%H:%MZ), git $(git rev-parse --short HEAD)"
echo
echo "| case | median wall ms | min wall ms | median CPU ms (user+sys) |"
echo "| --- | ---: | ---: | ---: |"
printf '%s\n' "${results[@]}"
echo
echo "Load average (1/5/15 min) before: $load_before, after: $load_after."
echo
echo "Line printed, default elements: \`$sample_default\`"
echo
echo "Line printed, all elements: \`$sample_all\`"
echo
echo "Machine: $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p'); $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo
echo '```'
java -version 2>&1
[ -n "$java25" ] && "$java25/bin/java" -version 2>&1
echo '```'
