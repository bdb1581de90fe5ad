package dev.devicescripts.application.port.in;

import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;

/** Reads one script, content included. */
public interface GetScriptUseCase {
    /** @throws ScriptNotFoundException when the tenant has no such script */
    DeviceManagementScript get(TenantId tenant, ScriptId id);
}
