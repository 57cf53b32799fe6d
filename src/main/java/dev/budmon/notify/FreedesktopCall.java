package dev.budmon.notify;

import dev.budmon.alert.Notice;
import org.freedesktop.dbus.types.Variant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one {@code Notify} call: what the notification server is told. Pure; any thread.
 *
 * @param appName the application's name the server shows: {@code BudMon}
 * @param appIcon the icon: a name of the icon theme ({@code budmon}) or an absolute file path
 * @param summary the notice's summary
 * @param body    its body; for a server with {@code body-markup} its {@code &}, {@code <} and {@code >} escaped
 * @param actions {@code ["default", label]}: a click on the notification shows BudMon's window
 * @param hints   {@code urgency} (byte 0, 1, 2) and {@code desktop-entry} ({@code budmon}), so that desktops
 *                group the notification with BudMon's launcher entry
 */
public record FreedesktopCall(String appName, String appIcon, String summary, String body, List<String> actions,
                              Map<String, Variant<?>> hints) {

    /** The application's name in every notification. */
    public static final String APP_NAME = "BudMon";
    /** The desktop entry setup installs, {@code budmon.desktop}. */
    public static final String DESKTOP_ENTRY = "budmon";
    /** The action key of a click on the notification itself. */
    public static final String DEFAULT_ACTION = "default";

    public FreedesktopCall {
        actions = List.copyOf(actions);
        hints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hints));
    }

    /**
     * The call for a notice.
     *
     * @param icon        see {@link #appIcon}
     * @param actionLabel the words of the default action, for servers that show actions as buttons
     * @param bodyMarkup  whether the server reads the body as markup (its capability {@code body-markup})
     */
    public static FreedesktopCall of(Notice n, String icon, String actionLabel, boolean bodyMarkup) {
        Map<String, Variant<?>> hints = new LinkedHashMap<>();
        hints.put("urgency", new Variant<>(n.urgency().hint()));
        hints.put("desktop-entry", new Variant<>(DESKTOP_ENTRY));
        return new FreedesktopCall(APP_NAME, icon == null ? "" : icon, n.summary(), bodyMarkup ? escape(n.body()) : n.body(),
                List.of(DEFAULT_ACTION, actionLabel), hints);
    }

    /** The body markup of the specification is a small subset of HTML: text must escape its three specials. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
