/**
 * Claude Code's transcripts ({@code projects/**}{@code /*.jsonl}): incremental, byte-level reading
 * ({@link dev.budmon.source.transcript.TranscriptTail}), a line parser that skips what BudMon never needs
 * ({@link dev.budmon.source.transcript.TranscriptLineParser}), the one set of counting rules
 * ({@link dev.budmon.source.transcript.TranscriptStore}: each response once, replays and synthetic lines left
 * out), for the whole history (the window, {@code --json}) or one session (the status line), and the store's
 * state kept between processes ({@link dev.budmon.source.transcript.TranscriptIndex}).
 *
 * <p>Depends on model, json and files. A store is confined to one thread and does file I/O (never on the
 * EDT); the summaries it returns are immutable.
 */
package dev.budmon.source.transcript;
