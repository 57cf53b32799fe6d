package dev.budmon.help;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Markdown of BudMon's user guide as simple HTML that Swing's {@code HTMLEditorKit} (HTML 3.2 and a
 * little CSS) displays well. Pure; any thread.
 *
 * <p>The subset: ATX headings ({@code #} to {@code ######}, each with an anchor named after its text for
 * {@code [..](#anchor)} links), paragraphs (a line ending in two spaces breaks), {@code *emphasis*},
 * {@code _emphasis_}, {@code **strong**}, {@code __strong__}, {@code `code`}, fenced code blocks
 * ({@code ```} or {@code ~~~}), bullet ({@code -}, {@code *}, {@code +}) and numbered lists (nested by
 * indentation), GitHub pipe tables with alignment, links {@code [text](url)} and {@code <https://…>},
 * block quotes, horizontal rules, and backslash escapes. Everything else is text: {@code <}, {@code >},
 * {@code &} and {@code "} are always escaped, so raw HTML in the source shows as written and never becomes
 * markup. Setext headings, indented code blocks, images, reference links and HTML blocks are not supported.
 *
 * <p>Over 400 lines: one pass over the guide's Markdown subset, block and inline rules side by side.
 */
public final class MarkdownHtml {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,})$");
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");
    private static final Pattern BULLET = Pattern.compile("^( {0,3})([-*+])( {1,4})(?=\\S)");
    private static final Pattern BULLET_EMPTY = Pattern.compile("^( {0,3})([-*+])[ \\t]*$");
    private static final Pattern ORDERED = Pattern.compile("^( {0,3})(\\d{1,9})([.)])( {1,4})(?=\\S)");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}> ?");
    private static final Pattern TABLE_DELIMITER =
            Pattern.compile("^ {0,3}\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?://|mailto:)[^\\s<>]+)>");
    /** Marks a hard line break while a paragraph is formatted; a control character no text contains. */
    private static final char HARD_BREAK = '\u0000';
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private MarkdownHtml() {
    }

    /** The HTML body content for this Markdown. */
    public static String render(String markdown) {
        // NUL is replaced as CommonMark does; the renderer uses it internally to mark hard line breaks.
        String text = markdown == null ? "" : markdown.replace("\r\n", "\n").replace('\r', '\n')
                .replace(HARD_BREAK, '\uFFFD');
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(expandTabs(line));
        }
        StringBuilder out = new StringBuilder();
        new Blocks(new HashSet<>()).render(lines, out, false);
        return out.toString();
    }

    /** A whole HTML document for {@code JEditorPane#setText}. */
    public static String document(String markdown) {
        return "<html><head></head><body>\n" + render(markdown) + "</body></html>\n";
    }

    /** Block structure; holds the anchor names used so far so that two equal headings get distinct ones. */
    private record Blocks(Set<String> anchors) {

        /** @param tight inside an item of a tight list: paragraphs without {@code <p>} spacing */
        void render(List<String> lines, StringBuilder out, boolean tight) {
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    i++;
                } else if (FENCE.matcher(line).matches()) {
                    i = fence(lines, i, out);
                } else if (HEADING.matcher(line).matches()) {
                    heading(line, out);
                    i++;
                } else if (RULE.matcher(line).matches()) {
                    out.append("<hr>\n");
                    i++;
                } else if (isTableStart(lines, i)) {
                    i = table(lines, i, out);
                } else if (QUOTE.matcher(line).find()) {
                    i = quote(lines, i, out);
                } else if (listMarker(line) != null) {
                    i = list(lines, i, out);
                } else {
                    i = paragraph(lines, i, out, !tight);
                }
            }
        }

        private int fence(List<String> lines, int start, StringBuilder out) {
            Matcher open = FENCE.matcher(lines.get(start));
            open.matches();
            int indent = open.group(1).length();
            String marker = open.group(2);
            List<String> content = new ArrayList<>();
            int i = start + 1;
            while (i < lines.size()) {
                String line = lines.get(i);
                String stripped = line.stripLeading();
                if (line.length() - stripped.length() <= 3 && stripped.startsWith(marker)
                        && stripped.chars().allMatch(c -> c == marker.charAt(0) || c == ' ')) {
                    i++;
                    break;
                }
                content.add(removeIndent(line, indent));
                i++;
            }
            out.append("<pre>").append(escape(String.join("\n", content))).append("</pre>\n");
            return i;
        }

        private void heading(String line, StringBuilder out) {
            Matcher m = HEADING.matcher(line);
            m.matches();
            int level = m.group(1).length();
            String text = m.group(2) == null ? "" : m.group(2).trim();
            String html = inline(text);
            out.append("<h").append(level).append("><a name=\"").append(anchor(text)).append("\">")
                    .append(html).append("</a></h").append(level).append(">\n");
        }

        /** GitHub's anchor rule: lower case, punctuation dropped, spaces to dashes; repeats numbered. */
        private String anchor(String text) {
            String plain = text.replaceAll("[`*_\\\\]", "").toLowerCase(Locale.ROOT).trim();
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < plain.length(); k++) {
                char c = plain.charAt(k);
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                    sb.append(c);
                } else if (c == ' ') {
                    sb.append('-');
                }
            }
            String base = sb.length() == 0 ? "section" : sb.toString();
            String name = base;
            for (int n = 1; !anchors.add(name); n++) {
                name = base + "-" + n;
            }
            return escape(name);
        }

        private int table(List<String> lines, int start, StringBuilder out) {
            List<String> header = cells(lines.get(start));
            List<String> delimiter = cells(lines.get(start + 1));
            String[] align = new String[header.size()];
            for (int c = 0; c < align.length; c++) {
                String d = c < delimiter.size() ? delimiter.get(c).trim() : "";
                boolean left = d.startsWith(":");
                boolean right = d.endsWith(":");
                align[c] = left && right ? "center" : right ? "right" : "left";
            }
            out.append("<table border=\"0\" cellspacing=\"0\" cellpadding=\"4\">\n<tr>");
            for (int c = 0; c < header.size(); c++) {
                out.append("<th align=\"").append(align[c]).append("\">").append(inline(header.get(c).trim()))
                        .append("</th>");
            }
            out.append("</tr>\n");
            int i = start + 2;
            while (i < lines.size() && !lines.get(i).isBlank() && lines.get(i).contains("|")
                    && !startsOtherBlock(lines.get(i))) {
                List<String> row = cells(lines.get(i));
                out.append("<tr>");
                for (int c = 0; c < header.size(); c++) {
                    String cell = c < row.size() ? row.get(c).trim() : "";
                    out.append("<td align=\"").append(align[c]).append("\" valign=\"top\">").append(inline(cell))
                            .append("</td>");
                }
                out.append("</tr>\n");
                i++;
            }
            out.append("</table>\n");
            return i;
        }

        private int quote(List<String> lines, int start, StringBuilder out) {
            List<String> inner = new ArrayList<>();
            int i = start;
            while (i < lines.size()) {
                Matcher m = QUOTE.matcher(lines.get(i));
                if (!m.find()) {
                    break;
                }
                inner.add(lines.get(i).substring(m.end()));
                i++;
            }
            out.append("<blockquote>\n");
            render(inner, out, false);
            out.append("</blockquote>\n");
            return i;
        }

        private int list(List<String> lines, int start, StringBuilder out) {
            Marker first = listMarker(lines.get(start));
            List<List<String>> items = new ArrayList<>();
            boolean loose = false;
            int i = start;
            Marker current = first;
            while (current != null && current.ordered() == first.ordered() && current.symbol() == first.symbol()) {
                List<String> item = new ArrayList<>();
                item.add(lines.get(i).substring(current.contentColumn()));
                int column = current.contentColumn();
                i++;
                boolean blankSeen = false;
                while (i < lines.size()) {
                    String line = lines.get(i);
                    if (line.isBlank()) {
                        blankSeen = true;
                        item.add("");
                        i++;
                        continue;
                    }
                    int indent = indentOf(line);
                    if (indent >= column) {
                        // A blank line between two blocks of one item makes the list loose (CommonMark).
                        loose |= blankSeen;
                        item.add(line.substring(column));
                        blankSeen = false;
                        i++;
                    } else if (!blankSeen && !startsOtherBlock(line) && listMarker(line) == null
                            && lastIsParagraphText(item)) {
                        item.add(line.stripLeading());
                        i++;
                    } else {
                        break;
                    }
                }
                while (!item.isEmpty() && item.get(item.size() - 1).isBlank()) {
                    item.remove(item.size() - 1);
                }
                items.add(item);
                current = i < lines.size() ? listMarker(lines.get(i)) : null;
                if (current != null && blankSeen) {
                    loose = true;
                }
            }
            String tag = first.ordered() ? "ol" : "ul";
            out.append('<').append(tag);
            if (first.ordered() && first.number() != 1) {
                out.append(" start=\"").append(first.number()).append('"');
            }
            out.append(">\n");
            for (List<String> item : items) {
                out.append("<li>");
                StringBuilder inner = new StringBuilder();
                render(item, inner, !loose);
                out.append(inner.toString().strip()).append("</li>\n");
            }
            out.append("</").append(tag).append(">\n");
            return i;
        }

        private int paragraph(List<String> lines, int start, StringBuilder out, boolean wrap) {
            List<String> text = new ArrayList<>();
            int i = start;
            while (i < lines.size()) {
                String line = lines.get(i);
                if (line.isBlank() || (i > start && (startsOtherBlock(line) || interruptsParagraph(line)
                        || isTableStart(lines, i)))) {
                    break;
                }
                text.add(line);
                i++;
            }
            // Inline markup may span lines, so the paragraph is formatted as one text.
            StringBuilder joined = new StringBuilder();
            for (int k = 0; k < text.size(); k++) {
                String line = text.get(k);
                joined.append(line.strip());
                if (k < text.size() - 1) {
                    joined.append(line.endsWith("  ") ? HARD_BREAK + "\n" : "\n");
                }
            }
            String html = inline(joined.toString()).replace(String.valueOf(HARD_BREAK), "<br>");
            if (wrap) {
                out.append("<p>").append(html).append("</p>\n");
            } else {
                out.append(html).append('\n');
            }
            return i;
        }
    }

    /** A list item's marker: bullet symbol or number, and where the item's text begins. */
    private record Marker(boolean ordered, char symbol, int number, int contentColumn) {
    }

    private static Marker listMarker(String line) {
        Matcher b = BULLET.matcher(line);
        if (b.find() && !RULE.matcher(line).matches()) {
            return new Marker(false, b.group(2).charAt(0), 0, b.end());
        }
        Matcher o = ORDERED.matcher(line);
        if (o.find()) {
            return new Marker(true, o.group(3).charAt(0), Integer.parseInt(o.group(2)), o.end());
        }
        return null;
    }

    /** Whether a line begins a block that ends a paragraph or a table without a blank line in between. */
    private static boolean startsOtherBlock(String line) {
        return FENCE.matcher(line).matches() || HEADING.matcher(line).matches() || RULE.matcher(line).matches()
                || QUOTE.matcher(line).find();
    }

    /** A bullet, or a numbered item starting at 1, interrupts a paragraph (as in CommonMark). */
    private static boolean interruptsParagraph(String line) {
        Marker m = listMarker(line);
        return m != null && (!m.ordered() || m.number() == 1);
    }

    private static boolean isTableStart(List<String> lines, int i) {
        return i + 1 < lines.size() && lines.get(i).contains("|") && !startsOtherBlock(lines.get(i))
                && TABLE_DELIMITER.matcher(lines.get(i + 1)).matches() && lines.get(i + 1).contains("-")
                && (lines.get(i + 1).contains("|") || cells(lines.get(i)).size() == 1);
    }

    private static boolean lastIsParagraphText(List<String> item) {
        String last = item.get(item.size() - 1);
        return !last.isBlank() && !FENCE.matcher(last).matches() && !HEADING.matcher(last).matches();
    }

    /** Splits a table row at unescaped pipes outside code spans, without the outer pipes. */
    static List<String> cells(String row) {
        String s = row.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|") && !s.endsWith("\\|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int ticks = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < s.length() && s.charAt(k + 1) == '|') {
                // GitHub unescapes \| in a cell even inside a code span.
                cell.append('|');
                k++;
                continue;
            }
            if (c == '`') {
                ticks = ticks == 0 ? 1 : 0;
            }
            if (c == '|' && ticks == 0) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Inline Markdown to HTML: code spans, emphasis, links, escapes; all other text escaped. */
    static String inline(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && PUNCTUATION.indexOf(s.charAt(i + 1)) >= 0) {
                escape(s.charAt(i + 1), out);
                i += 2;
            } else if (c == '`') {
                i = codeSpan(s, i, out);
            } else if (c == '[') {
                i = link(s, i, out);
            } else if (c == '<') {
                Matcher m = AUTOLINK.matcher(s).region(i, s.length());
                if (m.lookingAt()) {
                    out.append("<a href=\"").append(escape(m.group(1))).append("\">").append(escape(m.group(1)))
                            .append("</a>");
                    i = m.end();
                } else {
                    out.append("&lt;");
                    i++;
                }
            } else if (c == '*' || c == '_') {
                i = emphasis(s, i, out);
            } else {
                escape(c, out);
                i++;
            }
        }
        return out.toString();
    }

    private static int codeSpan(String s, int start, StringBuilder out) {
        int n = run(s, start, '`');
        int j = start + n;
        while (j < s.length()) {
            if (s.charAt(j) == '`') {
                int m = run(s, j, '`');
                if (m == n) {
                    String code = s.substring(start + n, j).replace('\n', ' ');
                    if (code.length() > 1 && code.startsWith(" ") && code.endsWith(" ") && !code.isBlank()) {
                        code = code.substring(1, code.length() - 1);
                    }
                    out.append("<code>").append(escape(code)).append("</code>");
                    return j + m;
                }
                j += m;
            } else {
                j++;
            }
        }
        out.append("`".repeat(n));
        return start + n;
    }

    private static int link(String s, int start, StringBuilder out) {
        int close = matchingBracket(s, start);
        if (close > 0 && close + 1 < s.length() && s.charAt(close + 1) == '(') {
            int end = s.indexOf(')', close + 2);
            if (end > 0) {
                String target = s.substring(close + 2, end).trim();
                int space = target.indexOf(' ');
                String url = space < 0 ? target : target.substring(0, space);
                if (url.startsWith("<") && url.endsWith(">")) {
                    url = url.substring(1, url.length() - 1);
                }
                if (!url.isEmpty()) {
                    out.append("<a href=\"").append(escape(url)).append("\">")
                            .append(inline(s.substring(start + 1, close))).append("</a>");
                    return end + 1;
                }
            }
        }
        out.append('[');
        return start + 1;
    }

    /** The index of the {@code ]} that closes the {@code [} at {@code open}, skipping escapes and code. */
    private static int matchingBracket(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '`') {
                int n = run(s, j, '`');
                int end = s.indexOf("`".repeat(n), j + n);
                j = end < 0 ? j + n - 1 : end + n - 1;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return j;
                }
            }
        }
        return -1;
    }

    private static int emphasis(String s, int start, StringBuilder out) {
        char d = s.charAt(start);
        int n = run(s, start, d);
        if (canOpen(s, start, n, d)) {
            if (n >= 2) {
                int close = closer(s, start + 2, d, true);
                if (close > start + 2) {
                    out.append("<strong>").append(inline(s.substring(start + 2, close))).append("</strong>");
                    return close + 2;
                }
            }
            if (n == 1 || n >= 3) {
                int close = closer(s, start + 1, d, false);
                if (close > start + 1) {
                    out.append("<em>").append(inline(s.substring(start + 1, close))).append("</em>");
                    return close + 1;
                }
            }
        }
        out.append(String.valueOf(d).repeat(n));
        return start + n;
    }

    /**
     * Where the closing delimiter begins, or -1. Skips escapes and code spans; a strong closer is the last two
     * characters of its run (so {@code ***x***} nests), an emphasis closer a run of one.
     */
    private static int closer(String s, int from, char d, boolean strong) {
        int j = from;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '`') {
                int n = run(s, j, '`');
                int end = s.indexOf("`".repeat(n), j + n);
                j = end < 0 ? j + n : end + n;
            } else if (c == d) {
                int m = run(s, j, d);
                int at = strong ? j + m - 2 : j;
                boolean fits = strong ? m >= 2 : m == 1;
                if (fits && canClose(s, at, strong ? 2 : 1, d) && at > from) {
                    return at;
                }
                j += m;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** Left-flanking: text follows; an underscore must not sit inside a word (snake_case stays). */
    private static boolean canOpen(String s, int i, int n, char d) {
        if (i + n >= s.length() || Character.isWhitespace(s.charAt(i + n))) {
            return false;
        }
        return d != '_' || i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }

    private static boolean canClose(String s, int i, int n, char d) {
        if (i == 0 || Character.isWhitespace(s.charAt(i - 1))) {
            return false;
        }
        return d != '_' || i + n >= s.length() || !Character.isLetterOrDigit(s.charAt(i + n));
    }

    private static int run(String s, int i, char c) {
        int j = i;
        while (j < s.length() && s.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    private static String removeIndent(String line, int n) {
        int k = 0;
        while (k < n && k < line.length() && line.charAt(k) == ' ') {
            k++;
        }
        return line.substring(k);
    }

    private static int indentOf(String line) {
        int k = 0;
        while (k < line.length() && line.charAt(k) == ' ') {
            k++;
        }
        return k;
    }

    private static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\t') {
                sb.append(" ".repeat(4 - sb.length() % 4));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Text with {@code & < > "} as entities, safe in element content and in double-quoted attributes. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int k = 0; k < s.length(); k++) {
            escape(s.charAt(k), out);
        }
        return out.toString();
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            default -> out.append(c);
        }
    }
}
