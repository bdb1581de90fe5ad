package dev.devicescripts.application;

import dev.devicescripts.domain.ScriptId;

/** No script with this id exists in the caller's tenant (another tenant's script is not found either). */
public final class ScriptNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public ScriptNotFoundException(ScriptId id) {
        super("No deviceManagementScript with id " + id + " exists.");
    }
}
