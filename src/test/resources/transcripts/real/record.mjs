// Records the transcript fixtures in this folder by running the real Claude Code against the loopback
// mock API (interceptor/test/mock-api.mjs). Run from the repository root:
//
//   node src/test/resources/transcripts/real/record.mjs [scenario ...]
//
// Each scenario gets a fresh temporary HOME; what Claude Code writes under $HOME/.claude/projects/ is
// copied to <scenario>/projects/ here, with the same relative layout. README.md is rewritten.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMockApi } from "../../../../../interceptor/test/mock-api.mjs";
import { CLAUDE_CODE_VERSION, claudeEnv, installClaudeCode, runProgram } from "../../../../../interceptor/test/claude-process.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

/** What each scenario runs: a mock scenario and one or more Claude Code invocations in one HOME. */
const SCENARIOS = {
  hello: {
    mock: "hello",
    runs: [["-p", "hi"]],
    about: "one prompt, one streamed text response",
  },
  tool: {
    mock: "tool",
    runs: [["-p", "run echo", "--allowedTools", "Bash"]],
    about:
      "one tool round trip: the first response has a thinking, a text and a tool_use block (three assistant lines " +
      "with the same message.id, requestId and usage), then the tool result and a final text response",
  },
  subagent: {
    mock: "subagent",
    runs: [["-p", "use a subagent", "--allowedTools", "Bash", "Agent"]],
    about:
      "the main agent starts a general-purpose subagent with the Agent tool; the subagent runs Bash once and its " +
      "lines (isSidechain true, agentId) go to <session>/subagents/agent-<id>.jsonl beside a .meta.json; " +
      "the main agent then answers twice (after the tool result and after the task notification)",
  },
  "tool-node-2.1.112": {
    mock: "tool",
    client: "node",
    runs: [["-p", "run echo", "--allowedTools", "Bash"]],
    about:
      "the same tool round trip written by the last Node-based Claude Code (`@anthropic-ai/claude-code@2.1.112`, " +
      "`cli.js` run by Node 20): an older line format, for instance without cost-state lines",
  },
  resume: {
    mock: "hello",
    runs: [
      ["-p", "hi"],
      ["--continue", "-p", "and again", "--model", "claude-haiku-4-5"],
    ],
    about:
      "a session continued by a second process (--continue) with another model: both runs append to the same " +
      "session file, each ending with a cumulative cost-state line; the two runs met two mock instances, so " +
      "ids do not repeat",
  },
};

/** The last Claude Code that runs under Node, unpacked into the cache beside the native build. */
const NODE_CLIENT_VERSION = "2.1.112";

function installNodeClient() {
  const dest = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "budmon", `claude-code-node-${NODE_CLIENT_VERSION}`);
  const cli = path.join(dest, "package", "cli.js");
  if (!fs.existsSync(cli)) {
    fs.mkdirSync(dest, { recursive: true });
    const tgz = execFileSync("npm", ["pack", "--silent", `@anthropic-ai/claude-code@${NODE_CLIENT_VERSION}`], { cwd: dest, encoding: "utf8" }).trim().split("\n").at(-1);
    execFileSync("tar", ["-xzf", tgz], { cwd: dest });
    fs.rmSync(path.join(dest, tgz));
  }
  return cli;
}

async function record(name, scenario, exe) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "budmon-record-"));
  try {
    const home = path.join(tmp, "home");
    // A fixed working directory gives a stable project folder name across recordings.
    const cwd = path.join(os.tmpdir(), "budmon-fixture", name);
    fs.rmSync(cwd, { recursive: true, force: true });
    fs.mkdirSync(home, { recursive: true });
    fs.mkdirSync(cwd, { recursive: true });
    for (const args of scenario.runs) {
      const api = await startMockApi({ scenario: scenario.mock, quiet: true });
      try {
        const [file, argv] = scenario.client === "node" ? [process.execPath, [installNodeClient(), ...args]] : [exe, args];
        const result = await runProgram(file, argv, { cwd, env: claudeEnv({ home, baseUrl: api.url }) });
        if (result.code !== 0) {
          throw new Error(`${name}: claude ${args.join(" ")} exited ${result.code}\n${result.stderr}`);
        }
        const messages = api.requests.filter((r) => r.url.startsWith("/v1/messages")).length;
        console.log(`${name}: claude ${args.join(" ")} -> ${messages} messages requests, ${result.ms} ms`);
      } finally {
        await api.close();
      }
    }
    const target = path.join(here, name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(path.join(home, ".claude", "projects"), path.join(target, "projects"), { recursive: true });
    fs.rmSync(cwd, { recursive: true, force: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function readme() {
  const lines = [
    "# Transcripts written by the real Claude Code",
    "",
    `Recorded with Claude Code ${CLAUDE_CODE_VERSION} (npm package \`@anthropic-ai/claude-code-linux-x64@${CLAUDE_CODE_VERSION}\`,`,
    "the native Bun executable, installed by `.ci/install-claude-code.sh`; one scenario with the Node-based",
    `\`@anthropic-ai/claude-code@${NODE_CLIENT_VERSION}\`) against the loopback mock of the`,
    "Messages API in `interceptor/test/mock-api.mjs`, by `node src/test/resources/transcripts/real/record.mjs`.",
    "Everything in them (prompts, answers, ids, token counts) is synthetic; nothing was edited afterwards.",
    "",
    "Each run had a fresh temporary `HOME`, the working directory `/tmp/budmon-fixture/<scenario>`, and only",
    "these variables: `PATH`, `HOME`, `LANG=C.UTF-8`, `ANTHROPIC_BASE_URL=http://127.0.0.1:<mock port>`,",
    "`ANTHROPIC_API_KEY=dummy`, `CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1`, `DISABLE_TELEMETRY=1`,",
    "`DISABLE_ERROR_REPORTING=1`, `DISABLE_AUTOUPDATER=1`. `<scenario>/projects/` is a copy of",
    "`$HOME/.claude/projects/` after the run(s).",
    "",
    "The mock reports the model the request named and usage numbers that grow with the response number n",
    "(input 7 + n mod 5, output 20 + 3n, cache read 14000 + 10n, 5-minute cache write 1200 + n, 1-hour",
    "cache write 300; `cache_creation_input_tokens` is the sum of the two writes).",
    "",
    "| scenario | command(s) | what it shows |",
    "| --- | --- | --- |",
  ];
  for (const [name, s] of Object.entries(SCENARIOS)) {
    const program = s.client === "node" ? `node cli.js` : "claude";
    const cmds = s.runs.map((a) => `\`${program} ` + a.map((x) => (/\s/.test(x) ? `"${x}"` : x)).join(" ") + "`").join(", then ");
    lines.push(`| ${name} | ${cmds} (mock scenario \`${s.mock}\`) | ${s.about} |`);
  }
  lines.push("");
  return lines.join("\n");
}

const wanted = process.argv.slice(2);
const exe = installClaudeCode();
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  if (wanted.length === 0 || wanted.includes(name)) await record(name, scenario, exe);
}
fs.writeFileSync(path.join(here, "README.md"), readme());
fs.rmSync(path.join(os.tmpdir(), "budmon-fixture"), { recursive: true, force: true });
