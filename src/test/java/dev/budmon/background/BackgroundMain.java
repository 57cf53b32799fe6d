package dev.budmon.background;

import dev.budmon.notify.SessionBus;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptFeed;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link BackgroundMode} on a Claude directory until Quit, printing what the tray asks of the window
 * instead of opening it: {@code java -cp … dev.budmon.background.BackgroundMain <claude dir>}. The real command
 * is {@code budmon --background} ({@code src/bench/background.sh} measures that).
 */
public final class BackgroundMain {

    private BackgroundMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        CountDownLatch quit = new CountDownLatch(1);
        BackgroundMode b = BackgroundMode.start(new ClaudeDirs(List.of(dir)), new TranscriptFeed(),
                SessionBus.addressFromEnvironment(), null, dir.resolve("cache"), Clock.systemDefaultZone(),
                new TrayAndAlerts.Window() {
                    @Override
                    public void toggle() {
                        System.out.println("toggle window");
                    }

                    @Override
                    public void show() {
                        System.out.println("show window");
                    }

                    @Override
                    public void showHistory() {
                        System.out.println("show history");
                    }

                    @Override
                    public void quit() {
                        quit.countDown();
                    }
                });
        System.out.println("tray " + b.trayAndAlerts().hasTray() + ", notifications " + b.trayAndAlerts().notifierName());
        quit.await();
        b.close();
    }
}
