package dev.budmon.notify;

import dev.budmon.alert.Notice;
import dev.budmon.alert.Urgency;

import java.util.List;

/**
 * The {@code osascript} command that shows a notice in macOS's Notification Center:
 * {@code display notification "body" with title "BudMon" subtitle "summary"}, with a sound when it is
 * critical. Pure; any thread. macOS attributes such notifications to Script Editor, and a click on one
 * opens that, not BudMon: AppleScript has no way to say otherwise.
 */
public final class AppleScriptCommand {

    /** The program, present on every macOS. */
    public static final String PROGRAM = "/usr/bin/osascript";
    /** One of macOS's system sounds, for critical notices only. */
    static final String CRITICAL_SOUND = "Funk";

    private AppleScriptCommand() {
    }

    /** The command line. */
    public static List<String> of(Notice n) {
        return List.of(PROGRAM, "-e", script(n));
    }

    /** The AppleScript statement. */
    static String script(Notice n) {
        StringBuilder s = new StringBuilder("display notification ").append(literal(n.body()))
                .append(" with title ").append(literal(FreedesktopCall.APP_NAME))
                .append(" subtitle ").append(literal(n.summary()));
        if (n.urgency() == Urgency.CRITICAL) {
            s.append(" sound name ").append(literal(CRITICAL_SOUND));
        }
        return s.toString();
    }

    /**
     * An AppleScript string literal: in double quotes, with {@code \} and {@code "} escaped by a backslash; line
     * breaks become spaces, since a notification shows one paragraph.
     */
    static String literal(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
