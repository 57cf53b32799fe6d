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
// It runs inside the user's coding session, so whatever sits at usage-limits.json must not stall or
// bloat it: only a regular file is read (opened without blocking, at most 1 MB) or replaced; a FIFO,
// device, socket or folder there is left alone, a symbolic link is written through, and a file
// without its owner's write bit is not replaced. Everything it keeps in memory is bounded, and its
// timers never keep a finished process alive.
//
// File format (other fields already in the file are kept):
//   { "headers_raw": { "<header name>": "<value>", ... },   // all rate-limit headers of the newest response
//     "updated_at": "2026-01-01T12:00:00.000Z",              // when that response arrived (UTC)
//     "source": "budmon-interceptor", "interceptor_version": "0.1.0" }
// A file whose updated_at is newer than the response at hand (another Claude Code process wrote it)
// is not replaced by older headers; processes take turns through a lock file beside it,
// .usage-limits.json.lock, so that none renames older headers over newer ones it has not seen.
//
// Each response whose quota differs from the last one this process logged also adds one line to the
// quota history, <Claude directory>/budmon/quota-history/YYYY-MM.jsonl (UTC month), appended with
// O_APPEND so that any number of processes can add lines at once:
//   {"t":"2026-01-01T12:00:00.000Z","src":"interceptor","req":"req_011C...","sid":null,"status":"allowed",
//    "w":{"5h":{"u":0.42,"r":1767279600,"s":"allowed"},"7d":{...}}}
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

// Bounds on what is kept in memory and read from disk, whatever a server or the disk holds.
const RECENT_REQUEST_IDS = 64;
const MAX_REQUEST_ID_LENGTH = 256;
const MAX_HEADERS = 64;
const MAX_HEADER_NAME_LENGTH = 128;
const MAX_HEADER_VALUE_LENGTH = 1024;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_LINKS = 40;

// The lock that orders the read-compare-rename of concurrent Claude Code processes. It is held for
// one small read and write; a lock older than this (by its mtime, or by how long this process has
// seen the same one) was left by a process that died or was stopped while holding it.
const LOCK_STALE_MS = 1000;
// Waiting for a lock that others keep taking in turn gives up after this and writes anyway (fail
// open). Only many processes writing after every response keep it taken that long.
const LOCK_WAIT_MS = 10_000;
// When the process ends the wait is synchronous, so it is kept much shorter.
const LOCK_WAIT_AT_EXIT_MS = 100;
// An updated_at further ahead of this clock than this is garbage, not a newer response.
const FUTURE_TOLERANCE_MS = 60_000;

// The quota history (the format is BudMon's, shared with its other writers and its reader).
const HISTORY_FOLDERS = ["budmon", "quota-history"];
const HISTORY_SOURCE = "interceptor";
const UNIFIED_PREFIX = "anthropic-ratelimit-unified-";
const STATUS_HEADER = `${UNIFIED_PREFIX}status`;
const UTILIZATION_SUFFIX = "-utilization";
// Responses waiting for the history are appended with the next write, or as soon as the event loop
// turns once this many (or this much header text) wait: a long burst within the write delay. More than
// the maximum are dropped (only an event loop that does not turn gets there).
const HISTORY_BATCH = 64;
const HISTORY_BATCH_CHARS = 256 * 1024;
const MAX_PENDING_OBSERVATIONS = 256;
const MAX_PENDING_CHARS = 1024 * 1024;
// Readers may rely on short lines; a line longer than this (only absurd headers make one) is dropped.
const MAX_LINE_BYTES = 1000;
const MAX_WINDOW_NAME_LENGTH = 64;
const MAX_STATUS_LENGTH = 64;
// The ranges BudMon's reader accepts (dev.budmon.json.JsonValues, UnifiedHeaders): a value outside them
// is left out of the line rather than make the reader skip the whole line.
const MAX_UTILIZATION = 10;
const MAX_EPOCH_SECOND = 253_402_300_799;
const MAX_EPOCH_MILLI = MAX_EPOCH_SECOND * 1000 + 999;

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const O_NOCTTY = fs.constants.O_NOCTTY ?? 0;
const READ_FLAGS = fs.constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY;
// O_EXCL: a name that exists (a FIFO put there included) is never opened.
const CREATE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY;
// What fs.openSync(p, "a") means, and never a link or a FIFO's wait for a reader.
const APPEND_FLAGS = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY;

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

