// Tests of interceptor/budmon-interceptor.mjs under Node: every case runs real Node processes that load
// the interceptor with --import and talk to the loopback mock API in this process.
//
//   node --test interceptor/test/

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { REPO_ROOT, runProgram } from "./claude-process.mjs";
import { SECRET_BODY_TEXT, SECRET_HEADER_NAME, SECRET_HEADER_VALUE, startMockApi, unifiedHeaders } from "./mock-api.mjs";

const INTERCEPTOR = path.join(REPO_ROOT, "interceptor", "budmon-interceptor.mjs");
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
function runNode(code, { home, env = {}, interceptor = true, preImports = [], wrap = null } = {}) {
  const args = [];
  for (const p of preImports) args.push("--import", p);
  if (interceptor) args.push("--import", INTERCEPTOR);
  args.push("--input-type=module", "-e", code);
  const childEnv = { PATH: process.env.PATH, HOME: home, MOCK_URL: api.url, ...env };
  const [file, argv] = wrap ? wrap(process.execPath, args) : [process.execPath, args];
  return runProgram(file, argv, { cwd: home, env: childEnv, timeoutMs: 60_000 });
}

function usageFile(home) {
  return path.join(home, ".claude", "usage-limits.json");
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
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ["usage-limits.json"]);
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
      const writes = run.stderr.split("\n").filter((l) => l.includes("wrote")).length;
      // At most one write per delay period (plus the one at exit), however slow the machine is.
      const most = delay ? 1 : Math.min(Math.ceil(Number(run.stdout) / 250) + 2, 49);
      assert.ok(writes >= 1 && writes <= most, `${label}: ${writes} writes for 50 responses in ${run.stdout} ms`);
      const headers = readUsage(usageFile(home)).headers_raw;
      assert.equal(headers["anthropic-ratelimit-unified-test-marker"], "burst:50", label);
      assert.equal(headers["anthropic-ratelimit-unified-5h-utilization"], "0.050", label);
    }
  });

  test("4 processes x 200 responses writing at once: every read parses, the final file holds a newest response", async () => {
    const home = freshHome();
    const file = usageFile(home);
    const child = (p) => `
      for (let i = 1; i <= 200; i++) {
        const body = JSON.stringify({ metadata: { user_id: "${p}:" + i }, messages: [] });
        await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body })).text();
      }
    `;
    // No write delay: every response is written, the most writes the file can see.
    const env = { BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0", BUDMON_DEBUG: "1" };
    let done = false;
    const children = Promise.all([1, 2, 3, 4].map((p) => runNode(child(p), { home, env }))).finally(() => (done = true));
    let reads = 0;
    const invalid = [];
    const seen = new Set();
    while (!done) {
      let text;
      try {
        text = await fs.promises.readFile(file, "utf8");
      } catch (err) {
        if (err.code !== "ENOENT") invalid.push(String(err));
        await new Promise((r) => setImmediate(r));
        continue;
      }
      reads++;
      try {
        const h = JSON.parse(text).headers_raw;
        const marker = h["anthropic-ratelimit-unified-test-marker"];
        const n = Number(marker.split(":")[1]);
        // All headers of one response, never a mix of two.
        if (h["anthropic-ratelimit-unified-5h-utilization"] !== (n / 1000).toFixed(3)) invalid.push(`mixed: ${text}`);
        seen.add(marker);
      } catch (err) {
        invalid.push(`${err.message}: ${JSON.stringify(text.slice(0, 200))}`);
      }
    }
    const runs = await children;
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(invalid, []);
    assert.ok(reads >= 50, `only ${reads} reads`);
    const writes = runs.map((r) => r.stderr.split("\n").filter((l) => l.includes("wrote")).length);
    assert.ok(writes.every((w) => w >= 100), `writes per process: ${writes}`);
    assert.ok(seen.size >= 10, `reader saw only ${seen.size} different responses`);
    const final = readUsage(file).headers_raw;
    assert.ok(["1:200", "2:200", "3:200", "4:200"].includes(final["anthropic-ratelimit-unified-test-marker"]), JSON.stringify(final));
    assert.equal(final["anthropic-ratelimit-unified-5h-utilization"], "0.200");
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ["usage-limits.json"], "no temp file left");
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
