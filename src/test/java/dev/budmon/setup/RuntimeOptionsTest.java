package dev.budmon.setup;

import dev.budmon.Os;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeOptionsTest {

    @Test
    void fileUrlsEncodeEverythingButUnreservedCharacters() {
        String p = "/home/o'brien \"x\" $y #1 ?q %20 \u00e9/.claude/budmon-interceptor.mjs";
        String url = RuntimeOptions.fileUrl(p, Os.LINUX);
        assertThat(url).isEqualTo("file:///home/o%27brien%20%22x%22%20%24y%20%231%20%3Fq%20%2520%20%C3%A9"
                + "/.claude/budmon-interceptor.mjs");
        assertThat(url).matches("file:///[A-Za-z0-9\\-._~/%]+");
        assertThat(Path.of(URI.create(url))).isEqualTo(Path.of(p));
    }

    @Test
    void windowsPathsBecomeDriveAndUncUrls() {
        assertThat(RuntimeOptions.fileUrl("C:\\Users\\A B\\.claude\\x.mjs", Os.WINDOWS))
                .isEqualTo("file:///C:/Users/A%20B/.claude/x.mjs");
        assertThat(RuntimeOptions.fileUrl("\\\\server\\share\\x.mjs", Os.WINDOWS))
                .isEqualTo("file://server/share/x.mjs");
        assertThat(RuntimeOptions.nodeImport("C:\\a\\x.mjs", Os.WINDOWS)).isEqualTo("--import=file:///C:/a/x.mjs");
    }

    @Test
    void bunPreloadUsesTheEqualsFormWithoutWhiteSpaceAndEscapesOtherwise() {
        assertThat(RuntimeOptions.bunPreload("/home/o'b\"$/x.mjs", Os.LINUX)).isEqualTo("--preload=/home/o'b\"$/x.mjs");
        assertThat(RuntimeOptions.bunPreload("/home/a b/it's \"q\"/x.mjs", Os.LINUX))
                .isEqualTo("--preload /home/a\\ b/it\\'s\\ \\\"q\\\"/x.mjs");
        assertThat(RuntimeOptions.bunPreload("C:\\Users\\A B\\x.mjs", Os.WINDOWS))
                .isEqualTo("--preload C:/Users/A\\ B/x.mjs");
    }

    @Test
    void backslashesInPosixPathsCannotBeLoaded() {
        assertThat(RuntimeOptions.loadableByBothRuntimes("/home/a\\b/x.mjs", Os.LINUX)).isFalse();
        assertThat(RuntimeOptions.loadableByBothRuntimes("/home/a b/x.mjs", Os.LINUX)).isTrue();
        assertThat(RuntimeOptions.loadableByBothRuntimes("C:\\x.mjs", Os.WINDOWS)).isTrue();
    }
}
