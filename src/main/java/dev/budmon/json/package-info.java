/**
 * JSON as every reader and writer of BudMon handles it: trees without an {@code ObjectMapper}
 * ({@link dev.budmon.json.JsonTrees}), the streaming factory, copying and pretty printing
 * ({@link dev.budmon.json.JsonStreams}), the rules for numbers and times found in files
 * ({@link dev.budmon.json.JsonValues}: range checks, seconds or milliseconds) and ISO-8601 times
 * ({@link dev.budmon.json.IsoTime}).
 *
 * <p>Pure; depends on Jackson only. Any thread.
 */
package dev.budmon.json;