const recentIds = new Set();
let pending = null;
let timer = null;
let lockWaitSince = null;

/**
 * Takes the rate-limit headers of one response. A response seen by both paths (same request-id) is
 * taken once.
 */
function record(headers, requestId, via, chars) {
  // Real ids have about 30 characters. A longer one is not kept (a slice of it would keep it whole):
  // that response is taken without deduplication.
  const id = requestId && requestId.length <= MAX_REQUEST_ID_LENGTH ? requestId : null;
  if (id !== null) {
    if (recentIds.has(id)) return;
    recentIds.add(id);
    // A Set iterates in insertion order: the first is the oldest.
    if (recentIds.size > RECENT_REQUEST_IDS) recentIds.delete(recentIds.values().next().value);
  }
  const capturedAt = Date.now();
  pending = { headers, capturedAt };
  debug(`captured ${Object.keys(headers).length} rate-limit headers via ${via} (request-id ${requestId ?? "none"})`);
  try {
    queueObservation(headers, id, capturedAt, chars);
  } catch (err) {
    debug(`quota history: ${describe(err)}`);
  }
  if (timer === null) schedule(WRITE_DELAY_MS);
}

function schedule(ms) {
  timer = setTimeout(flush, ms);
  // The timer must not keep a finished process alive; 'beforeExit'/'exit' flush instead.
  timer.unref?.();
}

/** Appends the pending history lines and writes the pending headers; called by the timer and at exit. */
function flush(atExit = false) {
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
  appendHistory();
  writeUsageLimits(atExit);
}

/**
 * Writes what is pending. Waits for another process's write to end by trying again a moment later;
 * at exit, where nothing can be scheduled, it waits a little synchronously.
 */
function writeUsageLimits(atExit) {
  try {
    if (pending === null) return;
    const target = resolveTarget(path.join(claudeDir(), FILE_NAME));
    if (target.stat !== null && !target.stat.isFile()) {
      // Before the lock, which would go beside it: into /dev for a link to /dev/zero.
      debug(`left ${target.path} alone: it is ${kindOf(target.stat)}`);
      pending = null;
      return;
    }
    let lock = acquireLock(target.path);
    if (lock === BUSY) {
      const now = Date.now();
      lockWaitSince ??= now;
      if (!atExit && now - lockWaitSince < LOCK_WAIT_MS) {
        schedule(1 + Math.floor(Math.random() * 4));
        return;
      }
      if (atExit) lock = acquireLockWaiting(target.path, LOCK_WAIT_AT_EXIT_MS);
      if (lock === BUSY) debug(`writing without the lock: it has been taken for ${Date.now() - lockWaitSince} ms`);
    }
    lockWaitSince = null;
    const next = pending;
    pending = null;
    try {
      writeFile(next, target);
    } finally {
      releaseLock(lock);
    }
  } catch (err) {
    pending = null;
    lockWaitSince = null;
    debug(`write failed: ${describe(err)}`);
  }
}

/**
 * The file a write goes to: the path itself, or the file its symbolic link names (which may not exist
 * yet), with that file's lstat, or null when nothing is there.
 */
function resolveTarget(file) {
  let p = file;
  for (let i = 0; i <= MAX_LINKS; i++) {
    let stat;
    try {
      stat = fs.lstatSync(p);
    } catch (err) {
      if (err?.code === "ENOENT") return { path: p, stat: null };
      throw err;
    }
    if (!stat.isSymbolicLink()) return { path: p, stat };
    const link = fs.readlinkSync(p);
    // Not normalized: ".." after a linked folder means what the file system says it means.
    p = path.isAbsolute(link) ? link : `${path.dirname(p)}${path.sep}${link}`;
  }
  throw Object.assign(new Error(`${file}: too many levels of symbolic links`), { code: "ELOOP" });
}

