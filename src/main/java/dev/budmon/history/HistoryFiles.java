package dev.budmon.history;

import dev.budmon.json.IsoTime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the quota history lives: {@code <claude dir>/budmon/quota-history/YYYY-MM.jsonl}, one file per UTC
 * month of the observations' time. Old months may be deleted by the user; nothing needs them.
 */
public final class HistoryFiles {

    /** The history's folder under BudMon's own folder in the Claude directory. */
    public static final String FOLDER = "quota-history";
    private static final String SUFFIX = ".jsonl";

    private HistoryFiles() {
    }

    /** The folder of the history of a Claude directory. */
    public static Path folder(Path claudeDir) {
        return claudeDir.resolve("budmon").resolve(FOLDER);
    }

    /** The file an observation made at {@code t} belongs to. */
    public static Path file(Path claudeDir, Instant t) {
        return folder(claudeDir).resolve(monthName(monthOf(t)) + SUFFIX);
    }

    /** Months counted from year 0 (year × 12 + month − 1) of a time, in UTC. */
    static int monthOf(Instant t) {
        String iso = IsoTime.format(t); // 2026-12-06T…; times are checked to lie in the years 1970 to 9999
        return monthOfName(iso.substring(0, 7) + SUFFIX);
    }

    /** {@code 2026-12} for a month of {@link #monthOf}. */
    static String monthName(int month) {
        int y = Math.floorDiv(month, 12);
        int m = Math.floorMod(month, 12) + 1;
        StringBuilder sb = new StringBuilder(7);
        String year = Integer.toString(y);
        for (int i = year.length(); i < 4; i++) {
            sb.append('0');
        }
        return sb.append(year).append(m < 10 ? "-0" : "-").append(m).toString();
    }

    /** The month of a file name {@code YYYY-MM.jsonl}, or -1 for any other name. */
    static int monthOfName(String name) {
        if (name.length() != 7 + SUFFIX.length() || !name.endsWith(SUFFIX) || name.charAt(4) != '-') {
            return -1;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            y = y * 10 + (c - '0');
        }
        char m1 = name.charAt(5);
        char m2 = name.charAt(6);
        if (m1 < '0' || m1 > '1' || m2 < '0' || m2 > '9') {
            return -1;
        }
        int m = (m1 - '0') * 10 + (m2 - '0');
        return m < 1 || m > 12 ? -1 : y * 12 + m - 1;
    }

    /**
     * The month files that may hold observations in {@code [from, to)}, oldest first; only those that exist.
     *
     * @param from {@code null} for all months
     * @param to   {@code null} for no end
     */
    public static List<Path> months(Path claudeDir, Instant from, Instant to) throws IOException {
        Path folder = folder(claudeDir);
        int first = from == null || monthOf(from) < 0 ? Integer.MIN_VALUE : monthOf(from);
        int last = to == null || monthOf(to) < 0 ? Integer.MAX_VALUE : monthOf(to);
        int[] months = new int[16];
        int n = 0;
        // No glob: it compiles a regular expression, which the status line would pay at every start.
        try (DirectoryStream<Path> list = Files.newDirectoryStream(folder)) {
            for (Path p : list) {
                int month = monthOfName(p.getFileName().toString());
                if (month >= 0 && month >= first && month <= last) {
                    if (n == months.length) {
                        months = Arrays.copyOf(months, n * 2);
                    }
                    months[n++] = month;
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Arrays.sort(months, 0, n);
        List<Path> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            files.add(folder.resolve(monthName(months[i]) + SUFFIX));
        }
        return files;
    }
}
