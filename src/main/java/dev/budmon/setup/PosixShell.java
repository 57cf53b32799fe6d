package dev.budmon.setup;

/** Quoting for POSIX shells ({@code sh}, {@code bash}, {@code zsh}). */
final class PosixShell {

    private PosixShell() {
    }

    /**
     * The word as the shell must see it to pass {@code s} through unchanged: as it is when it holds only
     * characters no shell treats specially, else in single quotes (in which nothing is special; a single
     * quote itself is written as {@code '\''}).
     */
    static String quote(String s) {
        if (!s.isEmpty() && s.chars().allMatch(PosixShell::isPlain)) {
            return s;
        }
        return quoteAlways(s);
    }

    /** {@code s} in single quotes, even when it would not need them. */
    static String quoteAlways(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "/._-+,:@%".indexOf(c) >= 0;
    }
}
