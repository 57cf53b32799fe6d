package dev.budmon.alert;

import dev.budmon.calc.Level;
import dev.budmon.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of every alert, in English and German, as the notification shows them. */
class AlertTextsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 12:50 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-03-02T11:50:00Z");
    /** 14:00 in Berlin. */
    private static final Instant RESET = Instant.parse("2026-03-02T13:00:00Z");
    private static final Duration FIVE_HOURS = Duration.ofHours(5);
    private static final Messages EN = Messages.of("en");
    private static final Messages DE = Messages.of("de");

    @Test
    void runsOutAsTheIssueWritesIt() {
        Instant exhaustion = NOW.plus(Duration.ofMinutes(25)); // 12:15, 1 h 10 min before the reset at 14:00
        Notice n = AlertTexts.notice(new Alert.RunsOut("5h", 81.4, exhaustion, RESET, FIVE_HOURS), NOW, BERLIN, EN);
        assertThat(n.summary()).isEqualTo("5-hour quota runs out in about 25 min");
        assertThat(n.body()).isEqualTo(
                "5-hour quota runs out in about 25 min, 45 min before its reset at 14:00. 81% used so far.");
        assertThat(n.urgency()).isEqualTo(Urgency.CRITICAL);

        // the issue's own example: at 12:25 the quota would be gone at 12:50, the reset is at 14:00
        Instant earlier = RESET.minus(Duration.ofMinutes(95));
        Notice issue = AlertTexts.notice(new Alert.RunsOut("5h", 70, earlier.plus(Duration.ofMinutes(25)), RESET,
                FIVE_HOURS), earlier, BERLIN, EN);
        assertThat(issue.body()).startsWith("5-hour quota runs out in about 25 min, 1 h 10 min before its reset at 14:00.");

        Notice de = AlertTexts.notice(new Alert.RunsOut("5h", 81.4, exhaustion, RESET, FIVE_HOURS), NOW, BERLIN, DE);
        assertThat(de.summary()).isEqualTo("5-Stunden-Kontingent in etwa 25 min aufgebraucht");
        assertThat(de.body()).isEqualTo("5-Stunden-Kontingent ist beim jetzigen Tempo in etwa 25 min aufgebraucht, "
                + "45 min vor dem Reset um 14:00. Bisher 81 % verbraucht.");
    }

    @Test
    void thresholdReached() {
        Notice warn = AlertTexts.notice(new Alert.QuotaReached("5h", Level.WARN, 76.2, 75, RESET, FIVE_HOURS, null),
                NOW, BERLIN, EN);
        assertThat(warn.summary()).isEqualTo("5-hour quota at 76%");
        assertThat(warn.body()).isEqualTo("The warning threshold of 75% is reached. It resets at 14:00 (1 h 10 min).");
        assertThat(warn.urgency()).isEqualTo(Urgency.NORMAL);

        Instant weekReset = Instant.parse("2026-03-06T12:00:00Z");
        Notice alarm = AlertTexts.notice(new Alert.QuotaReached("7d_opus", Level.ALARM, 91, 90, weekReset,
                Duration.ofDays(7), null), NOW, BERLIN, DE);
        assertThat(alarm.summary()).isEqualTo("7-Tage-Kontingent Opus bei 91 %");
        assertThat(alarm.body()).isEqualTo("Die Alarmschwelle von 90 % ist erreicht. Reset: Fr 06.03. 13:00 (4 d 10 min).");
        assertThat(alarm.urgency()).isEqualTo(Urgency.CRITICAL);
    }

    @Test
    void thresholdAndExhaustionInOneNotification() {
        Notice n = AlertTexts.notice(new Alert.QuotaReached("5h", Level.ALARM, 92, 90, RESET, FIVE_HOURS,
                NOW.plus(Duration.ofMinutes(8))), NOW, BERLIN, EN);
        assertThat(n.summary()).isEqualTo("5-hour quota at 92%");
        assertThat(n.body()).isEqualTo("The alarm threshold of 90% is reached. "
                + "5-hour quota runs out in about 8 min, 1 h 2 min before its reset at 14:00.");
    }

    @Test
    void serverStatus() {
        Notice rejected = AlertTexts.notice(new Alert.ServerStatus("rejected", "five_hour", RESET), NOW, BERLIN, EN);
        assertThat(rejected.summary()).isEqualTo("Claude refuses requests: quota used up");
        assertThat(rejected.body()).isEqualTo("The server reports rejected (5-hour quota). It resets at 14:00 (1 h 10 min).");
        assertThat(rejected.urgency()).isEqualTo(Urgency.CRITICAL);
        Notice warning = AlertTexts.notice(new Alert.ServerStatus("allowed_warning", "something_new", null),
                NOW, BERLIN, DE);
        assertThat(warning.summary()).isEqualTo("Claude warnt: Kontingent fast aufgebraucht");
        assertThat(warning.body()).isEqualTo("Der Server meldet allowed_warning.");
        assertThat(warning.urgency()).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void quotaBack() {
        Notice n = AlertTexts.notice(new Alert.QuotaBack("5h", 100, RESET, FIVE_HOURS), RESET.plusSeconds(20),
                BERLIN, EN);
        assertThat(n.summary()).isEqualTo("5-hour quota reset: 100% available");
        assertThat(n.body()).isEqualTo("The window started anew at 14:00.");
        assertThat(n.urgency()).isEqualTo(Urgency.LOW);
        Notice unknownWindow = AlertTexts.notice(new Alert.QuotaBack("12h", 96, null, null), NOW, BERLIN, DE);
        assertThat(unknownWindow.summary()).isEqualTo("Kontingentfenster 12h zurückgesetzt: 96 % verfügbar");
        assertThat(unknownWindow.body()).isEqualTo("Claude Code kann wieder arbeiten.");
    }

    @Test
    void noQuotaDataSaysTheFixInOneSentence() {
        Notice n = AlertTexts.notice(new Alert.NoQuotaData(Duration.ofMinutes(12)), NOW, BERLIN, EN);
        assertThat(n.summary()).isEqualTo("No quota figures while Claude Code works");
        assertThat(n.body()).isEqualTo("Claude Code has been working for 12 min without BudMon seeing its quota. "
                + "Start it with claude-budmon instead of claude (run budmon --setup if that command is missing).");
        assertThat(n.urgency()).isEqualTo(Urgency.NORMAL);
    }
}
