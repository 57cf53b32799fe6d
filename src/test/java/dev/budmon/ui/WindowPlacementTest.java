package dev.budmon.ui;

import dev.budmon.config.WindowGeometry;
import org.junit.jupiter.api.Test;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The saved geometry across UI scales, and the whole window inside a screen's usable area. */
class WindowPlacementTest {

    private static final Rectangle SCREEN = new Rectangle(0, 0, 1600, 1400);
    private static final Rectangle RIGHT = new Rectangle(1600, 0, 1920, 1080);
    private static final Dimension MIN_1X = new Dimension(400, 600);
    private static final Dimension PREF_1X = new Dimension(450, 700);

    @Test
    void theSizeIsSavedUnscaledAndOpensScaled() {
        // a run at 2x: the window is 900 x 1400 device pixels, saved as 450 x 700
        WindowGeometry saved = WindowPlacement.toSaved(new Rectangle(100, 0, 900, 1400), 2f);
        assertThat(saved).isEqualTo(new WindowGeometry(100, 0, 450, 700));
        // the next run at 1x opens it at 450 x 700, not 900 x 1400
        assertThat(WindowPlacement.place(saved, 1f, MIN_1X, PREF_1X, List.of(SCREEN)))
                .isEqualTo(new Rectangle(100, 0, 450, 700));
        // and at 2x as large as it was
        assertThat(WindowPlacement.place(saved, 2f, new Dimension(800, 1200), PREF_1X, List.of(SCREEN)))
                .isEqualTo(new Rectangle(100, 0, 900, 1400));
    }

    @Test
    void theWholeWindowStaysOnTheScreenNotOnlyItsTitleBar() {
        // saved near the bottom right: the footer would be off the screen
        Rectangle r = WindowPlacement.place(new WindowGeometry(1400, 1200, 450, 700), 1f, MIN_1X, PREF_1X,
                List.of(SCREEN));
        assertThat(SCREEN.contains(r)).as("%s inside %s", r, SCREEN).isTrue();
        assertThat(r.getSize()).isEqualTo(new Dimension(450, 700));
        // taller than the screen: as tall as the screen, from its top
        Rectangle tall = WindowPlacement.place(new WindowGeometry(10, 300, 450, 3000), 1f, MIN_1X, PREF_1X,
                List.of(SCREEN));
        assertThat(tall).isEqualTo(new Rectangle(10, 0, 450, 1400));
        // a screen that is gone: onto the one left
        Rectangle gone = WindowPlacement.place(new WindowGeometry(5000, 100, 450, 700), 1f, MIN_1X, PREF_1X,
                List.of(SCREEN));
        assertThat(SCREEN.contains(gone)).isTrue();
    }

    @Test
    void neverSmallerThanTheContentNeeds() {
        Rectangle r = WindowPlacement.place(new WindowGeometry(50, 50, 120, 90), 1f, MIN_1X, PREF_1X, List.of(SCREEN));
        assertThat(r).isEqualTo(new Rectangle(50, 50, 400, 600));
    }

    @Test
    void theScreenThatHoldsMostOfItWins() {
        Rectangle r = WindowPlacement.place(new WindowGeometry(1500, 500, 450, 700), 1f, MIN_1X, PREF_1X,
                List.of(SCREEN, RIGHT));
        assertThat(RIGHT.contains(r)).as("%s on the right screen", r).isTrue();
        assertThat(r.y).isEqualTo(380);
    }

    @Test
    void withoutASavedGeometryItIsCentredAtItsPreferredSize() {
        assertThat(WindowPlacement.place(null, 1f, MIN_1X, PREF_1X, List.of(SCREEN)))
                .isEqualTo(new Rectangle(575, 350, 450, 700));
    }
}
