// What the interceptor adds to each API request of the program it is loaded into. Not a test; run by
// src/bench/interceptor.sh, which names the versions to compare.
//
//   node src/bench/interceptor-overhead.mjs [--requests N] [--warmup N] [--rounds N] [--runtime PATH]
//        LABEL=MODULE[@DELAY_MS] ...
//
// Each set is a client process (Node, or the runtime given) that sends --warmup untimed and then
// --requests timed streaming POST /v1/messages requests, one after the other, to the loopback mock API
// in this process, reading one rate-limit header and the whole body of each, as Claude Code does. The
// time of one request is from just before fetch() to the end of its body. "none" is the client without
// any interceptor; every other set loads MODULE with --import (Node) or --preload (Bun), with
// BUDMON_INTERCEPTOR_WRITE_DELAY_MS=DELAY_MS when given (0: a write after every response). The sets
// take turns round by round, in a rotating order, so that a change in the machine's load hits them
// alike; the times of all rounds are pooled. Prints a Markdown table: median, p90, p99 and mean per
// request, the median and p99 minus those of "none", and the client process's CPU time (user + system)
// per timed request, which the machine's other load disturbs less than wall time.

import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMockApi } from "../../interceptor/test/mock-api.mjs";

const CLIENT = `
const url = process.env.BENCH_URL + "/v1/messages";
const body = JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 16, stream: true, messages: [{ role: "user", content: "hi" }] });
const init = { method: "POST", headers: { "content-type": "application/json", "x-api-key": "dummy", "anthropic-version": "2023-06-01" }, body };
async function one() {
  const started = performance.now();
  const res = await fetch(url, init);
  res.headers.get("anthropic-ratelimit-unified-status");
  await res.text();
  return performance.now() - started;
}
for (let i = 0; i < Number(process.env.BENCH_WARMUP); i++) await one();
const times = new Float64Array(Number(process.env.BENCH_REQUESTS));
const cpu = process.cpuUsage();
for (let i = 0; i < times.length; i++) times[i] = await one();
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ times: Array.from(times), cpuMicros: used.user + used.system }));
`;

function parseArgs(argv) {
  const opts = { requests: 1000, warmup: 200, rounds: 5, runtime: process.execPath, sets: [{ label: "none", key: "none", module: null, delay: null }] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--requests") opts.requests = Number(argv[++i]);
    else if (a === "--warmup") opts.warmup = Number(argv[++i]);
    else if (a === "--rounds") opts.rounds = Number(argv[++i]);
    else if (a === "--runtime") opts.runtime = argv[++i];
    else if (a.includes("=")) {
      const [label, spec] = [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)];
      const at = spec.lastIndexOf("@");
      const module = path.resolve(at > 0 ? spec.slice(0, at) : spec);
      if (!fs.existsSync(module)) throw new Error(`no module ${module}`);
      const delay = at > 0 ? spec.slice(at + 1) : null;
      opts.sets.push({ label, key: `${label}@${delay}`, module, delay });
    } else {
      throw new Error(`unknown argument ${a}`);
    }
  }
  return opts;
}

function runClient(runtime, set, opts, apiUrl, home, clientFile) {
  const isBun = path.basename(runtime).startsWith("bun");
  const args = [];
  if (set.module) args.push(isBun ? "--preload" : "--import", set.module);
  args.push(clientFile);
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    BENCH_URL: apiUrl,
    BENCH_REQUESTS: String(opts.requests),
    BENCH_WARMUP: String(opts.warmup),
    ...(set.delay !== null ? { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: set.delay } : {}),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(runtime, args, { cwd: home, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${set.label}: exit ${code}`))));
  });
}

function quantile(sorted, q) {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

function stats(times) {
  const sorted = Float64Array.from(times).sort();
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

const ms = (v) => v.toFixed(3);
const signed = (v) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(3)}`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "budmon-bench-interceptor-"));
  const clientFile = path.join(work, "client.mjs");
  fs.writeFileSync(clientFile, CLIENT);
  const api = await startMockApi({ quiet: true });
  // The mock keeps every request for tests; a benchmark has no use for them.
  const keep = setInterval(() => api.requests.splice(0), 1000);
  const times = new Map(opts.sets.map((s) => [s.key, []]));
  // CPU µs per request, one figure per round
  const cpu = new Map(opts.sets.map((s) => [s.key, []]));
  const runtimeVersion = execFileSync(opts.runtime, ["--version"], { encoding: "utf8" }).trim();
  try {
    for (let round = 0; round < opts.rounds; round++) {
      const order = opts.sets.map((_, i) => opts.sets[(i + round) % opts.sets.length]);
      for (const set of order) {
        const home = path.join(work, `home-${round}-${opts.sets.indexOf(set)}`);
        fs.mkdirSync(path.join(home, ".claude"), { recursive: true });
        const { times: t, cpuMicros } = await runClient(opts.runtime, set, opts, api.url, home, clientFile);
        times.get(set.key).push(...t);
        cpu.get(set.key).push(cpuMicros / t.length);
        if (set.module && !fs.existsSync(path.join(home, ".claude", "usage-limits.json"))) {
          throw new Error(`${set.label} wrote no usage-limits.json: not loaded?`);
        }
        process.stderr.write(`round ${round + 1}/${opts.rounds} ${set.label}: median ${ms(stats(t).median)} ms\n`);
      }
    }
  } finally {
    clearInterval(keep);
    await api.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const base = stats(times.get("none"));
  const cpuMedian = (key) => stats(cpu.get(key)).median;
  const cpuModel = os.cpus()[0]?.model ?? "?";
  console.log(`${path.basename(opts.runtime)} ${runtimeVersion}, ${os.cpus().length} × ${cpuModel}; ${opts.rounds} rounds × ${opts.requests} timed requests per set (after ${opts.warmup} untimed), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log("");
  console.log("| set | median ms | p90 ms | p99 ms | mean ms | median − none | p99 − none | CPU µs per request (median of rounds) | CPU − none |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const set of opts.sets) {
    const s = stats(times.get(set.key));
    const label = set.delay !== null ? `${set.label}, write delay ${set.delay} ms` : set.label;
    const c = cpuMedian(set.key);
    const diff = set.module
      ? [signed(s.median - base.median), signed(s.p99 - base.p99), c.toFixed(0), `${c >= cpuMedian("none") ? "+" : "−"}${Math.abs(c - cpuMedian("none")).toFixed(0)}`]
      : ["", "", c.toFixed(0), ""];
    console.log(`| ${label} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.mean)} | ${diff.join(" | ")} |`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
