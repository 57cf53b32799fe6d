package dev.budmon.ui;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a file, a folder or a web address with the desktop's own program, trying one way after another:
 * Java's {@link Desktop} (which needs GNOME's libraries on Linux, and fails with "Failed to show URI" when no
 * program is set up for the target), then {@code xdg-open}, which every Linux desktop provides and which exits
 * with an error when it has no program for the target. When every way fails the caller shows the target for
 * the user to open by hand. Blocks for up to a few seconds: not on the EDT. Any other thread.
 */
final class DesktopOpener {

    /** How long xdg-open may take to say whether it found a program; one still running has found one. */
    static final long XDG_OPEN_WAIT_MILLIS = 5000;

    private final boolean useDesktop;
    private final List<String> xdgOpen;

    /**
     * @param useDesktop try {@link Desktop} first (when the platform supports it)
     * @param xdgOpen    the command that runs xdg-open, the target appended; empty to skip it
     */
    DesktopOpener(boolean useDesktop, List<String> xdgOpen) {
        this.useDesktop = useDesktop;
        this.xdgOpen = List.copyOf(xdgOpen);
    }

    /** The desktop's ways: {@link Desktop}, then {@code xdg-open} from the PATH. */
    static DesktopOpener system() {
        return new DesktopOpener(true, List.of("xdg-open"));
    }

    /** Opens a file or folder; {@code false} when no way worked. */
    boolean open(File target) {
        if (useDesktop && supports(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(target);
                return true;
            } catch (IOException | RuntimeException e) {
                // e.g. "Failed to show URI:file:...": GTK has no program for it; xdg-open may have one
            }
        }
        return xdgOpen(target.toString());
    }

    /** Opens a web address in the browser; {@code false} when no way worked. */
    boolean browse(URI uri) {
        if (useDesktop && supports(Desktop.Action.BROWSE)) {
            try {
                Desktop.getDesktop().browse(uri);
                return true;
            } catch (IOException | RuntimeException e) {
                // as for files: try xdg-open
            }
        }
        return xdgOpen(uri.toString());
    }

    private static boolean supports(Desktop.Action action) {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(action);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean xdgOpen(String target) {
        if (xdgOpen.isEmpty()) {
            return false;
        }
        List<String> cmd = new ArrayList<>(xdgOpen);
        cmd.add(target);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(XDG_OPEN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return true; // still running: it started a program and waits for it
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no xdg-open on this system
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
