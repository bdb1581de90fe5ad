package dev.devicescripts.domain;

import java.util.List;

/** A {@link ScriptPatch} that keeps every property except those a test names. */
final class ScriptPatchBuilder {
    private Change<String> displayName = Change.keep();
    private Change<String> description = Change.keep();
    private Change<ScriptContent> scriptContent = Change.keep();
    private Change<String> fileName = Change.keep();
    private Change<RunAsAccount> runAsAccount = Change.keep();
    private Change<Boolean> enforceSignatureCheck = Change.keep();
    private Change<Boolean> runAs32Bit = Change.keep();
    private Change<List<String>> roleScopeTagIds = Change.keep();

    static ScriptPatchBuilder patch() {
        return new ScriptPatchBuilder();
    }

    ScriptPatchBuilder displayName(Change<String> change) {
        displayName = change;
        return this;
    }

    ScriptPatchBuilder description(Change<String> change) {
        description = change;
        return this;
    }

    ScriptPatchBuilder scriptContent(Change<ScriptContent> change) {
        scriptContent = change;
        return this;
    }

    ScriptPatchBuilder fileName(Change<String> change) {
        fileName = change;
        return this;
    }

    ScriptPatchBuilder runAsAccount(Change<RunAsAccount> change) {
        runAsAccount = change;
        return this;
    }

    ScriptPatchBuilder enforceSignatureCheck(Change<Boolean> change) {
        enforceSignatureCheck = change;
        return this;
    }

    ScriptPatchBuilder runAs32Bit(Change<Boolean> change) {
        runAs32Bit = change;
        return this;
    }

    ScriptPatchBuilder roleScopeTagIds(Change<List<String>> change) {
        roleScopeTagIds = change;
        return this;
    }

    ScriptPatch build() {
        return new ScriptPatch(displayName, description, scriptContent, fileName, runAsAccount,
                enforceSignatureCheck, runAs32Bit, roleScopeTagIds);
    }
}
