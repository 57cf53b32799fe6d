#!/usr/bin/env bash
# Benchmark of `budmon --statusline` as Claude Code runs it: the launcher ./budmon with a realistic payload
# on stdin and a realistic Claude directory (RealisticClaudeDir: interceptor file, budmon.ini, 48 other
# sessions, an active session of 25 MB with subagents). Median wall time of RUNS runs (default 20) after 3
# warm-up runs, with and without the class-data archive the build records, on JDK 17 and (when present)
# JDK 25, plus the floor of this machine: a hello-world jar with its own archive. The cases take turns run by
# run. Not a test; prints a Markdown table.
#
#   src/bench/statusline.sh                 # RUNS=20, JDK 25 from JAVA25 (default: temurin-25 if installed)
#   RUNS=50 JAVA25= src/bench/statusline.sh # more runs, JDK 17 only
#   BASELINE=../old-checkout src/bench/statusline.sh   # and an older, built checkout beside it
#   PYTHON_BUDMON=../budmon-1.1.0 src/bench/statusline.sh   # and the Python original (a checkout of
#                                                           # github.com/weilhalt/budmon) beside it
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
runs="${RUNS:-20}"
out="${BENCH_DIR:-$root/target/bench-statusline}"
java25="${JAVA25-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$java25/bin/java" ] || java25=""
baseline="${BASELINE:+$(cd "$BASELINE" && pwd)}"
python_budmon="${PYTHON_BUDMON:+$(cd "$PYTHON_BUDMON" && pwd)}"

echo "building and generating the Claude directory ..." >&2
mvn -q -o -B -DskipTests package > /dev/null 2>&1 || mvn -q -B -DskipTests package >&2
rm -rf "$out"
mkdir -p "$out"
java -cp "$root/target/test-classes:$root/target/budmon.jar" dev.budmon.statusline.RealisticClaudeDir "$out" >&2
# The same directory configured for every element: the transcript is read (its counts cached between calls).
mkdir -p "$out/claude-all"
cp "$out/claude/usage-limits.json" "$out/claude-all/"
cp -r "$out/claude/budmon" "$out/claude-all/"
printf '[statusline]\nelements = cwd, model_info, 5h_bar, 7d_bar, countdown_5h, countdown_7d, cost, burn_5h, burn_7d, reserve, cache, tokens_in, tokens_out, requests, model, pace_5h, pace_7d, binds\nmax_width = 300\n' \
  > "$out/claude-all/budmon.ini"
export XDG_CACHE_HOME="$out/cache"

# A hello-world jar with its own archive: what any JVM start costs on this machine.
mkdir -p "$out/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' > "$out/hello/Hello.java"
javac -d "$out/hello" "$out/hello/Hello.java"
printf 'Main-Class: Hello\n' > "$out/hello/manifest"
jar cfm "$out/hello/hello.jar" "$out/hello/manifest" -C "$out/hello" Hello.class
# the flags the launcher gives the status line with its archive (see ./budmon)
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:disable)
java "${flags[@]}" -XX:ArchiveClassesAtExit="$out/hello/hello.jsa" -jar "$out/hello/hello.jar" > /dev/null

# The issue's reference: a minimal program that reads the payload with Jackson's readTree and prints one
# field, with its own archive.
mkdir -p "$out/minimal"
cat > "$out/minimal/MinimalJackson.java" <<'JAVA'
public class MinimalJackson {
    public static void main(String[] a) throws Exception {
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(System.in);
        System.out.println(n.path("model").path("display_name").asText());
    }
}
JAVA
javac -cp "$root/target/budmon.jar" -d "$out/minimal" "$out/minimal/MinimalJackson.java"
jar cf "$out/minimal/minimal.jar" -C "$out/minimal" MinimalJackson.class
java "${flags[@]}" -XX:ArchiveClassesAtExit="$out/minimal/minimal.jsa" -cp "$out/minimal/minimal.jar:$root/target/budmon.jar" \
  MinimalJackson < "$out/payload.json" > /dev/null

# This checkout runs with the archive its build recorded in target/. A copy of the launcher and the jar gets
# its own archives, recorded as `budmon --setup` records them (here by JDK 25 for the JDK 25 cases). An older
# checkout whose launcher records its archive itself, in the background after a first call, gets its own
# copy and that first call.
copy() { # NAME [CHECKOUT]: a copy of the checkout's launcher and jar
  mkdir -p "$out/$1/target"
  cp "${2:-$root}/budmon" "$out/$1/"
  cp "${2:-$root}/target/budmon.jar" "$out/$1/target/"
  echo "$out/$1"
}

record() { # JAVA CHECKOUT: the archives, as setup records them for an installed jar
  "$1" -cp "$2/target/budmon.jar" dev.budmon.setup.ClassDataArchives "$2/target/budmon.jar" > /dev/null
}

# One call as Claude Code makes it, then wait for the background run that records the archive (launchers
# before the archives were recorded at build time).
train() { # CHECKOUT CLAUDE-DIR PAYLOAD
  "$1/budmon" --claude-dir "$2" --statusline < "$3" > /dev/null 2>&1
  local f
  for _ in $(seq 600); do
    for f in "$1"/target/budmon-statusline-*.jsa "$1"/target/budmon-statusline-*.aot; do
      if [ -e "$f" ] && ! compgen -G "$1/target/budmon-statusline-*.lock" > /dev/null; then
        return
      fi
    done
    sleep 0.2
  done
  echo "no archive appeared in $1" >&2
}

