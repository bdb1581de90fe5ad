package dev.devicescripts.bootstrap;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Assignment sets that tests under load must tell apart: every group id carries the numbers of the request that named
 * it, so a set read back names the one request it came from, and a mix of two requests matches none.
 */
final class TargetSets {

    private TargetSets() {
    }

    /** The first {@code count} groups of request {@code request} of {@code sender}, as GUIDs. */
    static List<String> groups(int sender, int request, int count) {
        return IntStream.range(0, count)
                .mapToObj(member -> "%08d-%04d-4000-8000-%012d".formatted(sender, member, request))
                .toList();
    }

    /** The body of an assign that includes some groups and excludes others, in deviceManagementScriptAssignments. */
    static String assign(List<String> included, List<String> excluded) {
        String targets = Stream.concat(
                        included.stream().map(group -> target("groupAssignmentTarget", group)),
                        excluded.stream().map(group -> target("exclusionGroupAssignmentTarget", group)))
                .collect(Collectors.joining(","));
        return "{\"deviceManagementScriptAssignments\":[" + targets + "]}";
    }

    private static String target(String type, String group) {
        return "{\"target\":{\"@odata.type\":\"#microsoft.graph.%s\",\"groupId\":\"%s\"}}".formatted(type, group);
    }
}
