package dev.budmon.threads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.swing.SwingUtilities;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCheckTest {

    @AfterEach
    void off() {
        System.clearProperty(ThreadCheck.PROPERTY);
    }

    /** What {@code check} added to the breaches. */
    static List<String> newBreaches(Runnable check) {
        int before = ThreadCheck.breaches().size();
        check.run();
        List<String> all = ThreadCheck.breaches();
        return all.subList(before, all.size());
    }

    private static void onEdt(Runnable r) {
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void offNothingIsABreach() {
        assertThat(newBreaches(() -> onEdt(() -> ThreadCheck.notOnEdt("reading budmon.ini")))).isEmpty();
        assertThat(newBreaches(() -> ThreadCheck.onEdt("setting a label"))).isEmpty();
    }

    @Test
    void onFileAccessOnTheEdtAndSwingOffItAreBreaches() {
        System.setProperty(ThreadCheck.PROPERTY, "true");
        assertThat(newBreaches(() -> onEdt(() -> ThreadCheck.notOnEdt("reading budmon.ini"))))
                .containsExactly("budmon: thread rule broken: reading budmon.ini on the Event Dispatch Thread");
        assertThat(newBreaches(() -> ThreadCheck.notOnEdt("reading budmon.ini"))).isEmpty();

        assertThat(newBreaches(() -> ThreadCheck.onEdt("setting a label"))).singleElement().asString()
                .startsWith("budmon: thread rule broken: setting a label on " + Thread.currentThread().getName());
        assertThat(newBreaches(() -> onEdt(() -> ThreadCheck.onEdt("setting a label")))).isEmpty();
    }
}
