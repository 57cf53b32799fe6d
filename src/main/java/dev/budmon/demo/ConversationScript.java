package dev.budmon.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.budmon.model.TokenCounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A made-up Claude Code session, one API round at a time, as transcript lines ({@link SessionLines}).
 * Deterministic for a seed; confined to one thread (the demo writer's).
 *
 * <p>A round is the user line that led to it (the prompt, or the result of the previous round's tool call)
 * and the response's assistant lines. The token figures follow how a session behaves: the context grows with
 * every round and is read from the cache; a change of model starts a cold cache (ratio 0); now and then a
 * partly expired cache or a large tool output pulls the ratio down; a long context is compacted.
 */
final class ConversationScript {

    /** The demo project's working directory; its transcript folder is named after it. */
    static final String CWD = "/home/demo/projects/webshop";

    static final String OPUS = "claude-opus-5-5";
    static final String SONNET = "claude-sonnet-5-5";
    static final String HAIKU = "claude-haiku-4-5";
    /** The model of each turn in order, repeating: mostly Opus, with switches that start cold caches. */
    private static final String[] TURN_MODELS = {OPUS, OPUS, OPUS, SONNET, SONNET, OPUS, OPUS, HAIKU, OPUS};

    private static final long COMPACT_ABOVE = 150_000;
    /** What Claude Code keeps in a 1-hour cache: system prompt and tools. */
    private static final long SYSTEM_PREFIX = 9_000;

    private static final String[] PROMPTS = {
        "Run the tests and fix whatever fails",
        "Why is the checkout total off by a cent for three items?",
        "Add a test for the rounding of discounted prices",
        "Rename OrderService to Checkout everywhere",
        "Update the README for the new --currency flag",
        "The cart page is slow with 200 items, find out why",
        "Review the last commit for mistakes",
    };
    private static final String[][] COMMANDS = {
        {"mvn -q test", "Run the tests", "Tests run: 148, Failures: 1, Errors: 0, Skipped: 0"},
        {"git status --short", "Show changed files", " M src/main/java/shop/Checkout.java\n M README.md"},
        {"grep -rn \"setScale\" src/main/java", "Find the roundings", "src/main/java/shop/Money.java:41:        return amount.setScale(2, RoundingMode.HALF_EVEN);"},
        {"ls src/main/java/shop", "List the shop package", "Cart.java\nCheckout.java\nMoney.java\nPrice.java"},
        {"git diff --stat", "Summarize the diff", " src/main/java/shop/Money.java | 6 +++---\n 1 file changed, 3 insertions(+), 3 deletions(-)"},
        {"mvn -q test -Dtest=MoneyTest", "Run the money tests", "Tests run: 12, Failures: 0, Errors: 0, Skipped: 0"},
    };
    private static final String[] STEP_TEXTS = {
        "Let me look at that first.",
        "I'll check how the totals are rounded.",
        "Running the tests to see where it stands.",
        "One more look before changing anything.",
    };
    private static final String[] THOUGHTS = {
        "The total is rounded per item and again at the end; that double rounding explains the cent.",
        "The tests will tell which assertion fails; start there.",
        "A rename touches the tests too; list the package first.",
    };
    private static final String[] ANSWERS = {
        "Done: prices are now rounded once, at the end, and the new test covers three discounted items.",
        "The tests pass again. The failure came from rounding each line item before summing.",
        "Renamed, including the tests and the README; the build is green.",
    };

    private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Random random;
    private final String sessionId;
    private final SessionLines lines;

    private int turn = -1;
    private int roundsLeftInTurn;
    private String model;
    /** The model whose cache holds the context; another model starts cold. */
    private String cachedModel;
    private long context = 18_000;
    private int responses;
    /** The tool call the next round answers; {@code null} at the start of a turn. */
    private PendingTool pendingTool;

    private record PendingTool(String toolUseId, String stdout) {
    }

    ConversationScript(long seed) {
        this.random = new Random(seed);
        this.sessionId = SessionLines.uuid(random);
        this.lines = new SessionLines(sessionId, CWD, null, () -> SessionLines.uuid(random));
    }

    /** The session's id, also the transcript's file name without {@code .jsonl}. */
    String sessionId() {
        return sessionId;
    }

    /** The transcript folder's name under {@code projects/}: the cwd with every other character a dash. */
    static String projectFolder() {
        return CWD.replaceAll("[^A-Za-z0-9]", "-");
    }

    /**
     * The lines of the next API round that completes at {@code now}: the user line that led to it, then one
     * assistant line per content block. Each string is one JSON object without a line break.
     */
    List<String> nextRound(Instant now) {
        List<String> round = new ArrayList<>();
        if (pendingTool == null) {
            startTurn();
            round.add(lines.prompt(PROMPTS[turn % PROMPTS.length], now.minusMillis(1800)));
        } else {
            round.add(lines.toolResult(pendingTool.toolUseId(), pendingTool.stdout(), now.minusMillis(700)));
            pendingTool = null;
        }
        roundsLeftInTurn--;
        boolean last = roundsLeftInTurn == 0;
        SessionLines.Response response = nextResponse(last);
        List<ObjectNode> blocks = new ArrayList<>();
        if (response.thinkingTokens() > 0) {
            blocks.add(SessionLines.thinking(THOUGHTS[random.nextInt(THOUGHTS.length)], signature()));
        }
        if (last) {
            blocks.add(SessionLines.text(ANSWERS[turn % ANSWERS.length]));
        } else {
            blocks.add(SessionLines.text(STEP_TEXTS[random.nextInt(STEP_TEXTS.length)]));
            String[] command = COMMANDS[random.nextInt(COMMANDS.length)];
            pendingTool = new PendingTool("toolu_01" + id(22), command[2]);
            blocks.add(SessionLines.toolUse(pendingTool.toolUseId(), "Bash", "command", command[0],
                    "description", command[1]));
        }
        for (int i = 0; i < blocks.size(); i++) {
            // Blocks stream in one after another; the last one lands at the round's moment.
            round.add(lines.assistant(response, i, blocks.get(i), now.minusMillis(45L * (blocks.size() - 1 - i))));
        }
        responses++;
        return round;
    }

    private void startTurn() {
        turn++;
        model = TURN_MODELS[turn % TURN_MODELS.length];
        roundsLeftInTurn = 2 + random.nextInt(5);
    }

    /** The next response's ids and tokens; moves the context on. */
    private SessionLines.Response nextResponse(boolean last) {
        boolean cold = !model.equals(cachedModel);
        cachedModel = model;
        if (context > COMPACT_ABOVE) {
            // Claude Code compacts a long conversation into a summary; the new prefix is not cached yet.
            context = 20_000 + random.nextInt(6_000);
            cold = true;
        }
        long prefix = context;
        long added = random.nextInt(100) < 15 ? 8_000 + random.nextInt(14_000) : 500 + random.nextInt(2_600);
        long input = 1 + random.nextInt(cold ? 12 : 9);
        boolean thinking = !last && random.nextBoolean();
        long output = (last ? 180 : 60) + random.nextInt(last ? 900 : 400) + (thinking ? 150 + random.nextInt(600) : 0);
        long thinkingTokens = thinking ? Math.min(output - 40, 120 + random.nextInt(300)) : 0;

        long read;
        long write;
        long write1h = 0;
        if (cold) {
            read = 0;
            write = prefix + added;
            write1h = Math.min(write, SYSTEM_PREFIX);
        } else if (responses % 9 == 7) {
            // Half the prefix went out of the 5-minute cache while the user was reading.
            read = prefix * 45 / 100;
            write = prefix - read + added;
        } else {
            read = prefix;
            write = added;
        }
        context = prefix + added + output;
        return new SessionLines.Response("msg_01" + id(22), "req_011C" + id(20), model,
                new TokenCounts(input, output, write - write1h, write1h, read), thinkingTokens,
                last ? "end_turn" : "tool_use");
    }

    private String signature() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private String id(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return sb.toString();
    }
}
