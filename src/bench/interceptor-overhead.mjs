// What the interceptor adds to each API request of the program it is loaded into. Not a test; run by
// src/bench/interceptor.sh, which names the versions to compare.
//
//   node src/bench/interceptor-overhead.mjs [--requests N] [--warmup N] [--rounds N] [--runtime PATH]
//        [--direct-only] LABEL=MODULE[@DELAY_MS] ...
//
// Each set is a client process (Node, or the runtime given); "none" is the client without any
// interceptor; every other set loads MODULE with --import (Node) or --preload (Bun), with
// BUDMON_INTERCEPTOR_WRITE_DELAY_MS=DELAY_MS when given (0: a write after every response). Every
// response the mock sends has a 5h utilization other than the one before, so that each one is a new
// quota observation: a module that keeps a quota history appends a line for every response (its most).
// The sets take turns round by round, in a rotating order, so that a change in the machine's load hits
// them alike; the times of all rounds are pooled. Two tables:
//
// 1. End to end: the client sends --warmup untimed and then --requests timed streaming POST
//    /v1/messages requests, one after the other, to the loopback mock API in this process, reading one
//    rate-limit header and the whole body of each, as Claude Code does. The time of one request is from
//    just before fetch() to the end of its body. Median, p90, p99 and mean per request, the median and
//    p99 minus those of "none", the client's CPU time (user + system) per timed request, which the
//    machine's other load disturbs less than wall time, and the quota history lines a run left.
// 2. The interceptor's own time per response, without the network: the client makes a Headers object
//    with the mock's headers (a new request-id and 5h utilization each time) and reads a rate-limit
//    header from it, as Claude Code's native build does, then lets the event loop turn (a 0 ms timer).
//    "Response path" is the time of that read (the interceptor takes the headers inside it). "Deferred"
//    is the time of the interceptor's callbacks that run later, off the response path: its timer (the
//    history append and the usage-limits.json write; timed by wrapping the global setTimeout for
//    callbacks named "flush") and its early history append (an immediate set during the read): per
//    response (their total over the timed responses) and per callback.

import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMockApi, unifiedHeaders } from "../../interceptor/test/mock-api.mjs";

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

// The interceptor's own time per response (see the file's comment).
const DIRECT_CLIENT = `
const realSetTimeout = globalThis.setTimeout;
const realSetImmediate = globalThis.setImmediate;
let deferred = 0;
let measuring = false;
const callbacks = [];
// The interceptor's timer callback ("flush") and its early history append (an immediate scheduled
// while the interceptor takes a response's headers, i.e. inside the timed read).
let inRead = false;
function timed(fn) {
  return function (...a) {
    const started = performance.now();
    try {
      return fn.apply(this, a);
    } finally {
      const ms = performance.now() - started;
      deferred += ms;
      if (measuring) callbacks.push(ms);
    }
  };
}
globalThis.setTimeout = function setTimeout(fn, ms, ...args) {
  return realSetTimeout(typeof fn === "function" && fn.name === "flush" ? timed(fn) : fn, ms, ...args);
};
globalThis.setImmediate = function setImmediate(fn, ...args) {
  return realSetImmediate(inRead && typeof fn === "function" ? timed(fn) : fn, ...args);
};
const headers = JSON.parse(process.env.BENCH_HEADERS);
const warmup = Number(process.env.BENCH_WARMUP);
const n = Number(process.env.BENCH_REQUESTS);
const onPath = new Float64Array(n);
const later = new Float64Array(n);
// A timer of the same duration set after the interceptor's runs after it.
const tick = () => new Promise((r) => realSetTimeout(r, 0));
for (let i = 0; i < warmup + n; i++) {
  const h = new Headers({
    ...headers,
    "anthropic-ratelimit-unified-5h-utilization": String(((i % 997) + 1) / 1000),
    "request-id": "req_bench_" + i,
  });
  deferred = 0;
  measuring = i >= warmup;
  inRead = true;
  const started = performance.now();
  h.get("content-type");
  h.get("anthropic-ratelimit-unified-status");
  const ended = performance.now();
  inRead = false;
  await tick();
  if (i >= warmup) {
    onPath[i - warmup] = ended - started;
    later[i - warmup] = deferred;
  }
}
process.stdout.write(JSON.stringify({ onPath: Array.from(onPath), deferred: Array.from(later), callbacks }));
`;

