package dev.devicescripts.application.query;

import dev.devicescripts.domain.ScriptId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where a page ended: the last script's values of the query's sort keys, and its id, which breaks ties. The next page
 * starts after it (keyset paging), so scripts created or deleted meanwhile shift nothing: every script that exists
 * throughout is listed exactly once.
 *
 * @param values one per sort key of the query, in its order; an element may be null
 */
public record PageCursor(List<Object> values, ScriptId lastId) {
    public PageCursor {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        Objects.requireNonNull(lastId, "lastId");
    }
}
