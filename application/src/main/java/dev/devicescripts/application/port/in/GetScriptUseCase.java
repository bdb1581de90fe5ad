package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;

/** Reads one script, content included. */
public interface GetScriptUseCase {
    /** @throws ScriptNotFoundException when the tenant has no such script */
    DeviceManagementScript get(Caller caller, ScriptId id);
}
