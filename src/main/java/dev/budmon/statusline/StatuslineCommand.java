package dev.budmon.statusline;

import dev.budmon.DaemonThreads;
import dev.budmon.calc.BindingLimit;
import dev.budmon.calc.Pace;
import dev.budmon.calc.PaceForecast;
import dev.budmon.calc.QuotaForecast;
import dev.budmon.calc.WindowForecast;
import dev.budmon.config.ConfigStore;
import dev.budmon.history.HistoryAppender;
import dev.budmon.history.HistoryFiles;
import dev.budmon.history.HistoryTail;
import dev.budmon.history.Observation;
import dev.budmon.history.QuotaHistory;
import dev.budmon.history.WindowReading;
import dev.budmon.config.LoadedConfig;
import dev.budmon.config.StatuslineConfig;
import dev.budmon.config.Thresholds;
import dev.budmon.model.QuotaWindow;
import dev.budmon.model.RateLimits;
import dev.budmon.model.SourceWarning;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.QuotaFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code budmon --statusline} in its three forms: without an operand it prints the status line for the
 * payload on stdin; {@code on} and {@code off} change Claude Code's {@code settings.json}.
 *
 * <p>The line is always printed (empty when nothing is known) and the exit code is always 0: Claude Code
 * shows a failing command as a broken status bar, so no problem, not even an unexpected exception, may reach
 * it. Problems go to stderr as one line each, never as a stack trace.
 */
public final class StatuslineCommand {

    private StatuslineCommand() {
    }

    /**
     * Runs the form the command line asks for, with the process's stdin and clock.
     *
     * @param operands the words after {@code --statusline}: none, {@code on} or {@code off}
     * @param force    {@code --force}: {@code on} replaces another program's status line
     * @param home     the user's home directory, shown as {@code ~}
     */
    public static int run(List<String> operands, boolean force, ClaudeDirs dirs, Path home, PrintStream out,
                          PrintStream err) {
        if (operands.isEmpty()) {
            return printLine(dirs, new Supplier<>() {
                // A class rather than a method reference: the first lambda of a JVM costs milliseconds at start.
                @Override
                public StdinPayload.Input get() {
                    return StdinPayload.readStdin();
                }
            }, home, cacheDir(home), Instant.now(), out, err);
        }
        if (operands.get(0).equals("on")) {
            Path launcher = LauncherPath.resolve(home, LauncherPath.codeLocation());
            if (launcher == null) {
                err.println("budmon: cannot find BudMon's launcher: neither " + home.resolve(".local/bin/budmon")
                        + " (run 'budmon --setup') nor a source checkout's ./budmon next to the running jar.");
                return 1;
            }
            return report(ClaudeSettings.enable(dirs.primary(), LauncherPath.statuslineCommand(launcher), force),
                    out, err);
        }
        return report(ClaudeSettings.disable(dirs.primary()), out, err);
    }

