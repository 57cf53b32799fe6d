package dev.budmon.demo;

import java.nio.file.Path;

/**
 * Run in its own JVM by {@link DemoWriterTest}: starts the demo, lets its thread write for a moment, prints
 * the folder and ends without closing the demo, as a window killed by its user would.
 */
public final class DemoExitProbe {

    private DemoExitProbe() {
    }

    public static void main(String[] args) throws Exception {
        DemoWriter demo = new DemoWriter();
        Path dir = demo.start();
        Thread.sleep(1500);
        System.out.println(dir);
        // main returns; the writer is a daemon thread, so the JVM exits and the shutdown hook must clean up.
    }
}
