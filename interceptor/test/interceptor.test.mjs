// Tests of interceptor/budmon-interceptor.mjs under Node: every case runs real Node processes that load
// the interceptor with --import and talk to the loopback mock API in this process.
//
//   node --test interceptor/test/

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { REPO_ROOT, runProgram } from "./claude-process.mjs";
import { SECRET_BODY_TEXT, SECRET_HEADER_NAME, SECRET_HEADER_VALUE, startMockApi, unifiedHeaders } from "./mock-api.mjs";

// BUDMON_INTERCEPTOR_UNDER_TEST runs the suite against another copy, e.g. an older version's.
const INTERCEPTOR = process.env.BUDMON_INTERCEPTOR_UNDER_TEST
  ? path.resolve(process.env.BUDMON_INTERCEPTOR_UNDER_TEST)
  : path.join(REPO_ROOT, "interceptor", "budmon-interceptor.mjs");
const FIXED_NOW = 1_800_000_000;

let tmpRoot;
let api;

before(async () => {
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "budmon-interceptor-test-"));
  api = await startMockApi({
    quiet: true,
    idTag: "TeStTaG0",
    now: FIXED_NOW,
    // A request may name a marker "<process>:<n>" in metadata.user_id; the response then carries it in
    // a header of its own and in the 5h utilization, so a test can tell which response a file holds.
    rateLimits: (seq, body) => {
      const marker = body?.metadata?.user_id;
      if (typeof marker !== "string") return { "x-ratelimit-limit-requests": "50" };
      const n = Number(marker.split(":")[1] ?? 0);
      return {
        "anthropic-ratelimit-unified-test-marker": marker,
        "anthropic-ratelimit-unified-5h-utilization": (n / 1000).toFixed(3),
        "x-ratelimit-limit-requests": "50",
      };
    },
  });
});

