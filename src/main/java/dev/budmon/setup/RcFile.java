package dev.budmon.setup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Adding and removing BudMon's alias line in a shell start-up file ({@code .bashrc}, {@code .zshrc}),
 * byte for byte: the content is handled as ISO-8859-1 text so that every byte, whatever the file's encoding,
 * maps to one character and back. Every line that is not BudMon's stays as it was, with its own line end.
 *
 * <p>BudMon's line ends with {@link #MARKER}. When the file did not end with a line break, setup has to add
 * one before its line; it then ends the line with {@link #MARKER_ENDED_LINE_ABOVE} instead, so that
 * {@code --uninstall} takes that line break away again and the file is byte-identical to before.
 */
final class RcFile {

    /** The comment that marks BudMon's line. */
    static final String MARKER = "# added by budmon --setup";
    /** The same, for a line before which setup ended the file's last line. */
    static final String MARKER_ENDED_LINE_ABOVE = "# added by budmon --setup (it ended the line above)";

    private RcFile() {
    }

    /** The alias line (without marker) that makes {@code claude-budmon} run the installed launcher. */
    static String aliasLine(String launcher) {
        return "alias claude-budmon=" + PosixShell.quoteAlways(PosixShell.quote(launcher));
    }

    /**
     * The content with exactly one BudMon line whose command is {@code command}: unchanged when that is so
     * already; an existing BudMon line with another command is replaced in place; else the line is appended,
     * with the file's own line end ({@code \r\n} when the file uses it).
     */
    static byte[] withLine(byte[] content, String command) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String cmd = new String(command.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        List<Line> lines = split(text);
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBudmon()) {
                first = i;
                break;
            }
        }
        if (first >= 0) {
            Line old = lines.get(first);
            String marker = old.body().endsWith(MARKER_ENDED_LINE_ABOVE) ? MARKER_ENDED_LINE_ABOVE : MARKER;
            List<Line> out = new ArrayList<>(lines);
            out.set(first, new Line(cmd + " " + marker, old.end()));
            String rest = join(out.subList(0, first + 1)) + new String(
                    without(join(out.subList(first + 1, out.size())).getBytes(StandardCharsets.ISO_8859_1)),
                    StandardCharsets.ISO_8859_1);
            return rest.getBytes(StandardCharsets.ISO_8859_1);
        }
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        String result;
        if (text.isEmpty() || text.endsWith("\n")) {
            result = text + cmd + " " + MARKER + eol;
        } else {
            result = text + eol + cmd + " " + MARKER_ENDED_LINE_ABOVE + eol;
        }
        return result.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The content without BudMon's lines (and without the line break setup added before one). */
    static byte[] without(byte[] content) {
        List<Line> lines = split(new String(content, StandardCharsets.ISO_8859_1));
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!l.isBudmon()) {
                out.add(l);
                continue;
            }
            boolean last = i == lines.size() - 1;
            if (last && l.body().endsWith(MARKER_ENDED_LINE_ABOVE) && !out.isEmpty()) {
                Line above = out.remove(out.size() - 1);
                out.add(new Line(above.body(), ""));
            }
        }
        return join(out).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the content defines {@code claude-budmon} itself, in a line that is not BudMon's: the user's own
     * alias, which BudMon must not shadow with a second one.
     */
    static boolean hasUserAlias(byte[] content) {
        for (Line l : split(new String(content, StandardCharsets.ISO_8859_1))) {
            String t = l.body().strip();
            if (l.isBudmon() || !t.startsWith("alias")) {
                continue;
            }
            String rest = t.substring("alias".length()).stripLeading();
            if (rest.length() < t.length() - "alias".length() && (rest.startsWith("claude-budmon=")
                    || rest.startsWith("'claude-budmon'=") || rest.startsWith("\"claude-budmon\"="))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the content holds a BudMon line. */
    static boolean hasLine(byte[] content) {
        return split(new String(content, StandardCharsets.ISO_8859_1)).stream().anyMatch(Line::isBudmon);
    }

    /** One line: its text and its line end ({@code "\n"}, {@code "\r\n"} or {@code ""} for the last one). */
    private record Line(String body, String end) {
        boolean isBudmon() {
            return body.endsWith(MARKER) || body.endsWith(MARKER_ENDED_LINE_ABOVE);
        }
    }

    private static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new Line(text.substring(start), ""));
                break;
            }
            boolean cr = nl > start && text.charAt(nl - 1) == '\r';
            lines.add(new Line(text.substring(start, cr ? nl - 1 : nl), cr ? "\r\n" : "\n"));
            start = nl + 1;
        }
        return lines;
    }

    private static String join(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.body()).append(l.end());
        }
        return sb.toString();
    }
}
