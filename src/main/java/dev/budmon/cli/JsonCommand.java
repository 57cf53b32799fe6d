package dev.budmon.cli;

import dev.budmon.calc.Calculator;
import dev.budmon.calc.Figures;
import dev.budmon.calc.PriceTable;
import dev.budmon.calc.Pricing;
import dev.budmon.config.BudmonConfig;
import dev.budmon.config.ConfigStore;
import dev.budmon.config.LoadedConfig;
import dev.budmon.model.UsageState;
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
        Figures figures = Calculator.compute(state, now, config, prices);
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonReport.write(w, figures, dirs.dirs(), state.warnings(), new Pricing(prices, config));
            return 0;
        } catch (IOException e) {
            err.println("budmon: cannot write the report: " + e.getMessage());
            return 1;
        }
    }
}
