package dev.budmon.quotacost;

import java.time.Instant;
import java.util.List;

/**
 * Who took a window's current period.
 *
 * @param since              the period's start
 * @param bySession          sessions, largest share first
 * @param byProject          projects (working directories), largest share first
 * @param unattributedPercent percentage points of growth with no request here (claude.ai, another machine)
 */
public record WindowShares(Instant since, List<GroupShare> bySession, List<GroupShare> byProject,
                           double unattributedPercent) {

    public WindowShares {
        bySession = List.copyOf(bySession);
        byProject = List.copyOf(byProject);
    }
}
