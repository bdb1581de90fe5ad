package dev.devicescripts.application.port.out;

import dev.devicescripts.application.port.in.PageRequest;
import dev.devicescripts.application.port.in.ScriptPage;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Keeps scripts, each under its tenant; no method ever sees or changes another tenant's script. */
public interface ScriptRepository {

    /** Stores a new script with an empty assignment set. Its id is new. */
    void insert(TenantId tenant, DeviceManagementScript script);

    Optional<DeviceManagementScript> find(TenantId tenant, ScriptId id);

    /** A page of the tenant's scripts ordered by creation time, then id; the scripts carry no content. */
    ScriptPage list(TenantId tenant, PageRequest page);

    long count(TenantId tenant);

    /**
     * Applies {@code change} to the stored script and stores its result, as one step: concurrent updates of one
     * script run one after the other, so none is lost. When {@code change} throws, nothing is stored and the
     * exception propagates.
     *
     * @return the stored result, or empty when the tenant has no such script
     */
    Optional<DeviceManagementScript> update(TenantId tenant, ScriptId id, UnaryOperator<DeviceManagementScript> change);

    /** Deletes the script and its assignment set together; false when the tenant has no such script. */
    boolean delete(TenantId tenant, ScriptId id);
}
