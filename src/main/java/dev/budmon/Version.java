package dev.budmon;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** BudMon's version, as the build stamped it. */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /** E.g. {@code 0.1.0}; {@code dev} when run from classes the build did not stamp. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/budmon/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
