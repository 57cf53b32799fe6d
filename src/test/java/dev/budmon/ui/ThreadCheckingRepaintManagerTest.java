package dev.budmon.ui;

import dev.budmon.threads.ThreadCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The debug mode's repaint manager, on components that are built but not shown (no display needed). */
class ThreadCheckingRepaintManagerTest {

    @AfterEach
    void off() {
        System.clearProperty(ThreadCheck.PROPERTY);
        RepaintManager.setCurrentManager(null);
    }

    private static List<String> newBreaches(Runnable r) {
        int before = ThreadCheck.breaches().size();
        r.run();
        List<String> all = ThreadCheck.breaches();
        return all.subList(before, all.size());
    }

    private static JLabel labelInAPanel() throws Exception {
        JLabel[] made = new JLabel[1];
        SwingUtilities.invokeAndWait(() -> {
            JPanel panel = new JPanel();
            made[0] = new JLabel("42 %");
            made[0].setName("quota:5h.percent");
            panel.add(made[0]);
            panel.setSize(200, 50);
            panel.doLayout();
        });
        return made[0];
    }

    @Test
    void aLabelChangedOffTheEdtIsABreachARepaintIsNot() throws Exception {
        System.setProperty(ThreadCheck.PROPERTY, "true");
        ThreadCheckingRepaintManager.installIfAsked();
        assertThat(RepaintManager.currentManager(null)).isInstanceOf(ThreadCheckingRepaintManager.class);
        JLabel label = labelInAPanel();

        assertThat(newBreaches(() -> label.setText("57 %"))).isNotEmpty().allSatisfy(b -> assertThat(b)
                .contains("changing javax.swing.JLabel quota:5h.percent on " + Thread.currentThread().getName()));
        assertThat(newBreaches(label::repaint)).as("repaint() is for any thread").isEmpty();
        assertThat(newBreaches(() -> {
            try {
                SwingUtilities.invokeAndWait(() -> label.setText("58 %"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        })).isEmpty();
    }

    @Test
    void withoutTheDebugModeSwingKeepsItsOwnRepaintManager() {
        ThreadCheckingRepaintManager.installIfAsked();
        assertThat(RepaintManager.currentManager(null)).isNotInstanceOf(ThreadCheckingRepaintManager.class);
    }
}
