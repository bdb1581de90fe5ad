package dev.devicescripts.application.port.out;

import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Keeps scripts, each under its tenant; no method ever sees or changes another tenant's script. */
public interface ScriptRepository {

    /** Stores a new script with an empty assignment set, and its audit entry with it. Its id is new. */
    void insert(TenantId tenant, DeviceManagementScript script, AuditEvent entry);

    Optional<DeviceManagementScript> find(TenantId tenant, ScriptId id);

    /**
     * The page of the tenant's scripts that the query names, in {@link Query#comparator()}'s order, matched by
     * {@link Filter#matches}, without their content; {@code next} is present exactly when more scripts follow.
     * Filtering, ordering and paging happen in the store, never by loading every script.
     */
    Page<DeviceManagementScript> list(TenantId tenant, Query<DeviceManagementScript> query);

    /** How many of the tenant's scripts match the filter (all of them when it is empty). */
    long count(TenantId tenant, Optional<Filter<DeviceManagementScript>> filter);

    /**
     * Applies {@code change} to the stored script and stores its result with the audit entry {@code audit} makes of
     * the script before and after, as one step: concurrent updates of one script run one after the other, so none is
     * lost. When {@code change} throws, nothing is stored and the exception propagates.
     *
     * @return the stored result, or empty when the tenant has no such script
     */
    Optional<DeviceManagementScript> update(TenantId tenant, ScriptId id, UnaryOperator<DeviceManagementScript> change,
            BiFunction<DeviceManagementScript, DeviceManagementScript, AuditEvent> audit);

    /**
     * Deletes the script and its assignment set together, with the audit entry {@code audit} makes of the script
     * deleted; false, writing nothing, when the tenant has no such script.
     */
    boolean delete(TenantId tenant, ScriptId id, Function<DeviceManagementScript, AuditEvent> audit);
}
