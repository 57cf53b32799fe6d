// The interceptor inside the real Claude Code (the pinned native build, a Bun executable) and inside a
// plain Node program loaded through NODE_OPTIONS, against the loopback mock API.
//
// Claude Code is installed once into a cache outside the clone by .ci/install-claude-code.sh (about
// 400 MB). When that fails (no network) the tests fail under CI=true and are skipped elsewhere.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { CLAUDE_CODE_VERSION, REPO_ROOT, claudeEnv, installClaudeCode, runProgram } from "./claude-process.mjs";
import { SECRET_BODY_TEXT, SECRET_HEADER_VALUE, startMockApi } from "./mock-api.mjs";

const INTERCEPTOR = path.join(REPO_ROOT, "interceptor", "budmon-interceptor.mjs");
// BUDMON_JAR points at another build of BudMon, e.g. to try these tests against a newer jar.
const JAR = process.env.BUDMON_JAR || path.join(REPO_ROOT, "target", "budmon.jar");
const IN_CI = process.env.CI === "true";

let claudeExe = null;
let installError = null;
let tmpRoot;
let api;

before(async () => {
  try {
    claudeExe = installClaudeCode();
  } catch (err) {
    installError = err;
  }
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "budmon-real-client-"));
  // Every response says which one it is in its 5h utilization, so a test can tell the last one.
  api = await startMockApi({
    scenario: "tool",
    quiet: true,
    rateLimits: (seq) => ({ "anthropic-ratelimit-unified-5h-utilization": (0.4 + seq / 100).toFixed(2) }),
  });
});

