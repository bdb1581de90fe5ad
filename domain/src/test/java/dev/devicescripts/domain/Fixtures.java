package dev.devicescripts.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Small, readable values that several tests share. */
final class Fixtures {
    static final ScriptId SCRIPT_ID = ScriptId.of("0b5f3b1e-4b4a-4f39-9d6e-2a7c3f0e8d11");
    static final UUID FILTER_ID = UUID.fromString("f1f1f1f1-0000-4000-8000-000000000001");
    static final UUID OTHER_FILTER_ID = UUID.fromString("f2f2f2f2-0000-4000-8000-000000000002");
    static final ScriptContent CONTENT = ScriptContent.of("Write-Host 'hello'".getBytes(StandardCharsets.UTF_8));

    private Fixtures() {
    }

    /** Group number {@code n}: {@code 00000000-0000-0000-0000-00000000000n}. */
    static GroupId group(int n) {
        return new GroupId(new UUID(0, n));
    }

    static GroupAssignmentTarget include(int group) {
        return GroupAssignmentTarget.withoutFilter(group(group));
    }

    static ExclusionGroupAssignmentTarget exclude(int group) {
        return new ExclusionGroupAssignmentTarget(group(group));
    }

    static AllDevicesAssignmentTarget allDevices() {
        return new AllDevicesAssignmentTarget(AssignmentFilter.NONE);
    }

    /** Every property set, none left at its default. */
    static ScriptProperties fullProperties() {
        return new ScriptProperties("Install agent", "Installs the agent", CONTENT, "install.ps1",
                RunAsAccount.USER, true, true, List.of("1", "2"));
    }

    static ScriptProperties propertiesNamed(String displayName) {
        return ScriptProperties.withDefaults(displayName, null, null, null, null, null, null, null);
    }
}
