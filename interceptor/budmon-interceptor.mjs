// BudMon interceptor: records the rate-limit headers of Claude Code's API responses in
// <Claude directory>/usage-limits.json, where BudMon reads its quota figures.
//
// Load it into Claude Code:
//   native Claude Code (2.1.113 and later, a Bun executable):  BUN_OPTIONS="--preload /path/budmon-interceptor.mjs"
//   Claude Code run by Node (cli.js, up to 2.1.112):            NODE_OPTIONS="--import /path/budmon-interceptor.mjs"
// `budmon --setup` creates a `claude-budmon` command that sets both.
//
// It is strictly an observer: it never changes a request, a response, a body, a header or what a
// wrapped function returns, never reads a body, and never delays anything. Every error inside it is
// caught and ignored (set BUDMON_DEBUG=1 to see them on stderr). It records only header names that
// start with "anthropic-ratelimit-" or "x-ratelimit-", and only from responses that carry at least
// one "anthropic-ratelimit-" header, so rate limits of other services never replace Claude's.
//
// File format (other fields already in the file are kept):
//   { "headers_raw": { "<header name>": "<value>", ... },   // all rate-limit headers of the newest response
//     "updated_at": "2026-01-01T12:00:00.000Z",              // when that response arrived (UTC)
//     "source": "budmon-interceptor", "interceptor_version": "0.1.0" }
//
// Part of BudMon, GPL-3.0-or-later.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const INTERCEPTOR_VERSION = "0.1.0";
const SOURCE = "budmon-interceptor";
const FILE_NAME = "usage-limits.json";
const INSTALLED = Symbol.for("budmon.interceptor.installed");
const DEBUG = process.env.BUDMON_DEBUG === "1";
// Responses of one burst (a tool loop, several subagents) are written once, latest first.
const WRITE_DELAY_MS = writeDelay(process.env.BUDMON_INTERCEPTOR_WRITE_DELAY_MS);
const RECENT_REQUEST_IDS = 64;

function writeDelay(configured) {
  const n = Number(configured);
  return configured !== undefined && configured !== "" && Number.isFinite(n) ? Math.min(Math.max(n, 0), 10_000) : 250;
}

function debug(message) {
  if (!DEBUG) return;
  try {
    process.stderr.write(`budmon-interceptor: ${message}\n`);
  } catch {
    // stderr closed: nothing to tell
  }
}

function describe(err) {
  return err && typeof err === "object" && "message" in err ? `${err.code ?? err.name}: ${err.message}` : String(err);
}

/** The directory Claude Code uses: the first entry of CLAUDE_CONFIG_DIR when set, else ~/.claude. */
function claudeDir() {
  const configured = process.env.CLAUDE_CONFIG_DIR;
  if (configured && configured.trim() !== "") {
    const first = configured
      .split(",")
      .map((p) => p.trim())
      .find((p) => p !== "");
    if (first) {
      if (first === "~") return os.homedir();
      if (first.startsWith("~/")) return path.join(os.homedir(), first.slice(2));
      return path.resolve(first);
    }
  }
  return path.join(os.homedir(), ".claude");
}

function isRateLimitName(name) {
  return name.startsWith("anthropic-ratelimit-") || name.startsWith("x-ratelimit-");
}

// ---------------------------------------------------------------------------------------------
// Recorder: one for both capture paths.

const recentIds = [];
let pending = null;
let timer = null;
let tempCounter = 0;

/**
 * Takes the rate-limit headers of one response. A response seen by both paths (same request-id) is
 * taken once.
 */
function record(headers, requestId, via) {
  if (requestId) {
    if (recentIds.includes(requestId)) return;
    recentIds.push(requestId);
    if (recentIds.length > RECENT_REQUEST_IDS) recentIds.shift();
  }
  pending = { headers, capturedAt: new Date() };
  debug(`captured ${Object.keys(headers).length} rate-limit headers via ${via} (request-id ${requestId ?? "none"})`);
  if (timer === null) {
    timer = setTimeout(flush, WRITE_DELAY_MS);
    // The timer must not keep a finished process alive; 'beforeExit'/'exit' flush instead.
    timer.unref?.();
  }
}

function flush() {
  try {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const next = pending;
    pending = null;
    if (next !== null) writeFile(next);
  } catch (err) {
    debug(`flush failed: ${describe(err)}`);
  }
}

