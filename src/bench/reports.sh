#!/usr/bin/env bash
# Benchmark and cross-check of `budmon report` (issue 15), with ccusage 20.0.24 in the same run.
#
#   src/bench/reports.sh            # the 500 MB corpus of src/bench/transcripts.sh, 5 rounds
#
# 1. Correctness: `budmon report daily|monthly|sessions --json` against `ccusage daily|monthly|session --json
#    --offline` on the same corpus (both with TZ=UTC): tokens per row and model to the token, and costs where
#    ccusage prices a model (it has no price for some models BudMon's table has; those are listed).
# 2. Timing, one round after the other, each round in this order so that a change in the machine's load hits
#    all alike: ccusage's native binary (`daily --offline --json`); BudMon's first run (index deleted) through
#    the launcher with its class-data archive of the report, and without; its second run (nothing changed),
#    also through the launcher; its run after one more response was appended to one transcript, and (one
#    more) through the launcher. Wall time and peak RSS of each whole process from GNU time.
# 3. The index's size against the transcripts'.
#
# BudMon runs as the launcher runs it without an archive (`java <the launcher's flags> -jar target/budmon.jar
# report daily`), and through a copy of the launcher with its archive; HOME at the corpus and XDG_CACHE_HOME
# at $BUDMON_BENCH_DIR/cache, so the index lives there.
# Environment: BUDMON_BENCH_DIR (default /tmp/budmon-bench), BUDMON_BENCH_MB (500), BUDMON_BENCH_ROUNDS (5),
# BUDMON_BENCH_NICE (e.g. -19: every measured process, ccusage's as BudMon's, runs at that niceness, so that
# on a machine busy with other work both get the cores first, as on a quiet one; needs root; default: as is).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BUDMON_BENCH_DIR:-/tmp/budmon-bench}"
mb="${BUDMON_BENCH_MB:-500}"
rounds="${BUDMON_BENCH_ROUNDS:-5}"
projects=20
corpus="$bench/corpus-${mb}mb"
ccusage_prefix="$bench/ccusage"
ccusage_version=20.0.24
out="$bench/out-reports"
cache="$bench/cache"
mkdir -p "$bench" "$out"

if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
fi

cd "$root"
mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests
jar="$root/target/budmon.jar"
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt \
  >/dev/null 2>&1 || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "$(cat "$corpus/.params" 2>/dev/null)" != "$mb $projects 1 1.0" ]; then
  rm -rf "$corpus"
  java -cp "$cp" dev.budmon.bench.TranscriptCorpus "$corpus" "$mb" "$projects" 1 1.0
  echo "$mb $projects 1 1.0" > "$corpus/.params"
fi

if [ ! -f "$ccusage_prefix/node_modules/ccusage/package.json" ]; then
  npm install --prefix "$ccusage_prefix" --no-audit --no-fund --loglevel=error "ccusage@$ccusage_version" >/dev/null
fi
ccusage="$ccusage_prefix/node_modules/@ccusage/ccusage-linux-x64/bin/ccusage"
chmod +x "$ccusage"

# The launcher's flags for every command but the status line (see ./budmon, app_flags).
app_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -Xms16m
           --add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED)
# As commands (not functions), so that GNU time can run them.
budmon=(env HOME="$corpus" XDG_CACHE_HOME="$cache" TZ=UTC java "${app_flags[@]}" -jar "$jar")
ccusage_run=(env HOME="$corpus" TZ=UTC "$ccusage")
# The launcher as a user runs it, with its class-data archive of the report (recorded below), from a copy of
# its own, as an installed one would be (a checkout's launcher would also look for sources to build).
launcher_dir="$bench/launcher"
rm -rf "$launcher_dir" && mkdir -p "$launcher_dir/target"
cp "$root/budmon" "$launcher_dir/" && cp "$jar" "$launcher_dir/target/"
launcher=(env HOME="$corpus" XDG_CACHE_HOME="$cache" TZ=UTC "$launcher_dir/budmon")

