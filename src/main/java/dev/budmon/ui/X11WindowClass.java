package dev.budmon.ui;

import java.awt.Toolkit;
import java.lang.reflect.Field;

/**
 * Sets the X11 window class (WM_CLASS) that AWT gives every window, so that the desktop entry
 * ({@code StartupWMClass=budmon}) groups with BudMon's windows instead of a generic {@code java} one.
 *
 * <p>AWT offers no API for it: the name lives in the private static field {@code awtAppClassName} of
 * {@code sun.awt.X11.XToolkit}. Reflection needs {@code --add-opens java.desktop/sun.awt.X11=ALL-UNNAMED}
 * (which BudMon's launchers and the application image pass); without it, as under a plain {@code java -jar}, or on
 * another toolkit, nothing happens.
 */
final class X11WindowClass {

    private X11WindowClass() {
    }

    /**
     * Sets the class for windows created from now on. Call before the first window is shown.
     *
     * @return {@code true} if it was set, {@code false} on other toolkits or when access is denied
     */
    static boolean set(String windowClass) {
        Toolkit toolkit;
        try {
            toolkit = Toolkit.getDefaultToolkit();
        } catch (RuntimeException | Error e) {
            return false; // headless or broken display: there is no window class to set
        }
        if (!"sun.awt.X11.XToolkit".equals(toolkit.getClass().getName())) {
            return false;
        }
        try {
            Field field = toolkit.getClass().getDeclaredField("awtAppClassName");
            field.setAccessible(true);
            field.set(null, windowClass);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // InaccessibleObjectException without --add-opens: a cosmetic loss, never a reason to fail
            return false;
        }
    }
}