after(async () => {
  await api?.close();
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

/** The installed executable, or a skip (a failure under CI) when it could not be installed. */
function requireClaude(t) {
  if (claudeExe !== null) return claudeExe;
  if (IN_CI) throw new Error(`Claude Code ${CLAUDE_CODE_VERSION} could not be installed: ${installError?.message ?? installError}`);
  t.skip(`Claude Code ${CLAUDE_CODE_VERSION} could not be installed (no network?)`);
  return null;
}

let counter = 0;

/**
 * A temporary HOME with the Claude directory in it, a project folder, and a bin folder holding `claude`
 * (what a user's PATH would have after installing Claude Code).
 */
function sandbox() {
  const root = path.join(tmpRoot, `run-${++counter}`);
  const home = path.join(root, "home");
  const claudeDir = path.join(home, ".claude");
  const project = path.join(root, "project");
  const bin = path.join(root, "bin");
  for (const d of [claudeDir, project, bin]) fs.mkdirSync(d, { recursive: true });
  fs.symlinkSync(claudeExe, path.join(bin, "claude"));
  return { home, claudeDir, project, bin };
}

function environment(box, extra = {}) {
  return claudeEnv({ home: box.home, baseUrl: api.url, extra: { PATH: `${box.bin}:${process.env.PATH}`, ...extra } });
}

function messageResponses(from) {
  return api.requests.slice(from).filter((r) => r.method === "POST" && new URL(r.url, api.url).pathname === "/v1/messages");
}

function rateLimitHeadersOf(entry) {
  return Object.fromEntries(Object.entries(entry.responseHeaders).filter(([n]) => n.startsWith("anthropic-ratelimit-") || n.startsWith("x-ratelimit-")));
}

/**
 * Runs BudMon's jar with the sandbox's HOME; null when there is no jar. Java takes user.home from the
 * password database, not from $HOME, so it is set explicitly: --setup must never touch the real home.
 */
async function budmon(args, env) {
  if (!fs.existsSync(JAR)) return null;
  return runProgram("java", [`-Duser.home=${env.HOME}`, "-jar", JAR, ...args], { cwd: REPO_ROOT, env, timeoutMs: 60_000 });
}

function notInThisBuild(run) {
  return run === null || /not available in this build/.test(run.stderr);
}

// =====================================================================================================
// THE LAUNCHER STEP. Runs Claude Code with BudMon's interceptor the way a user does.
//
// When target/budmon.jar implements --setup, this is the real thing: `budmon --setup` in the temporary
// HOME, then `~/.local/bin/claude-budmon <args>`. Until then (setup is being written in parallel) it
// does what the generated launcher will do: copy the interceptor into the Claude directory and run
// `claude` with BUN_OPTIONS="--preload <that copy>" (and NODE_OPTIONS="--import <that copy>").
// Returns how it ran, so a test can say which path it took.
// =====================================================================================================
async function runWithInterceptor(box, args, extraEnv = {}, timeoutMs = 90_000) {
  const env = environment(box, extraEnv);
  const help = await budmon(["--help"], env);
  if (help !== null && help.code === 0 && help.stdout.includes("--setup")) {
    const setup = await budmon(["--setup"], env);
    if (!notInThisBuild(setup)) {
      assert.equal(setup.code, 0, `budmon --setup failed:\n${setup.stdout}\n${setup.stderr}`);
      const launcher = path.join(box.home, ".local", "bin", "claude-budmon");
      assert.ok(fs.existsSync(launcher), `budmon --setup did not create ${launcher}:\n${setup.stdout}`);
      const run = await runProgram(launcher, args, { cwd: box.project, env, timeoutMs });
      return { via: "budmon --setup + claude-budmon", setupOutput: setup.stdout, ...run };
    }
  }
  const copy = path.join(box.claudeDir, "budmon-interceptor.mjs");
  fs.copyFileSync(INTERCEPTOR, copy);
  // Bun splits BUN_OPTIONS at spaces and honours backslash escapes, not quotes.
  const bunPath = copy.replace(/([\\\s'"])/g, "\\$1");
  const run = await runProgram(claudeExe, args, {
    cwd: box.project,
    env: { ...env, BUN_OPTIONS: `--preload ${bunPath}`, NODE_OPTIONS: `--import "${copy}"` },
    timeoutMs,
  });
  return { via: "BUN_OPTIONS preload (no --setup in this build)", ...run };
}

test(`Claude Code ${CLAUDE_CODE_VERSION} with the interceptor records the newest response's rate-limit headers`, async (t) => {
  if (requireClaude(t) === null) return;
  const box = sandbox();
  const from = api.requests.length;
  const run = await runWithInterceptor(box, ["-p", "run echo", "--allowedTools", "Bash"], { BUDMON_DEBUG: "1" });
  t.diagnostic(`launched via ${run.via} in ${run.ms} ms`);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /The tool ran\./);

  // The tool round trip made two messages requests; the file holds the second.
  const responses = messageResponses(from);
  assert.equal(responses.length, 2, JSON.stringify(api.requests.slice(from).map((r) => r.url)));
  assert.match(run.stderr, /loaded in Bun/);
  const file = path.join(box.claudeDir, "usage-limits.json");
  assert.ok(fs.existsSync(file), `no usage-limits.json; stderr:\n${run.stderr}`);
  const written = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.deepEqual(written.headers_raw, rateLimitHeadersOf(responses[1]));
  assert.equal(written.headers_raw["anthropic-ratelimit-unified-7d-utilization"], "0.81");
  assert.equal(written.source, "budmon-interceptor");
  const text = fs.readFileSync(file, "utf8");
  for (const secret of [SECRET_HEADER_VALUE, SECRET_BODY_TEXT, "dummy"]) assert.ok(!text.includes(secret), `file contains ${secret}`);

  // BudMon reads what the interceptor wrote.
  const json = await budmon(["--json", "--claude-dir", box.claudeDir], environment(box));
  if (notInThisBuild(json)) {
    t.diagnostic("budmon --json is not in this build: its check was left out");
    return;
  }
  assert.equal(json.code, 0, json.stderr);
  const state = JSON.parse(json.stdout);
  assert.equal(state.quota.source, "budmon-interceptor");
  const windows = Object.fromEntries(state.quota.windows.map((w) => [w.name, w]));
  assert.equal(windows["5h"].utilization, Number(responses[1].responseHeaders["anthropic-ratelimit-unified-5h-utilization"]));
  assert.equal(windows["7d"].utilization, 0.81);
  assert.equal(state.quota.account.representative_claim, "five_hour");
  // The transcript side: the newest response Claude Code logged is the mock's last one.
  if (state.last_request) {
    assert.equal(state.last_request.request_id, responses[1].responseHeaders["request-id"]);
  } else {
    t.diagnostic("budmon --json reports no last_request yet (transcripts not read in this build)");
  }
});

test(`Claude Code ${CLAUDE_CODE_VERSION} with the interceptor: a FIFO or a link to /dev/zero is left alone, a link to a file written through`, async (t) => {
  if (requireClaude(t) === null) return;
  const cases = [
    {
      label: "FIFO",
      prepare: (file) => execFileSync("mkfifo", [file]),
      check: (file, run) => {
        assert.ok(fs.lstatSync(file).isFIFO());
        assert.match(run.stderr, /usage-limits\.json alone: it is a FIFO/);
      },
    },
    {
      label: "link to /dev/zero",
      prepare: (file) => fs.symlinkSync("/dev/zero", file),
      check: (file, run) => {
        assert.equal(fs.readlinkSync(file), "/dev/zero");
        assert.ok(fs.statSync("/dev/zero").isCharacterDevice());
        assert.match(run.stderr, /\/dev\/zero alone: it is a character device/);
      },
    },
    {
      label: "link to a file elsewhere",
      prepare: (file, box) => {
        fs.mkdirSync(path.join(box.home, "dotfiles"));
        fs.writeFileSync(path.join(box.home, "dotfiles", "usage.json"), '{"kept":true}');
        fs.symlinkSync("../dotfiles/usage.json", file);
      },
      check: (file, run, box, responses) => {
        assert.equal(fs.readlinkSync(file), "../dotfiles/usage.json");
        const written = JSON.parse(fs.readFileSync(path.join(box.home, "dotfiles", "usage.json"), "utf8"));
        assert.equal(written.kept, true);
        assert.deepEqual(written.headers_raw, rateLimitHeadersOf(responses.at(-1)));
      },
    },
  ];
  for (const { label, prepare, check } of cases) {
    const box = sandbox();
    const file = path.join(box.claudeDir, "usage-limits.json");
    prepare(file, box);
    const from = api.requests.length;
    const run = await runWithInterceptor(box, ["-p", "run echo", "--allowedTools", "Bash"], { BUDMON_DEBUG: "1", BUDMON_INTERCEPTOR_WRITE_DELAY_MS: "0" }, 60_000);
    t.diagnostic(`${label}: ${run.ms} ms via ${run.via}`);
    assert.equal(run.signal, null, `${label}: killed after ${run.ms} ms\n${run.stderr.slice(-2000)}`);
    assert.equal(run.code, 0, `${label}: ${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /The tool ran\./, label);
    assert.match(run.stderr, /loaded in Bun/, label);
    check(file, run, box, messageResponses(from));
  }
});

test(`Claude Code ${CLAUDE_CODE_VERSION} with the interceptor: three requests, three quota history lines whose request ids are the transcripts' requestId`, async (t) => {
  if (requireClaude(t) === null) return;
  // A mock of its own, so that the utilization of each response is known: it rises by STEP per request.
  const STEP = 0.007;
  const stepping = await startMockApi({
    quiet: true,
    rateLimits: (seq) => ({ "anthropic-ratelimit-unified-5h-utilization": (STEP * seq).toFixed(3) }),
  });
  try {
    const box = sandbox();
    const started = Date.now();
    for (const prompt of ["first", "second", "third"]) {
      const run = await runWithInterceptor(box, ["-p", prompt], { ANTHROPIC_BASE_URL: stepping.url });
      assert.equal(run.code, 0, `${prompt}: ${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /Hello from the BudMon mock/);
    }
    const responses = stepping.requests.filter((r) => r.method === "POST" && new URL(r.url, stepping.url).pathname === "/v1/messages");
    assert.equal(responses.length, 3, JSON.stringify(stepping.requests.map((r) => `${r.method} ${r.url}`)));
    const ids = responses.map((r) => r.responseHeaders["request-id"]);

    const folder = path.join(box.claudeDir, "budmon", "quota-history");
    const files = fs.readdirSync(folder);
    const lines = files.flatMap((f) => fs.readFileSync(path.join(folder, f), "utf8").split("\n").slice(0, -1)).map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.req), ids, JSON.stringify(lines));
    lines.forEach((line, i) => {
      assert.equal(line.src, "interceptor");
      assert.equal(line.status, "allowed");
      assert.equal(line.w["5h"].u, Number((STEP * (i + 1)).toFixed(3)));
      assert.equal(line.w["5h"].r, Number(responses[i].responseHeaders["anthropic-ratelimit-unified-5h-reset"]));
      assert.equal(line.w["7d"].u, 0.81);
      assert.ok(Date.parse(line.t) >= started && Date.parse(line.t) <= Date.now(), line.t);
      assert.ok(i === 0 || line.t > lines[i - 1].t);
    });

    // The same ids are the requestId of the assistant messages in the transcripts Claude Code wrote.
    const transcripts = fs
      .readdirSync(path.join(box.claudeDir, "projects"), { recursive: true })
      .filter((f) => f.endsWith(".jsonl"))
      .map((f) => path.join(box.claudeDir, "projects", f));
    const logged = new Map();
    for (const file of transcripts) {
      for (const text of fs.readFileSync(file, "utf8").split("\n")) {
        if (!text.includes('"requestId"')) continue;
        const entry = JSON.parse(text);
        if (entry.type === "assistant" && typeof entry.requestId === "string") logged.set(entry.requestId, entry.sessionId);
      }
    }
    for (const id of ids) assert.ok(logged.has(id), `${id} is in no transcript (${[...logged.keys()].join(", ")})`);
    t.diagnostic(`${transcripts.length} transcripts; sessions ${ids.map((id) => logged.get(id)).join(", ")}`);
  } finally {
    await stepping.close();
  }
});

test(`Claude Code ${CLAUDE_CODE_VERSION}: two claude -p at once, each request joined to its own step of the 5-hour window`, async (t) => {
  if (requireClaude(t) === null) return;
  // One percent per request, whichever process sent it: the mock counts the requests of both.
  const STEP = 0.01;
  const stepping = await startMockApi({
    quiet: true,
    rateLimits: (seq) => ({ "anthropic-ratelimit-unified-5h-utilization": (STEP * seq).toFixed(3) }),
  });
  try {
    const box = sandbox();
    const env = { ANTHROPIC_BASE_URL: stepping.url };
    // The first run installs (budmon --setup); the two after it start together through the launcher it made,
    // so that two setups do not race.
    const first = await runWithInterceptor(box, ["-p", "first"], env);
    assert.equal(first.code, 0, `first: ${first.stdout}\n${first.stderr}`);
    const launcher = path.join(box.home, ".local", "bin", "claude-budmon");
    const together = await Promise.all(["left", "right"].map((prompt) =>
      fs.existsSync(launcher)
        ? runProgram(launcher, ["-p", prompt], { cwd: box.project, env: environment(box, env), timeoutMs: 90_000 })
        : runWithInterceptor(box, ["-p", prompt], env)));
    together.forEach((run, i) => assert.equal(run.code, 0, `run ${i}: ${run.stdout}\n${run.stderr}`));
    const responses = stepping.requests.filter((r) => r.method === "POST" && new URL(r.url, stepping.url).pathname === "/v1/messages");
    assert.equal(responses.length, 3);

    // Which session each request belongs to, from the transcripts Claude Code wrote.
    const sessionOf = new Map();
    for (const f of fs.readdirSync(path.join(box.claudeDir, "projects"), { recursive: true })) {
      if (!f.endsWith(".jsonl")) continue;
      for (const text of fs.readFileSync(path.join(box.claudeDir, "projects", f), "utf8").split("\n")) {
        if (!text.includes('"requestId"')) continue;
        const entry = JSON.parse(text);
        if (entry.type === "assistant") sessionOf.set(entry.requestId, entry.sessionId);
      }
    }
    const sessions = responses.map((r) => sessionOf.get(r.responseHeaders["request-id"]));
    assert.equal(new Set(sessions).size, 3, `three sessions: ${sessions.join(", ")}`);

    // BudMon's figures: every session took exactly its one step of the 5-hour window, none is left over.
    const json = await budmon(["--json"], environment(box, env));
    if (json === null) return t.skip("no target/budmon.jar");
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    const fiveHour = report.quota.windows.find((w) => w.name === "5h");
    assert.ok(fiveHour?.shares, JSON.stringify(fiveHour));
    const bySession = new Map(fiveHour.shares.by_session.map((s) => [s.session_id, s]));
    for (const session of sessions.slice(1)) {
      const share = bySession.get(session);
      assert.ok(share, `${session} has no share: ${JSON.stringify(fiveHour.shares)}`);
      assert.ok(Math.abs(share.percent - STEP * 100) < 1e-6, `${session}: ${share.percent} %, not ${STEP * 100} %`);
      assert.equal(share.requests, 1);
    }
    const total = fiveHour.shares.by_session.reduce((sum, s) => sum + s.percent, 0) + (fiveHour.shares.unattributed_percent ?? 0);
    assert.ok(Math.abs(total - 3 * STEP * 100) < 1e-6, `shares add up to ${total} %, the window grew by ${3 * STEP * 100} %`);
    t.diagnostic(`shares: ${fiveHour.shares.by_session.map((s) => `${s.session_id.slice(0, 8)} ${s.percent}%`).join(", ")}; unattributed ${fiveHour.shares.unattributed_percent}%`);
  } finally {
    await stepping.close();
  }
});

test(`plain Claude Code ${CLAUDE_CODE_VERSION} writes no usage-limits.json`, async (t) => {
  if (requireClaude(t) === null) return;
  const box = sandbox();
  const from = api.requests.length;
  const run = await runProgram(claudeExe, ["-p", "hi"], { cwd: box.project, env: environment(box, { BUDMON_DEBUG: "1" }) });
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.ok(messageResponses(from).length >= 1, "Claude Code did not call the mock");
  assert.ok(!fs.existsSync(path.join(box.claudeDir, "usage-limits.json")));
  assert.ok(!run.stderr.includes("budmon-interceptor"), run.stderr);
});

test("a Node program with the interceptor in NODE_OPTIONS records the headers of its fetch", async () => {
  const root = path.join(tmpRoot, `node-${++counter}`);
  const claudeDir = path.join(root, "claude dir");
  fs.mkdirSync(claudeDir, { recursive: true });
  const script = path.join(root, "client.mjs");
  fs.writeFileSync(
    script,
    `const res = await fetch(process.env.ANTHROPIC_BASE_URL + "/v1/messages", {
       method: "POST",
       headers: { "content-type": "application/json", "x-api-key": "dummy", "anthropic-version": "2023-06-01" },
       body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 10, stream: true, messages: [{ role: "user", content: "hi" }] }),
     });
     const text = await res.text();
     console.log(res.status, text.includes("message_stop"));
    `,
  );
  const from = api.requests.length;
  const run = await runProgram(process.execPath, [script], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: root,
      ANTHROPIC_BASE_URL: api.url,
      CLAUDE_CONFIG_DIR: claudeDir,
      NODE_OPTIONS: `--import "${INTERCEPTOR}"`,
      BUDMON_DEBUG: "1",
    },
  });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout.trim(), "200 true");
  assert.match(run.stderr, /loaded in Node/);
  const responses = messageResponses(from);
  assert.equal(responses.length, 1);
  const written = JSON.parse(fs.readFileSync(path.join(claudeDir, "usage-limits.json"), "utf8"));
  assert.deepEqual(written.headers_raw, rateLimitHeadersOf(responses[0]));
});

test("the install script reuses its cache and prints the executable", (t) => {
  if (requireClaude(t) === null) return;
  const again = execFileSync("bash", [path.join(REPO_ROOT, ".ci", "install-claude-code.sh")], { encoding: "utf8", timeout: 30_000 });
  assert.equal(again.trim(), claudeExe);
  const version = execFileSync(claudeExe, ["--version"], { encoding: "utf8", env: { PATH: process.env.PATH, HOME: tmpRoot }, timeout: 30_000 });
  assert.match(version, new RegExp(`^${CLAUDE_CODE_VERSION.replace(/\./g, "\\.")} `));
});
