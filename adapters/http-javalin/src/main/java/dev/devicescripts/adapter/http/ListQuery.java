package dev.devicescripts.adapter.http;

import dev.devicescripts.application.port.in.PageRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The OData query options of a request. Only $top and $skip are served so far; any other $-option is refused by
 * name rather than silently ignored, so a client never mistakes an unfiltered answer for a filtered one.
 */
final class ListQuery {
    private static final String TOP = "$top";
    private static final String SKIP = "$skip";
    private static final Set<String> SUPPORTED = Set.of(TOP, SKIP);

    private ListQuery() {
    }

    /** Refuses every $-option this service does not serve; other parameters are ignored, as Graph does. */
    static void rejectUnsupportedOptions(Map<String, List<String>> queryParameters) {
        for (String name : queryParameters.keySet()) {
            if (name.startsWith("$") && !SUPPORTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw GraphRequestException.badRequest("The query option '" + name + "' is not supported.");
            }
        }
    }

    /** The page a list request asks for: $top is the page size, capped at {@code pageSize}. */
    static PageRequest page(Map<String, List<String>> queryParameters, int pageSize) {
        int top = option(queryParameters, TOP, 1).orElse(pageSize);
        int skip = option(queryParameters, SKIP, 0).orElse(0);
        return new PageRequest(skip, Math.min(top, pageSize));
    }

    /**
     * The query string of the page after {@code page}: the request's own parameters, raw as the client wrote them,
     * with $skip moved on.
     */
    static String nextPageQuery(String rawQuery, PageRequest page) {
        List<String> parameters = new ArrayList<>();
        if (rawQuery != null) {
            for (String parameter : rawQuery.split("&")) {
                String name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!parameter.isEmpty() && !name.equalsIgnoreCase(SKIP)) {
                    parameters.add(parameter);
                }
            }
        }
        parameters.add(SKIP + "=" + (page.skip() + page.top()));
        return String.join("&", parameters);
    }

    /** The option's value, at least {@code min}; empty when the request does not give it. */
    private static OptionalInt option(Map<String, List<String>> queryParameters, String option, int min) {
        for (Map.Entry<String, List<String>> parameter : queryParameters.entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(option)) {
                return OptionalInt.of(integer(option, parameter.getValue().get(0), min));
            }
        }
        return OptionalInt.empty();
    }

    private static int integer(String option, String text, int min) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as a value out of range is
        }
        throw GraphRequestException.badRequest("The query option '" + option + "' must be an integer from " + min
                + " to " + Integer.MAX_VALUE + "; '" + text + "' is not.");
    }
}
