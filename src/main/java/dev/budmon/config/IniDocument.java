package dev.budmon.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of an INI file as a list of lines kept exactly as written, line endings included, so that one
 * value can be changed while every other byte of the file stays the same. Immutable and pure; any thread.
 *
 * <p>It follows ini4j's reading of a file (the one {@link ConfigParser} configures): a line whose first
 * non-blank character is {@code ;} or {@code #} is a comment; {@code [name]} opens a section (names are
 * case-insensitive, a section named twice is one section); {@code key = value} or {@code key: value} is an
 * entry, split at the first {@code =} or {@code :}, key and value trimmed, keys case-insensitive, the last of
 * several equal keys wins. On top of ini4j it strips an inline comment from a value (a {@code ;} or
 * {@code #} at the start of the value or after whitespace) and one pair of surrounding double quotes.
 * Backslashes are never special. Anything else (a line without an operator, an entry before the first
 * section) is {@linkplain #problems() reported} and ignored.
 */
public final class IniDocument {

    private static final char BOM = '\uFEFF';

    /** What a line is. */
    enum Kind { BLANK, COMMENT, SECTION, ENTRY, INVALID }

    /**
     * One line.
     *
     * @param text       the line without its ending (and without a byte-order mark on the first line)
     * @param ending     {@code "\r\n"}, {@code "\n"}, {@code "\r"} or {@code ""} for a last line without one
     * @param kind       what it is
     * @param name       lower-case section name for {@code SECTION}, lower-case key for {@code ENTRY}, else {@code null}
     * @param valueStart start of the value in {@code text} ({@code ENTRY} only)
     * @param valueEnd   end of the value in {@code text}, before trailing blanks and an inline comment
     */
    record Line(String text, String ending, Kind kind, String name, int valueStart, int valueEnd) {

        String value() {
            return text.substring(valueStart, valueEnd);
        }
    }

    private final boolean bom;
    private final List<Line> lines;

    private IniDocument(boolean bom, List<Line> lines) {
        this.bom = bom;
        this.lines = Collections.unmodifiableList(lines);
    }

    /** Splits a text into lines; never fails. */
    public static IniDocument parse(String text) {
        boolean bom = !text.isEmpty() && text.charAt(0) == BOM;
        int i = bom ? 1 : 0;
        List<Line> lines = new ArrayList<>();
        int n = text.length();
        while (i < n) {
            int end = i;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String ending;
            if (end == n) {
                ending = "";
            } else if (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                ending = "\r\n";
            } else {
                ending = String.valueOf(text.charAt(end));
            }
            lines.add(classify(text.substring(i, end), ending));
            i = end + ending.length();
        }
        return new IniDocument(bom, lines);
    }

    static Line classify(String text, String ending) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new Line(text, ending, Kind.BLANK, null, 0, 0);
        }
        char first = trimmed.charAt(0);
        if (first == ';' || first == '#') {
            return new Line(text, ending, Kind.COMMENT, null, 0, 0);
        }
        if (first == '[') {
            int close = trimmed.indexOf(']');
            String rest = close < 0 ? "" : trimmed.substring(close + 1).trim();
            String name = close < 0 ? "" : trimmed.substring(1, close).trim();
            boolean restIsComment = rest.isEmpty() || rest.charAt(0) == ';' || rest.charAt(0) == '#';
            if (close < 0 || name.isEmpty() || !restIsComment) {
                return new Line(text, ending, Kind.INVALID, null, 0, 0);
            }
            return new Line(text, ending, Kind.SECTION, name.toLowerCase(Locale.ROOT), 0, 0);
        }
        int op = operatorIndex(text);
        String key = op < 0 ? "" : text.substring(0, op).trim();
        if (key.isEmpty()) {
            return new Line(text, ending, Kind.INVALID, null, 0, 0);
        }
        int start = op + 1;
        while (start < text.length() && isBlank(text.charAt(start))) {
            start++;
        }
        int end = commentStart(text, start);
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return new Line(text, ending, Kind.ENTRY, key.toLowerCase(Locale.ROOT), start, end);
    }

    /** Like ini4j: the first {@code =} or {@code :} separates key and value. */
    private static int operatorIndex(String text) {
        int eq = text.indexOf('=');
        int colon = text.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** Where an inline comment starts in {@code text} at or after {@code from}, or the text's length. */
    private static int commentStart(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ';' || c == '#') && (i == from || isBlank(text.charAt(i - 1)))) {
                return i;
            }
        }
        return text.length();
    }

    /** What {@link String#trim()} removes, so that this class trims exactly as ini4j does. */
    private static boolean isBlank(char c) {
        return c <= ' ';
    }

    /**
     * The value as BudMon understands it from a value as ini4j returns it (trimmed, inline comment still
     * attached): the inline comment removed, trimmed, one pair of surrounding double quotes removed.
     */
    static String cleanValue(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        t = t.substring(0, commentStart(t, 0)).trim();
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** The whole text, byte for byte as parsed (after the changes made through {@link #withValue}). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (bom) {
            sb.append(BOM);
        }
        for (Line l : lines) {
            sb.append(l.text).append(l.ending);
        }
        return sb.toString();
    }

    List<Line> lines() {
        return lines;
    }

    /**
     * Every entry, by lower-case section and lower-case key, values cleaned as {@link #cleanValue} does;
     * sections and keys in file order, the last of several equal keys winning. Reading without ini4j, for
     * callers that must start fast; {@link ConfigParser} checks that both readings agree.
     */
    public Map<String, Map<String, String>> values() {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        String section = null;
        for (Line l : lines) {
            if (l.kind == Kind.SECTION) {
                section = l.name;
                if (!result.containsKey(section)) {
                    result.put(section, new LinkedHashMap<>());
                }
            } else if (l.kind == Kind.ENTRY && section != null) {
                result.get(section).put(l.name, cleanValue(l.value()));
            }
        }
        return result;
    }

    /**
     * The text ini4j is given: comments and blank lines emptied, section headers without their inline
     * comments (ini4j rejects {@code [name] ; comment}), and the lines ini4j would stop at left out. Line
     * numbers stay the same.
     */
    String textForIni4j() {
        StringBuilder sb = new StringBuilder();
        boolean inSection = false;
        for (Line l : lines) {
            switch (l.kind) {
                case SECTION -> {
                    sb.append('[').append(l.name).append(']');
                    inSection = true;
                }
                case ENTRY -> {
                    if (inSection) {
                        sb.append(l.text);
                    }
                }
                default -> {
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * What in the text is not understood or not what the writer probably meant, one English sentence each,
     * e.g. {@code line 7: "quota_warn 80" is not a section, a key = value or a comment; ignored}.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            int lineNo = i + 1;
            if (l.kind == Kind.INVALID) {
                problems.add("line " + lineNo + ": \"" + shorten(l.text.trim())
                        + "\" is not a section, a key = value or a comment; ignored");
            } else if (l.kind == Kind.SECTION) {
                section = l.name;
            } else if (l.kind == Kind.ENTRY) {
                if (section == null) {
                    problems.add("line " + lineNo + ": \"" + shorten(l.text.trim())
                            + "\" comes before any [section]; ignored");
                } else {
                    Integer before = seen.put(section + "\u0000" + l.name, lineNo);
                    if (before != null) {
                        problems.add("[" + section + "] " + l.name + " is set on line " + before + " and again on line "
                                + lineNo + "; the value on line " + lineNo + " counts");
                    }
                }
            }
        }
        return problems;
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /**
     * This document with {@code [section] key} set to {@code value}, changing nothing else: the value of
     * the key's effective (last) line is replaced in place, keeping indentation, spacing and an inline
     * comment; a missing key is added after the section's last entry; a missing section is appended at the
     * end. New lines use the file's own line ending.
     *
     * @throws IllegalArgumentException when the names are not plain INI names, or the value would not read
     *                                  back as itself (line breaks, an inline comment, surrounding quotes or
     *                                  blanks)
     */
    public IniDocument withValue(String section, String key, String value) {
        checkName(section, "section");
        checkName(key, "key");
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || !value.equals(cleanValue(value))) {
            throw new IllegalArgumentException("value would not read back as written: \"" + value + "\"");
        }
        String sec = section.toLowerCase(Locale.ROOT);
        String k = key.toLowerCase(Locale.ROOT);
        List<Line> out = new ArrayList<>(lines);

        int entry = -1;
        int lastHeader = -1;
        int lastInSection = -1;
        String current = null;
        for (int i = 0; i < out.size(); i++) {
            Line l = out.get(i);
            if (l.kind == Kind.SECTION) {
                current = l.name;
                if (current.equals(sec)) {
                    lastHeader = i;
                    lastInSection = i;
                }
            } else if (l.kind == Kind.ENTRY && sec.equals(current)) {
                lastInSection = i;
                if (l.name.equals(k)) {
                    entry = i;
                }
            }
        }

        if (entry >= 0) {
            Line l = out.get(entry);
            String before = l.text.substring(0, l.valueStart);
            String after = l.text.substring(l.valueEnd);
            if (l.valueStart == l.valueEnd && !before.isEmpty() && !isBlank(before.charAt(before.length() - 1))) {
                before = before + " "; // "geometry =" becomes "geometry = 1,2,3,4", not "geometry =1,2,3,4"
            }
            if (!after.isEmpty() && !isBlank(after.charAt(0))) {
                after = " " + after; // keep a directly following ";comment" a comment
            }
            out.set(entry, classify(before + value + after, l.ending));
        } else {
            String eol = lineEnding();
            if (lastHeader >= 0) {
                int at = lastInSection + 1;
                terminate(out, at - 1, eol);
                out.add(at, classify(key + " = " + value, eol));
            } else {
                if (!out.isEmpty()) {
                    terminate(out, out.size() - 1, eol);
                    if (out.get(out.size() - 1).kind != Kind.BLANK) {
                        out.add(classify("", eol));
                    }
                }
                out.add(classify("[" + section + "]", eol));
                out.add(classify(key + " = " + value, eol));
            }
        }
        IniDocument changed = new IniDocument(bom, out);
        String readBack = changed.values().getOrDefault(sec, Map.of()).get(k);
        if (!value.equals(readBack)) {
            throw new IllegalStateException("[" + section + "] " + key + " reads back as \"" + readBack + "\"");
        }
        return changed;
    }

    /** Gives line {@code i} an ending when it is the last line and has none, so that a line can follow. */
    private static void terminate(List<Line> out, int i, String eol) {
        Line l = out.get(i);
        if (l.ending.isEmpty()) {
            out.set(i, new Line(l.text, eol, l.kind, l.name, l.valueStart, l.valueEnd));
        }
    }

    /** The file's own line ending: the first one it uses, else {@code "\n"}. */
    String lineEnding() {
        for (Line l : lines) {
            if (!l.ending.isEmpty()) {
                return l.ending;
            }
        }
        return "\n";
    }

    private static void checkName(String name, String what) {
        if (name.isEmpty() || !name.equals(name.trim()) || name.chars().anyMatch(c -> "[]=:;#\r\n".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a plain INI " + what + " name: \"" + name + "\"");
        }
    }
}
