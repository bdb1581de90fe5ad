package dev.devicescripts.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The account a script runs as on the device. */
public enum RunAsAccount {
    SYSTEM, USER;

    /** The name Graph writes, {@code system} or {@code user}. */
    public String graphName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunAsAccount fromGraphName(String name) {
        return Arrays.stream(values())
                .filter(account -> account.graphName().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("runAsAccount", "must be one of "
                        + Arrays.stream(values()).map(RunAsAccount::graphName).collect(Collectors.joining(", "))
                        + "."));
    }
}
