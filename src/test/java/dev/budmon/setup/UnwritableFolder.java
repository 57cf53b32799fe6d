package dev.budmon.setup;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Makes a folder unwritable for the running user, even root: {@code chmod} stops an ordinary user, but root
 * ignores permissions, so as root the folder is made immutable with {@code chattr +i}. The test is skipped
 * (not passed) when neither works, and the lock is always undone on close so the temp folder can be deleted.
 */
final class UnwritableFolder implements AutoCloseable {

    private final Path dir;
    private final boolean immutable;
    private final Set<PosixFilePermission> oldPermissions;

    private UnwritableFolder(Path dir, boolean immutable, Set<PosixFilePermission> oldPermissions) {
        this.dir = dir;
        this.immutable = immutable;
        this.oldPermissions = oldPermissions;
    }

    static UnwritableFolder lock(Path dir) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        UnwritableFolder lock;
        if (root) {
            TestHome.ProcResult r = TestHome.exec(List.of("chattr", "+i", dir.toString()),
                    java.util.Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), null);
            Assumptions.assumeTrue(r.exit() == 0, "chattr +i is not available here: " + r.err());
            lock = new UnwritableFolder(dir, true, null);
        } else {
            Set<PosixFilePermission> old = Files.getPosixFilePermissions(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            lock = new UnwritableFolder(dir, false, old);
        }
        // Prove the lock holds before a test relies on it.
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            lock.close();
            Assumptions.abort("could not make " + dir + " unwritable");
        } catch (IOException expected) {
            // Unwritable, as wanted.
        }
        return lock;
    }

    @Override
    public void close() throws IOException {
        if (immutable) {
            try {
                TestHome.exec(List.of("chattr", "-i", dir.toString()),
                        java.util.Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            Files.setPosixFilePermissions(dir, oldPermissions);
        }
    }

    @Override
    public String toString() {
        return dir + (immutable ? " (chattr +i)" : " (chmod a-w)");
    }
}
