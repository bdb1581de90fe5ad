package dev.devicescripts.application.service;

import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.port.in.CreateScriptUseCase;
import dev.devicescripts.application.port.in.DeleteScriptUseCase;
import dev.devicescripts.application.port.in.GetScriptUseCase;
import dev.devicescripts.application.port.in.ListScriptsUseCase;
import dev.devicescripts.application.port.in.PageRequest;
import dev.devicescripts.application.port.in.ScriptPage;
import dev.devicescripts.application.port.in.UpdateScriptCommand;
import dev.devicescripts.application.port.in.UpdateScriptUseCase;
import dev.devicescripts.application.port.out.IdGenerator;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.TenantId;

/** Creates, reads, changes and deletes scripts. */
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
    public DeviceManagementScript create(TenantId tenant, ScriptProperties properties) {
        DeviceManagementScript script = DeviceManagementScript.create(ids.newScriptId(), properties, time.now());
        scripts.insert(tenant, script);
        return script;
    }

    @Override
    public DeviceManagementScript get(TenantId tenant, ScriptId id) {
        return scripts.find(tenant, id).orElseThrow(() -> new ScriptNotFoundException(id));
    }

    @Override
    public ScriptPage list(TenantId tenant, PageRequest page) {
        return scripts.list(tenant, page);
    }

    @Override
    public long count(TenantId tenant) {
        return scripts.count(tenant);
    }

    @Override
    public DeviceManagementScript update(TenantId tenant, UpdateScriptCommand command) {
        return scripts.update(tenant, command.scriptId(), script -> script.patched(command.patch(), time.now()))
                .orElseThrow(() -> new ScriptNotFoundException(command.scriptId()));
    }

    @Override
    public void delete(TenantId tenant, ScriptId id) {
        if (!scripts.delete(tenant, id)) {
            throw new ScriptNotFoundException(id);
        }
    }
}
