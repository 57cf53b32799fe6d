// A loopback mock of the Anthropic Messages API, good enough for the real Claude Code client.
//
// As a module:   const api = await startMockApi({ scenario: "hello" });  ... api.port, api.requests, await api.close()
// As a command:  node interceptor/test/mock-api.mjs [--scenario hello|tool|subagent] [--port N] [--log FILE]
//                [--rate-limits '{"anthropic-ratelimit-unified-5h-utilization":"0.9"}'] [--event-delay-ms N] [--quiet]
//                prints the port on the first line of stdout and serves until killed.
//
// POST /v1/messages answers with JSON, or with a server-sent-event stream when the request says
// "stream": true (as Claude Code always does), in the event format of the real API. Every messages
// response carries the subscription ("unified") rate-limit headers, a request-id, a fake secret header
// and a secret string in its body, so tests can check that the interceptor records the former and
// never the latter. Anything else is logged to stderr and answered with a plausible small reply.

import fs from "node:fs";
import http from "node:http";
import { pathToFileURL } from "node:url";

/** A value that must never appear in a file the interceptor writes (sent as a response header). */
export const SECRET_HEADER_VALUE = "sk-ant-budmon-fake-secret-header-7f3a9c";
/** The fake secret header's name. */
export const SECRET_HEADER_NAME = "x-budmon-fake-secret";
/** A value that must never appear in a file the interceptor writes (sent inside every response body). */
export const SECRET_BODY_TEXT = "BUDMON-FAKE-SECRET-IN-BODY-51e0d2";
/** The model the mock reports when the request names none. */
export const DEFAULT_MODEL = "claude-sonnet-4-5-20250929";

/**
 * The rate-limit headers a subscription account receives, as the real API sends them: fractions for
 * utilization, epoch seconds for resets. Anything in {@code overrides} replaces or adds a header;
 * a value of {@code null} removes it.
 *
 * @param {number} nowSeconds the current time in epoch seconds
 * @param {Record<string, string|null>} [overrides]
 */
export function unifiedHeaders(nowSeconds, overrides = {}) {
  const fiveHourReset = Math.ceil((nowSeconds + 2 * 3600 + 17 * 60) / 3600) * 3600;
  const weekReset = Math.ceil((nowSeconds + 3 * 86400 + 5 * 3600) / 3600) * 3600;
  const headers = {
    "anthropic-ratelimit-unified-status": "allowed",
    "anthropic-ratelimit-unified-reset": String(fiveHourReset),
    "anthropic-ratelimit-unified-representative-claim": "five_hour",
    "anthropic-ratelimit-unified-fallback-percentage": "0.5",
    "anthropic-ratelimit-unified-overage-status": "rejected",
    "anthropic-ratelimit-unified-overage-disabled-reason": "org_level_disabled",
    "anthropic-ratelimit-unified-5h-status": "allowed",
    "anthropic-ratelimit-unified-5h-reset": String(fiveHourReset),
    "anthropic-ratelimit-unified-5h-utilization": "0.42",
    "anthropic-ratelimit-unified-7d-status": "allowed_warning",
    "anthropic-ratelimit-unified-7d-reset": String(weekReset),
    "anthropic-ratelimit-unified-7d-utilization": "0.81",
    "anthropic-ratelimit-unified-7d-surpassed-threshold": "0.75",
    "anthropic-ratelimit-unified-7d_sonnet-status": "allowed",
    "anthropic-ratelimit-unified-7d_sonnet-reset": String(weekReset),
    "anthropic-ratelimit-unified-7d_sonnet-utilization": "0.12",
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) {
      delete headers[name];
    } else {
      headers[name] = String(value);
    }
  }
  return headers;
}

/** Token usage of one response, in the shape the API reports it. */
function usageFor(seq, outputTokens) {
  const write5m = 1200 + seq;
  const write1h = 300;
  return {
    input_tokens: 7 + (seq % 5),
    cache_creation_input_tokens: write5m + write1h,
    cache_read_input_tokens: 14000 + 10 * seq,
    cache_creation: { ephemeral_5m_input_tokens: write5m, ephemeral_1h_input_tokens: write1h },
    output_tokens: outputTokens,
    service_tier: "standard",
  };
}

/** The text of the conversation's last user turn, and whether it returns tool results. */
function lastUserTurn(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role !== "user") continue;
    if (typeof m.content === "string") return { text: m.content, toolResult: false };
    const blocks = Array.isArray(m.content) ? m.content : [];
    return {
      text: blocks.filter((b) => b?.type === "text").map((b) => b.text).join("\n"),
      toolResult: blocks.some((b) => b?.type === "tool_result"),
    };
  }
  return { text: "", toolResult: false };
}

