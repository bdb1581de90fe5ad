package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.FilterProperty;
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
}
