package dev.devicescripts.application.port.in;

import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.domain.DeviceManagementScript;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a tenant's scripts, without their content.
 *
 * @param next where the next page starts; empty on the last page
 */
public record ScriptPage(List<DeviceManagementScript> scripts, Optional<PageCursor> next) {
    public ScriptPage {
        scripts = List.copyOf(scripts);
        Objects.requireNonNull(next, "next");
    }
}
