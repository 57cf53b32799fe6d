package dev.budmon.model;

/**
 * Something a source could not read or understand. The affected figure is unknown; every other figure
 * still stands.
 *
 * @param source  the file or source it concerns
 * @param message what went wrong, in English, for logs and {@code --json}
 */
public record SourceWarning(String source, String message) {
}
