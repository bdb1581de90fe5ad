package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.FilterProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Intune's assignment filters (targeting.md 1.4): the resource, its functions and the device preview. Filters come
 * back with their payloads filled: the script assignment targets that name them.
 */
public interface AssignmentFilterUseCases extends ListUseCase<FilterDefinition> {
    FilterDefinition create(Caller caller, NewFilter filter);

    FilterDefinition get(Caller caller, UUID id);

    void update(Caller caller, UUID id, FilterPatch patch);

    /** Refused while script assignments name the filter. */
    void delete(Caller caller, UUID id);

    /** Whether the rule is valid for the platform; a missing or blank rule is refused, not false. */
    boolean validate(Caller caller, RuleCheck check);

    /** The properties a rule of the platform (as Graph names it) may use; none for a platform without a table. */
    List<FilterProperty> supportedProperties(Caller caller, String platform);

    /** The properties the filter's rule may use. */
    List<FilterProperty> supportedProperties(Caller caller, UUID id);

    /** Whether the tenant has assignment filters turned on: always, here. */
    boolean enabled(Caller caller);

    /** The managed devices of the platform that the rule matches, one page of them, and how many in all. */
    Preview evaluate(Caller caller, PreviewRequest request);

    /**
     * How filters evaluate on one managed device (Graph's getAssignmentFiltersStatusDetails, targeting.md 4.6): the
     * filters named, or else those the payload's assignment targets name, one page of them.
     */
    StatusDetails statusDetails(Caller caller, StatusRequest request);

    /** A filter as a client creates it; null where the client sent nothing. */
    record NewFilter(String displayName, String description, FilterPlatform platform, String rule,
                     FilterManagementType managementType, List<String> roleScopeTags) {
    }

    /** A PATCH: the properties it changes. Platform and management type may only be sent unchanged. */
    record FilterPatch(Change<String> displayName, Change<String> description, Change<String> rule,
                       Change<List<String>> roleScopeTags, Change<FilterPlatform> platform,
                       Change<FilterManagementType> managementType) {
    }

    /** validateFilter's body; null where the client sent nothing. */
    record RuleCheck(FilterPlatform platform, String rule, FilterManagementType managementType) {
    }

    /**
     * evaluateAssignmentFilter's data.
     *
     * @param orderBy preview column names, each optionally followed by {@code desc}; empty for deviceName's order
     * @param top     at most 100; 0 counts without listing
     * @param search  a keyword in deviceName, osVersion, model or manufacturer; empty for none
     */
    record PreviewRequest(FilterPlatform platform, String rule, int top, int skip, List<String> orderBy,
                          Optional<String> search) {
        public PreviewRequest {
            orderBy = List.copyOf(orderBy);
            requireSkip(skip);
        }
    }

    /**
     * How many devices match before paging, and a page of them: one row per device, one string per column, the
     * filter-side values of targeting.md 2.3 ("" for none).
     */
    record Preview(long total, List<String> columns, List<List<String>> rows) {
        public Preview {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /**
     * getAssignmentFiltersStatusDetails' body.
     *
     * @param payloadId           a script's id; null for none
     * @param userId              echoed back, never read; null for none
     * @param assignmentFilterIds the filters to evaluate; empty for those the payload's targets name
     * @param top                 at most 100
     */
    record StatusRequest(UUID managedDeviceId, UUID payloadId, String userId, List<UUID> assignmentFilterIds,
                         int top, int skip) {
        public StatusRequest {
            assignmentFilterIds = List.copyOf(assignmentFilterIds);
            requireSkip(skip);
        }
    }

    /**
     * Graph's assignmentFilterStatusDetails.
     *
     * @param deviceProperties the device's values as its platform's filters see them, one per property of the table
     */
    record StatusDetails(UUID managedDeviceId, UUID payloadId, String userId, List<DeviceValue> deviceProperties,
                         List<FilterEvaluation> evaluations) {
        public StatusDetails {
            deviceProperties = List.copyOf(deviceProperties);
            evaluations = List.copyOf(evaluations);
        }
    }

    /** A filter property's value on the device; null when the device has none. */
    record DeviceValue(String name, String value) {
    }

    /**
     * One filter's result on the device (Graph's assignmentFilterEvaluationSummary).
     *
     * @param types the distinct types with which the payload's targets name the filter, in their order; only
     *              {@code NONE} when the payload names it not
     */
    record FilterEvaluation(FilterDefinition filter, EvaluationResult result, Instant evaluationDateTime,
                            List<AssignmentFilterType> types) {
        public FilterEvaluation {
            types = List.copyOf(types);
        }
    }

    /** The members of Graph's assignmentFilterEvaluationResult that devicescripts answers. */
    enum EvaluationResult {
        MATCH("match"),
        NOT_MATCH("notMatch"),
        /** The device is not of the filter's platform, or the filter is no device filter. */
        NOT_EVALUATED("notEvaluated"),
        /** The stored rule no longer parses (it was stored under older rules). */
        FAILURE("failure");

        private final String graphName;

        EvaluationResult(String graphName) {
            this.graphName = graphName;
        }

        public String graphName() {
            return graphName;
        }
    }

    /** A page's skip, as the preview and the status details take it. */
    private static void requireSkip(int skip) {
        if (skip < 0) {
            throw new InvalidInputException("skip", "must not be negative.");
        }
    }
}
