package dev.budmon.cli;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.history.HistoryReader;
import dev.budmon.history.UnloggedLimits;
import dev.budmon.model.SourceWarning;
import dev.budmon.model.UsageState;
import dev.budmon.quotacost.HistoryFigures;
import dev.budmon.source.QuotaFiles;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.StateReader;
import dev.budmon.source.transcript.HistoryIndex;
import dev.budmon.source.transcript.TranscriptFeed;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code budmon --json}: reads every source once and prints the state and every derived figure. */
final class JsonCommand {

    private JsonCommand() {
    }

    /** @param cacheDir where the transcript history's index lives, so that only what is new is read */
    static int run(ClaudeDirs dirs, Path cacheDir, Instant now, PrintStream out, PrintStream err) {
        LoadedConfig loaded = new ConfigStore(dirs.primary()).load();
        BudmonConfig config = loaded.config();
        TranscriptFeed transcripts = TranscriptFeed.indexed(new HistoryIndex(cacheDir, dirs.dirs()), Duration.ZERO);
        UsageState state = new StateReader(dirs.dirs(), transcripts, loaded.warnings()).read();
        PriceTable prices = PriceTable.bundled();
        Pricing pricing = new Pricing(prices, config);
        Figures figures = Calculator.compute(state, now, config, prices);
        List<SourceWarning> warnings = new ArrayList<>(state.warnings());
        // headers that no writer logged go into the history before it is read
        UnloggedLimits.record(dirs.primary(), QuotaFiles.read(dirs.dirs()).content().headers(), warnings);
        HistoryReader.Read history = HistoryReader.read(dirs.dirs(), now.minus(HistoryFigures.FIT_SPAN), null);
        warnings.addAll(history.stats().warnings());
        // the requests the history's spans can reach: its 30 days, and a week before for the first weekly period
        HistoryFigures historyFigures = HistoryFigures.compute(figures, history.history(),
                transcripts.responses(now.minus(HistoryFigures.FIT_SPAN).minus(Duration.ofDays(7))),
                transcripts.sessionProjects(), pricing, config.thresholds(), now);
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonReport.write(w, figures, dirs.dirs(), warnings, pricing, historyFigures, history.stats());
            return 0;
        } catch (IOException e) {
            err.println("budmon: cannot write the report: " + e.getMessage());
            return 1;
        }
    }
}
