package dev.budmon.statusline;

/**
 * Transcript lines in the exact shape Claude Code 2.1.332 writes them (taken from the real transcripts
 * recorded against the loopback mock): one assistant line per content block, each repeating the response's
 * {@code message.id}, {@code requestId} and usage.
 */
final class TranscriptLines {

    private TranscriptLines() {
    }

    /** The mock's usage for response n: input 7 + n mod 5, output 20 + 3n, read 14000 + 10n, writes 1200 + n and 300. */
    static String assistant(String session, int n, String block, boolean sidechain, String time) {
        return assistant(session, "msg_01pIRYkJrk" + pad(n), "req_011CpIRYkJrk" + pad(n), "claude-opus-5-5",
                7 + n % 5, 20 + 3 * n, 1200 + n, 300, 14000 + 10 * n, block, sidechain, time);
    }

    static String assistant(String session, String messageId, String requestId, String model, long input, long output,
                            long write5m, long write1h, long read, String block, boolean sidechain, String time) {
        return "{\"parentUuid\":\"aa7c9765-ccc8-4aaf-8b28-a3617253ec63\",\"isSidechain\":" + sidechain
                + ",\"message\":{\"id\":\"" + messageId + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                + model + "\",\"content\":[" + block + "],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":" + input + ",\"cache_creation_input_tokens\":" + (write5m + write1h)
                + ",\"cache_read_input_tokens\":" + read + ",\"output_tokens\":" + output
                + ",\"output_tokens_details\":{\"thinking_tokens\":0},\"server_tool_use\":{\"web_search_requests\":0,"
                + "\"web_fetch_requests\":0},\"service_tier\":\"standard\",\"cache_creation\":{\"ephemeral_1h_input_tokens\":"
                + write1h + ",\"ephemeral_5m_input_tokens\":" + write5m + "},\"inference_geo\":\"\",\"iterations\":[],"
                + "\"speed\":\"standard\",\"fallback_credit\":null},\"stop_details\":null},\"apiBlockIndex\":0,"
                + "\"requestId\":\"" + requestId + "\",\"requestRef\":\"267036b3-b27c-42dc-9a1e-525345985b0d\","
                + "\"requestedModel\":\"" + model + "\",\"promptCacheRequested\":\"5m\",\"type\":\"assistant\","
                + "\"uuid\":\"b04ca120-74db-433f-922f-3cbb965aa12b\",\"timestamp\":\"" + time + "\",\"effort\":\"medium\","
                + "\"perTurnEffort\":\"medium\",\"madeBy\":\"model\",\"userType\":\"external\",\"entrypoint\":\"sdk-cli\","
                + "\"cwd\":\"/tmp/budmon-fixture/tool\",\"sessionId\":\"" + session + "\",\"version\":\"2.1.332\","
                + "\"gitBranch\":\"HEAD\"}";
    }

    static String text(String s) {
        return "{\"type\":\"text\",\"text\":\"" + s + "\"}";
    }

    static String user(String session, String text, String time) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\""
                + text + "\"},\"uuid\":\"4d6cdb0d-8f16-4f2e-bfe7-94f0ea4d67cc\",\"timestamp\":\"" + time
                + "\",\"cwd\":\"/tmp/budmon-fixture/tool\",\"sessionId\":\"" + session + "\",\"version\":\"2.1.332\"}";
    }

    static String costState(String session, double usd) {
        return "{\"type\":\"cost-state\",\"sessionId\":\"" + session + "\",\"totalCostUSD\":" + usd
                + ",\"modelUsage\":{\"claude-opus-5-5\":{\"inputTokens\":17,\"outputTokens\":49,\"costUSD\":" + usd + "}}}";
    }

    private static String pad(int n) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, 12 - s.length())) + s;
    }
}