function parseArgs(argv) {
  const opts = { requests: 1000, warmup: 200, rounds: 5, runtime: process.execPath, directOnly: false, sets: [{ label: "none", key: "none", module: null, delay: null }] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--requests") opts.requests = Number(argv[++i]);
    else if (a === "--warmup") opts.warmup = Number(argv[++i]);
    else if (a === "--rounds") opts.rounds = Number(argv[++i]);
    else if (a === "--runtime") opts.runtime = argv[++i];
    else if (a === "--direct-only") opts.directOnly = true;
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

function runClient(runtime, set, opts, apiUrl, home, clientFile, extraEnv = {}) {
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
    ...extraEnv,
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

/** Lines in the quota history a run left in its Claude directory. */
function historyLines(home) {
  const folder = path.join(home, ".claude", "budmon", "quota-history");
  if (!fs.existsSync(folder)) return 0;
  return fs.readdirSync(folder).reduce((n, f) => n + fs.readFileSync(path.join(folder, f), "utf8").split("\n").length - 1, 0);
}

const labelOf = (set) => (set.delay !== null ? `${set.label}, write delay ${set.delay} ms` : set.label);

/** Runs every set once per round, in a rotating order; returns what each run gave, by set. */
async function rounds(opts, work, name, run) {
  const results = new Map(opts.sets.map((s) => [s.key, []]));
  for (let round = 0; round < opts.rounds; round++) {
    const order = opts.sets.map((_, i) => opts.sets[(i + round) % opts.sets.length]);
    for (const set of order) {
      const home = path.join(work, `${name}-${round}-${opts.sets.indexOf(set)}`);
      fs.mkdirSync(path.join(home, ".claude"), { recursive: true });
      const result = await run(set, home);
      if (set.module && !fs.existsSync(path.join(home, ".claude", "usage-limits.json"))) {
        throw new Error(`${set.label} wrote no usage-limits.json: not loaded?`);
      }
      results.get(set.key).push({ ...result, history: historyLines(home) });
      fs.rmSync(home, { recursive: true, force: true });
      process.stderr.write(`${name} round ${round + 1}/${opts.rounds} ${labelOf(set)}\n`);
    }
  }
  return results;
}

function endToEndTable(opts, results) {
  const pooled = (key) => results.get(key).flatMap((r) => r.times);
  const cpuMedian = (key) => stats(results.get(key).map((r) => r.cpuMicros / r.times.length)).median;
  const base = stats(pooled("none"));
  console.log("| set | median ms | p90 ms | p99 ms | mean ms | median − none | p99 − none | CPU µs per request (median of rounds) | CPU − none | history lines per run |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const set of opts.sets) {
    const s = stats(pooled(set.key));
    const c = cpuMedian(set.key);
    const lines = [...new Set(results.get(set.key).map((r) => r.history))].join(", ");
    const diff = set.module
      ? [signed(s.median - base.median), signed(s.p99 - base.p99), c.toFixed(0), `${c >= cpuMedian("none") ? "+" : "−"}${Math.abs(c - cpuMedian("none")).toFixed(0)}`]
      : ["", "", c.toFixed(0), ""];
    console.log(`| ${labelOf(set)} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.p99)} | ${ms(s.mean)} | ${diff.join(" | ")} | ${lines} |`);
  }
}

function directTable(opts, results) {
  const pooled = (key, field) => results.get(key).flatMap((r) => r[field]);
  const none = stats(pooled("none", "onPath"));
  const us = (v) => (v * 1000).toFixed(1);
  const signedUs = (v) => `${v >= 0 ? "+" : "−"}${Math.abs(v * 1000).toFixed(1)}`;
  console.log("| set | response path: median µs | p99 µs | median − none µs | p99 − none µs | deferred, per response (mean) µs | deferred, per timer callback: median µs | p99 µs | callbacks per run | history lines per run |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const set of opts.sets) {
    const on = stats(pooled(set.key, "onPath"));
    const deferred = pooled(set.key, "deferred");
    const callbacks = pooled(set.key, "callbacks");
    const perCallback = callbacks.length > 0 ? stats(callbacks) : null;
    const lines = [...new Set(results.get(set.key).map((r) => r.history))].join(", ");
    const runs = results.get(set.key).length;
    console.log(
      `| ${labelOf(set)} | ${us(on.median)} | ${us(on.p99)} | ${set.module ? `${signedUs(on.median - none.median)} | ${signedUs(on.p99 - none.p99)}` : " | "} | ` +
        `${us(deferred.reduce((a, b) => a + b, 0) / deferred.length)} | ${perCallback ? us(perCallback.median) : ""} | ${perCallback ? us(perCallback.p99) : ""} | ` +
        `${Math.round(callbacks.length / runs)} | ${lines} |`,
    );
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "budmon-bench-interceptor-"));
  const clientFile = path.join(work, "client.mjs");
  const directFile = path.join(work, "direct.mjs");
  fs.writeFileSync(clientFile, CLIENT);
  fs.writeFileSync(directFile, DIRECT_CLIENT);
  // Each response's 5h utilization differs from the one before: every response is a new observation.
  const api = await startMockApi({ quiet: true, rateLimits: (seq) => ({ "anthropic-ratelimit-unified-5h-utilization": String(((seq % 997) + 1) / 1000) }) });
  // The mock keeps every request for tests; a benchmark has no use for them.
  const keep = setInterval(() => api.requests.splice(0), 1000);
  const runtimeVersion = execFileSync(opts.runtime, ["--version"], { encoding: "utf8" }).trim();
  const loadBefore = os.loadavg();
  let endToEnd = null;
  let direct;
  try {
    if (!opts.directOnly) endToEnd = await rounds(opts, work, "e2e", (set, home) => runClient(opts.runtime, set, opts, api.url, home, clientFile));
    const headers = JSON.stringify({ "content-type": "text/event-stream; charset=utf-8", ...unifiedHeaders(Math.floor(Date.now() / 1000)) });
    direct = await rounds(opts, work, "direct", (set, home) => runClient(opts.runtime, set, opts, api.url, home, directFile, { BENCH_HEADERS: headers }));
  } finally {
    clearInterval(keep);
    await api.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const cpuModel = os.cpus()[0]?.model ?? "?";
  const load = (l) => l.map((v) => v.toFixed(1)).join(" ");
  console.log(`${path.basename(opts.runtime)} ${runtimeVersion}, ${os.cpus().length} × ${cpuModel}; ${opts.rounds} rounds × ${opts.requests} timed requests per set (after ${opts.warmup} untimed), load average ${load(loadBefore)} before, ${load(os.loadavg())} after`);
  if (endToEnd !== null) {
    console.log("");
    endToEndTable(opts, endToEnd);
  }
  console.log("");
  directTable(opts, direct);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
