package dev.budmon.ui.view;

import dev.budmon.config.LegacyKey;
import dev.budmon.i18n.Messages;
import dev.budmon.model.SourceWarning;
import dev.budmon.ui.theme.Tone;

import java.util.ArrayList;
import java.util.List;

/**
 * The notices the window shows above its footer ({@link NoticeView}): one for settings of BudMon 1.x read
 * under BudMon's names, one for settings of {@code budmon.ini} that could not be used, one for files that
 * could not be read. A notice says how many in one translated line; its detail lists every message (the
 * messages themselves are English, as in {@code --json}). Pure; any thread.
 */
public final class Notices {

    private Notices() {
    }

    /**
     * @param legacy         keys of the original BudMon read under ours
     * @param configWarnings what was wrong with {@code budmon.ini}
     * @param sourceWarnings what could not be read from the data files
     */
    public static List<NoticeView> of(List<LegacyKey> legacy, List<SourceWarning> configWarnings,
                                      List<SourceWarning> sourceWarnings, Messages m) {
        List<NoticeView> notices = new ArrayList<>(3);
        if (!legacy.isEmpty()) {
            StringBuilder detail = new StringBuilder(m.get("notice.legacy_detail"));
            for (LegacyKey k : legacy) {
                detail.append('\n').append("• [").append(k.section()).append("] ").append(k.oldKey()).append(" → ")
                        .append(k.newKey().isEmpty() ? m.get("notice.legacy_dropped") : k.newKey());
            }
            notices.add(notice("legacy", m.get("notice.legacy", legacy.size()), detail.toString(), Tone.INFO, m));
        }
        if (!configWarnings.isEmpty()) {
            notices.add(notice("config", m.get("notice.config", configWarnings.size()),
                    m.get("notice.config_detail") + lines(configWarnings, false), Tone.WARN, m));
        }
        if (!sourceWarnings.isEmpty()) {
            notices.add(notice("sources", m.get("notice.sources", sourceWarnings.size()),
                    m.get("notice.sources_detail") + lines(sourceWarnings, true), Tone.WARN, m));
        }
        return notices;
    }

    private static NoticeView notice(String id, String text, String detail, Tone tone, Messages m) {
        return new NoticeView(id, text, detail, tone, m.get("notice.details"), m.get("notice.dismiss"),
                m.get("dialog.close"));
    }

    private static String lines(List<SourceWarning> warnings, boolean withSource) {
        StringBuilder b = new StringBuilder();
        for (SourceWarning w : warnings) {
            b.append('\n').append("• ");
            if (withSource) {
                b.append(w.source()).append(": ");
            }
            b.append(w.message());
        }
        return b.toString();
    }
}
