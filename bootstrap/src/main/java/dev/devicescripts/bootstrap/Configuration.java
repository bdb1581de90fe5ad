package dev.devicescripts.bootstrap;

import dev.devicescripts.domain.TenantId;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the server runs with. Each setting comes from its command-line flag, else its environment variable, else its
 * default; see {@link Option}.
 */
public record Configuration(
        String host,
        int port,
        Path dataDirectory,
        Persistence persistence,
        Optional<String> dbUrl,
        int maxTargets,
        long maxBodyBytes) {

    /** Until tokens carry tenants, every request acts for this one. */
    public static final TenantId DEFAULT_TENANT = TenantId.of("00000000-0000-0000-0000-000000000001");

    public enum Persistence { JDBC, MEMORY }

    public static Configuration parse(List<String> args, Map<String, String> environment) throws UsageException {
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (Option option : Option.values()) {
            option.defaultValue().ifPresent(value -> values.put(option, value));
            Optional.ofNullable(environment.get(option.environmentVariable())).ifPresent(value -> values.put(option, value));
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            Option option = Option.byFlag(flag).orElseThrow(() -> new UsageException("unknown option '" + flag + "'."));
            if (equals >= 0) {
                values.put(option, arg.substring(equals + 1));
            } else if (i + 1 < args.size()) {
                values.put(option, args.get(++i));
            } else {
                throw new UsageException(flag + " needs a value.");
            }
        }
        return new Configuration(
                nonBlank(values, Option.HOST),
                integer(values, Option.PORT, 0, 65535),
                Path.of(nonBlank(values, Option.DATA_DIR)),
                persistence(values),
                Optional.ofNullable(values.get(Option.DB_URL)).filter(url -> !url.isBlank()),
                integer(values, Option.MAX_TARGETS, 1, 100_000),
                integer(values, Option.MAX_BODY_BYTES, 1024, Integer.MAX_VALUE));
    }

    public static String usage() {
        return Stream.concat(
                        Stream.of("Usage: java -jar devicescripts.jar [options]",
                                "Serves the Microsoft Graph beta API for Intune device management scripts.",
                                "",
                                "Options (each also settable by its environment variable):"),
                        Stream.of(Option.values()).map(Option::usageLine))
                .collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator() + "  --help                           print this help and exit"
                + System.lineSeparator();
    }

    private static String nonBlank(Map<Option, String> values, Option option) throws UsageException {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new UsageException(option.flag() + " must not be empty.");
        }
        return value;
    }

    private static int integer(Map<Option, String> values, Option option, int min, int max) throws UsageException {
        String value = nonBlank(values, option);
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new UsageException(option.flag() + " must be a whole number from " + min + " to " + max + ", not '"
                + value + "'.");
    }

    private static Persistence persistence(Map<Option, String> values) throws UsageException {
        String value = nonBlank(values, Option.PERSISTENCE);
        try {
            return Persistence.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(Option.PERSISTENCE.flag() + " must be jdbc or memory, not '" + value + "'.");
        }
    }
}
