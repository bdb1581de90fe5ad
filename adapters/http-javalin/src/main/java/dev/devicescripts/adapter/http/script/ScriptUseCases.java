package dev.devicescripts.adapter.http.script;

import dev.devicescripts.application.port.in.AssignScriptUseCase;
import dev.devicescripts.application.port.in.CreateScriptUseCase;
import dev.devicescripts.application.port.in.DeleteScriptUseCase;
import dev.devicescripts.application.port.in.GetScriptAssignmentsUseCase;
import dev.devicescripts.application.port.in.GetScriptUseCase;
import dev.devicescripts.application.port.in.ListScriptsUseCase;
import dev.devicescripts.application.port.in.UpdateScriptUseCase;

/** The use cases the script routes call; the server's GraphUseCases provides them with those of other resources. */
public interface ScriptUseCases {
    CreateScriptUseCase create();

    GetScriptUseCase get();

    ListScriptsUseCase list();

    UpdateScriptUseCase update();

    DeleteScriptUseCase delete();

    AssignScriptUseCase assign();

    GetScriptAssignmentsUseCase assignments();
}