P="$out/payload.json"
PN="$out/payload-without-limits.json"
D="$out/claude"
A="$out/claude-all"
labels=()
commands=()
payloads=()
add() { # LABEL PAYLOAD COMMAND (a shell command line)
  labels+=("$1")
  payloads+=("$2")
  commands+=("$3")
}

add "JDK 17, no archive, default elements" "$P" "BUDMON_CDS=off $root/budmon --claude-dir $D --statusline"
add "JDK 17, CDS archive, default elements" "$P" "$root/budmon --claude-dir $D --statusline"
add "JDK 17, CDS archive, payload without rate_limits (own usage-limits.json)" "$PN" "$root/budmon --claude-dir $D --statusline"
add "JDK 17, CDS archive, all 18 elements (25 MB transcript, counts cached; the last hour of a week's quota history)" "$P" "$root/budmon --claude-dir $A --statusline"
if [ -n "$baseline" ]; then
  c="$(copy before "$baseline")"
  if grep -q 'ArchiveClassesAtExit' "$c/budmon"; then
    train "$c" "$D" "$P"
  else
    record java "$c"
  fi
  add "before ($(git -C "$baseline" rev-parse --short HEAD)): JDK 17, no archive, default elements" "$P" \
    "BUDMON_CDS=off $c/budmon --claude-dir $D --statusline"
  add "before ($(git -C "$baseline" rev-parse --short HEAD)): JDK 17, CDS archive, default elements" "$P" \
    "$c/budmon --claude-dir $D --statusline"
fi
if [ -n "$java25" ]; then
  c="$(copy jdk25)"
  record "$java25/bin/java" "$c"
  add "JDK 25, no archive, default elements" "$P" "JAVA_HOME=$java25 BUDMON_CDS=off $c/budmon --claude-dir $D --statusline"
  add "JDK 25, CDS archive, default elements" "$P" "JAVA_HOME=$java25 $c/budmon --claude-dir $D --statusline"
  if [ -n "$baseline" ] && grep -q 'ArchiveClassesAtExit' "$baseline/budmon"; then
    c="$(copy before-jdk25 "$baseline")"
    JAVA_HOME="$java25" train "$c" "$D" "$P"
    add "before ($(git -C "$baseline" rev-parse --short HEAD)): JDK 25, its launcher's AOT cache, default elements" "$P" \
      "JAVA_HOME=$java25 $c/budmon --claude-dir $D --statusline"
  fi
fi
if [ -n "$python_budmon" ]; then
  # The original reads ~/.claude only, and may write there: a home of its own with a copy of the directory.
  mkdir -p "$out/python-home"
  cp -r "$D" "$out/python-home/.claude"
  add "Python BudMon $(sed -n 's/^version = "\(.*\)"/\1/p' "$python_budmon/pyproject.toml") ($(python3 --version 2>&1)), default elements" "$P" \
    "HOME=$out/python-home PYTHONPATH=$python_budmon python3 -m budmon --statusline"
fi
# The launcher's own cost: the JVM call it makes, without it.
add "JDK 17, CDS archive, default elements: the launcher's java command alone, without the launcher" "$P" \
  "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=off \
-XX:+DisplayVMOutputToStderr -XX:SharedArchiveFile=$root/target/budmon-statusline.jsa -Xlog:cds=off \
-jar $root/target/budmon.jar --claude-dir $D --statusline"
add "JDK 17, minimal Jackson readTree-and-print program with its CDS archive (the issue's reference)" "$P" \
  "java ${flags[*]} -XX:SharedArchiveFile=$out/minimal/minimal.jsa -cp $out/minimal/minimal.jar:$root/target/budmon.jar MinimalJackson"
add "JDK 17, hello world with its CDS archive (floor)" /dev/null \
  "java ${flags[*]} -XX:SharedArchiveFile=$out/hello/hello.jsa -jar $out/hello/hello.jar"

sample_default="$(bash -c "$root/budmon --claude-dir $D --statusline" < "$P" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g')"
sample_all="$(bash -c "$root/budmon --claude-dir $A --statusline" < "$P" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g')"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%R %U %S'
for round in $(seq $((runs + 3))); do
  for i in "${!commands[@]}"; do
    if [ "$round" -le 3 ]; then # warm-up: file cache, page cache of the jar and the archive
      bash -c "${commands[$i]}" < "${payloads[$i]}" > /dev/null 2>&1
    else
      { time bash -c "${commands[$i]}" < "${payloads[$i]}" > /dev/null 2>/dev/null; } 2>> "$out/times-$i" || true
    fi
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
results=()
for i in "${!commands[@]}"; do
  t="$out/times-$i"
  med="$(awk '{ printf "%.0f\n", $1 * 1000 }' "$t" | median)"
  min="$(awk '{ printf "%.0f\n", $1 * 1000 }' "$t" | sort -n | head -1)"
  cpu="$(awk '{ printf "%.0f\n", ($2 + $3) * 1000 }' "$t" | median)"
  results+=("| ${labels[$i]} | $med | $min | $cpu |")
done

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
