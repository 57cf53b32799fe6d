package dev.budmon.setup;

/**
 * What the user chose for {@code budmon --setup} on its command line.
 *
 * @param force     install BudMon's interceptor even when another compatible one is present ({@code --force})
 * @param autostart install the login autostart entry ({@code false} with {@code --no-autostart})
 */
public record SetupChoices(boolean force, boolean autostart) {

    /** Setup as it runs without options, and from the window's first-run dialog. */
    public static final SetupChoices DEFAULT = new SetupChoices(false, true);
}
