package dev.budmon.setup;

import dev.budmon.Os;

import java.nio.charset.StandardCharsets;

/**
 * The options that make Claude Code's runtime load the interceptor: {@code --import} in {@code NODE_OPTIONS}
 * for installs that run {@code cli.js} under Node (up to 2.1.112), {@code --preload} in {@code BUN_OPTIONS}
 * for the native Bun executable (2.1.113 and later).
 *
 * <p>Each runtime splits its variable by its own rules, which differ from the shell's:
 * <ul>
 *   <li>Node parses the {@code --import} value as a module specifier, i.e. a URL: {@code #}, {@code ?} and
 *       {@code %} in a plain path would be misread. A {@code file:} URL with every byte outside
 *       {@code [A-Za-z0-9-._~/]} percent-encoded has no space, no quote and nothing Node's splitter or URL
 *       parser treats specially.</li>
 *   <li>Bun keeps quotes as part of an option ({@code --preload "/a b"} looks for a file named with the
 *       quotes) and does not accept {@code file:} URLs, but it splits a value that follows an option after a
 *       space like a shell word with backslash escapes. {@code --preload=PATH} needs no escaping at all as
 *       long as the path has no white space, and it is the one form older Bun releases (whose splitter
 *       broke {@code --flag value}) also understand; so that form is used whenever it can be.</li>
 * </ul>
 * Neither runtime can load a module whose path contains a backslash on Linux or macOS (Node rejects the
 * encoded {@code \}, Bun turns it into a {@code /}); setup refuses such a path, see
 * {@link #loadableByBothRuntimes(String, Os)}.
 */
final class RuntimeOptions {

    private RuntimeOptions() {
    }

    /** {@code --import=file:///…} for {@code NODE_OPTIONS}. */
    static String nodeImport(String absolutePath, Os os) {
        return "--import=" + fileUrl(absolutePath, os);
    }

    /** {@code --preload=PATH}, or {@code --preload PATH} with backslash escapes when the path has white space. */
    static String bunPreload(String absolutePath, Os os) {
        String p = os == Os.WINDOWS ? absolutePath.replace('\\', '/') : absolutePath;
        if (p.chars().noneMatch(RuntimeOptions::isWhitespace)) {
            return "--preload=" + p;
        }
        StringBuilder sb = new StringBuilder("--preload ");
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (isWhitespace(c) || c == '\\' || c == '\'' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A {@code file:} URL for an absolute path, every byte of the UTF-8 form outside {@code [A-Za-z0-9-._~/]}
     * percent-encoded (and the colon of a Windows drive letter kept).
     */
    static String fileUrl(String absolutePath, Os os) {
        String p = absolutePath;
        String prefix = "file://";
        if (os == Os.WINDOWS) {
            p = p.replace('\\', '/');
            if (p.startsWith("//")) {
                // UNC path //server/share/...: the server becomes the URL's host.
                prefix = "file:";
            } else {
                p = "/" + p;
            }
        }
        StringBuilder sb = new StringBuilder(prefix);
        byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean driveColon = os == Os.WINDOWS && b == ':' && i == 2;
            if (isUnreserved(b) || b == '/' || driveColon) {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Whether Node and Bun can load a module from this path at all (no backslash on POSIX systems). */
    static boolean loadableByBothRuntimes(String absolutePath, Os os) {
        return os == Os.WINDOWS || absolutePath.indexOf('\\') < 0;
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
    }

    private static boolean isWhitespace(int c) {
        // Bun splits on std.ascii.isWhitespace: space, tab, LF, VT, FF, CR.
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }
}
