package dev.budmon.setup;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * BudMon's application icons: which files exist, where they go in the icon theme, and how an installed icon
 * is recognised as BudMon's (a PNG {@code tEXt} chunk, an SVG comment), so that uninstall removes no one
 * else's {@code budmon.png}.
 */
public final class AppIcons {

    /** The PNG sizes in {@code icons/budmon-<size>.png}. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);
    /** The keyword of the PNG text chunk that marks BudMon's icons. */
    public static final String PNG_TEXT_KEYWORD = "Software";
    /** The text of that chunk. */
    public static final String PNG_TEXT_VALUE = "BudMon application icon";
    /** The comment in {@code icons/budmon.svg} that marks it as BudMon's. */
    public static final String SVG_MARK = "<!-- BudMon application icon -->";
    /** The file name in the theme. */
    static final String THEME_NAME_PNG = DesktopEntry.ICON_NAME + ".png";
    static final String THEME_NAME_SVG = DesktopEntry.ICON_NAME + ".svg";

    private AppIcons() {
    }

    /** The classpath resource of one PNG size, e.g. {@code /icons/budmon-48.png}. */
    public static String pngResource(int size) {
        return "/icons/budmon-" + size + ".png";
    }

    /** The classpath resource of the SVG icon. */
    public static String svgResource() {
        return "/icons/budmon.svg";
    }

    /** The path under the {@code hicolor} theme folder, e.g. {@code 48x48/apps/budmon.png}. */
    static String themePathPng(int size) {
        return size + "x" + size + "/apps/" + THEME_NAME_PNG;
    }

    static String themePathSvg() {
        return "scalable/apps/" + THEME_NAME_SVG;
    }

    /** Whether these bytes are one of BudMon's icons. */
    static boolean isOurs(byte[] content) {
        String latin = new String(content, StandardCharsets.ISO_8859_1);
        return latin.contains("tEXt" + PNG_TEXT_KEYWORD + '\0' + PNG_TEXT_VALUE) || latin.contains(SVG_MARK);
    }
}
