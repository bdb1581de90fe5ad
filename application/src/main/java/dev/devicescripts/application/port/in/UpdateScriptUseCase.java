package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.InvalidInputException;

/** Changes the properties a PATCH names and leaves the others as they are. */
public interface UpdateScriptUseCase {
    /**
     * @return the script as it is after the change
     * @throws InvalidInputException   when the result would break a rule (nothing changes)
     * @throws ScriptNotFoundException when the tenant has no such script
     */
    DeviceManagementScript update(Caller caller, UpdateScriptCommand command);
}
