package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import java.util.Optional;

/**
 * Counts and pages through a collection under one item, such as a group's members: a {@link ListUseCase} for each
 * parent, named by the key its path gives.
 *
 * @param <T> the items' type
 */
public interface NavigationListUseCase<T> {
    /** @param parentKey the key of the item the collection is under, as its path writes it, unquoted */
    Page<T> list(Caller caller, String parentKey, Query<T> query);

    /** How many of the parent's items match the filter (all of them when it is empty). */
    long count(Caller caller, String parentKey, Optional<Filter<T>> filter);

    /** A use case of two functions, where an adapter's list and count call a use case of another shape. */
    static <T> NavigationListUseCase<T> of(Lister<T> lister, Counter<T> counter) {
        return new NavigationListUseCase<>() {
            @Override
            public Page<T> list(Caller caller, String parentKey, Query<T> query) {
                return lister.list(caller, parentKey, query);
            }

            @Override
            public long count(Caller caller, String parentKey, Optional<Filter<T>> filter) {
                return counter.count(caller, parentKey, filter);
            }
        };
    }

    /** {@link #list} as a function. */
    @FunctionalInterface
    interface Lister<T> {
        Page<T> list(Caller caller, String parentKey, Query<T> query);
    }

    /** {@link #count} as a function. */
    @FunctionalInterface
    interface Counter<T> {
        long count(Caller caller, String parentKey, Optional<Filter<T>> filter);
    }

    /** The list under the parent whose key is {@code parentKey}. */
    default ListUseCase<T> under(String parentKey) {
        NavigationListUseCase<T> navigation = this;
        return new ListUseCase<>() {
            @Override
            public Page<T> list(Caller caller, Query<T> query) {
                return navigation.list(caller, parentKey, query);
            }

            @Override
            public long count(Caller caller, Optional<Filter<T>> filter) {
                return navigation.count(caller, parentKey, filter);
            }
        };
    }
}
