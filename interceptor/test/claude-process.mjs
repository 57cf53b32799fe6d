// Runs the real Claude Code executable against the loopback mock, the same way for the transcript
// recorder and the real-client tests.

import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The Claude Code version the tests and fixtures are pinned to. */
export const CLAUDE_CODE_VERSION = "2.1.332";

/**
 * Installs the pinned Claude Code into the cache outside the clone (once) and returns the executable.
 * Throws when it cannot be installed, e.g. without network on the first run.
 */
export function installClaudeCode() {
  const script = path.join(REPO_ROOT, ".ci", "install-claude-code.sh");
  const out = execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 15 * 60 * 1000 });
  const lines = out.trim().split("\n");
  return lines[lines.length - 1];
}

/**
 * The environment for a Claude Code run: nothing from the caller's environment but PATH, so that a
 * developer's own CLAUDE_CONFIG_DIR, API keys or proxies never leak in, and every kind of traffic
 * that does not go to ANTHROPIC_BASE_URL (telemetry, error reports, update checks) switched off so
 * that the run stays on the loopback interface.
 *
 * @param {{home: string, baseUrl: string, extra?: Record<string,string>}} options
 */
export function claudeEnv({ home, baseUrl, extra = {} }) {
  return {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: home,
    LANG: "C.UTF-8",
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: "dummy",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_TELEMETRY: "1",
    DISABLE_ERROR_REPORTING: "1",
    DISABLE_AUTOUPDATER: "1",
    ...extra,
  };
}

/**
 * Runs a program to its end and collects its output. Never rejects: the caller asserts on the code.
 *
 * @param {string} file
 * @param {string[]} args
 * @param {{cwd: string, env: Record<string,string>, timeoutMs?: number}} options
 * @returns {Promise<{code: number|null, signal: string|null, stdout: string, stderr: string, ms: number}>}
 */
export function runProgram(file, args, { cwd, env, timeoutMs = 90_000 }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(file, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout, stderr: `${stderr}${err.stack ?? err}`, ms: Date.now() - started });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}
