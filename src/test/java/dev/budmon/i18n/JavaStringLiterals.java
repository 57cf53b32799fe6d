package dev.budmon.i18n;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source file, outside comments, with their line numbers and whether a
 * {@code +} follows them. Enough of a tokenizer for the key scan: it knows comments, character literals,
 * strings and text blocks, which is all that can hide or fake a quote.
 */
final class JavaStringLiterals {

    /**
     * One literal.
     *
     * @param value        the literal's text, escapes left as written
     * @param line         1-based line of its opening quote
     * @param concatenated whether the next token is {@code +}
     */
    record Literal(String value, int line, boolean concatenated) {
    }

    private JavaStringLiterals() {
    }

    static List<Literal> of(String src) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                line += count(src, i, end);
                i = end;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '\'') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '"' && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                String value = src.substring(i + 1, Math.min(j, n));
                int k = j + 1;
                while (k < n && Character.isWhitespace(src.charAt(k))) {
                    k++;
                }
                out.add(new Literal(value, line, k < n && src.charAt(k) == '+'));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
