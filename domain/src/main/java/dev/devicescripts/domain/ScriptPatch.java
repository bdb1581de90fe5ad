package dev.devicescripts.domain;

import java.util.List;
import java.util.Objects;

/** The properties a PATCH sets; each is {@link Change#keep()} unless the client sent it. */
public record ScriptPatch(
        Change<String> displayName,
        Change<String> description,
        Change<ScriptContent> scriptContent,
        Change<String> fileName,
        Change<RunAsAccount> runAsAccount,
        Change<Boolean> enforceSignatureCheck,
        Change<Boolean> runAs32Bit,
        Change<List<String>> roleScopeTagIds) {

    public static final ScriptPatch NOTHING = new ScriptPatch(Change.keep(), Change.keep(), Change.keep(),
            Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep());

    public ScriptPatch {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(scriptContent, "scriptContent");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(runAsAccount, "runAsAccount");
        Objects.requireNonNull(enforceSignatureCheck, "enforceSignatureCheck");
        Objects.requireNonNull(runAs32Bit, "runAs32Bit");
        Objects.requireNonNull(roleScopeTagIds, "roleScopeTagIds");
    }
}
