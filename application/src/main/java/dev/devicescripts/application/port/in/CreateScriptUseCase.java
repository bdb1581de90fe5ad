package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.TenantId;

/** Creates a script with a new id and no assignments. */
public interface CreateScriptUseCase {
    DeviceManagementScript create(TenantId tenant, ScriptProperties properties);
}
