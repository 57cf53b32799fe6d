package dev.budmon.ui.widget;

import dev.budmon.ui.theme.Tone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Dimension;
import java.awt.image.BufferedImage;

import static dev.budmon.ui.widget.ScaledTheme.hex;
import static dev.budmon.ui.widget.ScaledTheme.rgb;
import static org.assertj.core.api.Assertions.assertThat;

/** The heartbeat pulses once per new beat and then stops its timer, so an idle window animates nothing. */
class HeartbeatDotTest {

    @AfterAll
    static void resetScale() {
        ScaledTheme.reset();
    }

    @Test
    void newBeatPulsesAndTheTimerStopsItself() throws InterruptedException {
        ScaledTheme.install(1);
        HeartbeatDot dot = ScaledTheme.onEdt(HeartbeatDot::new);
        assertThat(ScaledTheme.onEdt(dot::isPulsing)).as("at rest before any beat").isFalse();

        ScaledTheme.onEdt(() -> {
            dot.setModel(new HeartbeatModel(1, Tone.OK));
            return null;
        });
        assertThat(ScaledTheme.onEdt(dot::isPulsing)).as("pulsing after a new beat").isTrue();

        long deadline = System.nanoTime() + 3_000_000_000L;
        while (ScaledTheme.onEdt(dot::isPulsing) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ScaledTheme.onEdt(dot::isPulsing)).as("the pulse's timer stopped by itself").isFalse();

        // the same beat again (e.g. only the tone changed) does not pulse
        ScaledTheme.onEdt(() -> {
            dot.setModel(new HeartbeatModel(1, Tone.WARN));
            return null;
        });
        assertThat(ScaledTheme.onEdt(dot::isPulsing)).isFalse();
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {1, 2})
    void restingDotHasTheTonesColourAndScales(float scale) {
        ScaledTheme.install(scale);
        HeartbeatDot dot = ScaledTheme.onEdt(HeartbeatDot::new);
        ScaledTheme.onEdt(() -> {
            dot.setModel(new HeartbeatModel(0, Tone.OK));
            return null;
        });
        Dimension pref = ScaledTheme.onEdt(dot::getPreferredSize);
        BufferedImage img = ScaledTheme.paint(dot, pref.width, pref.height);

        int diameter = Math.round(8 * scale);
        int cx = pref.width / 2;
        int cy = pref.height / 2;
        assertThat(hex(rgb(img, cx, cy))).isEqualTo("#22c55e");
        assertThat(hex(rgb(img, cx + diameter / 2 - 2, cy))).as("inside the dot").isEqualTo("#22c55e");
        assertThat(hex(rgb(img, cx + diameter / 2 + 1, cy))).as("outside the dot").isEqualTo("#0a0a0a");
    }
}