after(async () => {
  await api?.close();
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

let dirCounter = 0;

/** A fresh temporary HOME with an existing ~/.claude. */
function freshHome() {
  const home = path.join(tmpRoot, `home-${++dirCounter}`);
  fs.mkdirSync(path.join(home, ".claude"), { recursive: true });
  return home;
}

/**
 * Runs an ES module snippet in a new Node process, with the interceptor loaded through --import unless
 * {@code interceptor} is false. The environment holds nothing of ours but what is given.
 */
function runNode(code, { home, env = {}, interceptor = true, module = INTERCEPTOR, preImports = [], wrap = null, timeoutMs = 60_000 } = {}) {
  const args = [];
  for (const p of preImports) args.push("--import", p);
  if (interceptor) args.push("--import", module);
  args.push("--input-type=module", "-e", code);
  const childEnv = { PATH: process.env.PATH, HOME: home, MOCK_URL: api.url, ...env };
  const [file, argv] = wrap ? wrap(process.execPath, args) : [process.execPath, args];
  return runProgram(file, argv, { cwd: home, env: childEnv, timeoutMs });
}

function usageFile(home) {
  return path.join(home, ".claude", "usage-limits.json");
}

/** What a Claude directory holds after the interceptor wrote to it: its file and the quota history's folder. */
const WRITTEN = ["budmon", "usage-limits.json"];

/** The names in a folder, sorted (readdir gives them in the file system's order). */
function listing(dir) {
  return fs.readdirSync(dir).sort();
}

function readUsage(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** All rate-limit headers a mock response carried, as the interceptor should record them. */
function rateLimitHeadersOf(entry) {
  return Object.fromEntries(
    Object.entries(entry.responseHeaders).filter(([n]) => n.startsWith("anthropic-ratelimit-") || n.startsWith("x-ratelimit-")),
  );
}

function assertNoSecrets(dir) {
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const text = fs.readFileSync(file, "utf8");
    for (const secret of [SECRET_HEADER_VALUE, SECRET_BODY_TEXT, SECRET_HEADER_NAME, "set-cookie", "dummy-key"]) {
      assert.ok(!text.includes(secret), `${file} contains ${secret}`);
    }
  }
}

const FETCH_ALL_KINDS = `
const url = process.env.MOCK_URL + "/v1/messages";
const out = [];
for (const stream of [false, true]) {
  for (const kind of ["string", "url", "request"]) {
    const body = JSON.stringify({ model: "claude-test", stream, max_tokens: 16, messages: [{ role: "user", content: "hi " + kind }] });
    const init = { method: "POST", headers: { "content-type": "application/json", "x-api-key": "dummy-key", "anthropic-version": "2023-06-01" }, body };
    const res = kind === "request" ? await fetch(new Request(url, init)) : await fetch(kind === "url" ? new URL(url) : url, init);
    const bytes = Buffer.from(await res.arrayBuffer());
    out.push({ kind, stream, status: res.status, headers: [...res.headers], body: bytes.toString("base64") });
  }
}
process.stdout.write(JSON.stringify(out));
`;

describe("fetch path (Node)", () => {
  test("responses are byte-identical, requests unchanged, headers recorded once each, no secret written", async () => {
    const plainHome = freshHome();
    const first = api.requests.length;
    const plain = await runNode(FETCH_ALL_KINDS, { home: plainHome, interceptor: false });
    assert.equal(plain.code, 0, plain.stderr);
    const plainRequests = api.requests.slice(first);

    const home = freshHome();
    const second = api.requests.length;
    const watched = await runNode(FETCH_ALL_KINDS, { home, env: { BUDMON_DEBUG: "1" } });
    assert.equal(watched.code, 0, watched.stderr);
    const watchedRequests = api.requests.slice(second);

    // The server saw the same requests, byte for byte, with and without the interceptor.
    const shape = (r) => ({ method: r.method, url: r.url, headers: r.headers, body: r.body.toString("base64") });
    assert.equal(watchedRequests.length, 6);
    assert.deepEqual(watchedRequests.map(shape), plainRequests.map(shape));

    // The client received exactly what the server sent, in both runs.
    for (const [run, requests] of [[JSON.parse(plain.stdout), plainRequests], [JSON.parse(watched.stdout), watchedRequests]]) {
      assert.equal(run.length, 6);
      run.forEach((received, i) => {
        const sent = requests[i];
        assert.equal(received.status, sent.status);
        assert.equal(Buffer.from(received.body, "base64").compare(sent.responseBody), 0, `${received.kind} stream=${received.stream}`);
        const got = new Map(received.headers.filter(([n]) => n !== "set-cookie"));
        for (const [name, value] of Object.entries(sent.responseHeaders)) {
          if (name !== "set-cookie") assert.equal(got.get(name), value, name);
        }
      });
    }
    assert.ok(Buffer.from(JSON.parse(watched.stdout)[3].body, "base64").toString().startsWith("event: message_start\n"));

    // Each response was taken once, by the fetch wrapper (it sees the response before the caller does).
    const captures = watched.stderr.split("\n").filter((l) => l.includes("captured"));
    assert.equal(captures.length, 6, watched.stderr);
    assert.ok(captures.every((l) => l.includes("via fetch")), watched.stderr);

    const written = readUsage(usageFile(home));
    assert.deepEqual(written.headers_raw, rateLimitHeadersOf(watchedRequests[5]));
    assert.equal(written.headers_raw["anthropic-ratelimit-unified-5h-utilization"], "0.42");
    assert.equal(written.headers_raw["x-ratelimit-limit-requests"], "50");
    assert.equal(written.source, "budmon-interceptor");
    assert.match(written.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(Math.abs(Date.parse(written.updated_at) - Date.now()) < 60_000);
    assertNoSecrets(home);
    assert.ok(!fs.existsSync(usageFile(plainHome)), "no file without the interceptor");
  });

  test("the wrapper hands the caller the very promise of the real fetch, with this and arguments passed through", async () => {
    const home = freshHome();
    const spy =
      "data:text/javascript," +
      encodeURIComponent(
        "const real = globalThis.fetch; globalThis.__calls = [];" +
          "globalThis.fetch = function fetch(...args) { const p = Reflect.apply(real, this, args); globalThis.__calls.push({ self: this, args, p }); return p; };",
      );
    const run = await runNode(
      `
      const spy = globalThis.__calls;
      if (globalThis.fetch === undefined || spy.length !== 0) throw new Error("setup");
      const url = new URL(process.env.MOCK_URL + "/v1/messages");
      const init = { method: "POST", body: "{}" };
      const p = globalThis.fetch(url, init);
      const checks = [spy.length === 1, spy[0].p === p, spy[0].self === globalThis, spy[0].args.length === 2, spy[0].args[0] === url, spy[0].args[1] === init];
      const res = await p;
      await res.text();
      process.stdout.write(JSON.stringify({ checks, length: globalThis.fetch.length, name: globalThis.fetch.name }));
      `,
      { home, env: { BUDMON_DEBUG: "1" }, preImports: [spy] },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /fetch wrapped/);
    assert.deepEqual(JSON.parse(run.stdout), { checks: [true, true, true, true, true, true], length: 0, name: "fetch" });
    assert.match(run.stderr, /captured .* via fetch/);
  });

  test("only /v1/messages responses are taken by the wrapper; a response without anthropic-ratelimit- headers is never recorded", async () => {
    const home = freshHome();
    const run = await runNode(
      `
      await (await fetch(process.env.MOCK_URL + "/v1/models")).text();
      await (await fetch(process.env.MOCK_URL + "/v1/messages/count_tokens", { method: "POST", body: "{}" })).text();
      `,
      { home, env: { BUDMON_DEBUG: "1" } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.stderr.includes("captured"), run.stderr);
    assert.ok(!fs.existsSync(usageFile(home)));
  });
});

describe("Headers.prototype path alone", () => {
  // Makes globalThis.fetch read-only before the interceptor loads, as Bun.fetch is in the native
  // Claude Code: the interceptor cannot wrap it, and the caller uses the untouched original.
  const freezeFetch =
    "data:text/javascript," +
    encodeURIComponent(
      "const f = globalThis.fetch; globalThis.__originalFetch = f;" +
        'Object.defineProperty(globalThis, "fetch", { value: f, writable: false, configurable: false });',
    );
  const reads = {
    get: 'res.headers.get("anthropic-ratelimit-unified-status")',
    has: 'res.headers.has("anthropic-ratelimit-unified-status")',
    entries: "[...res.headers.entries()]",
    forEach: "res.headers.forEach(() => {})",
    keys: "[...res.headers.keys()]",
    values: "[...res.headers.values()]",
    "[Symbol.iterator]": "[...res.headers]",
  };

  test("each of get, has, entries, forEach, keys, values and [Symbol.iterator] captures a response's rate-limit headers", async () => {
    const home = freshHome();
    // One response per method, each read the way a program would, after reading other headers first.
    const steps = Object.values(reads)
      .map(
        (read) => `{
          const res = await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: JSON.stringify({ stream: true, messages: [] }) });
          res.headers.get("content-type");
          res.headers.get(${JSON.stringify(SECRET_HEADER_NAME)});
          ${read};
          await res.text();
        }`,
      )
      .join("\n");
    const first = api.requests.length;
    const run = await runNode(
      `if (globalThis.fetch !== globalThis.__originalFetch) throw new Error("fetch was replaced");\n${steps}`,
      { home, env: { BUDMON_DEBUG: "1" }, preImports: [freezeFetch] },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /fetch not wrapped/);
    const responses = api.requests.slice(first);
    const captures = run.stderr.split("\n").filter((l) => l.includes("captured"));
    assert.deepEqual(
      captures.map((l) => l.match(/via (\S+) \(request-id (\S+)\)/).slice(1)),
      Object.keys(reads).map((method, i) => [`Headers.${method}`, responses[i].responseHeaders["request-id"]]),
      run.stderr,
    );
    assert.deepEqual(readUsage(usageFile(home)).headers_raw, rateLimitHeadersOf(responses.at(-1)));
    assertNoSecrets(home);
  });

  test("reading no rate-limit header records nothing", async () => {
    const home = freshHome();
    const run = await runNode(
      `
      const res = await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: "{}" });
      res.headers.get("content-type");
      res.headers.has("request-id");
      await res.text();
      `,
      { home, env: { BUDMON_DEBUG: "1" }, preImports: [freezeFetch] },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.stderr.includes("captured"), run.stderr);
    assert.ok(!fs.existsSync(usageFile(home)));
  });

  test("a Headers object made by the program with another service's x-ratelimit- headers is ignored", async () => {
    const home = freshHome();
    const run = await runNode(
      `
      const h = new Headers({ "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999" });
      h.get("x-ratelimit-remaining");
      [...h];
      const both = new Headers({ "anthropic-ratelimit-unified-status": "allowed", "x-ratelimit-limit": "7", authorization: "Bearer x" });
      both.get("anthropic-ratelimit-unified-status");
      `,
      { home, env: { BUDMON_DEBUG: "1" } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readUsage(usageFile(home)).headers_raw, {
      "anthropic-ratelimit-unified-status": "allowed",
      "x-ratelimit-limit": "7",
    });
  });
});

describe("usage-limits.json", () => {
  test("keeps fields it does not own, replaces its own, and replaces a file that is not a JSON object", async () => {
    const home = freshHome();
    const file = usageFile(home);
    fs.writeFileSync(
      file,
      JSON.stringify({
        turn_usage: { input_tokens: 5 },
        cumulative: { total: 9 },
        cache_ratios: [0.5],
        source: "cache-fix",
        headers_raw: { "anthropic-ratelimit-unified-stale-utilization": "1" },
      }),
    );
    const fetchOne = `await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: "{}" })).text();`;
    let run = await runNode(fetchOne, { home });
    assert.equal(run.code, 0, run.stderr);
    const merged = readUsage(file);
    assert.deepEqual(merged.turn_usage, { input_tokens: 5 });
    assert.deepEqual(merged.cumulative, { total: 9 });
    assert.deepEqual(merged.cache_ratios, [0.5]);
    assert.equal(merged.source, "budmon-interceptor");
    assert.equal(merged.headers_raw["anthropic-ratelimit-unified-stale-utilization"], undefined);
    assert.equal(merged.headers_raw["anthropic-ratelimit-unified-status"], "allowed");

    // One process meets each broken file in turn: it writes the file, fetches, and waits for its write.
    const broken = ["{not json", "[1,2]", "", "null", "\u0000\u0001binary"];
    run = await runNode(
      `
      import fs from "node:fs";
      const file = ${JSON.stringify(file)};
      const results = [];
      for (const content of ${JSON.stringify(broken)}) {
        fs.writeFileSync(file, content);
        await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: "{}" })).text();
        for (let i = 0; i < 200 && fs.readFileSync(file, "utf8") === content; i++) await new Promise((r) => setTimeout(r, 5));
        results.push(JSON.parse(fs.readFileSync(file, "utf8")).headers_raw["anthropic-ratelimit-unified-status"]);
      }
      process.stdout.write(JSON.stringify(results));
      `,
      { home, env: { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), broken.map(() => "allowed"));
    // No temp file is left behind.
    assert.deepEqual(listing(path.dirname(file)), WRITTEN);
  });

  test("interceptor_version is the project version from pom.xml", async () => {
    const pom = fs.readFileSync(path.join(REPO_ROOT, "pom.xml"), "utf8");
    const version = pom.replace(/<parent>[\s\S]*?<\/parent>/, "").match(/<version>([^<]+)<\/version>/)[1];
    const home = freshHome();
    const run = await runNode(`await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: "{}" })).text();`, { home });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readUsage(usageFile(home)).interceptor_version, version);
  });

  test("honours CLAUDE_CONFIG_DIR (first of several, ~ expanded) and falls back to ~/.claude", async () => {
    const home = freshHome();
    const a = path.join(home, "config a");
    const b = path.join(home, "config-b");
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    const fetchOne = `await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: "{}" })).text();`;
    let run = await runNode(fetchOne, { home, env: { CLAUDE_CONFIG_DIR: ` , ${a} ,${b}` } });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(fs.existsSync(path.join(a, "usage-limits.json")));
    assert.ok(!fs.existsSync(path.join(b, "usage-limits.json")));
    assert.ok(!fs.existsSync(usageFile(home)));

    run = await runNode(fetchOne, { home, env: { CLAUDE_CONFIG_DIR: "~/config-b" } });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(fs.existsSync(path.join(b, "usage-limits.json")));

    run = await runNode(fetchOne, { home, env: { CLAUDE_CONFIG_DIR: "" } });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(fs.existsSync(usageFile(home)));
  });

  test("a burst is coalesced into few writes, the last response wins, and a pending write happens before exit", async () => {
    const burst = (exit) => `
      const started = Date.now();
      for (let i = 1; i <= 50; i++) {
        const body = JSON.stringify({ metadata: { user_id: "burst:" + i }, messages: [] });
        await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body })).text();
      }
      process.stdout.write(String(Date.now() - started));
      ${exit}
    `;
    for (const [label, exit, delay] of [
      ["default delay", "", undefined],
      ["write pending at beforeExit", "", "10000"],
      ["write pending at process.exit()", "process.exit(0);", "10000"],
    ]) {
      const home = freshHome();
      const env = { BUDMON_DEBUG: "1", ...(delay ? { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: delay } : {}) };
      const run = await runNode(burst(exit), { home, env });
      assert.equal(run.code, 0, `${label}: ${run.stderr}`);
      // The pending write's timer does not keep the process alive for its 10 s.
      if (delay) assert.ok(run.ms < 8000, `${label}: the process ran ${run.ms} ms`);
      const writes = run.stderr.split("\n").filter((l) => l.includes("wrote")).length;
      // At most one write per delay period (plus the one at exit), however slow the machine is.
      const most = delay ? 1 : Math.min(Math.ceil(Number(run.stdout) / 250) + 2, 49);
      assert.ok(writes >= 1 && writes <= most, `${label}: ${writes} writes for 50 responses in ${run.stdout} ms`);
      const headers = readUsage(usageFile(home)).headers_raw;
      assert.equal(headers["anthropic-ratelimit-unified-test-marker"], "burst:50", label);
      assert.equal(headers["anthropic-ratelimit-unified-5h-utilization"], "0.050", label);
    }
  });
});

const FETCH_ONE = `await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: "{}" })).text();`;

/** A polling reader's view of usage-limits.json while {@code work} runs. */
async function watchFile(file, work) {
  let done = false;
  const result = work.finally(() => (done = true));
  const view = { reads: 0, invalid: [], seen: new Set(), regressions: [], stamps: [] };
  let previous = null;
  while (!done) {
    let text;
    try {
      text = await fs.promises.readFile(file, "utf8");
    } catch (err) {
      if (err.code !== "ENOENT") view.invalid.push(String(err));
      await new Promise((r) => setImmediate(r));
      continue;
    }
    view.reads++;
    try {
      const parsed = JSON.parse(text);
      const h = parsed.headers_raw;
      const marker = h["anthropic-ratelimit-unified-test-marker"];
      const n = Number(marker.split(":")[1]);
      // All headers of one response, never a mix of two.
      if (h["anthropic-ratelimit-unified-5h-utilization"] !== (n / 1000).toFixed(3)) view.invalid.push(`mixed: ${text}`);
      view.seen.add(marker);
      const stamp = Date.parse(parsed.updated_at);
      if (previous !== null && stamp < previous.stamp) view.regressions.push(`${previous.marker} ${previous.at} -> ${marker} ${parsed.updated_at}`);
      previous = { stamp, marker, at: parsed.updated_at };
      view.stamps.push(stamp);
    } catch (err) {
      view.invalid.push(`${err.message}: ${JSON.stringify(text.slice(0, 200))}`);
    }
  }
  return { runs: await result, view };
}

function countLines(runs, word) {
  return runs.map((r) => r.stderr.split("\n").filter((l) => l.includes(word)).length);
}

describe("concurrent writers", () => {
  test("8 processes x 150 responses at once: a polling reader never sees updated_at go back, and every read is whole", { timeout: 180_000 }, async (t) => {
    const home = freshHome();
    const file = usageFile(home);
    const processes = [1, 2, 3, 4, 5, 6, 7, 8];
    const child = (p) => `
      for (let i = 1; i <= 150; i++) {
        const body = JSON.stringify({ metadata: { user_id: "${p}:" + i }, messages: [] });
        await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body })).text();
      }
    `;
    // No write delay: every response is written unless a newer one is already there, the most writes
    // the file can see.
    const env = { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0", BUDMON_DEBUG: "1" };
    const { runs, view } = await watchFile(file, Promise.all(processes.map((p) => runNode(child(p), { home, env }))));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const writes = countLines(runs, "wrote").reduce((a, b) => a + b, 0);
    const kept = countLines(runs, "holds a newer response").reduce((a, b) => a + b, 0);
    const unlocked = countLines(runs, "without the lock").reduce((a, b) => a + b, 0);
    const stale = countLines(runs, "removing a stale lock").reduce((a, b) => a + b, 0);
    t.diagnostic(
      `${view.reads} reads, ${writes} writes, ${kept} skipped as older than the file, ` +
        `${unlocked} without the lock, ${stale} stale locks removed, ${view.regressions.length} regressions`,
    );
    for (const line of runs.flatMap((r) => r.stderr.split("\n")).filter((l) => /without the lock|stale lock/.test(l))) t.diagnostic(line);
    assert.deepEqual(view.invalid, []);
    assert.ok(view.reads >= 50, `only ${view.reads} reads`);
    // Fewer writes than responses: a process waiting for the lock writes only its newest response.
    assert.ok(writes >= 100, `only ${writes} writes`);
    assert.ok(view.seen.size >= 10, `reader saw only ${view.seen.size} different responses`);
    // Only a write made without the lock (fail open: another process held it for too long) can put older
    // headers over newer ones, and each at most once.
    assert.ok(view.regressions.length <= unlocked + stale, `updated_at went back:\n${view.regressions.join("\n")}`);
    const final = readUsage(file);
    assert.match(final.headers_raw["anthropic-ratelimit-unified-test-marker"], /^[1-8]:150$/, JSON.stringify(final));
    assert.equal(final.headers_raw["anthropic-ratelimit-unified-5h-utilization"], "0.150");
    assert.ok(view.stamps.every((s) => s <= Date.parse(final.updated_at)), "the final file is the newest");
    assert.deepEqual(listing(path.dirname(file)), WRITTEN, "no temp or lock file left");
  });

  test("a file holding newer headers is not replaced by older ones; a stamp far in the future is garbage and replaced", async () => {
    const home = freshHome();
    const file = usageFile(home);
    const newer = JSON.stringify({
      headers_raw: { "anthropic-ratelimit-unified-status": "from-a-newer-response" },
      updated_at: new Date(Date.now() + 30_000).toISOString(),
    });
    fs.writeFileSync(file, newer);
    let run = await runNode(FETCH_ONE, { home, env: { BUDMON_DEBUG: "1" } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /kept .* it holds a newer response/);
    assert.equal(fs.readFileSync(file, "utf8"), newer);

    for (const stamp of ["9999-12-31T23:59:59.999Z", 1e300, "not a date", null]) {
      fs.writeFileSync(file, JSON.stringify({ headers_raw: { "anthropic-ratelimit-unified-status": "garbage" }, updated_at: stamp }));
      run = await runNode(FETCH_ONE, { home });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(readUsage(file).headers_raw["anthropic-ratelimit-unified-status"], "allowed", String(stamp));
    }
  });

  test("the write waits while another process holds the lock, and happens when it is released", async () => {
    const home = freshHome();
    const file = usageFile(home);
    const lock = path.join(path.dirname(file), ".usage-limits.json.lock");
    const run = await runNode(
      `
      import fs from "node:fs";
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
      const lock = ${JSON.stringify(lock)};
      fs.writeFileSync(lock, "");
      // A holder that is alive: its lock never looks stale, however slow this machine is.
      const fresh = setInterval(() => fs.utimesSync(lock, new Date(), new Date()), 100);
      ${FETCH_ONE}
      await sleep(300);
      const whileHeld = fs.existsSync(${JSON.stringify(file)});
      clearInterval(fresh);
      fs.unlinkSync(lock);
      for (let i = 0; i < 200 && !fs.existsSync(${JSON.stringify(file)}); i++) await sleep(5);
      process.stdout.write(JSON.stringify({ whileHeld, afterRelease: fs.existsSync(${JSON.stringify(file)}) }));
      `,
      { home, env: { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { whileHeld: false, afterRelease: true });
    assert.deepEqual(listing(path.dirname(file)), WRITTEN);
  });

  test("a lock held to the end does not keep the process; a stale lock is broken, one dated in the future too; a folder in its place does not stop the write", async () => {
    const home = freshHome();
    const file = usageFile(home);
    const lock = path.join(path.dirname(file), ".usage-limits.json.lock");

    // Held by another process all along: the write waits at exit, briefly, then goes ahead (fail open).
    fs.writeFileSync(lock, "");
    const fresh = setInterval(() => fs.utimesSync(lock, new Date(), new Date()), 100);
    let run;
    try {
      run = await runNode(FETCH_ONE, { home, env: { BUDMON_DEBUG: "1", BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "10000" } });
    } finally {
      clearInterval(fresh);
    }
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.ms < 8000, `ran ${run.ms} ms`);
    assert.match(run.stderr, /writing without the lock/);
    assert.equal(readUsage(file).headers_raw["anthropic-ratelimit-unified-status"], "allowed");
    assert.ok(fs.existsSync(lock), "another process's lock is not removed");

    // Left by a process that died while holding it.
    fs.rmSync(file);
    const old = new Date(Date.now() - 10_000);
    fs.utimesSync(lock, old, old);
    run = await runNode(FETCH_ONE, { home, env: { BUDMON_DEBUG: "1" } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /removing a stale lock/);
    assert.ok(!run.stderr.includes("without the lock"), run.stderr);
    assert.equal(readUsage(file).headers_raw["anthropic-ratelimit-unified-status"], "allowed");
    assert.deepEqual(listing(path.dirname(file)), WRITTEN);

    // Its mtime in the future (a clock set back): stale once this process has seen it for a second.
    fs.rmSync(file);
    fs.writeFileSync(lock, "");
    const future = new Date(Date.now() + 3600_000);
    fs.utimesSync(lock, future, future);
    run = await runNode(`${FETCH_ONE} await new Promise((r) => setTimeout(r, 2000));`, {
      home,
      env: { BUDMON_DEBUG: "1", BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /removing a stale lock/);
    assert.ok(!run.stderr.includes("without the lock"), run.stderr);
    assert.equal(readUsage(file).headers_raw["anthropic-ratelimit-unified-status"], "allowed");
    assert.deepEqual(listing(path.dirname(file)), WRITTEN);

    fs.rmSync(file);
    fs.mkdirSync(lock);
    run = await runNode(FETCH_ONE, { home, env: { BUDMON_DEBUG: "1" } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /no lock: .* is a folder/);
    assert.equal(readUsage(file).headers_raw["anthropic-ratelimit-unified-status"], "allowed");
    assert.ok(fs.statSync(lock).isDirectory());
  });
});

// ---------------------------------------------------------------------------------------------------
// The quota history: <Claude directory>/budmon/quota-history/YYYY-MM.jsonl.

function historyFolder(home) {
  return path.join(home, ".claude", "budmon", "quota-history");
}

/** Every line of every month file: { file, text, line (parsed, or the error) }, in file order. */
function readHistory(home) {
  const folder = historyFolder(home);
  if (!fs.existsSync(folder)) return [];
  const out = [];
  for (const name of listing(folder)) {
    const content = fs.readFileSync(path.join(folder, name), "utf8");
    assert.ok(content === "" || content.endsWith("\n"), `${name} does not end with a newline`);
    for (const text of content.split("\n").slice(0, -1)) {
      let line;
      try {
        line = JSON.parse(text);
      } catch (err) {
        line = err;
      }
      out.push({ file: name, text, line });
    }
  }
  return out;
}

/** The windows the mock sends (FIXED_NOW, unifiedHeaders) with the given 5h utilization, as a line holds them. */
function mockWindows(fiveHour) {
  const h = unifiedHeaders(FIXED_NOW);
  const r = (name) => Number(h[`anthropic-ratelimit-unified-${name}-reset`]);
  return {
    "5h": { u: fiveHour, r: r("5h"), s: "allowed" },
    "7d": { u: 0.81, r: r("7d"), s: "allowed_warning" },
    "7d_sonnet": { u: 0.12, r: r("7d_sonnet"), s: "allowed" },
  };
}

/** A request whose response carries the marker and a 5h utilization of n/1000 (see the mock above). */
const markedFetch = (marker) =>
  `await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: JSON.stringify({ metadata: { user_id: ${marker} }, messages: [] }) })).text();`;

/** A module loaded before the interceptor: Date.now() gives globalThis.__budmonNow when a test sets it. */
const CLOCK =
  "data:text/javascript," + encodeURIComponent("const real = Date.now; Date.now = () => globalThis.__budmonNow ?? real();");

describe("quota history", () => {
  test("a line per response whose quota changed, with its time, request id, status and every window; an equal one adds nothing", async () => {
    const home = freshHome();
    // 5h utilization per response (n/1000); repeats are equal observations.
    const sequence = [100, 100, 200, 200, 200, 300, 100];
    const first = api.requests.length;
    const started = Date.now();
    const run = await runNode(
      `for (const n of ${JSON.stringify(sequence)}) { ${markedFetch('"seq:" + n')} }
       ${FETCH_ONE}`,
      { home, env: { BUDMON_DEBUG: "1", BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" } },
    );
    assert.equal(run.code, 0, run.stderr);
    const responses = api.requests.slice(first);
    assert.equal(responses.length, 8);
    const lines = readHistory(home);
    const month = new Date().toISOString().slice(0, 7);
    assert.deepEqual(lines.map((l) => l.file), Array(5).fill(`${month}.jsonl`), run.stderr);
    // Responses 1, 3, 6 and 7 changed the quota, and so did the last, unmarked one (the mock's 0.42).
    const expected = [[0, 0.1], [2, 0.2], [5, 0.3], [6, 0.1], [7, 0.42]];
    lines.forEach(({ text, line }, i) => {
      const [index, fiveHour] = expected[i];
      assert.ok(!(line instanceof Error), `line ${i + 1} does not parse: ${text}`);
      assert.deepEqual(Object.keys(line), ["t", "src", "req", "sid", "status", "w"], text);
      assert.equal(text, JSON.stringify(line), "compact JSON");
      assert.match(line.t, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.ok(Date.parse(line.t) >= started - 1000 && Date.parse(line.t) <= Date.now(), line.t);
      assert.equal(line.src, "interceptor");
      assert.equal(line.req, responses[index].responseHeaders["request-id"], `line ${i + 1}`);
      assert.equal(line.sid, null);
      assert.equal(line.status, "allowed");
      assert.deepEqual(line.w, mockWindows(fiveHour), text);
    });
    assert.ok(lines.every((l, i) => i === 0 || l.line.t >= lines[i - 1].line.t), "in the order of the responses");
    assert.equal(fs.statSync(historyFolder(home)).mode & 0o777, 0o700);
    assert.equal(fs.statSync(path.join(historyFolder(home), `${month}.jsonl`)).mode & 0o777, 0o600);
    assertNoSecrets(home);

    // A process that ends before its write delay (10 s) is over appends its line at exit, and does not
    // wait for the timer; it compares with its own lines only, so the same quota as the file's last
    // line is a line again.
    const ended = await runNode(`${FETCH_ONE} process.exit(0);`, { home, env: { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "10000" } });
    assert.equal(ended.code, 0, ended.stderr);
    assert.ok(ended.ms < 8000, `ran ${ended.ms} ms`);
    const after = readHistory(home);
    assert.equal(after.length, 6);
    assert.deepEqual(after[5].line.w, mockWindows(0.42));
    assert.equal(after[5].line.req, api.requests.at(-1).responseHeaders["request-id"]);
  });

  test("only what the reader takes is written: windows found as it finds them, values in its ranges, short lines", async () => {
    const home = freshHome();
    const P = "anthropic-ratelimit-unified-";
    const reset = "1800000000";
    const cases = [
      // Every "<name>-utilization" is a window; a value out of range or not a number is left out of it.
      { [`${P}status`]: "allowed", [`${P}5h-utilization`]: "0.5", [`${P}5h-reset`]: reset, [`${P}5h-status`]: "allowed",
        [`${P}overage-utilization`]: "1.25", [`${P}overage-reset`]: "1800000000123", [`${P}7d-utilization`]: "11",
        [`${P}7d-reset`]: "0x10", [`${P}7d-status`]: "s".repeat(65), [`${P}representative-claim`]: "five_hour",
        [`${P}__proto__-utilization`]: "0.3", "request-id": "req_a" },
      // The same quota written differently, with another request id: equal, no line.
      { [`${P}status`]: " allowed", [`${P}5h-utilization`]: "0.50", [`${P}5h-reset`]: "1800000000.0", [`${P}5h-status`]: "allowed",
        [`${P}overage-utilization`]: "1.25", [`${P}overage-reset`]: "1800000000999", [`${P}7d-utilization`]: "12",
        [`${P}__proto__-utilization`]: "3e-1", "request-id": "req_b" },
      // A status alone, no request id.
      { [`${P}status`]: "rejected" },
      // Neither status nor window (an API key's limits): no line.
      { "anthropic-ratelimit-requests-limit": "50", "request-id": "req_c" },
      // What Number() would take but the reader does not.
      { [`${P}status`]: "allowed", [`${P}5h-utilization`]: "Infinity", [`${P}7d-utilization`]: "-0.1", [`${P}7d_opus-utilization`]: "",
        [`${P}7d_opus-reset`]: "-5", [`${P}7d_sonnet-utilization`]: "1.", [`${P}7d_sonnet-reset`]: "1e300", "request-id": "r".repeat(257) },
      // 30 windows with long names: a line over 1000 bytes, left out.
      Object.fromEntries([[`${P}status`, "allowed"], ...Array.from({ length: 30 }, (_, i) => [`${P}${String(i).padStart(60, "w")}-utilization`, "0.1"])]),
      // A window name over 64 characters is no window.
      { [`${P}status`]: "allowed", [`${P}${"n".repeat(65)}-utilization`]: "0.2", [`${P}5h-utilization`]: "0.6", "request-id": "req_d" },
    ];
    const run = await runNode(
      `for (const h of ${JSON.stringify(cases)}) new Headers(h).get("anthropic-ratelimit-unified-status");`,
      { home, env: { BUDMON_DEBUG: "1" } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /left out an observation of \d+ bytes \(more than 1000\)/);
    const lines = readHistory(home);
    assert.ok(lines.every(({ text }) => Buffer.byteLength(text) < 1000));
    assert.ok(lines[0].text.includes('"__proto__":{"u":0.3}'), lines[0].text);
    const parsed = lines.map(({ line }) => {
      const { t, src, w, ...rest } = line;
      assert.equal(src, "interceptor");
      return { ...rest, w: Object.fromEntries(Object.entries(w).filter(([name]) => name !== "__proto__")) };
    });
    assert.deepEqual(parsed, [
      { req: "req_a", sid: null, status: "allowed", w: { "5h": { u: 0.5, r: 1800000000, s: "allowed" }, "7d": {}, overage: { u: 1.25, r: 1800000000 } } },
      { req: null, sid: null, status: "rejected", w: {} },
      { req: null, sid: null, status: "allowed", w: { "5h": {}, "7d": {}, "7d_opus": {}, "7d_sonnet": {} } },
      { req: "req_d", sid: null, status: "allowed", w: { "5h": { u: 0.6 } } },
    ]);
  });

  test("the month file is the observation's UTC month, whatever the time zone", async () => {
    // The clock is set by the child (Date.now is what the interceptor reads): responses at the last
    // millisecond of 2026 and the first of 2027, seen from 14 hours ahead of UTC and 12 hours behind.
    const times = ["2026-12-31T23:59:59.999Z", "2027-01-01T00:00:00.000Z", "2027-01-31T12:00:00.000Z"];
    for (const tz of ["Etc/GMT-14", "Etc/GMT+12"]) {
      const home = freshHome();
      const run = await runNode(
        `const times = ${JSON.stringify(times)};
         const local = [];
         for (const [i, t] of times.entries()) {
           globalThis.__budmonNow = Date.parse(t);
           local.push(new Date(Date.now()).getMonth() + 1);
           ${markedFetch('"tz:" + (i + 1)')}
         }
         process.stdout.write(JSON.stringify(local));`,
        { home, env: { TZ: tz }, preImports: [CLOCK] },
      );
      assert.equal(run.code, 0, run.stderr);
      // The local months differ from the UTC ones, so a file named by local time would be wrong.
      assert.deepEqual(JSON.parse(run.stdout), tz === "Etc/GMT-14" ? [1, 1, 2] : [12, 12, 1], tz);
      const lines = readHistory(home);
      assert.deepEqual(
        lines.map(({ file, line }) => [file, line.t, line.w["5h"].u]),
        [
          ["2026-12.jsonl", times[0], 0.001],
          ["2027-01.jsonl", times[1], 0.002],
          ["2027-01.jsonl", times[2], 0.003],
        ],
        tz,
      );
    }
  });

  test("8 processes x 500 changed responses at once: every line is there, whole, once", { timeout: 300_000 }, async (t) => {
    const home = freshHome();
    const processes = [1, 2, 3, 4, 5, 6, 7, 8];
    const count = 500;
    const first = api.requests.length;
    // No write delay: an append after every response, the most appends the file can see at once.
    const env = { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0", BUDMON_DEBUG: "1" };
    const started = Date.now();
    const runs = await Promise.all(
      processes.map((p) => runNode(`for (let i = 1; i <= ${count}; i++) { ${markedFetch(`"${p}:" + i`)} }`, { home, env, timeoutMs: 280_000 })),
    );
    for (const run of runs) assert.equal(run.code, 0, run.stderr.slice(-2000));
    const appends = countLines(runs, "appended").reduce((a, b) => a + b, 0);
    t.diagnostic(`${processes.length * count} responses in ${Date.now() - started} ms, ${appends} appends`);
    // The marker of each response, by its request id.
    const markers = new Map(
      api.requests
        .slice(first)
        .filter((r) => r.responseHeaders["anthropic-ratelimit-unified-test-marker"])
        .map((r) => [r.responseHeaders["request-id"], r.responseHeaders["anthropic-ratelimit-unified-test-marker"]]),
    );
    assert.equal(markers.size, processes.length * count);
    const lines = readHistory(home);
    const torn = lines.filter(({ line }) => line instanceof Error || typeof line?.req !== "string");
    assert.deepEqual(torn.map(({ text }) => text), [], "torn or unreadable lines");
    assert.equal(lines.length, processes.length * count);
    const seen = new Set();
    for (const { text, line } of lines) {
      const marker = markers.get(line.req);
      assert.ok(marker, `a line for no response of this test: ${text}`);
      assert.ok(!seen.has(line.req), `twice: ${text}`);
      seen.add(line.req);
      assert.equal(line.w["5h"].u, Number(marker.split(":")[1]) / 1000, text);
    }
    // Each process's lines are in the order of its responses.
    for (const p of processes) {
      const mine = lines.filter(({ line }) => markers.get(line.req).startsWith(`${p}:`)).map(({ line }) => Number(markers.get(line.req).split(":")[1]));
      assert.deepEqual(mine, Array.from({ length: count }, (_, i) => i + 1), `process ${p}`);
    }
  });

  test("a burst of 600 responses within the write delay loses no line; at most 256 responses (1 MB of headers) wait when the event loop does not turn", async () => {
    // Appended 64 at a time as soon as the event loop turns, without waiting for the 10 s delay.
    const burstHome = freshHome();
    const burst = await runNode(`for (let i = 1; i <= 600; i++) { ${markedFetch('"burst:" + i')} }`, {
      home: burstHome,
      env: { BUDMON_DEBUG: "1", BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "10000" },
    });
    assert.equal(burst.code, 0, burst.stderr);
    assert.ok(!burst.stderr.includes("dropped"), burst.stderr);
    assert.deepEqual(readHistory(burstHome).map(({ line }) => line.w["5h"].u), Array.from({ length: 600 }, (_, i) => (i + 1) / 1000));
    assert.ok(countLines([burst], "appended")[0] >= 600 / 256, burst.stderr);

    // Made in one go, without a turn of the event loop: the first 256 are kept, the others dropped.
    const home = freshHome();
    const run = await runNode(
      `for (let i = 1; i <= 1000; i++) {
         new Headers({ "anthropic-ratelimit-unified-5h-utilization": String(i / 1000), "request-id": "req_" + i }).get("anthropic-ratelimit-unified-5h-utilization");
       }`,
      { home, env: { BUDMON_DEBUG: "1" } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /dropped 744 responses: 256 were waiting/);
    const lines = readHistory(home);
    assert.deepEqual(lines.map(({ line }) => line.req), Array.from({ length: 256 }, (_, i) => `req_${i + 1}`));

    // Responses with 63 rate-limit headers of 1,000 characters each: 1 MB of their text waits at most.
    const bigHome = freshHome();
    const big = await runNode(
      `const pad = {};
       for (let j = 0; j < 62; j++) pad["anthropic-ratelimit-unified-pad" + j] = "p".repeat(1000);
       for (let i = 1; i <= 100; i++) {
         new Headers({ ...pad, "anthropic-ratelimit-unified-5h-utilization": String(i / 1000), "request-id": "req_" + i }).get("anthropic-ratelimit-unified-5h-utilization");
       }`,
      { home: bigHome, env: { BUDMON_DEBUG: "1" } },
    );
    assert.equal(big.code, 0, big.stderr);
    const [, dropped, kept] = big.stderr.match(/dropped (\d+) responses: (\d+) were waiting/) ?? [];
    assert.equal(Number(dropped) + Number(kept), 100, big.stderr);
    assert.ok(Number(kept) >= 10 && Number(kept) <= 17, `${kept} kept`);
    assert.deepEqual(readHistory(bigHome).map(({ line }) => line.req), Array.from({ length: Number(kept) }, (_, i) => `req_${i + 1}`));
  });
});

// ---------------------------------------------------------------------------------------------------
// A hostile or unusual file system. The children run as a user without root's powers when this runs as
// root: permission bits mean something then, and no mistake of the module under test can replace a
// device of the machine.

/** The uid and gid of "nobody" from /etc/passwd, else Debian's. */
function nobody() {
  try {
    const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("nobody:"));
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return { uid: 65534, gid: 65534 };
  }
}

/**
 * How the children run: as this user when it is not root; as nobody through setpriv when it is. A
 * {@code skip} reason when root cannot drop its rights here.
 */
async function nonRootRunner(module) {
  if (process.getuid?.() !== 0) return { uid: null, gid: null, wrap: null, module, skip: null };
  const { uid, gid } = nobody();
  const wrap = (file, args) => ["setpriv", [`--reuid=${uid}`, `--regid=${gid}`, "--clear-groups", file, ...args]];
  const probe = await runProgram(...wrap(process.execPath, ["-e", "process.exit(process.getuid() === 0 ? 1 : 0)"]), {
    cwd: "/",
    env: { PATH: process.env.PATH },
    timeoutMs: 30_000,
  });
  if (probe.code !== 0) {
    const why = `running as root and cannot run a child as uid ${uid} with setpriv (${probe.stderr.trim() || `exit ${probe.code}`})`;
    return { uid: null, gid: null, wrap: null, module, skip: why };
  }
  return { uid, gid, wrap, module, skip: null };
}

describe("whatever sits at usage-limits.json", () => {
  let area;
  let user;

  before(async () => {
    area = fs.mkdtempSync(path.join(os.tmpdir(), "budmon-interceptor-user-"));
    fs.chmodSync(area, 0o755);
    // A copy the other user can read wherever the clone is.
    const module = path.join(area, "budmon-interceptor.mjs");
    fs.copyFileSync(INTERCEPTOR, module);
    fs.chmodSync(module, 0o644);
    user = await nonRootRunner(module);
  });

  after(() => {
    if (area) fs.rmSync(area, { recursive: true, force: true });
  });

  /** Gives a path to the children's user (nothing to do unless this runs as root). */
  function own(p) {
    if (user.uid !== null) fs.lchownSync(p, user.uid, user.gid);
  }

  let homes = 0;

  /** A HOME with ~/.claude, owned by the children's user. */
  function userHome() {
    const home = path.join(area, `home-${++homes}`);
    fs.mkdirSync(path.join(home, ".claude"), { recursive: true });
    own(home);
    own(path.join(home, ".claude"));
    return home;
  }

  function runAsUser(code, { home, env = {}, timeoutMs = 20_000, nodeArgs = [], preImports = [] }) {
    const wrap = (file, args) => {
      const all = [...nodeArgs, ...args];
      return user.wrap ? user.wrap(file, all) : [file, all];
    };
    return runNode(code, { home, env, module: user.module, wrap, timeoutMs, preImports });
  }

  /** The child ran to its end by itself, neither killed by the timeout nor failed. */
  function assertFinished(run, label = "") {
    assert.equal(run.signal, null, `${label} killed after ${run.ms} ms; stdout ${JSON.stringify(run.stdout)}; stderr ${run.stderr.slice(0, 2000)}`);
    assert.equal(run.code, 0, `${label} ${run.stderr}`);
  }

  const MANY = (n) => `
    for (let i = 1; i <= ${n}; i++) {
      await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: "{}" })).text();
      if (i % 100 === 0) process.stdout.write(i + " ");
    }
    process.stdout.write("rss " + Math.round(process.resourceUsage().maxRSS / 1024));
  `;

  test("a FIFO: 300 responses go through without waiting for it, a short program exits, the FIFO is left alone", { timeout: 120_000 }, async (t) => {
    if (user.skip) t.diagnostic(`as root: ${user.skip}`);
    const home = userHome();
    const file = usageFile(home);
    execFileSync("mkfifo", [file]);
    own(file);
    const run = await runAsUser(MANY(300), { home, env: { BUDMON_DEBUG: "1", BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" } });
    assertFinished(run);
    assert.match(run.stdout, /^100 200 300 rss \d+$/);
    assert.match(run.stderr, /left .*usage-limits\.json alone: it is a FIFO/);
    assert.ok(!run.stderr.includes("wrote"), run.stderr);
    assert.ok(fs.lstatSync(file).isFIFO());
    assert.deepEqual(listing(path.dirname(file)), WRITTEN);

    // A program with one response ends while its write is pending: it must still end.
    const short = await runAsUser(FETCH_ONE, { home });
    assertFinished(short, "one response:");
    assert.equal(short.stderr, "");
    assert.ok(fs.lstatSync(file).isFIFO());
  });

  test("a link to a FIFO, /dev/zero, /dev/urandom or /dev/null: nothing read or written, memory stays small, the link stays", { timeout: 180_000 }, async (t) => {
    if (user.skip) t.diagnostic(`as root: ${user.skip}`);
    const fifo = path.join(area, `fifo-${homes}`);
    execFileSync("mkfifo", [fifo]);
    own(fifo);
    for (const [label, target, isKind] of [
      ["FIFO", fifo, (s) => s.isFIFO()],
      ["/dev/zero", "/dev/zero", (s) => s.isCharacterDevice()],
      ["/dev/urandom", "/dev/urandom", (s) => s.isCharacterDevice()],
      ["/dev/null", "/dev/null", (s) => s.isCharacterDevice()],
    ]) {
      const home = userHome();
      const file = usageFile(home);
      fs.symlinkSync(target, file);
      own(file);
      const run = await runAsUser(MANY(100), { home, env: { BUDMON_DEBUG: "1", BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" } });
      assertFinished(run, label);
      const rss = Number(run.stdout.match(/rss (\d+)$/)?.[1]);
      t.diagnostic(`${label}: ${run.ms} ms, peak RSS ${rss} MB`);
      assert.ok(rss < 250, `${label}: peak RSS ${rss} MB`);
      assert.match(run.stderr, /left .* alone: it is a (FIFO|character device)/, label);
      assert.ok(!run.stderr.includes("wrote"), `${label}: ${run.stderr}`);
      assert.equal(fs.readlinkSync(file), target, label);
      assert.ok(isKind(fs.statSync(target)), `${label} changed`);
      assert.deepEqual(listing(path.dirname(file)), WRITTEN, label);
    }
  });

  test("a socket, a folder, and a Claude directory that is a file are left alone; the requests succeed", async () => {
    const home = userHome();
    const file = usageFile(home);
    const server = net.createServer();
    await new Promise((resolve, reject) => server.once("error", reject).listen(file, resolve));
    try {
      own(file);
      const run = await runAsUser(FETCH_ONE, { home, env: { BUDMON_DEBUG: "1" } });
      assertFinished(run, "socket");
      assert.match(run.stderr, /alone: it is a socket/);
      assert.ok(fs.lstatSync(file).isSocket());
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }

    const folderHome = userHome();
    fs.mkdirSync(usageFile(folderHome));
    own(usageFile(folderHome));
    let run = await runAsUser(FETCH_ONE, { home: folderHome, env: { BUDMON_DEBUG: "1" } });
    assertFinished(run, "folder");
    assert.match(run.stderr, /alone: it is a folder/);
    assert.deepEqual(fs.readdirSync(usageFile(folderHome)), []);

    const fileHome = userHome();
    const notADir = path.join(fileHome, "claude-is-a-file");
    fs.writeFileSync(notADir, "mine");
    own(notADir);
    run = await runAsUser(FETCH_ONE, { home: fileHome, env: { CLAUDE_CONFIG_DIR: notADir } });
    assertFinished(run, "Claude directory is a file");
    assert.equal(run.stderr, "");
    assert.equal(fs.readFileSync(notADir, "utf8"), "mine");
  });

  test("a symbolic link is written through and kept: relative, chained, and one whose file does not exist yet", async () => {
    const home = userHome();
    const dotfiles = path.join(home, "dotfiles");
    fs.mkdirSync(dotfiles);
    own(dotfiles);
    const real = path.join(dotfiles, "usage.json");
    fs.writeFileSync(real, JSON.stringify({ turn_usage: { input_tokens: 5 }, updated_at: "2020-01-01T00:00:00.000Z" }));
    own(real);
    const file = usageFile(home);
    fs.symlinkSync("../dotfiles/usage.json", file);
    own(file);
    let run = await runAsUser(FETCH_ONE, { home, env: { BUDMON_DEBUG: "1" } });
    assertFinished(run);
    assert.equal(fs.readlinkSync(file), "../dotfiles/usage.json");
    const written = readUsage(real);
    assert.equal(written.headers_raw["anthropic-ratelimit-unified-status"], "allowed");
    assert.deepEqual(written.turn_usage, { input_tokens: 5 });
    assert.deepEqual(listing(path.dirname(file)), WRITTEN);
    assert.deepEqual(fs.readdirSync(dotfiles), ["usage.json"]);

    // usage-limits.json -> link -> a file not there yet.
    const chainHome = userHome();
    const second = path.join(chainHome, "second-link");
    const missing = path.join(chainHome, "store", "usage.json");
    fs.mkdirSync(path.dirname(missing));
    own(path.dirname(missing));
    fs.symlinkSync(missing, second);
    fs.symlinkSync(second, usageFile(chainHome));
    own(second);
    own(usageFile(chainHome));
    run = await runAsUser(FETCH_ONE, { home: chainHome });
    assertFinished(run);
    assert.equal(fs.readlinkSync(usageFile(chainHome)), second);
    assert.equal(fs.readlinkSync(second), missing);
    assert.equal(readUsage(missing).headers_raw["anthropic-ratelimit-unified-status"], "allowed");
    assert.equal(fs.statSync(missing).mode & 0o777, 0o600);
  });

  test("a file without its owner's write bit is not replaced; a writable one keeps its permissions", async (t) => {
    if (user.skip) {
      t.skip(user.skip);
      return;
    }
    const home = userHome();
    const file = usageFile(home);
    fs.writeFileSync(file, '{"mine":true}');
    fs.chmodSync(file, 0o444);
    own(file);
    let run = await runAsUser(FETCH_ONE, { home, env: { BUDMON_DEBUG: "1" } });
    assertFinished(run);
    assert.match(run.stderr, /alone: it is read-only/);
    assert.equal(fs.readFileSync(file, "utf8"), '{"mine":true}');
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);

    fs.chmodSync(file, 0o640);
    run = await runAsUser(FETCH_ONE, { home });
    assertFinished(run);
    const written = readUsage(file);
    assert.equal(written.mine, true);
    assert.equal(written.headers_raw["anthropic-ratelimit-unified-status"], "allowed");
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    if (user.uid !== null) assert.equal(fs.statSync(file).uid, user.uid);
  });

  test("run by root, a replaced file keeps its owner and group", async (t) => {
    if (process.getuid?.() !== 0) {
      t.skip("only root can give a file away");
      return;
    }
    const home = freshHome();
    const file = usageFile(home);
    const { uid, gid } = nobody();
    fs.writeFileSync(file, '{"theirs":true}');
    fs.chmodSync(file, 0o640);
    fs.chownSync(file, uid, gid);
    const run = await runNode(FETCH_ONE, { home });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readUsage(file).theirs, true);
    const stat = fs.statSync(file);
    assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o777], [uid, gid, 0o640]);
  });

  test("a file over 1 MB is not read: it is replaced, without its other fields", async () => {
    const home = userHome();
    const file = usageFile(home);
    fs.writeFileSync(file, JSON.stringify({ other: 1, big: "x".repeat(2 * 1024 * 1024) }));
    own(file);
    const run = await runAsUser(FETCH_ONE, { home, env: { BUDMON_DEBUG: "1" } });
    assertFinished(run);
    assert.match(run.stderr, /larger than 1048576 bytes/);
    const written = readUsage(file);
    assert.equal(written.other, undefined);
    assert.equal(written.big, undefined);
    assert.equal(written.headers_raw["anthropic-ratelimit-unified-status"], "allowed");
  });

  test("what it keeps is bounded: 64 headers, values up to 1024 characters, no long request-id", async () => {
    const home = userHome();
    const run = await runAsUser(
      `
      // 200 responses with a request-id of 1 MB each: none of them may stay in memory.
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < 200; i++) {
        const h = new Headers({ "anthropic-ratelimit-unified-status": "allowed", "request-id": i + "r".repeat(1024 * 1024) });
        h.get("anthropic-ratelimit-unified-status");
      }
      globalThis.gc();
      process.stdout.write(String(Math.round((process.memoryUsage().heapUsed - before) / 1024 / 1024)));

      // Then one with 5,000 rate-limit headers and a value of 100,000 characters: it is written at exit.
      const many = { "anthropic-ratelimit-unified-status": "allowed", "anthropic-ratelimit-unified-long": "v".repeat(100_000) };
      for (let i = 0; i < 5000; i++) many["anthropic-ratelimit-unified-n" + String(i).padStart(4, "0")] = String(i);
      new Headers(many).get("anthropic-ratelimit-unified-status");
      `,
      { home, env: { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "10000" }, nodeArgs: ["--expose-gc"] },
    );
    assertFinished(run);
    assert.ok(Number(run.stdout) < 16, `heap grew by ${run.stdout} MB`);
    const headers = readUsage(usageFile(home)).headers_raw;
    assert.equal(Object.keys(headers).length, 64);
    assert.ok(Object.values(headers).every((v) => v.length <= 1024));
    assert.equal(headers["anthropic-ratelimit-unified-long"], undefined);
  });

  describe("whatever sits in the quota history's place", () => {
    // The clock is fixed, so that the month file's name is known before the run.
    const MONTH = "2026-07";
    const CHANGING = (n) => `
      globalThis.__budmonNow = Date.parse("${MONTH}-15T12:00:00.000Z");
      for (let i = 1; i <= ${n}; i++) { ${markedFetch('"hostile:" + i')} }
    `;
    const env = { BUDMON_DEBUG: "1", BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" };

    /** Every path under a folder (links not followed) with its kind, to see that nothing else was written. */
    function treeOf(dir) {
      return fs
        .readdirSync(dir, { recursive: true })
        .sort()
        .map((p) => {
          const s = fs.lstatSync(path.join(dir, p));
          return `${p} ${s.isSymbolicLink() ? `-> ${fs.readlinkSync(path.join(dir, p))}` : s.isFIFO() ? "fifo" : s.isDirectory() ? "dir" : `file ${s.size}`}`;
        });
    }

    /** budmon/quota-history, made and owned by the children's user. */
    function madeHistoryFolder(home) {
      const folder = historyFolder(home);
      fs.mkdirSync(folder, { recursive: true });
      own(path.dirname(folder));
      own(folder);
      return folder;
    }

    /** Runs 100 responses that each change the quota; checks that they went through and usage-limits.json has the last. */
    async function runThrough(home, label) {
      const before = treeOf(home).filter((p) => !p.startsWith(".claude/usage-limits.json"));
      const run = await runAsUser(CHANGING(100), { home, env, preImports: [CLOCK] });
      assertFinished(run, label);
      assert.equal(readUsage(usageFile(home)).headers_raw["anthropic-ratelimit-unified-test-marker"], "hostile:100", label);
      // Nothing written but usage-limits.json.
      assert.deepEqual(treeOf(home).filter((p) => !p.startsWith(".claude/usage-limits.json")), before, label);
      return run;
    }

    test("a FIFO, a link to a FIFO, a link to /dev/zero or a folder at the month file: no wait, nothing written, left as it was", { timeout: 120_000 }, async (t) => {
      if (user.skip) t.diagnostic(`as root: ${user.skip}`);
      const elsewhere = path.join(area, `history-fifo-${homes}`);
      execFileSync("mkfifo", [elsewhere]);
      own(elsewhere);
      for (const [label, prepare, message, check] of [
        ["FIFO", (f) => execFileSync("mkfifo", [f]), /left .*2026-07\.jsonl alone: it is a FIFO/, (f) => fs.lstatSync(f).isFIFO()],
        ["link to a FIFO", (f) => fs.symlinkSync(elsewhere, f), /left .*history-fifo-\d+ alone: it is a FIFO/, () => fs.lstatSync(elsewhere).isFIFO()],
        ["link to /dev/zero", (f) => fs.symlinkSync("/dev/zero", f), /left \/dev\/zero alone: it is a character device/, () => fs.statSync("/dev/zero").isCharacterDevice()],
        ["folder", (f) => fs.mkdirSync(f), /left .*2026-07\.jsonl alone: it is a folder/, (f) => fs.readdirSync(f).length === 0],
      ]) {
        const home = userHome();
        const file = path.join(madeHistoryFolder(home), `${MONTH}.jsonl`);
        prepare(file);
        own(file);
        const run = await runThrough(home, label);
        assert.match(run.stderr, message, label);
        assert.ok(!run.stderr.includes("appended"), `${label}: ${run.stderr}`);
        assert.ok(check(file), `${label} changed`);
      }
    });

    test("a FIFO, a link to /dev/zero or a file at quota-history, or a file at budmon: no wait, nothing written, left as it was", { timeout: 120_000 }, async (t) => {
      if (user.skip) t.diagnostic(`as root: ${user.skip}`);
      for (const [label, at, prepare, message, check] of [
        ["FIFO", "quota-history", (f) => execFileSync("mkfifo", [f]), /quota-history alone: it is a FIFO/, (f) => fs.lstatSync(f).isFIFO()],
        ["link to /dev/zero", "quota-history", (f) => fs.symlinkSync("/dev/zero", f), /quota-history alone: it is a character device/, () => fs.statSync("/dev/zero").isCharacterDevice()],
        ["file", "quota-history", (f) => fs.writeFileSync(f, "mine"), /quota-history alone: it is a file/, (f) => fs.readFileSync(f, "utf8") === "mine"],
        ["file at budmon", "", (f) => fs.writeFileSync(f, "mine"), /budmon alone: it is a file/, (f) => fs.readFileSync(f, "utf8") === "mine"],
      ]) {
        const home = userHome();
        const budmon = path.dirname(historyFolder(home));
        if (at !== "") {
          fs.mkdirSync(budmon);
          own(budmon);
        }
        const place = at === "" ? budmon : path.join(budmon, at);
        prepare(place);
        own(place);
        const run = await runThrough(home, label);
        assert.match(run.stderr, message, label);
        assert.ok(!run.stderr.includes("appended"), `${label}: ${run.stderr}`);
        assert.ok(check(place), `${label} changed`);
      }
    });

    test("a month file without its owner's write bit is not written, by a user or by root", async (t) => {
      const home = userHome();
      const file = path.join(madeHistoryFolder(home), `${MONTH}.jsonl`);
      fs.writeFileSync(file, '{"t":"2026-07-01T00:00:00.000Z","src":"statusline","w":{}}\n');
      fs.chmodSync(file, 0o444);
      own(file);
      const before = { text: fs.readFileSync(file, "utf8"), ino: fs.statSync(file).ino };
      const run = await runThrough(home, "read-only");
      // A user cannot open it for writing; root can, and leaves it alone for its mode.
      assert.match(run.stderr, user.skip ? /2026-07\.jsonl alone: it is read-only/ : /cannot append to .*2026-07\.jsonl: EACCES/);
      if (process.getuid?.() === 0) {
        const asRoot = await runNode(CHANGING(3), { home, env, preImports: [CLOCK] });
        assert.equal(asRoot.code, 0, asRoot.stderr);
        assert.match(asRoot.stderr, /2026-07\.jsonl alone: it is read-only/);
      } else {
        t.diagnostic("not root: the case of root's write was left out");
      }
      assert.deepEqual({ text: fs.readFileSync(file, "utf8"), ino: fs.statSync(file).ino }, before);
      assert.equal(fs.statSync(file).mode & 0o777, 0o444);
    });
  });
});

describe("fail open", () => {
  const fetchAndPrint = `
    const res = await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body: JSON.stringify({ stream: true, messages: [] }) });
    res.headers.get("anthropic-ratelimit-unified-status");
    const text = await res.text();
    process.stdout.write(String(res.status) + " " + text.length);
  `;

  test("a missing Claude directory: the request succeeds, nothing is thrown or created", async () => {
    const home = freshHome();
    const missing = path.join(home, "no-such-dir");
    const run = await runNode(fetchAndPrint, { home, env: { CLAUDE_CONFIG_DIR: missing } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^200 \d+$/);
    assert.equal(run.stderr, "");
    assert.ok(!fs.existsSync(missing));
    const debug = await runNode(fetchAndPrint, { home, env: { CLAUDE_CONFIG_DIR: missing, BUDMON_DEBUG: "1" } });
    assert.equal(debug.code, 0, debug.stderr);
    assert.match(debug.stderr, /cannot write .*ENOENT/);
  });

  test("a read-only Claude directory: the request succeeds, nothing is thrown, the old file stays", async (t) => {
    const home = freshHome();
    const dir = path.join(home, "readonly");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "usage-limits.json"), '{"keep":true}');
    let wrap = null;
    if (process.getuid?.() === 0) {
      // root writes through permission bits: make the folder read-only in a private mount namespace.
      const probe = await runProgram("unshare", ["-m", "sh", "-c", `mount --bind "${dir}" "${dir}" && mount -o remount,bind,ro "${dir}" && ! touch "${dir}/probe"`], {
        cwd: home,
        env: { PATH: process.env.PATH },
      });
      if (probe.code !== 0) {
        t.skip(`running as root without a private mount namespace (unshare: ${probe.stderr.trim()})`);
        return;
      }
      wrap = (node, args) => [
        "unshare",
        ["-m", "sh", "-c", `mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"`, dir, node, ...args],
      ];
    } else {
      fs.chmodSync(dir, 0o555);
      t.after(() => fs.chmodSync(dir, 0o755));
    }
    for (const debug of [false, true]) {
      const run = await runNode(fetchAndPrint, { home, env: { CLAUDE_CONFIG_DIR: dir, ...(debug ? { BUDMON_DEBUG: "1" } : {}) }, wrap });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^200 \d+$/);
      if (debug) assert.match(run.stderr, /cannot write .*(EROFS|EACCES)/);
      else assert.equal(run.stderr, "");
    }
    assert.equal(fs.readFileSync(path.join(dir, "usage-limits.json"), "utf8"), '{"keep":true}');
    assert.deepEqual(fs.readdirSync(dir), ["usage-limits.json"]);
  });

  test("loading the module twice installs it once", async () => {
    const home = freshHome();
    const args = ["--import", INTERCEPTOR, "--import", `${pathToFileURL(INTERCEPTOR).href}?again`];
    const run = await runProgram(process.execPath, [...args, "--input-type=module", "-e", fetchAndPrint], {
      cwd: home,
      env: { PATH: process.env.PATH, HOME: home, MOCK_URL: api.url, BUDMON_DEBUG: "1" },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /second copy ignored/);
    assert.equal(run.stderr.split("\n").filter((l) => l.includes("captured")).length, 1, run.stderr);
  });
});

test("mvn verify runs every *.test.mjs of this folder", () => {
  const pom = fs.readFileSync(path.join(REPO_ROOT, "pom.xml"), "utf8");
  const here = path.join(REPO_ROOT, "interceptor", "test");
  for (const name of fs.readdirSync(here).filter((n) => n.endsWith(".test.mjs"))) {
    assert.ok(pom.includes(`<argument>interceptor/test/${name}</argument>`), `pom.xml does not run ${name}`);
  }
});

test("the mock's default rate-limit headers are the unified set", () => {
  const headers = unifiedHeaders(FIXED_NOW);
  assert.equal(headers["anthropic-ratelimit-unified-5h-utilization"], "0.42");
  assert.ok(Number(headers["anthropic-ratelimit-unified-5h-reset"]) > FIXED_NOW);
  assert.equal(unifiedHeaders(FIXED_NOW, { "anthropic-ratelimit-unified-7d-utilization": null })["anthropic-ratelimit-unified-7d-utilization"], undefined);
});
