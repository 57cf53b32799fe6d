package dev.budmon.background;

import dev.budmon.notify.SessionBus;
import dev.budmon.source.ClaudeDirs;
import dev.budmon.source.transcript.TranscriptFeed;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Runs {@link BackgroundMode} on a Claude directory until Quit, for looking at it and measuring it before
 * {@code budmon --background} exists: {@code java -cp … dev.budmon.background.BackgroundMain <claude dir>}.
 */
public final class BackgroundMain {

    private BackgroundMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        BackgroundMode b = BackgroundMode.start(new ClaudeDirs(List.of(dir)), new TranscriptFeed(),
                SessionBus.addressFromEnvironment(), null, dir.resolve("cache"), Clock.systemDefaultZone(),
                new BackgroundMode.WindowOpener() {
                    @Override
                    public void showWindow() {
                        System.out.println("show window");
                    }

                    @Override
                    public void showHistory() {
                        System.out.println("show history");
                    }
                });
        System.out.println("tray " + b.hasTray() + ", notifications " + b.notifierName());
        b.await();
        b.close();
    }
}
