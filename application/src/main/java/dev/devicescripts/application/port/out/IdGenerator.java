package dev.devicescripts.application.port.out;

import dev.devicescripts.domain.ScriptId;

/** New, never-used script ids. */
public interface IdGenerator {
    ScriptId newScriptId();
}
