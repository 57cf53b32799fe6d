package dev.budmon.source;

import dev.budmon.calc.Pricing;
import dev.budmon.model.ApiResponse;
import dev.budmon.model.SessionUsage;
import dev.budmon.model.SourceWarning;
import dev.budmon.report.Report;
import dev.budmon.report.ReportBuilder;
import dev.budmon.report.ReportOptions;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptStore;
import dev.budmon.threads.ThreadCheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole transcript history as the Reports window reads it: through the same {@link HistoryIndex} and
 * into the same {@link ReportBuilder} as {@code budmon report}, so that the window and the command line
 * always show the same figures. Reading is I/O (not on the EDT); the reports are built from the responses
 * held here, so another range or grouping costs no second read. Immutable after {@link #read}; any thread.
 */
public final class HistoryReports {

    private final List<ApiResponse> responses;
    private final List<SessionUsage> sessions;
    private final List<SourceWarning> warnings;

    private HistoryReports(List<ApiResponse> responses, List<SessionUsage> sessions, List<SourceWarning> warnings) {
        this.responses = List.copyOf(responses);
        this.sessions = List.copyOf(sessions);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Restores the history from the index, reads what is new and saves the index again, as the command line
     * does. Not on the EDT.
     *
     * @param index the index; {@code null} to read every transcript without one (the demo, tests)
     */
    public static HistoryReports read(HistoryIndex index, List<Path> claudeDirs) {
        ThreadCheck.notOnEdt("reading the transcript history");
        HistoryIndex.History h;
        if (index == null) {
            TranscriptStore store = new TranscriptStore();
            h = new HistoryIndex.History(store, store.refresh(claudeDirs), null);
        } else {
            h = index.read(claudeDirs);
        }
        List<SourceWarning> warnings = new ArrayList<>(h.summary().warnings());
        if (h.summary().skippedLines() > 0) {
            warnings.add(new SourceWarning("transcripts", h.summary().skippedLines()
                    + " lines were not JSON or had an unexpected shape and were skipped"));
        }
        if (h.saveProblem() != null) {
            warnings.add(new SourceWarning("transcript index", h.saveProblem()));
        }
        return new HistoryReports(h.store().responses(null), h.store().sessions(), warnings);
    }

    /** The report of the history held here. Pure; any thread. */
    public Report build(ReportOptions options, Pricing pricing) {
        return ReportBuilder.build(responses, sessions, options, pricing);
    }

    /** What went wrong while reading: files that could not be read, lines skipped, an index not saved. */
    public List<SourceWarning> warnings() {
        return warnings;
    }

    /** How many responses the history holds. */
    public int responseCount() {
        return responses.size();
    }
}
