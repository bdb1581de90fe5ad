package dev.devicescripts.domain;

import java.util.List;

/**
 * What a client may set on a device management script. Every instance keeps the rules: a display name that is not
 * blank, content of at most 200 KiB, a run-as account, and role scope tags. What a client writes also keeps the
 * length limits below ({@link #withDefaults} and {@link #patched} check them; a script stored before them still
 * loads).
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
    /*
     * Intune documents no limits for these; ours keep a script's listed properties to about 10,000 characters, so that
     * a page of a list held in memory stays small whatever clients write (see docs: bounded memory).
     */
    public static final int MAX_DISPLAY_NAME_LENGTH = 1_000;
    public static final int MAX_DESCRIPTION_LENGTH = 1_500;
    /** Windows' MAX_PATH, the longest path a script file could have had. */
    public static final int MAX_FILE_NAME_LENGTH = 260;
    public static final int MAX_ROLE_SCOPE_TAGS = 100;
    public static final int MAX_ROLE_SCOPE_TAG_LENGTH = 64;

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
                roleScopeTagIds == null ? DEFAULT_ROLE_SCOPE_TAG_IDS : roleScopeTagIds).withinLengthLimits();
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
                patch.roleScopeTagIds().applyTo(roleScopeTagIds)).withinLengthLimits();
    }

    private ScriptProperties withinLengthLimits() {
        atMost(displayName, MAX_DISPLAY_NAME_LENGTH, "displayName");
        atMost(description, MAX_DESCRIPTION_LENGTH, "description");
        atMost(fileName, MAX_FILE_NAME_LENGTH, "fileName");
        if (roleScopeTagIds.size() > MAX_ROLE_SCOPE_TAGS) {
            throw new InvalidInputException("roleScopeTagIds", "holds " + roleScopeTagIds.size()
                    + " tags; a script may have at most " + MAX_ROLE_SCOPE_TAGS + ".");
        }
        roleScopeTagIds.forEach(tag -> atMost(tag, MAX_ROLE_SCOPE_TAG_LENGTH, "roleScopeTagIds"));
        return this;
    }

    private static void atMost(String value, int maxLength, String field) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidInputException(field, "is " + value.length() + " characters long; it may be at most "
                    + maxLength + ".");
        }
    }
}
