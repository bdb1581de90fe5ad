package dev.devicescripts.domain;

import java.util.List;

/**
 * What a client may set on a device management script. Every instance keeps the rules: a display name that is not
 * blank, content of at most 200 KiB, a run-as account, and role scope tags.
 *
 * @param description   null when unset
 * @param scriptContent null when unset
 * @param fileName      null when unset
 */
public record ScriptProperties(
        String displayName,
        String description,
        ScriptContent scriptContent,
        String fileName,
        RunAsAccount runAsAccount,
        boolean enforceSignatureCheck,
        boolean runAs32Bit,
        List<String> roleScopeTagIds) {

    /** The scope tag every Intune object has unless told otherwise. */
    public static final List<String> DEFAULT_ROLE_SCOPE_TAG_IDS = List.of("0");

    public ScriptProperties {
        InvalidInputException.required(displayName, "displayName");
        if (WhiteSpace.isBlank(displayName)) {
            throw new InvalidInputException("displayName", "must not be blank.");
        }
        InvalidInputException.required(runAsAccount, "runAsAccount");
        InvalidInputException.required(roleScopeTagIds, "roleScopeTagIds");
        for (String tag : roleScopeTagIds) {
            if (tag == null || WhiteSpace.isBlank(tag)) {
                throw new InvalidInputException("roleScopeTagIds", "must hold only non-blank strings.");
            }
        }
        roleScopeTagIds = List.copyOf(roleScopeTagIds);
    }

    /** The properties of a new script, with Graph's defaults for what the client left out (given as null). */
    public static ScriptProperties withDefaults(String displayName, String description, ScriptContent scriptContent,
                                                String fileName, RunAsAccount runAsAccount,
                                                Boolean enforceSignatureCheck, Boolean runAs32Bit,
                                                List<String> roleScopeTagIds) {
        return new ScriptProperties(displayName, description, scriptContent, fileName,
                runAsAccount == null ? RunAsAccount.SYSTEM : runAsAccount,
                enforceSignatureCheck != null && enforceSignatureCheck,
                runAs32Bit != null && runAs32Bit,
                roleScopeTagIds == null ? DEFAULT_ROLE_SCOPE_TAG_IDS : roleScopeTagIds);
    }

    /** These properties with a PATCH applied; the result keeps every rule, so null is refused where one is required. */
    public ScriptProperties patched(ScriptPatch patch) {
        return new ScriptProperties(
                patch.displayName().applyTo(displayName),
                patch.description().applyTo(description),
                patch.scriptContent().applyTo(scriptContent),
                patch.fileName().applyTo(fileName),
                patch.runAsAccount().applyTo(runAsAccount),
                InvalidInputException.required(patch.enforceSignatureCheck().applyTo(enforceSignatureCheck),
                        "enforceSignatureCheck"),
                InvalidInputException.required(patch.runAs32Bit().applyTo(runAs32Bit), "runAs32Bit"),
                patch.roleScopeTagIds().applyTo(roleScopeTagIds));
    }
}
