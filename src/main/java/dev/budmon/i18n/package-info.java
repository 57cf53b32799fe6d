/**
 * The texts of {@code lang/*.json} by key, with English as the fallback ({@link dev.budmon.i18n.Messages}).
 *
 * <p>Depends on json. Loading reads files (never on the EDT); a loaded {@code Messages} is immutable, any thread.
 */
package dev.budmon.i18n;
