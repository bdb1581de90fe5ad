package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.domain.InvalidInputException;

/** Replaces a script's whole assignment set, atomically. */
public interface AssignScriptUseCase {
    /**
     * @throws InvalidInputException   when the named set breaks a rule (nothing changes)
     * @throws ScriptNotFoundException when the tenant has no such script
     */
    void assign(Caller caller, AssignScriptCommand command);
}