function firstUserText(body) {
  const m = (Array.isArray(body?.messages) ? body.messages : []).find((x) => x?.role === "user");
  if (!m) return "";
  if (typeof m.content === "string") return m.content;
  return (Array.isArray(m.content) ? m.content : []).filter((b) => b?.type === "text").map((b) => b.text).join("\n");
}

function toolNames(body) {
  return (Array.isArray(body?.tools) ? body.tools : []).map((t) => t?.name).filter(Boolean);
}

/** Marker the subagent scenario puts into the subagent's prompt, so its requests can be told apart. */
export const SUBAGENT_MARKER = "BUDMON-SUBAGENT-TASK";

/**
 * Decides the content of a messages response. Side requests Claude Code makes without tools (titles,
 * topic checks, quota probes) always get a short text. A turn that returns tool results gets the final
 * answer. Otherwise the scenario decides.
 *
 * @returns {{content: object[], stop_reason: string}}
 */
function defaultReply(scenario, body, seq) {
  const last = lastUserTurn(body);
  const tools = toolNames(body);
  // One tool round trip per conversation: later turns (tool results, background-task notifications)
  // get a final text, so the client always comes to an end.
  const usedTool = (Array.isArray(body?.messages) ? body.messages : []).some(
    (m) => m?.role === "assistant" && Array.isArray(m.content) && m.content.some((b) => b?.type === "tool_use"),
  );
  const text = (t) => ({ type: "text", text: t });
  const finalText = `Hello from the BudMon mock (response ${seq}). ${SECRET_BODY_TEXT}`;
  if (tools.length === 0 || usedTool || firstUserText(body).includes(SUBAGENT_MARKER)) {
    if (usedTool) {
      return { content: [text(`The tool ran. ${finalText}`)], stop_reason: "end_turn" };
    }
    if (firstUserText(body).includes(SUBAGENT_MARKER) && tools.includes("Bash")) {
      // The subagent also uses a tool, so its transcript holds a tool round trip of its own.
      return {
        content: [
          text("Subagent checking."),
          { type: "tool_use", id: `toolu_mock_sub_${seq}`, name: "Bash", input: { command: "echo subagent-ok", description: "Print a word" } },
        ],
        stop_reason: "tool_use",
      };
    }
    return { content: [text(finalText)], stop_reason: "end_turn" };
  }
  const thinking = {
    type: "thinking",
    thinking: "The user wants a tool run; I will call it.",
    signature: "bW9jay1zaWduYXR1cmU=",
  };
  if (scenario === "tool" && tools.includes("Bash")) {
    return {
      content: [
        thinking,
        text("Let me run a command."),
        { type: "tool_use", id: `toolu_mock_${seq}`, name: "Bash", input: { command: "echo budmon-mock-tool", description: "Print a word" } },
      ],
      stop_reason: "tool_use",
    };
  }
  const agentTool = tools.find((n) => n === "Task" || n === "Agent");
  if (scenario === "subagent" && agentTool) {
    return {
      content: [
        text("I will ask a subagent."),
        {
          type: "tool_use",
          id: `toolu_mock_task_${seq}`,
          name: agentTool,
          input: {
            description: "Mock subagent task",
            prompt: `${SUBAGENT_MARKER}: run echo and report.`,
            subagent_type: "general-purpose",
          },
        },
      ],
      stop_reason: "tool_use",
    };
  }
  return { content: [text(finalText)], stop_reason: "end_turn" };
}