function kindOf(stat) {
  if (stat.isFile()) return "a file";
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Replaces usage-limits.json (or the file its link names) with the headers: a temp file in the same
 * folder, then an atomic rename. Keeps the other fields of the file it replaces when that file is
 * small enough to read. The target is a regular file or nothing (the caller checked its lstat).
 */
function writeFile({ headers, capturedAt }, { path: file, stat }) {
  let existing = {};
  let mode = null;
  if (stat !== null) {
    const current = readSmallFile(file);
    if (current === null) return;
    if (current.stat !== null && (current.stat.mode & 0o200) === 0) {
      debug(`left ${file} alone: it is read-only`);
      return;
    }
    mode = current.stat;
    if (current.content !== null) {
      const theirs = stampOf(current.content.updated_at);
      if (theirs !== null && theirs > capturedAt && theirs <= Date.now() + FUTURE_TOLERANCE_MS) {
        debug(`kept ${file}: it holds a newer response (${current.content.updated_at})`);
        return;
      }
      existing = current.content;
    }
  }
  const content = {
    ...existing,
    headers_raw: headers,
    updated_at: new Date(capturedAt).toISOString(),
    source: SOURCE,
    interceptor_version: INTERCEPTOR_VERSION,
  };
  let temp = null;
  try {
    temp = createTemp(path.dirname(file), path.basename(file));
    try {
      fs.writeFileSync(temp.fd, `${JSON.stringify(content, null, 2)}\n`);
      if (mode !== null) keepOwnerAndMode(temp.fd, mode);
    } finally {
      fs.closeSync(temp.fd);
    }
    fs.renameSync(temp.path, file);
    debug(`wrote ${file}`);
  } catch (err) {
    debug(`cannot write ${file}: ${describe(err)}`);
    if (temp === null) return;
    try {
      fs.unlinkSync(temp.path);
    } catch {
      // renamed already
    }
  }
}

/**
 * The file's JSON object (null when it is not one, too large or unreadable: it is then replaced) and
 * its fstat, or null when it must not be touched (it turned into something else since the lstat).
 */
function readSmallFile(file) {
  let fd;
  try {
    fd = fs.openSync(file, READ_FLAGS);
  } catch (err) {
    if (err?.code === "ENOENT") return { content: null, stat: null };
    debug(`left ${file} alone: cannot open it (${describe(err)})`);
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      debug(`left ${file} alone: it is ${kindOf(stat)}`);
      return null;
    }
    if (stat.size > MAX_FILE_BYTES) {
      debug(`replacing ${file}: larger than ${MAX_FILE_BYTES} bytes, its other fields are not kept`);
      return { content: null, stat };
    }
    // One byte more than allowed notices a file that grew since the fstat.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length && length <= MAX_FILE_BYTES) break;
    }
    if (length > MAX_FILE_BYTES) {
      debug(`replacing ${file}: larger than ${MAX_FILE_BYTES} bytes, its other fields are not kept`);
      return { content: null, stat };
    }
    try {
      const parsed = JSON.parse(buffer.toString("utf8", 0, length));
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) return { content: parsed, stat };
      debug(`replacing ${file}: not a JSON object`);
    } catch (err) {
      debug(`replacing unreadable ${file}: ${describe(err)}`);
    }
    return { content: null, stat };
  } finally {
    fs.closeSync(fd);
  }
}

