package dev.budmon.ui;

import javax.imageio.ImageIO;
import java.awt.Image;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The window's icons, {@code /icons/budmon-<size>.png} in every size the build ships, for the desktop to
 * pick from. Decoding them takes a moment: not on the EDT.
 */
final class WindowIcons {

    /** Icon sizes shipped in {@code /icons/budmon-<size>.png}. */
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private WindowIcons() {
    }

    /** @throws IllegalStateException when the build lacks one, which is a broken build */
    static List<Image> read() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = WindowIcons.class.getResourceAsStream("/icons/budmon-" + size + ".png")) {
                if (in == null) {
                    throw new IllegalStateException("icon budmon-" + size + ".png is missing from the build");
                }
                images.add(ImageIO.read(in));
            } catch (IOException e) {
                throw new IllegalStateException("icon budmon-" + size + ".png cannot be read", e);
            }
        }
        return images;
    }
}
