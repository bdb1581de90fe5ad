package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.OBJECT;
import static dev.devicescripts.application.query.ValueType.OBJECT_LIST;
import static dev.devicescripts.application.query.ValueType.STRING;
import static dev.devicescripts.application.query.ValueType.STRING_LIST;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.targeting.FilterCheck;
import dev.devicescripts.domain.targeting.GroupScriptLink;
import dev.devicescripts.domain.targeting.NotApplicableReason;
import dev.devicescripts.domain.targeting.Reason;
import dev.devicescripts.domain.targeting.ScriptResult;
import dev.devicescripts.domain.targeting.SubjectType;
import dev.devicescripts.domain.targeting.TargetResult;
import dev.devicescripts.domain.targeting.TargetState;
import dev.devicescripts.domain.targeting.TargetingWarning;
import dev.devicescripts.domain.targeting.WarningCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Effective targeting's answers (targeting.md 4.4 and 4.5), devicescripts' own types: lists computed on read, kept in
 * their key's order, so no property orders them; {@code $filter} tests the properties 4.1 names.
 */
public final class TargetingCollections {
    private static final String APPLICABLE = "applicable";
    private static final String NOT_APPLICABLE = "notApplicable";

    public static final Property<TargetResult> SUBJECT_TYPE = Property.<TargetResult>enumeration("subjectType",
            names(SubjectType.values(), SubjectType::graphName), result -> result.subjectType().graphName())
            .unordered();
    public static final Property<TargetResult> SUBJECT_ID =
            Property.<TargetResult>of("subjectId", GUID, TargetResult::subjectId).selectOnly();
    public static final Property<TargetResult> SUBJECT_DISPLAY_NAME = Property.<TargetResult>of("subjectDisplayName",
            STRING, TargetResult::subjectDisplayName).nullable().selectOnly();
    public static final Property<TargetResult> STATE = Property.<TargetResult>enumeration("state",
            names(TargetState.values(), TargetState::graphName), result -> result.state().graphName()).unordered();
    public static final Property<TargetResult> APPLICABILITY = Property.<TargetResult>enumeration("applicability",
            List.of(APPLICABLE, NOT_APPLICABLE), result -> result.isApplicable() ? APPLICABLE : NOT_APPLICABLE)
            .unordered();
    public static final Property<TargetResult> NOT_APPLICABLE_REASON = Property.<TargetResult>enumeration(
            "notApplicableReason", names(NotApplicableReason.values(), NotApplicableReason::graphName),
            result -> result.isApplicable() ? null : result.notApplicableReason().graphName()).nullable().selectOnly();
    public static final Property<TargetResult> RUN_CONTEXT = Property.<TargetResult>enumeration("runContext",
            names(RunAsAccount.values(), RunAsAccount::graphName), result -> result.runContext().graphName())
            .selectOnly();
    /** The reason chain, each step with the basis of its rule: Microsoft's documentation, an observation, or ours. */
    public static final Property<TargetResult> REASONS = Property.of("reasons", OBJECT_LIST,
            result -> result.reasons().stream().map(TargetingCollections::reason).toList());

    public static final EntitySet<TargetResult> TARGET_RESULTS = new EntitySet<>("targetResult", List.of(SUBJECT_TYPE,
            SUBJECT_ID, SUBJECT_DISPLAY_NAME, STATE, APPLICABILITY, NOT_APPLICABLE_REASON, RUN_CONTEXT, REASONS),
            SUBJECT_ID, List.of(), List.of());

    public static final Property<ScriptResult> SCRIPT_ID =
            Property.<ScriptResult>of("scriptId", GUID, result -> result.script().id().value()).selectOnly();
    public static final Property<ScriptResult> SCRIPT_DISPLAY_NAME = Property.<ScriptResult>of("scriptDisplayName",
            STRING, result -> result.script().displayName()).nullable().selectOnly();
    public static final Property<ScriptResult> RUN_AS_ACCOUNT = Property.<ScriptResult>enumeration("runAsAccount",
            names(RunAsAccount.values(), RunAsAccount::graphName), result -> result.script().runAsAccount()
                    .graphName()).selectOnly();

    /** A script's result on one subject: the script, then the targetResult's properties. */
    public static final EntitySet<ScriptResult> SCRIPT_RESULTS = new EntitySet<>("scriptResult", Stream.concat(
            Stream.of(SCRIPT_ID, SCRIPT_DISPLAY_NAME, RUN_AS_ACCOUNT),
            TARGET_RESULTS.properties().stream().map(property -> property.through(ScriptResult::result))).toList(),
            SCRIPT_ID, List.of(), List.of());