/** Merges the headers into usage-limits.json: a temp file in the same folder, then an atomic rename. */
function writeFile({ headers, capturedAt }) {
  const dir = claudeDir();
  const target = path.join(dir, FILE_NAME);
  let existing = {};
  try {
    const parsed = JSON.parse(fs.readFileSync(target, "utf8"));
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) existing = parsed;
  } catch (err) {
    if (err?.code !== "ENOENT") debug(`replacing unreadable ${target}: ${describe(err)}`);
  }
  const content = {
    ...existing,
    headers_raw: headers,
    updated_at: capturedAt.toISOString(),
    source: SOURCE,
    interceptor_version: INTERCEPTOR_VERSION,
  };
  const temp = path.join(dir, `.${FILE_NAME}.${process.pid}.${++tempCounter}.tmp`);
  try {
    fs.writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temp, target);
    debug(`wrote ${target}`);
  } catch (err) {
    debug(`cannot write ${target}: ${describe(err)}`);
    try {
      fs.unlinkSync(temp);
    } catch {
      // never created
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading headers without going through the observed methods.

let originalEntries = null;
let originalGet = null;
const snapshotted = new WeakSet();

/**
 * Records the rate-limit headers of a Headers object once. Returns without recording when the object
 * has no anthropic-ratelimit- header (a request's headers, another service's response).
 */
function snapshot(headersObject, via) {
  if (snapshotted.has(headersObject)) return;
  const found = {};
  let anthropic = false;
  const iterator = originalEntries ? originalEntries.call(headersObject) : headersObject.entries();
  for (const [name, value] of iterator) {
    const lower = String(name).toLowerCase();
    if (isRateLimitName(lower)) {
      found[lower] = String(value);
      if (lower.startsWith("anthropic-ratelimit-")) anthropic = true;
    }
  }
  if (!anthropic) return;
  snapshotted.add(headersObject);
  const requestId = originalGet ? originalGet.call(headersObject, "request-id") : headersObject.get("request-id");
  record(found, requestId || null, via);
}

// ---------------------------------------------------------------------------------------------
// Path 1: Headers.prototype observer (the native Bun build reads the response's headers through these).

let observing = false;

function observe(headersObject, method, firstArg) {
  if (observing || snapshotted.has(headersObject)) return;
  // get/has of an ordinary header costs one string test; only a rate-limit name or an iteration
  // (already proportional to the header count) triggers the snapshot.
  if ((method === "get" || method === "has") && !(typeof firstArg === "string" && isRateLimitName(firstArg.toLowerCase()))) {
    return;
  }
  observing = true;
  try {
    snapshot(headersObject, `Headers.${method}`);
  } finally {
    observing = false;
  }
}

function installHeadersObserver() {
  const HeadersClass = globalThis.Headers;
  const proto = HeadersClass?.prototype;
  if (!proto) return 0;
  const entriesDesc = Object.getOwnPropertyDescriptor(proto, "entries");
  const getDesc = Object.getOwnPropertyDescriptor(proto, "get");
  originalEntries = typeof entriesDesc?.value === "function" ? entriesDesc.value : null;
  originalGet = typeof getDesc?.value === "function" ? getDesc.value : null;
  let patched = 0;
  for (const key of ["get", "has", "entries", "forEach", "keys", "values", Symbol.iterator]) {
    try {
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      if (!desc || typeof desc.value !== "function" || !(desc.writable || desc.configurable)) continue;
      const original = desc.value;
      const label = typeof key === "symbol" ? "[Symbol.iterator]" : key;
      const wrapper = {
        [label](...args) {
          const result = Reflect.apply(original, this, args);
          try {
            observe(this, label, args[0]);
          } catch (err) {
            debug(`observer failed: ${describe(err)}`);
          }
          return result;
        },
      }[label];
      Object.defineProperty(wrapper, "length", { value: original.length });
      Object.defineProperty(proto, key, { ...desc, value: wrapper });
      patched++;
    } catch (err) {
      debug(`cannot observe Headers.${String(key)}: ${describe(err)}`);
    }
  }
  return patched;
}

// ---------------------------------------------------------------------------------------------
// Path 2: globalThis.fetch wrapper (Claude Code under Node).

function messagesUrl(input) {
  let url = null;
  if (typeof input === "string") url = input;
  else if (input instanceof URL) url = input.href;
  else if (typeof Request === "function" && input instanceof Request) url = input.url;
  else if (input && typeof input === "object" && typeof input.url === "string") url = input.url;
  else if (input && typeof input === "object" && typeof input.href === "string") url = input.href;
  return url !== null && url.includes("/v1/messages");
}

function observeResponse(response) {
  try {
    const headers = response?.headers;
    if (headers && typeof headers === "object") snapshot(headers, "fetch");
  } catch (err) {
    debug(`fetch observer failed: ${describe(err)}`);
  }
}

function installFetchWrapper() {
  const original = globalThis.fetch;
  if (typeof original !== "function") return false;
  function fetch(input, init) {
    // The caller gets exactly the promise the real fetch returned; we only hang an observer on it.
    const result = Reflect.apply(original, this, arguments);
    try {
      if (messagesUrl(input) && result && typeof result.then === "function") {
        result.then(observeResponse, () => {});
      }
    } catch (err) {
      debug(`fetch wrapper failed: ${describe(err)}`);
    }
    return result;
  }
  // Keep what callers may rely on (e.g. Bun's fetch.preconnect, the arity).
  for (const key of Reflect.ownKeys(original)) {
    if (key === "prototype" || key === "name") continue;
    try {
      Object.defineProperty(fetch, key, Object.getOwnPropertyDescriptor(original, key));
    } catch {
      // not copyable: leave it out
    }
  }
  try {
    globalThis.fetch = fetch;
  } catch (err) {
    debug(`cannot wrap fetch: ${describe(err)}`);
    return false;
  }
  return globalThis.fetch === fetch;
}

// ---------------------------------------------------------------------------------------------

function install() {
  if (globalThis[INSTALLED]) {
    debug("already loaded; second copy ignored");
    return;
  }
  Object.defineProperty(globalThis, INSTALLED, { value: INTERCEPTOR_VERSION });
  const observed = installHeadersObserver();
  const wrapped = installFetchWrapper();
  // Claude Code -p exits right after its answer: write what is pending before the process ends.
  process.on("beforeExit", flush);
  process.on("exit", flush);
  debug(
    `version ${INTERCEPTOR_VERSION} loaded in ${typeof Bun === "undefined" ? `Node ${process.version}` : `Bun ${Bun.version}`}: ` +
      `Headers observer on ${observed} methods, fetch ${wrapped ? "wrapped" : "not wrapped"}, ` +
      `writing ${path.join(claudeDir(), FILE_NAME)}`,
  );
}

try {
  install();
} catch (err) {
  debug(`not installed: ${describe(err)}`);
}
