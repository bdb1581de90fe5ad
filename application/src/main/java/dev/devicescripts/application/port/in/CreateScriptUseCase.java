package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptProperties;

/** Creates a script with a new id and no assignments. */
public interface CreateScriptUseCase {
    DeviceManagementScript create(Caller caller, ScriptProperties properties);
}
