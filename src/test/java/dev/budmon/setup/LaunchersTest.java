package dev.budmon.setup;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launchers' texts: the Windows ones cannot run here and are checked line by line; the POSIX ones also run
 * for real in {@link LaunchersEndToEndTest}.
 */
class LaunchersTest {

    private static final String INTERCEPTOR = "C:\\Users\\Ann & Bob (x) 100%!\\.claude\\budmon-interceptor.mjs";

    @Test
    void claudeBudmonCmdSetsBothVariablesSafely() {
        String cmd = Launchers.claudeBudmonCmd(INTERCEPTOR);
        assertThat(cmd).doesNotContain("\n\n").contains("\r\n").doesNotContainPattern("[^\r]\n");
        // Literals are stored with delayed expansion off, where only % is special (doubled); the URL has no
        // space and no quote, so it needs no quoting inside NODE_OPTIONS.
        assertThat(cmd).contains("setlocal DisableDelayedExpansion\r\n"
                + "set \"BUDMON_IMPORT=--import=file:///C:/Users/Ann%%20%%26%%20Bob%%20%%28x%%29%%20100%%25%%21"
                + "/.claude/budmon-interceptor.mjs\"\r\n"
                + "set \"BUDMON_PRELOAD=--preload C:/Users/Ann\\ &\\ Bob\\ (x)\\ 100%%!/.claude/budmon-interceptor.mjs\"\r\n"
                + "setlocal EnableDelayedExpansion\r\n"
                + "set \"NODE_OPTIONS=!NODE_OPTIONS! !BUDMON_IMPORT!\"\r\n"
                + "set \"BUN_OPTIONS=!BUN_OPTIONS! !BUDMON_PRELOAD!\"\r\n"
                + "setlocal DisableDelayedExpansion\r\n");
        assertThat(cmd).endsWith("claude %*\r\n");
        assertThat(Launchers.isOurs(cmd.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void budmonCmdRunsTheJarWithShortRunFlagsForTheStatusLine() {
        String cmd = Launchers.budmonCmd("C:\\Users\\A B\\.local\\share\\budmon\\budmon.jar", "C:\\jdk 17\\bin\\java.exe");
        assertThat(cmd).contains("set \"BUDMON_JAR=C:\\Users\\A B\\.local\\share\\budmon\\budmon.jar\"\r\n")
                .contains("set \"BUDMON_JAVA=C:\\jdk 17\\bin\\java.exe\"\r\n")
                .contains("if defined JAVA_HOME if exist \"%JAVA_HOME%\\bin\\java.exe\"")
                .contains("if \"%~1\"==\"--statusline\" set \"BUDMON_SHORT_RUN=" + Launchers.SHORT_RUN_FLAGS + "\"")
                .contains("\"%BUDMON_JAVA%\" %BUDMON_SHORT_RUN% %BUDMON_JAVA_OPTS% -jar \"%BUDMON_JAR%\" %*\r\n");
    }

    @Test
    void posixLaunchersCarryTheOwnerMark() {
        assertThat(Launchers.isOurs(Launchers.claudeBudmonSh("/x.mjs").getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Launchers.isOurs(Launchers.budmonSh("/j.jar", null).getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Launchers.isOurs("#!/bin/sh\nexec java -jar x.jar\n".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void theInstalledBudmonIsTheCheckoutsLauncherWithOnlyItsSettingsFilledIn() throws IOException {
        String checkout = Files.readString(Path.of("budmon"));
        String installed = Launchers.budmonSh("/home/a b/it's/budmon.jar", "/opt/jdk $x/bin/java");

        assertThat(installed.lines()).contains("budmon_jar='/home/a b/it'\\''s/budmon.jar'",
                "budmon_java='/opt/jdk $x/bin/java'");
        assertThat(without(installed)).isEqualTo(without(checkout));
        // The checkout's own settings are empty: it runs target/budmon.jar next to itself and builds it.
        assertThat(checkout.lines()).contains("budmon_jar=\"\"  # the jar to run; empty: this source checkout's"
                + " target/budmon.jar, built when stale");
        assertThat(Launchers.budmonSh("/j.jar", null).lines()).contains("budmon_java=\"\"");
    }

    @Test
    void aLauncherWithoutTheSettingsBlockIsRefused() {
        assertThatThrownBy(() -> Launchers.budmonSh("#!/bin/sh\nexec java -jar \"$jar\"\n", "/j.jar", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Launchers.INSTALL_BEGIN);
    }

    /** The launcher without its settings block. */
    private static String without(String launcher) {
        int begin = launcher.indexOf(Launchers.INSTALL_BEGIN);
        int end = launcher.indexOf(Launchers.INSTALL_END);
        assertThat(begin).isPositive();
        assertThat(end).isGreaterThan(begin);
        return launcher.substring(0, begin) + launcher.substring(end);
    }
}