    public static final Property<GroupScriptLink> LINK_SCRIPT_ID = Property.<GroupScriptLink>of("scriptId", GUID,
            link -> link.script().id().value()).selectOnly();
    public static final Property<GroupScriptLink> LINK_SCRIPT_DISPLAY_NAME = Property.<GroupScriptLink>of(
            "scriptDisplayName", STRING, link -> link.script().displayName()).nullable().selectOnly();
    public static final Property<GroupScriptLink> ASSIGNMENT_ID = Property.<GroupScriptLink>of("assignmentId",
            STRING, link -> link.assignment().id().toString()).selectOnly();
    public static final Property<GroupScriptLink> TARGET_TYPE = Property.<GroupScriptLink>of("targetType", STRING,
            link -> TargetTypes.of(link.assignment().target())).selectOnly();
    public static final Property<GroupScriptLink> MODE = Property.<GroupScriptLink>enumeration("mode",
            List.of("include", "exclude"), link -> mode(link.assignment().target())).unordered();
    public static final Property<GroupScriptLink> VIA = Property.<GroupScriptLink>enumeration("via",
            names(GroupScriptLink.Via.values(), GroupScriptLink.Via::graphName), link -> link.via().graphName())
            .unordered();
    /** From the group the assignment names down to the group asked about. */
    public static final Property<GroupScriptLink> GROUP_PATH = Property.<GroupScriptLink>of("groupPath",
            STRING_LIST, link -> link.groupPath().stream().map(UUID::toString).toList()).selectOnly();
    /** The assignment's filter as Graph stores it on the target, or null when it has none. */
    public static final Property<GroupScriptLink> FILTER = Property.<GroupScriptLink>of("filter", OBJECT,
            link -> filter(link.assignment().target().filter())).nullable();

    public static final EntitySet<GroupScriptLink> GROUP_SCRIPT_LINKS = new EntitySet<>("groupScriptLink",
            List.of(LINK_SCRIPT_ID, LINK_SCRIPT_DISPLAY_NAME, ASSIGNMENT_ID, TARGET_TYPE, MODE, VIA, GROUP_PATH,
                    FILTER), ASSIGNMENT_ID, List.of(), List.of());

    public static final Property<TargetingWarning> WARNING_ID =
            Property.<TargetingWarning>of("id", STRING, TargetingWarning::id).selectOnly();
    public static final Property<TargetingWarning> CODE = Property.<TargetingWarning>enumeration("code",
            names(WarningCode.values(), WarningCode::graphName), warning -> warning.code().graphName()).unordered();
    public static final Property<TargetingWarning> SEVERITY = Property.<TargetingWarning>enumeration("severity",
            names(WarningCode.Severity.values(), WarningCode.Severity::graphName),
            warning -> warning.code().severity().graphName()).unordered();
    public static final Property<TargetingWarning> WARNING_SCRIPT_ID = Property.<TargetingWarning>of("scriptId",
            GUID, warning -> warning.script().id().value()).unordered();
    public static final Property<TargetingWarning> WARNING_SCRIPT_DISPLAY_NAME = Property.<TargetingWarning>of(
            "scriptDisplayName", STRING, warning -> warning.script().displayName()).nullable().selectOnly();
    public static final Property<TargetingWarning> WARNING_ASSIGNMENT_ID = Property.<TargetingWarning>of(
            "assignmentId", STRING, warning -> warning.assignmentId() == null ? null
                    : warning.assignmentId().toString()).nullable().selectOnly();
    public static final Property<TargetingWarning> GROUP_ID = Property.<TargetingWarning>of("groupId", GUID,
            TargetingWarning::groupId).nullable().selectOnly();
    public static final Property<TargetingWarning> FILTER_ID = Property.<TargetingWarning>of("filterId", GUID,
            TargetingWarning::filterId).nullable().selectOnly();
    public static final Property<TargetingWarning> MESSAGE =
            Property.<TargetingWarning>of("message", STRING, TargetingWarning::message).selectOnly();

    public static final EntitySet<TargetingWarning> TARGETING_WARNINGS = new EntitySet<>("targetingWarning",
            List.of(WARNING_ID, CODE, SEVERITY, WARNING_SCRIPT_ID, WARNING_SCRIPT_DISPLAY_NAME, WARNING_ASSIGNMENT_ID,
                    GROUP_ID, FILTER_ID, MESSAGE), WARNING_ID, List.of(), List.of());

    private TargetingCollections() {
    }

    /** One step of a reason chain as 4.4 writes it; a decision names no assignment, so it has none of its fields. */
    private static Map<String, Object> reason(Reason reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", reason.code().graphName());
        json.put("outcome", reason.outcome().graphName());
        if (reason.assignment() != null) {
            json.put("assignmentId", reason.assignment().id().toString());
            json.put("targetType", TargetTypes.of(reason.target()));
            json.put("mode", mode(reason.target()));
            json.put("groupId", reason.groupId());
            json.put("groupDisplayName", reason.groupDisplayName());
            json.put("dimension", reason.dimension() == null ? null : reason.dimension().graphName());
            json.put("membershipPath", reason.membershipPath());
            json.put("viaUserId", reason.viaUserId());
            json.put("filter", reason.filter() == null ? null : filterCheck(reason.filter()));
        }
        json.put("message", reason.message());
        json.put("basis", reason.code().basis().graphName());
        return json;
    }

    private static Map<String, Object> filterCheck(FilterCheck check) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", check.filterId());
        json.put("type", check.type().graphName());
        json.put("result", check.result().graphName());
        json.put("applied", check.applied());
        return json;
    }

    private static Map<String, Object> filter(AssignmentFilter filter) {
        if (filter.type() == AssignmentFilterType.NONE) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", filter.filterId());
        json.put("type", filter.type().graphName());
        return json;
    }

    /** Whether an assignment includes or excludes whom its target names. */
    private static String mode(AssignmentTarget target) {
        return target instanceof ExclusionGroupAssignmentTarget ? "exclude" : "include";
    }

    private static <E> List<String> names(E[] values, Function<E, String> graphName) {
        return Arrays.stream(values).map(graphName).toList();
    }
}
