package dev.devicescripts.application.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where a page ended: the last item's values of the query's sort keys, and its key, which breaks ties. The next page
 * starts after it (keyset paging), so items created or deleted meanwhile shift nothing: every item that exists
 * throughout is listed exactly once.
 *
 * @param values  one per sort key of the query, in its order; an element may be null
 * @param lastKey the last item's value of its collection's key property
 */
public record PageCursor(List<Object> values, Object lastKey) {
    public PageCursor {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        Objects.requireNonNull(lastKey, "lastKey");
    }
}
