package dev.devicescripts.application;

import java.util.UUID;

/** No assignment filter with this id exists in the caller's tenant (another tenant's is not found either). */
public final class FilterNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public FilterNotFoundException(UUID id) {
        super("No deviceAndAppManagementAssignmentFilter with id " + id + " exists.");
    }
}