    /** BudMon's cache folder: {@code $XDG_CACHE_HOME/budmon}, else {@code ~/.cache/budmon}. */
    static Path cacheDir(Path home) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        try {
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg).resolve("budmon");
            }
        } catch (RuntimeException e) {
            // not a usable path: the usual place
        }
        return home.resolve(".cache").resolve("budmon");
    }

    private static int report(ClaudeSettings.Result r, PrintStream out, PrintStream err) {
        PrintStream to = r.exitCode() == 0 ? out : err;
        for (String m : r.messages()) {
            to.println(r.exitCode() == 0 ? m : "budmon: " + m);
        }
        return r.exitCode();
    }

    /**
     * Prints the status line and returns 0, within {@link #DEADLINE}.
     *
     * @param stdin    reads the payload; called once
     * @param home     the user's home, shown as {@code ~}
     * @param cacheDir where the session transcript's counts are kept between calls
     * @param now      the moment the countdowns and forecasts are for
     */
    public static int printLine(ClaudeDirs dirs, Supplier<StdinPayload.Input> stdin, Path home, Path cacheDir,
                                Instant now, PrintStream out, PrintStream err) {
        return printLine(dirs, stdin, home, cacheDir, now, out, err, DEADLINE);
    }

    /**
     * Claude Code waits for the line: whatever a file system does (a stalled mount, a file swapped for a FIFO
     * between BudMon's check and its open), the line is printed by then, with the figures known so far.
     */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    static int printLine(ClaudeDirs dirs, Supplier<StdinPayload.Input> stdin, Path home, Path cacheDir,
                         Instant now, PrintStream out, PrintStream err, Duration deadline) {
        LineJob job = new LineJob(dirs, stdin, home, cacheDir, now, err);
        Thread worker = DaemonThreads.of("budmon-statusline", job); // a stuck read must not keep the process alive
        worker.start();
        try {
            worker.join(Math.max(1, deadline.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String line;
        boolean late;
        synchronized (job) {
            late = !job.done;
            line = job.done ? job.line : job.partial;
        }
        if (late) {
            err.println("budmon: the status line was not ready within " + deadline.toMillis()
                    + " ms; printed the figures known by then");
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        return 0;
    }

    /** Computes the line on its own thread, keeping the best line known so far for the deadline. */
    private static final class LineJob implements Runnable {
        private final ClaudeDirs dirs;
        private final Supplier<StdinPayload.Input> stdin;
        private final Path home;
        private final Path cacheDir;
        private final Instant now;
        private final PrintStream err;
        /** Guarded by this. */
        String partial = "";
        String line = "";
        boolean done;

        LineJob(ClaudeDirs dirs, Supplier<StdinPayload.Input> stdin, Path home, Path cacheDir, Instant now,
                PrintStream err) {
            this.dirs = dirs;
            this.stdin = stdin;
            this.home = home;
            this.cacheDir = cacheDir;
            this.now = now;
            this.err = err;
        }

        @Override
        public void run() {
            String result = "";
            try {
                result = line(dirs, stdin, home, cacheDir, now, err, this);
            } catch (Throwable t) {
                // Deliberately everything, errors included: a stack trace or a non-zero exit breaks Claude Code's bar.
                err.println("budmon: the status line failed (" + t + ")");
            }
            synchronized (this) {
                line = result;
                done = true;
            }
        }

        synchronized void known(String soFar) {
            partial = soFar;
        }
    }

    private static String line(ClaudeDirs dirs, Supplier<StdinPayload.Input> stdin, Path home, Path cacheDir,
                               Instant now, PrintStream err, LineJob job) {
        Path dir = dirs.primary();
        LoadedConfig loaded = ConfigStore.readExisting(dir);
        for (SourceWarning w : loaded.warnings()) {
            err.println("budmon: " + w.source() + ": " + w.message());
        }
        StatuslineConfig config = loaded.config().statusline();
        List<String> unknown = new ArrayList<>();
        List<Element> elements = Element.of(config.elements(), unknown);
        if (!unknown.isEmpty()) {
            err.println("budmon: " + dir.resolve(ConfigStore.FILE_NAME) + ": [statusline] elements: unknown "
                    + (unknown.size() == 1 ? "element " : "elements ") + String.join(", ", unknown) + " ignored");
        }
        Thresholds thresholds = loaded.config().thresholds();

        Payload payload = readPayload(stdin.get(), err);
        List<String> warnings = new ArrayList<>();

        QuotaWindow five = payload.fiveHour() == null ? null : payload.fiveHour().toQuotaWindow("5h");
        QuotaWindow seven = payload.sevenDay() == null ? null : payload.sevenDay().toQuotaWindow("7d");
        job.known(LineRenderer.render(new LineData(payload.cwd(), home.toString(), modelOf(payload),
                forecast(five, now, thresholds), forecast(seven, now, thresholds), payload.claudeCodeCostUsd(),
                null, payload.inputTokens(), payload.outputTokens(), null), elements, config.maxWidth(), thresholds));
        if (payload.hasRateLimits()) {
            PayloadLimitsStore.record(dir, payload, now, warnings);
            Observation seen = payload.observation(now);
            if (seen != null) {
                HistoryAppender.appendIfChanged(dir, seen, warnings);
            }
        }
        boolean history = needs(elements, Element.PACE_5H, Element.PACE_7D, Element.BINDS);
        if ((five == null && needs(elements, Element.BAR_5H, Element.COUNTDOWN_5H, Element.BURN_5H, Element.RESERVE,
                Element.PACE_5H, Element.BINDS))
                || (seven == null && needs(elements, Element.BAR_7D, Element.COUNTDOWN_7D, Element.BURN_7D,
                Element.PACE_7D, Element.BINDS))) {
            QuotaFiles.Read quota = QuotaFiles.read(dirs.dirs());
            for (SourceWarning w : quota.content().warnings()) {
                warnings.add(w.source() + " " + w.message());
            }
            RateLimits own = quota.limits();
            if (own != null) {
                five = five != null ? five : own.window("5h");
                seven = seven != null ? seven : own.window("7d");
            }
        }

        Double cacheRatio = null;
        if (payload.currentUsage() != null) {
            double r = payload.currentUsage().cacheHitRatio();
            cacheRatio = Double.isNaN(r) ? null : r;
        }
        Long input = payload.inputTokens();
        Long output = payload.outputTokens();
        Integer requests = null;
        boolean transcriptNeeded = elements.contains(Element.REQUESTS)
                || (input == null && elements.contains(Element.TOKENS_IN))
                || (output == null && elements.contains(Element.TOKENS_OUT))
                || (cacheRatio == null && elements.contains(Element.CACHE));
        if (transcriptNeeded && payload.transcriptPath() != null) {
            SessionFigures t = sessionFigures(payload.transcriptPath(), cacheDir, warnings);
            if (t != null) {
                requests = t.requests();
                input = input != null ? input : Long.valueOf(t.tokens().input());
                output = output != null ? output : Long.valueOf(t.tokens().output());
                cacheRatio = cacheRatio != null ? cacheRatio : t.lastCacheRatio();
            }
        }
        for (String w : warnings) {
            err.println("budmon: " + w);
        }

        LineData data = new LineData(payload.cwd(), home.toString(), modelOf(payload),
                forecast(five, now, thresholds), forecast(seven, now, thresholds),
                payload.claudeCodeCostUsd(), cacheRatio, input, output, requests);
        if (history) {
            data = withHistory(data, dir, five, seven, now, thresholds, err);
        }
        return LineRenderer.render(data, elements, config.maxWidth(), thresholds);
    }

    /**
     * The paces and the binding window from the last hour of the quota history: the 5h and 7d windows as the
     * line shows them, the others (per-model weekly windows) as the history's newest observation of each gave
     * them, so that no other file need be read.
     */
    private static LineData withHistory(LineData data, Path dir, QuotaWindow five, QuotaWindow seven, Instant now,
                                        Thresholds thresholds, PrintStream err) {
        List<Observation> recent;
        try {
            recent = HistoryTail.since(dir, now.minus(Pace.SPAN), now);
        } catch (IOException | RuntimeException e) {
            err.println("budmon: " + HistoryFiles.file(dir, now) + ": the quota history cannot be read (" + e + ")");
            recent = List.of();
        }
        List<WindowForecast> forecasts = new ArrayList<>();
        if (five != null) {
            forecasts.add(QuotaForecast.of(five, now, thresholds));
        }
        if (seven != null) {
            forecasts.add(QuotaForecast.of(seven, now, thresholds));
        }
        List<String> seen = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            Observation o = recent.get(i);
            if (o.time().isAfter(now)) {
                continue;
            }
            for (Map.Entry<String, WindowReading> e : o.windows().entrySet()) {
                String name = e.getKey();
                WindowReading r = e.getValue();
                if (!name.equals("5h") && !name.equals("7d") && !seen.contains(name) && r.utilization() != null) {
                    seen.add(name);
                    forecasts.add(QuotaForecast.of(new QuotaWindow(name, r.utilization(), r.reset(), r.status(), null,
                            QuotaWindow.lengthOf(name)), now, thresholds));
                }
            }
        }
        Map<String, PaceForecast> paces = Pace.ofAll(forecasts, QuotaHistory.of(recent), now, thresholds);
        return data.withHistory(paces.get("5h"), paces.get("7d"), BindingLimit.of(forecasts, paces, now), now);
    }

    private static String modelOf(Payload payload) {
        return payload.modelName() != null ? payload.modelName() : payload.modelId();
    }

    private static SessionFigures sessionFigures(String transcriptPath, Path cacheDir, List<String> warnings) {
        Path transcript;
        try {
            transcript = Path.of(transcriptPath);
        } catch (RuntimeException e) {
            warnings.add("the payload's transcript_path is not a path: " + transcriptPath);
            return null;
        }
        return SessionFigures.read(transcript, cacheDir, warnings);
    }

    private static Payload readPayload(StdinPayload.Input input, PrintStream err) {
        if (input.problem() != null) {
            err.println("budmon: the status-line payload on stdin " + input.problem());
        }
        if (input.bytes().length == 0) {
            return Payload.NONE;
        }
        Payload p = PayloadParser.parse(input.bytes());
        if (p.problem() != null) {
            err.println("budmon: the status-line payload on stdin " + p.problem() + "; showing BudMon's own figures");
        }
        return p;
    }

    private static boolean needs(List<Element> shown, Element... any) {
        for (Element e : any) {
            if (shown.contains(e)) {
                return true;
            }
        }
        return false;
    }

    private static WindowForecast forecast(QuotaWindow w, Instant now, Thresholds t) {
        return w == null ? null : QuotaForecast.of(w, now, t);
    }
}
