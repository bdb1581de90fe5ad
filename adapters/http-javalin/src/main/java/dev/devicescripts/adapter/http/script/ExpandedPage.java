package dev.devicescripts.adapter.http.script;

import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A page of scripts with the assignment sets its projection expands. A page that would hold more than
 * {@link #MAX_EXPANDED_ENTRIES} expanded entries ends early, after at least one script, and continues in its next
 * link (Graph's server-driven paging lets a page hold fewer items than {@code $top}): so a request holds at most that
 * many targets in memory, however large the sets it lists. Sets are loaded a few scripts at a time for the same reason.
 *
 * @param sets the expanded scripts' sets; empty when nothing is expanded
 * @param next where the next page starts; empty on the last page
 */
record ExpandedPage(List<DeviceManagementScript> scripts, Map<ScriptId, AssignmentSet> sets,
                    Optional<PageCursor> next) {
    /** Two scripts with 1,000 targets each, expanded twice: some 500 KB of JSON, never more than a page of them. */
    static final int MAX_EXPANDED_ENTRIES = 2_000;
    private static final int SCRIPTS_LOADED_AT_ONCE = 4;

    /**
     * @param next        where the page the scripts come from continues
     * @param loadSets    the sets of these scripts
     * @param cursorAfter where a page that ends with this script continues
     */
    static ExpandedPage of(List<DeviceManagementScript> scripts, Optional<PageCursor> next, Projection projection,
                           Function<List<ScriptId>, Map<ScriptId, AssignmentSet>> loadSets,
                           Function<DeviceManagementScript, PageCursor> cursorAfter) {
        if (projection.expand().isEmpty()) {
            return new ExpandedPage(scripts, Map.of(), next);
        }
        Map<ScriptId, AssignmentSet> sets = new HashMap<>();
        int entries = 0;
        for (int start = 0; start < scripts.size(); start += SCRIPTS_LOADED_AT_ONCE) {
            List<DeviceManagementScript> chunk = scripts.subList(start,
                    Math.min(start + SCRIPTS_LOADED_AT_ONCE, scripts.size()));
            Map<ScriptId, AssignmentSet> loaded =
                    loadSets.apply(chunk.stream().map(DeviceManagementScript::id).toList());
            for (int index = start; index < start + chunk.size(); index++) {
                ScriptId id = scripts.get(index).id();
                AssignmentSet set = loaded.getOrDefault(id, AssignmentSet.EMPTY);
                int setEntries = set.size() * projection.expand().size();
                if (index > 0 && entries + setEntries > MAX_EXPANDED_ENTRIES) {
                    return new ExpandedPage(scripts.subList(0, index), sets,
                            Optional.of(cursorAfter.apply(scripts.get(index - 1))));
                }
                entries += setEntries;
                sets.put(id, set);
            }
        }
        return new ExpandedPage(scripts, sets, next);
    }
}
