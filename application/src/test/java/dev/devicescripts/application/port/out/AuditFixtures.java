package dev.devicescripts.application.port.out;

import dev.devicescripts.application.port.out.AssignmentSetRepository.AssignAudit;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.IntuneAudits;
import dev.devicescripts.domain.audit.Stamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Audit entries for tests of the stores that write them with each change, as the use cases make them. */
public final class AuditFixtures {
    public static final Actor APP = new Actor(Actor.Kind.APPLICATION, null, null, null,
            "a11ce5e5-0000-4000-8000-000000000001", "Contract tests", "127.0.0.1");
    public static final Actor ADA = new Actor(Actor.Kind.DELEGATED, "ada00000-0000-4000-8000-000000000001",
            "ada@contoso.test", "Ada Lovelace", "a11ce5e5-0000-4000-8000-000000000001", "Contract tests", "10.0.0.7");
    public static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private AuditFixtures() {
    }

    public static Stamp stamp() {
        return stamp(AT, APP);
    }

    public static Stamp stamp(Instant at, Actor actor) {
        return new Stamp(UUID.randomUUID(), at, actor, UUID.randomUUID());
    }

    public static AuditEvent created(DeviceManagementScript script) {
        return IntuneAudits.scriptCreated(stamp(), script);
    }

    /** Inserts the script with the entry of its creation, as ScriptService does; returns it. */
    public static DeviceManagementScript insert(ScriptRepository scripts, TenantId tenant,
                                                DeviceManagementScript script) {
        scripts.insert(tenant, script, created(script));
        return script;
    }

    public static BiFunction<DeviceManagementScript, DeviceManagementScript, AuditEvent> patched() {
        return (before, after) -> IntuneAudits.scriptPatched(stamp(), before, after);
    }

    public static Function<DeviceManagementScript, AuditEvent> deleted() {
        return script -> IntuneAudits.scriptDeleted(stamp(), script);
    }

    /** The entry of an assign of {@code scriptId}; the set assigned is not part of what these tests check. */
    public static AssignAudit assigned(ScriptId scriptId) {
        return (displayName, before) -> IntuneAudits.assigned(stamp(), scriptId, displayName, "[]", "[]");
    }
}