/** Epoch milliseconds of an ISO-8601 updated_at, or null. */
function stampOf(value) {
  if (typeof value !== "string" || value.length > 64) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

let tempCounter = 0;

/** A new owner-only file beside the target, opened for writing; never an existing name. */
function createTemp(dir, name) {
  for (let attempt = 0; ; attempt++) {
    const suffix = attempt === 0 ? "" : `.${Math.random().toString(36).slice(2, 10)}`;
    const temp = path.join(dir, `.${name}.${process.pid}.${++tempCounter}${suffix}.tmp`);
    try {
      return { path: temp, fd: fs.openSync(temp, CREATE_FLAGS, 0o600) };
    } catch (err) {
      if (err?.code !== "EEXIST" || attempt >= 5) throw err;
    }
  }
}

/** The replaced file's permissions (and, for root, its owner) carry over to the new one. */
function keepOwnerAndMode(fd, stat) {
  try {
    if ((stat.mode & 0o7777) !== 0o600) fs.fchmodSync(fd, stat.mode & 0o7777);
    // The new file is the process's own (its group may be the folder's: one fchown too many, harmless).
    if (process.geteuid?.() === 0 && (stat.uid !== 0 || stat.gid !== process.getegid())) fs.fchownSync(fd, stat.uid, stat.gid);
  } catch (err) {
    debug(`cannot keep the permissions: ${describe(err)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Quota history: one line per response whose quota differs from the last line this process logged.

// Responses waiting for the next append: their rate-limit headers (the object usage-limits.json is
// written from, not a copy), request id and arrival. Their lines are made at the append, off the
// response path.
let observations = [];
let observationChars = 0;
let historyDropped = 0;
// The status and windows of the last line this process made; an equal observation adds nothing.
let lastObservationKey = null;
let earlyAppend = null;

/** Keeps a response's headers for the history; chars is the length of their names and values. */
function queueObservation(headers, requestId, capturedAt, chars) {
  if (observations.length >= MAX_PENDING_OBSERVATIONS || observationChars + chars > MAX_PENDING_CHARS) {
    historyDropped++;
    return;
  }
  observations.push({ headers, requestId, capturedAt });
  observationChars += chars;
  if ((observations.length >= HISTORY_BATCH || observationChars >= HISTORY_BATCH_CHARS) && earlyAppend === null) {
    earlyAppend = setImmediate(() => {
      earlyAppend = null;
      appendHistory();
    });
    earlyAppend.unref?.();
  }
}

/**
 * The history lines of the waiting responses, in their order, each with its UTC month ("2026-12"):
 * none for a response without quota, or with the same quota as the line before.
 */
function historyLinesOf(waiting) {
  const lines = [];
  for (const { headers, requestId, capturedAt } of waiting) {
    const key = observationOf(headers);
    if (key === null || key === lastObservationKey) continue;
    const t = new Date(capturedAt).toISOString();
    // Years 0 to 9999 only (a clock set beyond them): the reader takes no other time, the file name no sign.
    if (t.length !== 24) continue;
    const line = `{"t":"${t}","src":"${HISTORY_SOURCE}","req":${JSON.stringify(requestId)},"sid":null,${key}}\n`;
    if (Buffer.byteLength(line) > MAX_LINE_BYTES) {
      debug(`quota history: left out an observation of ${Buffer.byteLength(line)} bytes (more than ${MAX_LINE_BYTES})`);
      continue;
    }
    lines.push({ month: t.slice(0, 7), line });
    lastObservationKey = key;
  }
  return lines;
}

/**
 * The account status and the windows of the unified headers, as the end of a history line
 * ('"status":"allowed","w":{"5h":{"u":0.42,"r":1767279600,"s":"allowed"}}'), or null when the headers
 * hold neither a status nor a window. Every "<name>-utilization" header makes a window (as BudMon's
 * reader finds them), with its utilization, reset and status when they make sense. Windows are sorted by
 * name, so that equal observations give equal text.
 */
function observationOf(headers) {
  const status = shortText(headers[STATUS_HEADER]);
  let names = null;
  for (const name of Object.keys(headers)) {
    // The suffix first: most names share the prefix, few the suffix.
    if (!name.endsWith(UTILIZATION_SUFFIX) || !name.startsWith(UNIFIED_PREFIX)) continue;
    const window = name.slice(UNIFIED_PREFIX.length, name.length - UTILIZATION_SUFFIX.length);
    if (window !== "" && window.length <= MAX_WINDOW_NAME_LENGTH) (names ??= []).push(window);
  }
  if (status === null && names === null) return null;
  let w = "";
  for (const name of names?.sort() ?? []) {
    const prefix = UNIFIED_PREFIX + name;
    let fields = "";
    const u = numberOf(headers[prefix + UTILIZATION_SUFFIX]);
    // A finite number's text is its JSON.
    if (u !== null && u >= 0 && u <= MAX_UTILIZATION) fields += `,"u":${u}`;
    const r = epochSecondOf(headers[`${prefix}-reset`]);
    if (r !== null) fields += `,"r":${r}`;
    const s = shortText(headers[`${prefix}-status`]);
    if (s !== null) fields += `,"s":${JSON.stringify(s)}`;
    w += `,${JSON.stringify(name)}:{${fields.slice(1)}}`;
  }
  return `${status === null ? "" : `"status":${JSON.stringify(status)},`}"w":{${w.slice(1)}}`;
}

function shortText(value) {
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text !== "" && text.length <= MAX_STATUS_LENGTH ? text : null;
}

// What BudMon's reader takes as a number: no "Infinity", "0x10", "1." or empty text, which Number() takes.
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function numberOf(value) {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!NUMBER_TEXT.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Epoch seconds of a reset sent in seconds (or, as the reader allows, milliseconds); null otherwise. */
function epochSecondOf(value) {
  const n = numberOf(value);
  if (n === null || n <= 0) return null;
  if (n <= MAX_EPOCH_SECOND) return Math.floor(n);
  if (n <= MAX_EPOCH_MILLI) return Math.floor(n / 1000);
  return null;
}

/**
 * Appends the lines of the waiting responses, one write per month file. Any failure loses these lines
 * only, and makes the next observation a line even when it equals the last one made.
 */
function appendHistory() {
  if (historyDropped > 0) {
    debug(`quota history: dropped ${historyDropped} responses: ${observations.length} were waiting`);
    historyDropped = 0;
  }
  if (observations.length === 0) return;
  const waiting = observations;
  observations = [];
  observationChars = 0;
  try {
    const lines = historyLinesOf(waiting);
    if (lines.length === 0) return;
    const folder = historyFolder();
    if (folder === null) {
      lastObservationKey = null;
      return;
    }
    const byMonth = new Map();
    for (const { month, line } of lines) {
      if (!byMonth.has(month)) byMonth.set(month, []);
      byMonth.get(month).push(line);
    }
    for (const [month, monthLines] of byMonth) {
      if (!appendLines(path.join(folder, `${month}.jsonl`), monthLines)) lastObservationKey = null;
    }
  } catch (err) {
    lastObservationKey = null;
    debug(`cannot append to the quota history: ${describe(err)}`);
  }
}

/**
 * <Claude directory>/budmon/quota-history, made when missing (inside an existing Claude directory
 * only); null when something that is not a folder is in the way.
 */
function historyFolder() {
  let folder = claudeDir();
  for (const name of HISTORY_FOLDERS) {
    folder = path.join(folder, name);
    // stat, not lstat: a link to a folder is a folder; a link to anything else is left alone.
    let stat = null;
    try {
      stat = fs.statSync(folder);
    } catch (err) {
      if (err?.code !== "ENOENT") throw err;
    }
    if (stat === null) {
      try {
        fs.mkdirSync(folder, 0o700);
      } catch (err) {
        if (err?.code !== "EEXIST") throw err;
      }
      stat = fs.statSync(folder);
    }
    if (!stat.isDirectory()) {
      debug(`left ${folder} alone: it is ${kindOf(stat)}`);
      return null;
    }
  }
  return folder;
}

/**
 * Appends whole lines to a month file (or the file its link names) with one write: O_APPEND puts them
 * after every other process's lines, never between. Only a regular file with its owner's write bit is
 * written; a missing one is created 0600. True when the lines were written.
 */
function appendLines(file, lines) {
  const target = resolveTarget(file);
  if (target.stat !== null && !target.stat.isFile()) {
    debug(`left ${target.path} alone: it is ${kindOf(target.stat)}`);
    return false;
  }
  let fd;
  try {
    fd = fs.openSync(target.path, APPEND_FLAGS, 0o600);
  } catch (err) {
    debug(`cannot append to ${target.path}: ${describe(err)}`);
    return false;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      debug(`left ${target.path} alone: it is ${kindOf(stat)}`);
      return false;
    }
    // Root opens any file for writing; the owner's write bit says whether it is meant to change.
    if ((stat.mode & 0o200) === 0) {
      debug(`left ${target.path} alone: it is read-only`);
      return false;
    }
    const bytes = Buffer.from(lines.join(""), "utf8");
    const written = fs.writeSync(fd, bytes);
    if (written !== bytes.length) {
      // Cut short (a full disk): end the torn line, so that a reader loses it alone, not the next one too.
      debug(`appended only ${written} of ${bytes.length} bytes to ${target.path}`);
      fs.writeSync(fd, "\n");
      return false;
    }
    debug(`appended ${lines.length} ${lines.length === 1 ? "line" : "lines"} to ${target.path}`);
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// Lock file beside the target: `.usage-limits.json.lock`, created exclusively, removed after the rename.
// Without it two processes could both read the file, and the one with older headers rename last.

const BUSY = "busy";
const NO_LOCK = "none";
// The taken lock last seen, and since when.
let lockSeen = null;

/** A held lock ({ path, ino }), BUSY, or NO_LOCK when no lock can be made here (fail open). */
function acquireLock(file) {
  const lockPath = path.join(path.dirname(file), `.${path.basename(file)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, CREATE_FLAGS, 0o600);
      try {
        return { path: lockPath, ino: fs.fstatSync(fd).ino };
      } finally {
        fs.closeSync(fd);
      }
    } catch (err) {
      if (err?.code !== "EEXIST") {
        if (err?.code !== "ENOENT") debug(`no lock: ${describe(err)}`);
        return NO_LOCK;
      }
    }
    let stat;
    try {
      stat = fs.lstatSync(lockPath);
    } catch {
      continue; // released meanwhile
    }
    if (!stat.isFile()) {
      debug(`no lock: ${lockPath} is ${kindOf(stat)}`);
      return NO_LOCK;
    }
    // The same lock (inode and mtime) seen for long is stale whatever its mtime says: a clock set back
    // gives a lock an mtime in the future.
    const now = Date.now();
    if (lockSeen === null || lockSeen.ino !== stat.ino || lockSeen.mtimeMs !== stat.mtimeMs) {
      lockSeen = { ino: stat.ino, mtimeMs: stat.mtimeMs, since: now };
    }
    if (Math.max(now - stat.mtimeMs, now - lockSeen.since) <= LOCK_STALE_MS) return BUSY;
    lockSeen = null;
    // Left by a process that ended while holding it. Two processes breaking the same stale lock at
    // the same moment can both go on: that costs at most one write out of order.
    debug(`removing a stale lock from ${new Date(stat.mtimeMs).toISOString()}`);
    try {
      fs.unlinkSync(lockPath);
    } catch {
      // another process removed it first
    }
  }
  return BUSY;
}

function acquireLockWaiting(file, ms) {
  const until = Date.now() + ms;
  let sleeper = null;
  try {
    sleeper = new Int32Array(new SharedArrayBuffer(4));
  } catch {
    return BUSY;
  }
  for (;;) {
    const lock = acquireLock(file);
    if (lock !== BUSY || Date.now() >= until) return lock;
    try {
      Atomics.wait(sleeper, 0, 0, 1);
    } catch {
      return BUSY;
    }
  }
}

function releaseLock(lock) {
  if (lock === BUSY || lock === NO_LOCK) return;
  try {
    // Only our own: a lock taken over as stale belongs to someone else now.
    if (fs.lstatSync(lock.path).ino === lock.ino) fs.unlinkSync(lock.path);
  } catch {
    // already gone
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
  let count = 0;
  let chars = 0;
  let dropped = 0;
  let anthropic = false;
  const iterator = originalEntries ? originalEntries.call(headersObject) : headersObject.entries();
  for (const [name, value] of iterator) {
    const n = String(name);
    if (n.length > MAX_HEADER_NAME_LENGTH) continue;
    const lower = n.toLowerCase();
    if (!isRateLimitName(lower)) continue;
    const v = String(value);
    if (count >= MAX_HEADERS || v.length > MAX_HEADER_VALUE_LENGTH) {
      dropped++;
      continue;
    }
    if (!(lower in found)) count++;
    found[lower] = v;
    chars += lower.length + v.length;
    if (lower.startsWith("anthropic-ratelimit-")) anthropic = true;
  }
  if (!anthropic) return;
  if (dropped > 0) debug(`left out ${dropped} rate-limit headers beyond ${MAX_HEADERS} or longer than ${MAX_HEADER_VALUE_LENGTH} characters`);
  snapshotted.add(headersObject);
  const requestId = originalGet ? originalGet.call(headersObject, "request-id") : headersObject.get("request-id");
  record(found, typeof requestId === "string" && requestId !== "" ? requestId : null, via, chars);
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
  process.on("beforeExit", () => flush(true));
  process.on("exit", () => flush(true));
  debug(
    `version ${INTERCEPTOR_VERSION} loaded in ${typeof Bun === "undefined" ? `Node ${process.version}` : `Bun ${Bun.version}`}: ` +
      `Headers observer on ${observed} methods, fetch ${wrapped ? "wrapped" : "not wrapped"}, ` +
      `writing ${path.join(claudeDir(), FILE_NAME)} and ${path.join(claudeDir(), ...HISTORY_FOLDERS)}`,
  );
}

try {
  install();
} catch (err) {
  debug(`not installed: ${describe(err)}`);
}
