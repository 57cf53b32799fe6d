// BudMon's two kinds of writers at once: the interceptor inside Claude Code rewriting usage-limits.json after
// every response, and eight `budmon --statusline` processes (the real jar, as Claude Code starts them) storing
// Claude Code's payload. Each writer owns its own file (the status line keeps budmon/statusline.json), so a
// polling reader never sees the interceptor's headers go back to older values, and never sees the status
// line's figures go back either (issue 11, section 4: before, the status line's read-merge-rename of
// usage-limits.json lost the interceptor's newer headers hundreds of times in such a run).

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { REPO_ROOT, runProgram } from "./claude-process.mjs";
import { startMockApi } from "./mock-api.mjs";

const INTERCEPTOR = path.join(REPO_ROOT, "interceptor", "budmon-interceptor.mjs");
const JAR = path.join(REPO_ROOT, "target", "budmon.jar");
const RESPONSES = 300;
const STATUS_LINES = 8;
const CALLS_PER_STATUS_LINE = 12;

let tmpRoot;
let api;

before(async () => {
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "budmon-writers-"));
  api = await startMockApi({
    quiet: true,
    rateLimits: (seq, body) => {
      const n = Number(body?.metadata?.user_id ?? 0);
      return { "anthropic-ratelimit-unified-5h-utilization": (n / 1000).toFixed(3) };
    },
  });
});

after(async () => {
  await api?.close();
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

/** One `budmon --statusline` call with the payload on stdin, as Claude Code makes it. */
function statusLine(claudeDir, payload, home) {
  return new Promise((resolve) => {
    const child = spawn("java", ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR, "--claude-dir", claudeDir,
      "--statusline"], { env: { PATH: process.env.PATH, HOME: home }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
    child.stdin.end(JSON.stringify(payload));
  });
}

/** Reads both files until the writers are done; counts whole reads and every step back. */
async function watch(claudeDir, work) {
  let done = false;
  const result = work.finally(() => (done = true));
  const usage = path.join(claudeDir, "usage-limits.json");
  const own = path.join(claudeDir, "budmon", "statusline.json");
  const view = { reads: 0, invalid: [], headerSteps: [], headersBack: [], statuslineBack: [] };
  let lastHeaders = -1;
  let lastSeen = -1;
  while (!done) {
    for (const [file, kind] of [[usage, "usage"], [own, "statusline"]]) {
      let text;
      try {
        text = await fs.promises.readFile(file, "utf8");
      } catch (err) {
        if (err.code !== "ENOENT") view.invalid.push(String(err));
        continue;
      }
      view.reads++;
      try {
        const parsed = JSON.parse(text);
        if (kind === "usage") {
          const n = Number(parsed.headers_raw["anthropic-ratelimit-unified-5h-utilization"]) * 1000;
          if (n < lastHeaders) view.headersBack.push(`${lastHeaders} -> ${n}`);
          if (n !== lastHeaders) view.headerSteps.push(n);
          lastHeaders = Math.max(lastHeaders, n);
          assert.equal(parsed.statusline, undefined, "the status line no longer writes into usage-limits.json");
        } else {
          const seen = Date.parse(parsed.seen_at);
          if (seen < lastSeen) view.statuslineBack.push(`${new Date(lastSeen).toISOString()} -> ${parsed.seen_at}`);
          lastSeen = Math.max(lastSeen, seen);
        }
      } catch (err) {
        view.invalid.push(`${kind}: ${err.message}: ${JSON.stringify(text.slice(0, 200))}`);
      }
    }
    await new Promise((r) => setImmediate(r));
  }
  return { runs: await result, view };
}

describe("the interceptor and eight status lines write at once", () => {
  test(`${RESPONSES} responses and ${STATUS_LINES} x ${CALLS_PER_STATUS_LINE} status lines: no step back in either file`,
    { timeout: 240_000, skip: fs.existsSync(JAR) ? false : `${JAR} is not built (run mvn package)` }, async (t) => {
      const home = path.join(tmpRoot, "home");
      const claudeDir = path.join(home, ".claude");
      fs.mkdirSync(claudeDir, { recursive: true });
      const interceptor = runProgram(process.execPath, ["--import", INTERCEPTOR, "--input-type=module", "-e", `
        for (let i = 1; i <= ${RESPONSES}; i++) {
          const body = JSON.stringify({ metadata: { user_id: String(i) }, messages: [] });
          await (await fetch(process.env.MOCK_URL + "/v1/messages", { method: "POST", body })).text();
        }`], {
        cwd: home,
        env: { PATH: process.env.PATH, HOME: home, MOCK_URL: api.url, BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" },
        timeoutMs: 200_000,
      });
      const lines = [];
      for (let p = 0; p < STATUS_LINES; p++) {
        lines.push((async () => {
          const results = [];
          for (let i = 0; i < CALLS_PER_STATUS_LINE; i++) {
            const percent = 10 + p + i * STATUS_LINES;
            results.push(await statusLine(claudeDir, {
              session_id: `s${p}`, cwd: "/w",
              rate_limits: { five_hour: { used_percentage: percent, resets_at: 4102444800 } },
            }, home));
          }
          return results;
        })());
      }
      const { runs, view } = await watch(claudeDir, Promise.all([interceptor, ...lines]));
      const [interceptorRun, ...statusRuns] = runs;
      assert.equal(interceptorRun.code, 0, interceptorRun.stderr);
      for (const r of statusRuns.flat()) {
        assert.equal(r.code, 0, r.err);
        assert.match(r.out, /^\/w .*5h .*\d+%/);
      }
      t.diagnostic(`${view.reads} reads, ${view.headerSteps.length} header changes seen, `
        + `${view.headersBack.length} steps back in usage-limits.json, ${view.statuslineBack.length} in statusline.json`);
      assert.deepEqual(view.invalid, []);
      assert.ok(view.headerSteps.length >= 10, `the reader saw only ${view.headerSteps.length} header changes`);
      assert.deepEqual(view.headersBack, []);
      assert.deepEqual(view.statuslineBack, []);
      // The interceptor's last response is what the file holds in the end.
      const final = JSON.parse(fs.readFileSync(path.join(claudeDir, "usage-limits.json"), "utf8"));
      assert.equal(final.headers_raw["anthropic-ratelimit-unified-5h-utilization"], (RESPONSES / 1000).toFixed(3));
    });
});
