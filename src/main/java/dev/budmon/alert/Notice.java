package dev.budmon.alert;

/**
 * One desktop notification in words.
 *
 * @param summary the one line a notification shows in bold, e.g. {@code 5-hour quota at 92 %}
 * @param body    the sentences below it
 * @param urgency how urgent it is
 */
public record Notice(String summary, String body, Urgency urgency) {
}
