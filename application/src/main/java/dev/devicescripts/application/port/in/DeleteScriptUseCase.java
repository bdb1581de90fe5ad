package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.domain.ScriptId;

/** Deletes a script and its assignments with it. */
public interface DeleteScriptUseCase {
    /** @throws ScriptNotFoundException when the tenant has no such script */
    void delete(Caller caller, ScriptId id);
}
