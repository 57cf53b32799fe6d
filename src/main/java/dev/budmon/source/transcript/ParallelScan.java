package dev.budmon.source.transcript;

import dev.budmon.DaemonThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A big read (the first scan, a rebuild) on every core: helper threads read and parse whole files ahead,
 * while the calling thread counts them strictly in the given order, so the result is the same as reading
 * them one after the other. The helpers end before {@link #read} returns.
 */
final class ParallelScan {

    /** Counts one file's parsed lines; on the calling thread, in the list's order. */
    interface Counter {
        /** @return whether to stop: a file turned out replaced or gone, everything must be read again */
        boolean count(ParsedLines parsed);
    }

    private ParallelScan() {
    }

    /** @return whether the counter stopped the read */
    static boolean read(List<TranscriptFile> list, int threads, Counter counter) {
        List<CompletableFuture<ParsedLines>> results = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            results.add(new CompletableFuture<>());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] helpers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            helpers[t] = DaemonThreads.of("budmon-transcripts-" + t, () -> {
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
            });
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
                if (counter.count(r)) {
                    return true;
                }
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
}
