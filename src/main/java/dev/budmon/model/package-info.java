/**
 * The immutable records every other package speaks in: quota windows and rate limits as the server reported
 * them, token counts, API responses, sessions, the usage timeline, and the merged {@link dev.budmon.model.UsageState}.
 *
 * <p>Depends on the JDK only. Records, any thread.
 */
package dev.budmon.model;
