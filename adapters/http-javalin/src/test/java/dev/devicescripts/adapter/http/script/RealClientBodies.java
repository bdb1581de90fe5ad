package dev.devicescripts.adapter.http.script;

/**
 * The bodies that Microsoft's PowerShell samples, the Graph SDKs, Terraform and exported assignments really send,
 * byte for byte: RealClientBodiesTest replays them over HTTP, and bootstrap's tests against the packaged jar, which
 * reach them through this module's test-jar.
 */
public final class RealClientBodies {
    /** A create as Microsoft's PowerShell sample sends it: its type, a runSchedule, a boolean as a string. */
    public static final String POWERSHELL_CREATE = """
            {
              "@odata.type": "#microsoft.graph.deviceManagementScript",
              "displayName": "Set-TimeZone",
              "description": "Sets the time zone",
              "runSchedule": {
                "@odata.type": "microsoft.graph.runSchedule"
            },
              "scriptContent": "V3JpdGUtSG9zdCBoaQ==",
              "runAsAccount": "system",
              "enforceSignatureCheck": "false",
              "fileName": "Set-TimeZone.ps1"
            }
            """;
    public static final String CREATE_32_BIT_AS_STRING = "{\"displayName\":\"32-bit\",\"runAs32Bit\":\"true\"}";
    /** An assign of all devices whose types, the item's and the target's, lack the leading '#'. */
    public static final String ASSIGN_TYPES_WITHOUT_HASH = "{\"deviceManagementScriptAssignments\":[{"
            + "\"@odata.type\":\"microsoft.graph.deviceManagementScriptAssignment\",\"target\":"
            + "{\"@odata.type\":\"microsoft.graph.allDevicesAssignmentTarget\"}}]}";
    public static final String PATCH_TYPE_WITHOUT_HASH =
            "{\"@odata.type\":\"microsoft.graph.deviceManagementScript\",\"description\":\"typed\"}";
    /** What Terraform sends to remove every assignment. */
    public static final String TERRAFORM_CLEAR = "{\"deviceManagementScriptAssignments\":[]}";
    public static final String EMPTY_OBJECT = "{}";
    public static final String NULL_COLLECTIONS =
            "{\"deviceManagementScriptGroupAssignments\":null,\"deviceManagementScriptAssignments\":null}";

    private RealClientBodies() {
    }

    /** A group assignment as Microsoft's PowerShell sample sends it: with its type, and the script's id as its id. */
    public static String powerShellGroupAssignment(String groupId, String scriptId) {
        return """
                {
                    "deviceManagementScriptGroupAssignments":  [
                        {
                            "@odata.type":  "#microsoft.graph.deviceManagementScriptGroupAssignment",
                            "targetGroupId": "%s",
                            "id": "%s"
                        }
                    ]
                }
                """.formatted(groupId, scriptId);
    }

    /** An assign as the Graph SDKs send it: no ids, no item types, only the target's type. */
    public static String sdkAssign(String groupId) {
        return "{\"deviceManagementScriptAssignments\":[{\"target\":"
                + "{\"@odata.type\":\"#microsoft.graph.groupAssignmentTarget\",\"groupId\":\"" + groupId + "\"}}]}";
    }

    /** An assignment exported from Intune: the all-zero filter id with the filter type none, which mean no filter. */
    public static String exportedAssignment(String groupId) {
        return """
                {"deviceManagementScriptAssignments":[{"target":{
                  "@odata.type":"#microsoft.graph.groupAssignmentTarget",
                  "deviceAndAppManagementAssignmentFilterId":"00000000-0000-0000-0000-000000000000",
                  "deviceAndAppManagementAssignmentFilterType":"none",
                  "groupId":"%s"}}]}""".formatted(groupId);
    }
}
