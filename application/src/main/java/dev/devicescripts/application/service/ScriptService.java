package dev.devicescripts.application.service;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.port.in.CreateScriptUseCase;
import dev.devicescripts.application.port.in.DeleteScriptUseCase;
import dev.devicescripts.application.port.in.GetScriptUseCase;
import dev.devicescripts.application.port.in.ListScriptsUseCase;
import dev.devicescripts.application.port.in.UpdateScriptCommand;
import dev.devicescripts.application.port.in.UpdateScriptUseCase;
import dev.devicescripts.application.port.out.IdGenerator;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.IntuneAudits;
import java.util.Optional;

/** Creates, reads, changes and deletes scripts, each for a caller whose token allows it. */
public final class ScriptService
        implements CreateScriptUseCase, GetScriptUseCase, ListScriptsUseCase, UpdateScriptUseCase, DeleteScriptUseCase {

    private final ScriptRepository scripts;
    private final TimeSource time;
    private final IdGenerator ids;

    public ScriptService(ScriptRepository scripts, TimeSource time, IdGenerator ids) {
        this.scripts = scripts;
        this.time = time;
        this.ids = ids;
    }

    @Override
    public DeviceManagementScript create(Caller caller, ScriptProperties properties) {
        TenantId tenant = Access.WRITE.tenantOf(caller);
        DeviceManagementScript script = DeviceManagementScript.create(ids.newScriptId(), properties, time.now());
        scripts.insert(tenant, script,
                IntuneAudits.scriptCreated(Stamps.of(caller, script.createdDateTime()), script));
        return script;
    }

    @Override
    public DeviceManagementScript get(Caller caller, ScriptId id) {
        return scripts.find(Access.READ.tenantOf(caller), id).orElseThrow(() -> new ScriptNotFoundException(id));
    }

    @Override
    public Page<DeviceManagementScript> list(Caller caller, Query<DeviceManagementScript> query) {
        return scripts.list(Access.READ.tenantOf(caller), query);
    }

    @Override
    public long count(Caller caller, Optional<Filter<DeviceManagementScript>> filter) {
        return scripts.count(Access.READ.tenantOf(caller), filter);
    }

    @Override
    public DeviceManagementScript update(Caller caller, UpdateScriptCommand command) {
        return scripts.update(Access.WRITE.tenantOf(caller), command.scriptId(),
                        script -> script.patched(command.patch(), time.now()),
                        (before, after) -> IntuneAudits.scriptPatched(Stamps.of(caller, after.lastModifiedDateTime()),
                                before, after))
                .orElseThrow(() -> new ScriptNotFoundException(command.scriptId()));
    }

    @Override
    public void delete(Caller caller, ScriptId id) {
        if (!scripts.delete(Access.WRITE.tenantOf(caller), id,
                script -> IntuneAudits.scriptDeleted(Stamps.of(caller, time), script))) {
            throw new ScriptNotFoundException(id);
        }
    }
}
