package dev.devicescripts.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Options given as {@code --name value} or {@code --name=value}, read back checked and typed. A value that is missing
 * or malformed is a {@link UsageException} naming the option and what it takes.
 */
final class CommandLine {
    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param knownFlags the flags allowed, e.g. {@code --port}
     * @param fallbacks  values by flag for the options the arguments leave out (defaults, environment variables)
     */
    static CommandLine parse(List<String> args, Set<String> knownFlags, Map<String, String> fallbacks)
            throws UsageException {
        Map<String, String> values = new HashMap<>(fallbacks);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            if (!knownFlags.contains(flag)) {
                throw new UsageException("unknown option '" + flag + "'.");
            }
            if (equals >= 0) {
                values.put(flag, arg.substring(equals + 1));
            } else if (i + 1 < args.size()) {
                values.put(flag, args.get(++i));
            } else {
                throw new UsageException(flag + " needs a value.");
            }
        }
        values.values().removeIf(String::isBlank);
        return new CommandLine(values);
    }

    Optional<String> optional(String flag) {
        return Optional.ofNullable(values.get(flag)).map(String::trim);
    }

    /** The value as given, spaces and all: for a password, whose spaces may be part of it. */
    Optional<String> verbatim(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    String required(String flag) throws UsageException {
        return optional(flag).orElseThrow(() -> new UsageException(flag + " is required."));
    }

    int integer(String flag, int min, int max) throws UsageException {
        String value = required(flag);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new UsageException(flag + " must be a whole number from " + min + " to " + max + ", not '" + value
                + "'.");
    }

    Optional<Path> path(String flag) {
        return optional(flag).map(Path::of);
    }

    Optional<URI> uri(String flag) throws UsageException {
        Optional<String> value = optional(flag);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(flag + " must be an absolute URL, not '" + value.get() + "'.");
    }

    /** The items of a list written with commas or spaces between them; empty when the option is absent. */
    List<String> list(String flag) {
        return optional(flag).stream()
                .flatMap(value -> Arrays.stream(value.split("[,\\s]+")))
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /** One of an enum's constants, written in lower case with '-' for '_' (e.g. {@code unverified-signatures}). */
    <E extends Enum<E>> E choice(String flag, Class<E> type) throws UsageException {
        String value = required(flag);
        for (E constant : type.getEnumConstants()) {
            if (optionName(constant).equals(value.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new UsageException(flag + " must be " + Arrays.stream(type.getEnumConstants())
                .map(CommandLine::optionName).collect(Collectors.joining(" or ")) + ", not '" + value + "'.");
    }

    static String optionName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