/** The server-sent events of a streamed response, one string per event, as the real API sends them. */
function sseEvents(message) {
  const ev = (type, data) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const { content, usage } = message;
  const start = {
    id: message.id,
    type: "message",
    role: "assistant",
    model: message.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { ...usage, output_tokens: 1 },
  };
  const out = [ev("message_start", { message: start })];
  content.forEach((block, index) => {
    if (block.type === "text") {
      out.push(ev("content_block_start", { index, content_block: { type: "text", text: "" } }));
      if (index === 0) out.push(ev("ping", {}));
      // Split the text in two deltas, as the real stream delivers it in pieces.
      const cut = Math.floor(block.text.length / 2);
      for (const piece of [block.text.slice(0, cut), block.text.slice(cut)]) {
        out.push(ev("content_block_delta", { index, delta: { type: "text_delta", text: piece } }));
      }
    } else if (block.type === "thinking") {
      out.push(ev("content_block_start", { index, content_block: { type: "thinking", thinking: "", signature: "" } }));
      out.push(ev("content_block_delta", { index, delta: { type: "thinking_delta", thinking: block.thinking } }));
      out.push(ev("content_block_delta", { index, delta: { type: "signature_delta", signature: block.signature } }));
    } else if (block.type === "tool_use") {
      out.push(ev("content_block_start", { index, content_block: { type: "tool_use", id: block.id, name: block.name, input: {} } }));
      const json = JSON.stringify(block.input);
      const cut = Math.floor(json.length / 2);
      for (const piece of [json.slice(0, cut), json.slice(cut)]) {
        out.push(ev("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: piece } }));
      }
    }
    out.push(ev("content_block_stop", { index }));
  });
  out.push(
    ev("message_delta", {
      delta: { stop_reason: message.stop_reason, stop_sequence: null },
      usage: {
        input_tokens: usage.input_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        output_tokens: usage.output_tokens,
      },
    }),
  );
  out.push(ev("message_stop", {}));
  return out;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** The number in base 62, left-padded with zeros to the given width. */
function base62(n, width) {
  let out = "";
  let v = Math.floor(n);
  do {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, "0");
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Starts the mock on 127.0.0.1.
 *
 * @param {object} [options]
 * @param {string} [options.scenario] "hello" (text only, default), "tool" (one Bash round trip with a
 *        thinking, a text and a tool_use block) or "subagent" (the main agent starts a subagent through
 *        the Task/Agent tool, which runs Bash once)
 * @param {Record<string,string|null>|((seq:number, body:any) => Record<string,string|null>)} [options.rateLimits]
 *        overrides of {@link unifiedHeaders}, or a function of the response number giving them
 * @param {(seq:number, body:any) => {content: object[], stop_reason: string}} [options.reply]
 *        replaces the scenario's choice of content
 * @param {number} [options.port] port to listen on, 0 (default) for any free one
 * @param {boolean} [options.quiet] do not log requests to stderr
 * @param {string} [options.logFile] append one JSON line per request (request and response) to this file
 * @param {number} [options.eventDelayMs] pause between the events of a stream (default 0), to let the
 *        client see a response arrive in pieces
 * @param {string} [options.idTag] fixed 8-character part of message and request ids (default random)
 * @param {number} [options.now] fixed "now" in epoch seconds for the reset headers
 * @returns {Promise<{port:number, url:string, requests:object[], close:() => Promise<void>}>}
 *        {@code requests} collects every request: method, url, headers, body (Buffer) and what was
 *        sent back (status, headers, body Buffer).
 */
export async function startMockApi(options = {}) {
  const scenario = options.scenario ?? "hello";
  const eventDelayMs = options.eventDelayMs ?? 0;
  const requests = [];
  let messageSeq = 0;
  // Ids look like the real ones and are unique across mock runs (a resumed session meets a new mock),
  // unless a test fixes the tag to get the same ids every time.
  const runTag = options.idTag ?? base62(Math.floor(Math.random() * 62 ** 8), 8);
  const logFile = options.logFile ? fs.openSync(options.logFile, "a") : null;
  const log = (line) => {
    if (!options.quiet) process.stderr.write(`mock-api: ${line}\n`);
  };

  const server = http.createServer(async (req, res) => {
    const entry = { method: req.method, url: req.url, headers: { ...req.headers }, body: null, status: 0, responseHeaders: {}, responseBody: null };
    requests.push(entry);
    try {
      entry.body = await readBody(req);
      const path = new URL(req.url, "http://127.0.0.1").pathname;
      const send = async (status, headers, chunks) => {
        entry.status = status;
        entry.responseHeaders = headers;
        const buffers = chunks.map((c) => Buffer.from(c, "utf8"));
        entry.responseBody = Buffer.concat(buffers);
        res.writeHead(status, headers);
        for (const b of buffers) {
          res.write(b);
          if (eventDelayMs > 0 && buffers.length > 1) await new Promise((r) => setTimeout(r, eventDelayMs));
        }
        res.end();
        if (logFile !== null) {
          let logged = entry.body.toString("utf8");
          try {
            logged = JSON.parse(logged);
          } catch {
            // not JSON: keep the text
          }
          fs.writeSync(logFile, `${JSON.stringify({ method: req.method, url: req.url, headers: entry.headers, body: logged, status, responseHeaders: headers, response: entry.responseBody.toString("utf8") })}\n`);
        }
      };
      let body = null;
      if (entry.body.length > 0) {
        try {
          body = JSON.parse(entry.body.toString("utf8"));
        } catch {
          body = null;
        }
      }

      if (req.method === "POST" && path === "/v1/messages") {
        const seq = ++messageSeq;
        const now = options.now ?? Math.floor(Date.now() / 1000);
        const overrides = typeof options.rateLimits === "function" ? options.rateLimits(seq, body) : options.rateLimits ?? {};
        const choice = options.reply ? options.reply(seq, body) : defaultReply(scenario, body, seq);
        const model = typeof body?.model === "string" ? body.model : DEFAULT_MODEL;
        const message = {
          id: `msg_01${runTag}${base62(seq, 14)}`,
          type: "message",
          role: "assistant",
          model,
          content: choice.content,
          stop_reason: choice.stop_reason,
          stop_sequence: null,
          usage: usageFor(seq, 20 + 3 * seq),
        };
        const common = {
          "request-id": `req_011C${runTag}${base62(seq, 12)}`,
          "anthropic-organization-id": "00000000-0000-4000-8000-00000000b0d0",
          [SECRET_HEADER_NAME]: SECRET_HEADER_VALUE,
          "set-cookie": `session=${SECRET_HEADER_VALUE}; Path=/; HttpOnly`,
          ...unifiedHeaders(now, overrides),
        };
        log(`POST /v1/messages #${seq} stream=${body?.stream === true} model=${model} tools=${toolNames(body).length} -> ${choice.stop_reason}`);
        if (body?.stream === true) {
          await send(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", ...common }, sseEvents(message));
        } else {
          await send(200, { "content-type": "application/json", ...common }, [JSON.stringify(message)]);
        }
        return;
      }
      if (req.method === "POST" && path === "/v1/messages/count_tokens") {
        const size = entry.body.length;
        await send(200, { "content-type": "application/json", "request-id": "req_mock_count" }, [JSON.stringify({ input_tokens: Math.max(1, Math.round(size / 4)) })]);
        return;
      }
      if (req.method === "GET" && path === "/v1/models") {
        const data = [DEFAULT_MODEL, "claude-opus-4-1-20250805", "claude-haiku-4-5-20251001"].map((id) => ({
          type: "model",
          id,
          display_name: id,
          created_at: "2025-01-01T00:00:00Z",
        }));
        await send(200, { "content-type": "application/json" }, [JSON.stringify({ data, has_more: false, first_id: data[0].id, last_id: data[data.length - 1].id })]);
        return;
      }
      if (req.method === "GET" && path.startsWith("/v1/models/")) {
        const id = decodeURIComponent(path.slice("/v1/models/".length));
        await send(200, { "content-type": "application/json" }, [JSON.stringify({ type: "model", id, display_name: id, created_at: "2025-01-01T00:00:00Z" })]);
        return;
      }
      const status = req.method === "GET" ? 404 : 200;
      log(`unknown ${req.method} ${req.url} (${entry.body.length} bytes) -> ${status}`);
      if (req.method === "HEAD") {
        // Reachability checks (HEAD / in 2.1.112, HEAD /api/hello in 2.1.332) only want an answer.
        await send(200, {}, []);
      } else if (req.method === "GET") {
        await send(404, { "content-type": "application/json" }, [JSON.stringify({ type: "error", error: { type: "not_found_error", message: `mock: no ${path}` } })]);
      } else {
        // Telemetry and event endpoints only want an acknowledgement.
        await send(200, { "content-type": "application/json" }, ["{}"]);
      }
    } catch (err) {
      log(`error answering ${req.method} ${req.url}: ${err?.stack ?? err}`);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
      }
      res.end(JSON.stringify({ type: "error", error: { type: "api_error", message: "mock failure" } }));
    }
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const port = server.address().port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          if (logFile !== null) fs.closeSync(logFile);
          resolve();
        });
      }),
  };
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--scenario") opts.scenario = argv[++i];
    else if (a === "--port") opts.port = Number(argv[++i]);
    else if (a === "--quiet") opts.quiet = true;
    else if (a === "--log") opts.logFile = argv[++i];
    else if (a === "--event-delay-ms") opts.eventDelayMs = Number(argv[++i]);
    else if (a === "--rate-limits") opts.rateLimits = JSON.parse(argv[++i]);
    else {
      process.stderr.write(`mock-api: unknown argument ${a}\nusage: node mock-api.mjs [--scenario hello|tool|subagent] [--port N] [--rate-limits JSON] [--log FILE] [--event-delay-ms N] [--quiet]\n`);
      process.exit(2);
    }
  }
  return opts;
}

// Serve only when run as a command; the test runner also executes every file under test/, and then
// NODE_TEST_CONTEXT is set.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && !process.env.NODE_TEST_CONTEXT) {
  const api = await startMockApi(parseArgs(process.argv.slice(2)));
  process.stdout.write(`${api.port}\n`);
  const stop = () => api.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
