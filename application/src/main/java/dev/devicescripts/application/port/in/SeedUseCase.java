package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.TenantId;

/**
 * Applies one seed document to a tenant's directory, managed devices and run states in one transaction: each object
 * is upserted by id, and when the document breaks a rule or a reference resolves to nothing, nothing is applied.
 */
public interface SeedUseCase {
    /** For a caller allowed to seed, into the caller's tenant; a document naming another tenant is refused. */
    SeedResult seed(Caller caller, SeedSource document);

    /** For the operator (at start-up, or the seed command), into {@code tenant}, which the document may name too. */
    SeedResult seed(TenantId tenant, SeedSource document);
}
