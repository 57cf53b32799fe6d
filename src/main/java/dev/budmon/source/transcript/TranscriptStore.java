package dev.budmon.source.transcript;

import dev.budmon.files.NotRegularFileException;
import dev.budmon.files.SafeRead;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.UsageState;
import dev.budmon.model.UsageTimeline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads Claude Code's transcripts ({@code <claude dir>/projects/**}{@code /*.jsonl}, subagents included)
 * incrementally and keeps the usage they record.
 *
 * <h2>Counting rules</h2>
 * <ul>
 * <li>Only {@code type: "assistant"} lines with {@code message.usage} count. Claude Code writes one line
 *     per content block and repeats the usage on each: a response is counted once, keyed by
 *     {@code message.id} + {@code requestId}, with the largest count of each token kind seen for that key;
 *     when a later line shows more, only the growth is added.</li>
 * <li>A sidechain line ({@code isSidechain: true}) that repeats a main-chain response's {@code message.id}
 *     under another {@code requestId} is a replay, not new usage. Files are read in any order, so when the
 *     main-chain line turns up after the replay, the replay is taken back out.</li>
 * <li>{@code <synthetic>} lines are Claude Code's own text and cost nothing. {@code cost-state} lines carry
 *     Claude Code's own cumulative cost of a session; the largest is kept beside ours.</li>
 * <li>Lines that are not JSON, or JSON of an unexpected shape, are skipped and counted.</li>
 * </ul>
 *
 * <h2>Incremental reading</h2>
 * Each file's read offset and identity (file key, size, modification time, the bytes before the offset)
 * are remembered. A refresh reads only what was appended, and only complete lines: a half-written last
 * line waits for the next refresh. When any file was replaced, shrank, was rewritten in place or
 * disappeared, everything is forgotten and every file read again from its start. That is rare (Claude
 * Code appends; it deletes old transcripts only at start-up), costs one full scan, and is the only way
 * to stay exact: a response's largest counts may come from several files.
 *
 * <h2>Threads</h2>
 * Not thread-safe: one background thread owns a store and calls {@link #refresh}; the summaries it
 * returns are immutable and may be handed to any thread. Between refreshes the store is only read by
 * {@link #responses}, {@link #sessions} and a {@link TranscriptIndex} save, which may then run side by side
 * on threads started after the refresh. A big read (the first scan, a rebuild) starts
 * short-lived helper threads that read and parse files ahead; they end before {@code refresh} returns.
 */
public final class TranscriptStore {

    private static final int MAX_REBUILDS = 5;
    /** Reads bigger than this (the first scan, a rebuild) are shared among helper threads. */
    private static final long PARALLEL_BYTES = 8L * 1024 * 1024;
    private static final int MAX_THREADS = 4;
    // Classes, not lambdas: the status line loads this class, and every lambda costs a short-lived process
    // its bootstrap at start.
    private static final Comparator<CountedResponse> BY_TIME = new ByTime();
    private static final Comparator<TranscriptFile> BY_MODIFIED = new ByModified();

    // Package-private for TranscriptIndex, which saves and restores them.
    final Map<Path, TranscriptFile> files = new HashMap<>();
    final Map<String, CountedResponse> byMessageId = new HashMap<>();
    final Map<String, SessionTally> sessions = new HashMap<>();
    final Map<String, String> models = new HashMap<>();
    private final TimelineBuilder timeline = new TimelineBuilder();
    /** The newest responses, for the last response and the cache-ratio history. */
    private final TreeSet<CountedResponse> newest = new TreeSet<>(BY_TIME);
    // Made when the first line is read: a store restored from its index that finds nothing new never needs
    // them, and the parser's JSON factory and the tail's buffer cost a short-lived process its start.
    private TranscriptLineParser parser;
    private TranscriptLine line;
    private TranscriptTail tail;
    private final FileLines sink = new FileLines();

    private final long parallelBytes;

    private List<SourceWarning> walkWarnings = List.of();
    /** The summary last returned; returned again while nothing it shows has changed. */
    private TranscriptSummary lastSummary;
    private long walks;
    long sequence;
    private int responseCount;
    long skippedLines;
    long newestMillis = Long.MIN_VALUE;
    /** Something was read since the store was last saved (see {@link TranscriptIndex}). */
    boolean unsaved;

    /** A store that has read nothing yet. */
    public TranscriptStore() {
        this(PARALLEL_BYTES);
    }

    /** For tests: reads of more than {@code parallelBytes} bytes use helper threads. */
    TranscriptStore(long parallelBytes) {
        this.parallelBytes = parallelBytes;
    }

    /**
     * Looks at every transcript under the given Claude directories, reads what was appended since the last
     * call, and returns the resulting summary. Missing or unreadable folders and files become warnings;
     * nothing is thrown. Background thread only (the one owning this store).
     *
     * @param claudeDirs the Claude directories, e.g. {@link dev.budmon.source.ClaudeDirs#dirs()}
     */
    public TranscriptSummary refresh(List<Path> claudeDirs) {
        try {
            return refreshAll(claudeDirs);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private TranscriptSummary refreshAll(List<Path> claudeDirs) {
        walks++;
        List<SourceWarning> warnings = new ArrayList<>();
        List<TranscriptFile> toRead = new ArrayList<>();
        boolean rebuild = false;
        for (Path dir : claudeDirs) {
            rebuild |= walk(dir.toAbsolutePath().normalize().resolve("projects"), warnings, toRead);
        }
        return finishWalk(rebuild, toRead, warnings);
    }

    /**
     * Forgets the files the walk did not see, reads what changed (everything again when a file was
     * replaced or went away) and sums up.
     */
    private TranscriptSummary finishWalk(boolean rebuild, List<TranscriptFile> toRead, List<SourceWarning> warnings) {
        for (Iterator<TranscriptFile> it = files.values().iterator(); it.hasNext(); ) {
            TranscriptFile f = it.next();
            if (f.seenInWalk != walks) {
                it.remove();
                rebuild = true;
            }
        }
        boolean sameWarnings = warnings.equals(walkWarnings);
        walkWarnings = warnings;
        if (rebuild || readAll(toRead)) {
            rebuild();
        }
        boolean changed = rebuild || !toRead.isEmpty();
        unsaved |= changed;
        return summary(changed || !sameWarnings);
    }

    /**
     * Reads one session only: its transcript and its subagents' files ({@code <session>/subagents/*.jsonl}),
     * what was appended since the last call, as {@code budmon --statusline} needs after every message. The
     * rules are those of the whole history; a store used this way should read nothing else. Missing files
     * count as empty; anything else wrong becomes a warning. Same thread as every other call.
     *
     * @param transcript the session's transcript, {@code <projects>/<project>/<session>.jsonl}
     */
    public TranscriptSummary refreshSession(Path transcript) {
        try {
            return refreshSessionFiles(transcript.toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private TranscriptSummary refreshSessionFiles(Path transcript) {
        walks++;
        List<SourceWarning> warnings = new ArrayList<>();
        List<TranscriptFile> toRead = new ArrayList<>();
        Path project = transcript.getParent();
        Path projects = project.getParent() != null ? project.getParent() : project;
        List<Path> paths = new ArrayList<>();
        paths.add(transcript);
        String name = transcript.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            Path subagents = project.resolve(name.substring(0, name.length() - ".jsonl".length())).resolve("subagents");
            if (Files.isDirectory(subagents)) {
                // No glob: it compiles a regular expression, which the status line would pay at every start.
                try (DirectoryStream<Path> list = Files.newDirectoryStream(subagents)) {
                    for (Path p : list) {
                        if (p.getFileName().toString().endsWith(".jsonl")) {
                            paths.add(p);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    warnings.add(new SourceWarning(subagents.toString(), "cannot list: " + describe(e)));
                }
            }
        }
        boolean rebuild = false;
        for (Path file : paths) {
            BasicFileAttributes attrs;
            try {
                attrs = SafeRead.requireRegular(file);
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException | RuntimeException e) {
                warnings.add(new SourceWarning(file.toString(), "cannot read: " + describe(e)));
                continue;
            }
            rebuild |= consider(projects, file, attrs, toRead);
        }
        return finishWalk(rebuild, toRead, warnings);
    }

    /**
     * Takes note of a transcript file found by a walk: known files keep their read offset.
     *
     * @return whether a known file was replaced, so that everything must be read again
     */
    private boolean consider(Path projects, Path file, BasicFileAttributes attrs, List<TranscriptFile> toRead) {
        TranscriptFile f = known(projects, file);
        f.seenInWalk = walks;
        f.seen = attrs;
        if (f.isReplacedBy(attrs)) {
            return true;
        }
        if (f.problem != null || f.isChangedBy(attrs)) {
            toRead.add(f);
        }
        return false;
    }

    /**
     * Reads only the given files (what a file watcher reported), skipping the walk over all transcripts:
     * this is the cheap path for a line just appended. Paths that are not transcripts under the given
     * directories are ignored, folders included: a watcher that sees a new folder should call
     * {@link #refresh(List)}, which finds everything. Falls back to a full {@link #refresh(List)} on the
     * first call, and when a known file disappeared, was replaced or cannot be examined. Background thread
     * only.
     *
     * @param claudeDirs   the Claude directories
     * @param changedFiles files that were created or modified
     */
    public TranscriptSummary refresh(List<Path> claudeDirs, Collection<Path> changedFiles) {
        try {
            return refreshChanged(claudeDirs, changedFiles);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /**
     * A fault of BudMon's own (a bug) must not stop the thread that refreshes: everything is forgotten, so
     * that the next refresh starts afresh, and the fault becomes a warning.
     */
    private TranscriptSummary failed(RuntimeException e) {
        files.clear();
        clearCounts();
        walks = 0;
        walkWarnings = List.of();
        lastSummary = null;
        unsaved = true;
        return new TranscriptSummary(null, null, Map.of(), UsageTimeline.EMPTY, List.of(), null, 0, 0, 0,
                List.of(new SourceWarning("transcripts", "not read because of an internal error: " + e)));
    }

    private TranscriptSummary refreshChanged(List<Path> claudeDirs, Collection<Path> changedFiles) {
        if (walks == 0) {
            return refreshAll(claudeDirs);
        }
        List<TranscriptFile> toRead = new ArrayList<>();
        for (Path changed : changedFiles) {
            Path path = changed.toAbsolutePath().normalize();
            Path projects = projectsFolderOf(path, claudeDirs);
            if (projects == null || !path.getFileName().toString().endsWith(".jsonl")) {
                continue;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                if (e instanceof NoSuchFileException && !files.containsKey(path)) {
                    continue;
                }
                return refreshAll(claudeDirs);
            }
            if (!attrs.isRegularFile()) {
                return refreshAll(claudeDirs);
            }
            TranscriptFile f = known(projects, path);
            f.seenInWalk = walks;
            if (f.isReplacedBy(attrs)) {
                return refreshAll(claudeDirs);
            }
            f.seen = attrs;
            if (f.problem != null || f.isChangedBy(attrs)) {
                toRead.add(f);
            }
        }
        if (readAll(toRead)) {
            rebuild();
        }
        unsaved |= !toRead.isEmpty();
        return summary(!toRead.isEmpty());
    }

    private static Path projectsFolderOf(Path path, List<Path> claudeDirs) {
        for (Path dir : claudeDirs) {
            Path projects = dir.toAbsolutePath().normalize().resolve("projects");
            if (path.startsWith(projects) && !path.equals(projects)) {
                return projects;
            }
        }
        return null;
    }

    /** Walks one projects folder; returns whether a known file was replaced. */
    private boolean walk(Path projects, List<SourceWarning> warnings, List<TranscriptFile> toRead) {
        BasicFileAttributes rootAttrs;
        try {
            rootAttrs = Files.readAttributes(projects, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            // Normal before Claude Code's first session, and for the other folders of CLAUDE_CONFIG_DIR.
            return false;
        } catch (IOException e) {
            warnings.add(new SourceWarning(projects.toString(), "cannot read the transcript folder: " + describe(e)));
            return false;
        }
        if (!rootAttrs.isDirectory()) {
            warnings.add(new SourceWarning(projects.toString(), "no transcripts: this is not a folder"));
            return false;
        }
        boolean[] replaced = {false};
        try {
            Files.walkFileTree(projects, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!file.getFileName().toString().endsWith(".jsonl")) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (!attrs.isRegularFile()) {
                                warnings.add(new SourceWarning(file.toString(), attrs.isSymbolicLink()
                                        ? "cannot read: broken symbolic link" : "cannot read: not a regular file"));
                                return FileVisitResult.CONTINUE;
                            }
                            replaced[0] |= consider(projects, file, attrs, toRead);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            warnings.add(new SourceWarning(file.toString(), "cannot read: " + describe(e)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                warnings.add(new SourceWarning(dir.toString(), "cannot list: " + describe(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            warnings.add(new SourceWarning(projects.toString(), "cannot list: " + describe(e)));
        }
        return replaced[0];
    }

    private static String describe(Exception e) {
        if (e instanceof NotRegularFileException n) {
            return n.getReason();
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** The file's record, created when it is new. */
    private TranscriptFile known(Path projects, Path file) {
        TranscriptFile f = files.get(file);
        if (f == null) {
            f = newFile(projects, file);
            files.put(file, f);
        }
        return f;
    }

    /** A file's session and main transcript follow from where it lies below the projects folder. */
    private static TranscriptFile newFile(Path projects, Path file) {
        Path rel = projects.relativize(file);
        String stem = file.getFileName().toString();
        stem = stem.substring(0, stem.length() - ".jsonl".length());
        if (rel.getNameCount() >= 3) {
            // <project>/<session>/subagents/agent-x.jsonl, or anything else kept in a session's folder
            String session = rel.getName(1).toString();
            return new TranscriptFile(file, session, projects.resolve(rel.getName(0)).resolve(session + ".jsonl"));
        }
        return new TranscriptFile(file, stem, file);
    }

    /** Reads the files oldest first; returns whether one turned out replaced (everything must be reread). */
    private boolean readAll(List<TranscriptFile> list) {
        for (TranscriptFile f : list) {
            if (f.seen != null) {
                f.remember(f.seen);
            }
        }
        // Oldest first, so a response copied into a newer file (a resumed or forked session) stays with
        // the session that made it, as it would have when the files were read while being written. By the
        // times just seen, so that a first scan, a rebuild and a store restored from its index agree.
        list.sort(BY_MODIFIED);
        long bytes = 0;
        for (TranscriptFile f : list) {
            SessionTally s = session(f.pathSession, f);
            s.lastAppend = Math.max(s.lastAppend, f.modified);
            if (f.path.equals(f.mainTranscript)) {
                s.transcript = f.path;
            }
            bytes += Math.max(0, f.size - f.offset);
        }
        int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
        if (threads > 1 && !list.isEmpty() && bytes > parallelBytes) {
            return readInParallel(list, Math.min(threads, list.size()));
        }
        if (tail == null) {
            tail = new TranscriptTail();
        }
        for (TranscriptFile f : list) {
            sink.file = f;
            try {
                if (tail.read(f, sink) == TranscriptTail.Outcome.REPLACED) {
                    return true;
                }
                f.problem = null;
            } catch (NoSuchFileException e) {
                files.remove(f.path);
                return true;
            } catch (IOException | RuntimeException e) {
                f.problem = "cannot read: " + describe(e);
            }
        }
        return false;
    }

    /**
     * Big reads (the first scan, a rebuild) use every core: helper threads read and parse whole files
     * ahead, while this thread counts them strictly in the given order, so the result is the same as
     * reading them one after the other. The helpers end before this returns.
     */
    private boolean readInParallel(List<TranscriptFile> list, int threads) {
        List<CompletableFuture<ParsedLines>> results = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            results.add(new CompletableFuture<>());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] helpers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            helpers[t] = new Thread(() -> {
                TranscriptTail ownTail = new TranscriptTail();
                TranscriptLineParser ownParser = new TranscriptLineParser();
                int i;
                while (!stop.get() && (i = next.getAndIncrement()) < list.size()) {
                    try {
                        results.get(i).complete(ParsedLines.read(list.get(i), ownTail, ownParser));
                    } catch (Throwable e) {
                        results.get(i).completeExceptionally(e);
                    }
                }
            }, "budmon-transcripts-" + t);
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        try {
            for (int i = 0; i < list.size(); i++) {
                ParsedLines r;
                try {
                    r = results.get(i).join();
                } catch (CompletionException e) {
                    list.get(i).problem = "cannot read: " + e.getCause();
                    continue;
                } finally {
                    results.set(i, null); // let the counted lines go
                }
                if (r.gone) {
                    files.remove(r.file.path);
                    return true;
                }
                if (r.outcome == TranscriptTail.Outcome.REPLACED) {
                    return true;
                }
                skippedLines += r.skipped;
                for (TranscriptLine l : r.lines) {
                    countLine(l, r.file);
                }
                r.file.problem = r.error == null ? null : "cannot read: " + describe(r.error);
            }
            return false;
        } finally {
            stop.set(true);
            for (Thread helper : helpers) {
                joinUninterruptibly(helper);
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets all counts and reads every known file from its start. */
    private void rebuild() {
        for (int attempt = 0; attempt < MAX_REBUILDS; attempt++) {
            clearCounts();
            for (TranscriptFile f : files.values()) {
                f.rewind();
                f.problem = null;
            }
            if (!readAll(new ArrayList<>(files.values()))) {
                return;
            }
        }
    }

    private void clearCounts() {
        byMessageId.clear();
        sessions.clear();
        timeline.clear();
        newest.clear();
        responseCount = 0;
        skippedLines = 0;
        newestMillis = Long.MIN_VALUE;
    }

    private SessionTally session(String id, TranscriptFile file) {
        SessionTally s = sessions.get(id);
        if (s == null) {
            s = new SessionTally(id);
            s.transcript = file.mainTranscript;
            sessions.put(id, s);
        }
        return s;
    }

    /** Hands each line of the file being read to the counting rules. */
    private final class FileLines implements TranscriptTail.LineSink {
        TranscriptFile file;

        @Override
        public void line(byte[] a, int from, int to) {
            if (parser == null) {
                parser = new TranscriptLineParser();
                line = new TranscriptLine();
            }
            parser.parse(a, from, to, line);
            countLine(line, file);
        }

        @Override
        public void oversizeLine() {
            skippedLines++;
        }
    }

    private void countLine(TranscriptLine l, TranscriptFile file) {
        switch (l.kind) {
            case USAGE -> count(l, file);
            case COST_STATE -> session(l.sessionId != null ? l.sessionId : file.pathSession, file)
                    .noteCostState(l.totalCostUsd, l.modelUsage);
            case BAD -> skippedLines++;
            default -> {
            }
        }
    }

    private void count(TranscriptLine l, TranscriptFile file) {
        CountedResponse head = byMessageId.get(l.messageId);
        CountedResponse same = head;
        while (same != null && !Objects.equals(same.requestId, l.requestId)) {
            same = same.sameMessage;
        }
        if (same != null) {
            if (!same.retracted) {
                grow(same, l);
                noteLine(same.session, l);
            }
            return;
        }
        if (l.sidechain) {
            for (CountedResponse r = head; r != null; r = r.sameMessage) {
                if (!r.sidechain) {
                    return; // a replay of a main-chain response
                }
            }
        } else {
            for (CountedResponse r = head; r != null; r = r.sameMessage) {
                if (r.sidechain && !r.retracted) {
                    retract(r); // it was a replay of this response, read first
                }
            }
        }
        SessionTally s = session(l.sessionId != null ? l.sessionId : file.pathSession, file);
        CountedResponse r = new CountedResponse(l.messageId, l.requestId, s, intern(l.model),
                l.timeMillis, sequence++, l.sidechain);
        r.sameMessage = head;
        byMessageId.put(l.messageId, r);
        responseCount++;
        s.start = Math.min(s.start, r.timeMillis);
        apply(r, 1, 0, 0, 0, 0, 0);
        grow(r, l);
        noteLine(s, l);
        noteNewest(r);
    }

    /** One string per model id, however many responses name it. */
    String internModel(String model) {
        return intern(model);
    }

    private String intern(String model) {
        String known = models.get(model);
        if (known == null) {
            models.put(model, model);
            return model;
        }
        return known;
    }

    /** Counts a response restored by {@link TranscriptIndex} as if its lines had just been read. */
    void restore(CountedResponse r) {
        CountedResponse head = byMessageId.get(r.messageId);
        r.sameMessage = head;
        byMessageId.put(r.messageId, r);
        if (r.retracted) {
            return;
        }
        responseCount++;
        apply(r, 1, r.input, r.output, r.write5m, r.write1h, r.read);
        noteNewest(r);
    }

    /** The session of that id, created when new; for {@link TranscriptIndex}. */
    SessionTally sessionNamed(String id) {
        SessionTally s = sessions.get(id);
        if (s == null) {
            s = new SessionTally(id);
            sessions.put(id, s);
        }
        return s;
    }

    private void noteLine(SessionTally s, TranscriptLine l) {
        long time = Math.max(l.timeMillis, l.foldedUntil);
        s.noteLine(time, l.cwd);
        newestMillis = Math.max(newestMillis, time);
    }

    /** Raises the response's counts to at least the line's and adds the growth to every total. */
    private void grow(CountedResponse r, TranscriptLine l) {
        long dIn = Math.max(0, l.input - r.input);
        long dOut = Math.max(0, l.output - r.output);
        long d5m = Math.max(0, l.cacheWrite5m - r.write5m);
        long d1h = Math.max(0, l.cacheWrite1h - r.write1h);
        long dRead = Math.max(0, l.cacheRead - r.read);
        if ((dIn | dOut | d5m | d1h | dRead) == 0) {
            return;
        }
        r.input += dIn;
        r.output += dOut;
        r.write5m += d5m;
        r.write1h += d1h;
        r.read += dRead;
        apply(r, 0, dIn, dOut, d5m, d1h, dRead);
    }

    private void retract(CountedResponse r) {
        r.retracted = true;
        responseCount--;
        apply(r, -1, -r.input, -r.output, -r.write5m, -r.write1h, -r.read);
        if (newest.remove(r) && newest.size() < responseCount) {
            refillNewest();
        }
    }

    private void apply(CountedResponse r, long requests, long in, long out, long w5m, long w1h, long read) {
        timeline.add(r.timeMillis, r.model, requests, in, out, w5m, w1h, read);
        r.session.add(r.model, requests, in, out, w5m, w1h, read);
    }

    /** Keeps the response among the newest if it is one of them. */
    private void noteNewest(CountedResponse r) {
        // Most responses arrive in time order or are older than the newest few: a comparison, not an insertion.
        if (newest.size() >= UsageState.CACHE_HISTORY && BY_TIME.compare(r, newest.first()) <= 0) {
            return;
        }
        newest.add(r);
        if (newest.size() > UsageState.CACHE_HISTORY) {
            newest.pollFirst();
        }
    }

    /** Rare: a replay among the newest was taken back, so the next-newest response must be found again. */
    private void refillNewest() {
        newest.clear();
        for (CountedResponse head : byMessageId.values()) {
            for (CountedResponse r = head; r != null; r = r.sameMessage) {
                if (!r.retracted) {
                    noteNewest(r);
                }
            }
        }
    }

    /**
     * Every response counted so far, oldest first, each once (replays left out), for the per-turn logs.
     * Same thread as {@link #refresh}.
     *
     * @param sessionId only this session's responses (its subagents included); {@code null} for all
     */
    public List<ApiResponse> responses(String sessionId) {
        return responses(sessionId, null);
    }

    /**
     * The responses counted so far from {@code since} on, oldest first, each once; see {@link #responses(String)}.
     *
     * @param since {@code null} for all
     */
    public List<ApiResponse> responses(String sessionId, Instant since) {
        long from = since == null ? Long.MIN_VALUE : since.toEpochMilli();
        List<CountedResponse> out = new ArrayList<>();
        for (CountedResponse first : byMessageId.values()) {
            for (CountedResponse r = first; r != null; r = r.sameMessage) {
                if (!r.retracted && r.timeMillis >= from && (sessionId == null || sessionId.equals(r.session.id))) {
                    out.add(r);
                }
            }
        }
        out.sort(BY_TIME);
        List<ApiResponse> list = new ArrayList<>(out.size());
        for (CountedResponse r : out) {
            list.add(r.toApiResponse());
        }
        return list;
    }

    /**
     * Every session's project: the working directory Claude Code recorded, else the transcript's project folder.
     * Same thread as {@link #refresh}.
     */
    public Map<String, String> sessionProjects() {
        Map<String, String> out = new HashMap<>();
        for (SessionTally s : sessions.values()) {
            String project = s.cwd;
            if (project == null && s.transcript != null && s.transcript.getParent() != null) {
                project = s.transcript.getParent().getFileName().toString();
            }
            out.put(s.id, project);
        }
        return out;
    }

    /**
     * Every session read so far, each with its working directory, main transcript and totals, in no
     * particular order. Same thread as {@link #refresh}.
     */
    public List<SessionUsage> sessions() {
        List<SessionUsage> list = new ArrayList<>(sessions.size());
        for (SessionTally s : sessions.values()) {
            list.add(s.toSessionUsage());
        }
        return list;
    }

    /**
     * The summary of what was read: the last one again when nothing was read, rebuilt or warned about anew
     * since, so that the poll of an idle session neither builds nor deeply compares a new summary (the
     * timeline of a week of minutes, the cache ratios).
     */
    private TranscriptSummary summary(boolean maybeChanged) {
        if (maybeChanged || lastSummary == null || lastSummary.files() != files.size()) {
            lastSummary = snapshot();
        }
        return lastSummary;
    }

    private TranscriptSummary snapshot() {
        ApiResponse last = newest.isEmpty() ? null : newest.last().toApiResponse();
        List<Double> ratios = new ArrayList<>(newest.size());
        for (CountedResponse r : newest) {
            double ratio = r.tokens().cacheHitRatio();
            if (!Double.isNaN(ratio)) {
                ratios.add(ratio);
            }
        }
        SessionTally active = null;
        for (SessionTally s : sessions.values()) {
            if (active == null || s.lastAppend > active.lastAppend
                    || (s.lastAppend == active.lastAppend && (s.lastActivity > active.lastActivity
                    || (s.lastActivity == active.lastActivity && s.id.compareTo(active.id) > 0)))) {
                active = s;
            }
        }
        SessionUsage activeUsage = active == null ? null : active.toSessionUsage();
        List<SourceWarning> warnings = new ArrayList<>(walkWarnings);
        for (TranscriptFile f : files.values()) {
            if (f.problem != null) {
                warnings.add(new SourceWarning(f.path.toString(), f.problem));
            }
        }
        return new TranscriptSummary(last, activeUsage, active == null ? Map.of() : active.claudeModelUsage,
                timeline.snapshot(), ratios, newestMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(newestMillis),
                responseCount, files.size(), skippedLines, warnings);
    }

    /** Oldest first; the order of arrival breaks ties. */
    private static final class ByTime implements Comparator<CountedResponse> {
        @Override
        public int compare(CountedResponse a, CountedResponse b) {
            int byTime = Long.compare(a.timeMillis, b.timeMillis);
            return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
        }
    }

    /** Least recently modified first; the path breaks ties. */
    private static final class ByModified implements Comparator<TranscriptFile> {
        @Override
        public int compare(TranscriptFile a, TranscriptFile b) {
            int byTime = Long.compare(a.modified, b.modified);
            return byTime != 0 ? byTime : a.path.toString().compareTo(b.path.toString());
        }
    }
}
