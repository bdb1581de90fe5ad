package dev.devicescripts.application.port.out;

import dev.devicescripts.domain.TenantId;
import java.util.function.Function;

/**
 * Keeps each tenant's directory (users, groups and their members, Entra devices), its Intune managed devices and
 * the scripts' run states on them. No view ever sees or changes another tenant's objects.
 */
public interface DirectoryRepository {

    /** The tenant's directory as it is now; each read sees committed writes only. */
    DirectoryReads reads(TenantId tenant);

    /**
     * Runs {@code work} on one consistent snapshot of the tenant's directory: every read it makes sees the same
     * committed state (one read-only transaction), whatever commits meanwhile. For answers that read many times
     * and must not mix two states, such as effective targeting.
     */
    <R> R snapshot(TenantId tenant, Function<DirectoryReads, R> work);

    /**
     * Runs {@code work} as one transaction of the tenant: its reads see its own writes, writes of one tenant run one
     * after the other (also across instances sharing a database), and when {@code work} throws nothing it wrote is
     * kept and the exception propagates. Every directory change goes through here: the one write path.
     */
    <R> R write(TenantId tenant, Function<DirectoryWrites, R> work);
}