# Every run reads from the page cache, as a second run of anything would.
find "$corpus/.claude" -name '*.jsonl' -exec cat {} + > /dev/null

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews wall times)\
${BUDMON_BENCH_NICE:+; measured processes at niceness $BUDMON_BENCH_NICE}"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), \
$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(java -version 2>&1 | head -1)"
corpus_bytes=$(find "$corpus/.claude" -name '*.jsonl' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "== corpus: $(awk -v b="$corpus_bytes" 'BEGIN {printf "%.1f MB", b / 1e6}') in \
$(find "$corpus/.claude" -name '*.jsonl' | wc -l) files ($corpus); BudMon $(git rev-parse --short HEAD)"

echo "== tokens and costs against ccusage $ccusage_version (TZ=UTC)"
rm -rf "$cache"
for pair in "daily daily" "monthly monthly" "sessions session"; do
  set -- $pair
  "${budmon[@]}" report "$1" --json > "$out/budmon-$1.json"
  "${ccusage_run[@]}" "$2" --offline --json > "$out/ccusage-$2.json"
  node - "$out/budmon-$1.json" "$out/ccusage-$2.json" "$1" <<'EOF'
const fs = require('fs');
const [ours, theirs, kind] = process.argv.slice(2).map((p, i) => i < 2 ? JSON.parse(fs.readFileSync(p, 'utf8')) : p);
const key = { daily: 'date', monthly: 'month', sessions: 'session_id' }[kind];
const list = theirs.daily || theirs.monthly || theirs.session;
const row = r => ({ input: r.inputTokens, output: r.outputTokens, write: r.cacheCreationTokens, read: r.cacheReadTokens });
const mine = m => ({ input: m.tokens.input, output: m.tokens.output,
  write: m.tokens.cache_write_5m + m.tokens.cache_write_1h, read: m.tokens.cache_read });
const same = (a, b) => ['input', 'output', 'write', 'read'].every(k => a[k] === b[k]);
const byKey = new Map(ours.rows.map(r => [r[key], r]));
let rows = 0, models = 0, bad = [], priced = 0, costDiff = 0, unpriced = new Set();
for (const t of list) {
  const o = byKey.get(t.period);
  if (!o) { bad.push(`${t.period}: not in BudMon's report`); continue; }
  byKey.delete(t.period);
  rows++;
  if (!same(row(t), mine(o))) bad.push(`${t.period}: ${JSON.stringify(row(t))} vs ${JSON.stringify(mine(o))}`);
  for (const tm of t.modelBreakdowns) {
    const om = o.models.find(m => m.model === tm.modelName);
    if (!om || !same(row(tm), mine(om))) { bad.push(`${t.period} ${tm.modelName}: differs`); continue; }
    models++;
    if (tm.missingPricing) { unpriced.add(tm.modelName); continue; }
    priced++;
    costDiff = Math.max(costDiff, Math.abs(tm.cost - om.cost.total));
  }
}
for (const k of byKey.keys()) bad.push(`${k}: only in BudMon's report`);
const t = theirs.totals, o = ours.totals;
const totalsSame = t.inputTokens === o.tokens.input && t.outputTokens === o.tokens.output
  && t.cacheCreationTokens === o.tokens.cache_write_5m + o.tokens.cache_write_1h && t.cacheReadTokens === o.tokens.cache_read;
console.log(`    ${kind}: ${rows} rows, ${models} model lines: tokens ${bad.length === 0 && totalsSame ? 'EQUAL' : 'DIFFER'}` +
  ` (totals: input ${o.tokens.input}, output ${o.tokens.output}, cache write ${o.tokens.cache_write_5m + o.tokens.cache_write_1h},` +
  ` cache read ${o.tokens.cache_read}); costs of the ${priced} model lines ccusage prices: largest difference` +
  ` $${costDiff.toExponential(2)}; ccusage has no price for: ${[...unpriced].join(', ') || 'none'}`);
for (const b of bad.slice(0, 10)) console.log('      ' + b);
if (bad.length || !totalsSame) process.exitCode = 1;
EOF
done

# measure LABEL COMMAND...: runs the command under GNU time, prints one line, keeps the output.
measure() {
  local label="$1"
  shift
  local nice=()
  [ -n "${BUDMON_BENCH_NICE:-}" ] && nice=(nice -n "$BUDMON_BENCH_NICE")
  ${nice[@]+"${nice[@]}"} /usr/bin/time -v -o "$out/time.txt" "$@" > "$out/$label.out" 2> "$out/$label.err" || {
    echo "$label failed:"; cat "$out/$label.err"; return 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt" \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$out/time.txt")
  printf '%-26s wall %6.2f s   cpu (user+sys) %6.2f s   peak RSS %5d MB   load %s\n' "$label" "$wall" "$cpu" "$rss" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}

# One more response for the third run of each round: a line of the corpus's kind, appended to a session.
target="$(find "$corpus/.claude/projects" -name '*.jsonl' -not -path '*/subagents/*' | sort | sed -n 1p)"
cp "$target" "$out/target.backup"
trap 'cp "$out/target.backup" "$target"' EXIT
line="$(grep -m1 '"type":"assistant"' "$target")"

echo "== the launcher's report archive: recorded by its background run after a first report"
"${budmon[@]}" report daily > /dev/null
env BUDMON_REHEARSAL_DELAY=0 "${launcher[@]}" report daily > /dev/null
for _ in $(seq 120); do
  ls "$launcher_dir/target/"budmon-report-*.jsa > /dev/null 2>&1 && ! ls -d "$launcher_dir/target/"*.lock \
    > /dev/null 2>&1 && break
  sleep 1
done
ls "$launcher_dir/target/"budmon-report-*.jsa 2>/dev/null | sed 's/^/    /' || echo "    none was recorded"

# append N: one more response, of the corpus's kind, appended to a session.
append() {
  printf '%s\n' "${line//msg_01Bench/msg_01Added$1}" | sed "s/req_011CBench/req_011CAdded$1/" >> "$target"
}

echo "== timing, $rounds rounds (ccusage native; BudMon: first run through the launcher with its archive, and"
echo "   without; second run, after one appended response, each also through the launcher)"
for i in $(seq "$rounds"); do
  measure "ccusage-native-daily-$i" "${ccusage_run[@]}" daily --offline --json
  rm -rf "$cache"
  measure "launcher-first-$i" "${launcher[@]}" report daily
  rm -rf "$cache"
  measure "budmon-first-$i" "${budmon[@]}" report daily
  measure "budmon-second-$i" "${budmon[@]}" report daily
  measure "launcher-second-$i" "${launcher[@]}" report daily
  append "$i"
  measure "budmon-appended-$i" "${budmon[@]}" report daily
  append "$i-b"
  measure "launcher-appended-$i" "${launcher[@]}" report daily
  cp "$out/target.backup" "$target"
done
diff <(grep -v '^$' "$out/budmon-first-1.out") <(grep -v '^$' "$out/budmon-second-1.out") > /dev/null \
  && echo "    first and second run print the same report" || echo "    first and second run DIFFER"

index_bytes=$(find "$cache/budmon" -name 'history-*.idx' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "== index: $(awk -v b="$index_bytes" 'BEGIN {printf "%.2f MB", b / 1e6}') for \
$(awk -v b="$corpus_bytes" 'BEGIN {printf "%.1f MB", b / 1e6}') of transcripts \
($(awk -v i="$index_bytes" -v b="$corpus_bytes" 'BEGIN {printf "%.2f %%", 100 * i / b}'))"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
