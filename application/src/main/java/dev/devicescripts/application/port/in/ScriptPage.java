package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.DeviceManagementScript;
import java.util.List;

/**
 * One page of a tenant's scripts, oldest first, without their content.
 *
 * @param hasMore whether scripts follow this page
 */
public record ScriptPage(List<DeviceManagementScript> scripts, boolean hasMore) {
    public ScriptPage {
        scripts = List.copyOf(scripts);
    }
}
