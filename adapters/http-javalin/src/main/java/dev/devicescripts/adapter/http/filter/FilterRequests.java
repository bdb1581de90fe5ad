package dev.devicescripts.adapter.http.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.graph.JsonObjectReader;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.FilterPatch;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.NewFilter;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.PreviewRequest;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.RuleCheck;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.StatusRequest;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Graph request bodies of assignment filters as use case values: create, PATCH, validateFilter, the preview and
 * getAssignmentFiltersStatusDetails.
 */
final class FilterRequests {
    static final String FILTER_TYPE = "microsoft.graph.deviceAndAppManagementAssignmentFilter";
    static final String MANAGEMENT_TYPE = "assignmentFilterManagementType";
    /** The preview's page size (and the status details'), and what a top outside 0 to 100 becomes (1.4). */
    static final int PREVIEW_TOP = 100;
    private static final String OWNER = "deviceAndAppManagementAssignmentFilter";

    private FilterRequests() {
    }

    static NewFilter newFilter(JsonObjectReader json) {
        acceptEcho(json);
        NewFilter filter = new NewFilter(json.string("displayName"), json.string("description"), platform(json),
                json.string("rule"), managementType(json), json.strings("roleScopeTags"));
        json.rejectUnknown(OWNER);
        return filter;
    }

    static FilterPatch patch(JsonObjectReader json) {
        acceptEcho(json);
        FilterPatch patch = new FilterPatch(json.change("displayName", json::string),
                json.change("description", json::string), json.change("rule", json::string),
                json.change("roleScopeTags", json::strings), json.change("platform", name -> platform(json)),
                json.change(MANAGEMENT_TYPE, name -> managementType(json)));
        json.rejectUnknown(OWNER);
        return patch;
    }

    /** validateFilter's body: the filter to check, of which only platform, rule and management type count. */
    static RuleCheck ruleCheck(JsonObjectReader body) {
        RuleCheck check = body.object(OWNER, json -> {
            acceptEcho(json);
            json.ignore("displayName", "description", "roleScopeTags");
            RuleCheck read = new RuleCheck(platform(json), json.string("rule"), managementType(json));
            json.rejectUnknown(OWNER);
            return read;
        });
        body.rejectUnknown("the validateFilter action");
        return check;
    }

    /** evaluateAssignmentFilter's body, {@code {"data": {...}}}. */
    static PreviewRequest previewRequest(JsonObjectReader body) {
        PreviewRequest request = body.object("data", json -> {
            json.allowOdataType("microsoft.graph.assignmentFilterEvaluateRequest");
            int top = top(json);
            List<String> orderBy = Optional.ofNullable(json.strings("orderBy")).orElse(List.of());
            if (orderBy.stream().anyMatch(Objects::isNull)) {
                throw new InvalidInputException("orderBy", "must hold column names, not null.");
            }
            PreviewRequest read = new PreviewRequest(platform(json), json.string("rule"), top,
                    integer(json, "skip").orElse(0), orderBy, Optional.ofNullable(json.string("search")));
            json.rejectUnknown("assignmentFilterEvaluateRequest");
            return read;
        });
        body.rejectUnknown("the evaluateAssignmentFilter action");
        return request;
    }

    /** getAssignmentFiltersStatusDetails' body: the ids are GUIDs, managedDeviceId required. */
    static StatusRequest statusRequest(JsonObjectReader json) {
        String managedDeviceId = json.string("managedDeviceId");
        if (managedDeviceId == null) {
            throw new InvalidInputException("managedDeviceId", "is required.");
        }
        String payloadId = json.string("payloadId");
        List<UUID> filterIds = new ArrayList<>();
        List<String> sent = Optional.ofNullable(json.strings("assignmentFilterIds")).orElse(List.of());
        for (int i = 0; i < sent.size(); i++) {
            filterIds.add(Guids.parse(sent.get(i), "assignmentFilterIds[" + i + "]"));
        }
        StatusRequest request = new StatusRequest(Guids.parse(managedDeviceId, "managedDeviceId"),
                payloadId == null ? null : Guids.parse(payloadId, "payloadId"), json.string("userId"), filterIds,
                top(json), integer(json, "skip").orElse(0));
        json.rejectUnknown("the getAssignmentFiltersStatusDetails action");
        return request;
    }

    /** What clients send back of a filter they read: its @odata.type and the properties the server sets. */
    private static void acceptEcho(JsonObjectReader json) {
        json.allowOdataType(FILTER_TYPE);
        json.ignore("id", "createdDateTime", "lastModifiedDateTime", "payloads");
    }

    /** Null when absent. */
    private static FilterPlatform platform(JsonObjectReader json) {
        String name = json.string("platform");
        return name == null ? null : FilterPlatform.fromGraphName(name, "platform");
    }

    /** Null when absent. */
    private static FilterManagementType managementType(JsonObjectReader json) {
        String name = json.string(MANAGEMENT_TYPE);
        return name == null ? null : FilterManagementType.fromGraphName(name, MANAGEMENT_TYPE);
    }

    private static int top(JsonObjectReader json) {
        int top = integer(json, "top").orElse(PREVIEW_TOP);
        return top < 0 || top > PREVIEW_TOP ? PREVIEW_TOP : top;
    }

    private static Optional<Integer> integer(JsonObjectReader json, String name) {
        JsonNode value = json.raw(name);
        if (value != null && !(value.isIntegralNumber() && value.canConvertToInt())) {
            throw new InvalidInputException(name, "must be a whole number.");
        }
        return Optional.ofNullable(value).map(JsonNode::intValue);
    }
}
