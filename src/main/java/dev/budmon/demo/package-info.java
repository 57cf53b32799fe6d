/**
 * {@code budmon --demo}: a temporary Claude directory that a background thread keeps changing as Claude Code
 * and BudMon's interceptor would, so that the real readers, watcher and window show a live session without
 * Claude Code. {@link dev.budmon.demo.DemoWriter} owns the directory and the thread; the pure scripts
 * {@code QuotaScript} and {@code ConversationScript} decide what the files say at each moment;
 * {@link dev.budmon.demo.SessionLines} writes transcript lines in Claude Code's format (the tests' fixtures
 * write theirs with it too) and {@code UsageLimitsWriter} the interceptor's {@code usage-limits.json}.
 *
 * <p>Depends on {@code model}, {@code files} and {@code source} (file names and header names) and on
 * Jackson; nothing depends on it but {@code cli}. {@code DemoWriter} may be called from any thread but the
 * Event Dispatch Thread (it does file I/O); the other classes are confined to its writer thread or pure.
 */
package dev.budmon.demo;
