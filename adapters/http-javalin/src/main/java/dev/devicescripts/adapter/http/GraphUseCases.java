package dev.devicescripts.adapter.http;

import dev.devicescripts.adapter.http.script.ScriptUseCases;
import dev.devicescripts.application.port.in.AssignScriptUseCase;
import dev.devicescripts.application.port.in.CheckHealthUseCase;
import dev.devicescripts.application.port.in.CreateScriptUseCase;
import dev.devicescripts.application.port.in.DeleteScriptUseCase;
import dev.devicescripts.application.port.in.GetScriptAssignmentsUseCase;
import dev.devicescripts.application.port.in.GetScriptUseCase;
import dev.devicescripts.application.port.in.ListScriptsUseCase;
import dev.devicescripts.application.port.in.UpdateScriptUseCase;
import java.util.Objects;

/** The use cases the Graph API calls, one per kind of request. */
public record GraphUseCases(CreateScriptUseCase create, GetScriptUseCase get, ListScriptsUseCase list,
                            UpdateScriptUseCase update, DeleteScriptUseCase delete, AssignScriptUseCase assign,
                            GetScriptAssignmentsUseCase assignments, CheckHealthUseCase health)
        implements ScriptUseCases {
    public GraphUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(assign, "assign");
        Objects.requireNonNull(assignments, "assignments");
        Objects.requireNonNull(health, "health");
    }
}
