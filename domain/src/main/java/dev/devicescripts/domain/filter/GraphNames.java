package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.InvalidInputException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks an enumeration's member up by the name Graph gives it. */
final class GraphNames {
    private GraphNames() {
    }

    static <E> E member(E[] members, Function<E, String> graphName, String name, String field) {
        return Arrays.stream(members).filter(member -> graphName.apply(member).equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of " + Arrays.stream(members)
                        .map(graphName).collect(Collectors.joining(", ")) + ", not '" + name + "'."));
    }
}
