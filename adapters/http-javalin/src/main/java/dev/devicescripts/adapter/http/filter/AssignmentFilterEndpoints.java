package dev.devicescripts.adapter.http.filter;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;
import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;
import static dev.devicescripts.application.collections.AssignmentFilterCollection.ASSIGNMENT_FILTERS;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.graph.RequestBodies;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.odata.CollectionJson;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.adapter.http.odata.QueryOptions;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.FilterEvaluation;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.Preview;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.PreviewRequest;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.StatusDetails;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterOperator;
import dev.devicescripts.domain.filter.FilterProperty;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Intune's assignment filters ({@code /deviceManagement/assignmentFilters}, targeting.md 1.4), their functions and
 * actions, the device preview {@code /deviceManagement/evaluateAssignmentFilter} and the filters' results on one
 * device, {@code /deviceManagement/getAssignmentFiltersStatusDetails} (4.6). Each function and action is served under
 * its plain name and under the {@code microsoft.graph.} prefixed one that SDKs generate.
 */
public final class AssignmentFilterEndpoints implements GraphResource {
    static final String FILTERS = GRAPH_ROOT + "/deviceManagement/assignmentFilters";
    static final String EVALUATE = "evaluateAssignmentFilter";
    static final String STATUS_DETAILS = "getAssignmentFiltersStatusDetails";
    private static final String METADATA = "https://graph.microsoft.com/beta/$metadata#";
    static final String CONTEXT = METADATA + "deviceManagement/assignmentFilters";
    private static final List<String> KEY_FORMS = List.of("/{key}", "({key})");
    private static final List<String> NAME_FORMS = List.of("", "microsoft.graph.");
    private static final String KEY = "key";
    /** The expression Graph's assignmentFilterSupportedProperty gives a version's text [Decision]. */
    static final String VERSION_PATTERN = "^\\d+(\\.\\d+){1,3}$";
    /** The preview answers JSON under this type, as Intune does: it is no OData response. */
    static final String PREVIEW_CONTENT_TYPE = "application/octet-stream";
    private static final KnownSegments SEGMENTS = new KnownSegments(KnownSegments.withPrefixes(Set.of(
            "devicemanagement", "assignmentfilters", "$count", "validatefilter", "getstate",
            "getplatformsupportedproperties", "getsupportedproperties", "evaluateassignmentfilter",
            "getassignmentfiltersstatusdetails")),
            Set.of("assignmentfilters"));

    private final AssignmentFilterUseCases filters;
    private final Shared shared;
    private final RequestBodies bodies;
    private final LinkBase links;
    private final ObjectMapper mapper = GraphJson.newMapper();

    private AssignmentFilterEndpoints(AssignmentFilterUseCases filters, Shared shared) {
        this.filters = filters;
        this.shared = shared;
        this.bodies = shared.bodies();
        this.links = shared.links();
    }

    public static Factory factory(AssignmentFilterUseCases filters) {
        return shared -> new AssignmentFilterEndpoints(filters, shared);
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        // The list, its $count and the functions come before the keyed routes, whose key would match them.
        CollectionEndpoint.of(ASSIGNMENT_FILTERS, FILTERS, CONTEXT, filters, shared.pageSize(), links)
                .register(routes);
        routes.post(FILTERS, this::create);
        for (String prefix : NAME_FORMS) {
            routes.post(FILTERS + "/" + prefix + "validateFilter", this::validate);
            routes.get(FILTERS + "/" + prefix + "getState()", this::state);
            routes.get(FILTERS + "/" + prefix + "getPlatformSupportedProperties(platform={platform})",
                    ctx -> sendProperties(ctx, filters.supportedProperties(caller(ctx),
                            GraphPaths.unquoted(ctx.pathParam("platform")))));
            routes.post(GRAPH_ROOT + "/deviceManagement/" + prefix + EVALUATE, this::evaluate);
            routes.post(GRAPH_ROOT + "/deviceManagement/" + prefix + STATUS_DETAILS, this::statusDetails);
        }
        for (String keyForm : KEY_FORMS) {
            String filter = FILTERS + keyForm;
            routes.get(filter, this::get);
            routes.patch(filter, this::update);
            routes.delete(filter, this::delete);
            for (String prefix : NAME_FORMS) {
                routes.get(filter + "/" + prefix + "getSupportedProperties()",
                        ctx -> sendProperties(ctx, filters.supportedProperties(caller(ctx), filterId(ctx))));
            }
        }
    }

    private void create(Context ctx) {
        String base = links.of(ctx);
        FilterDefinition created = filters.create(caller(ctx), FilterRequests.newFilter(bodies.jsonObject(ctx)));
        ctx.header("Location", base + FILTERS + "/" + created.id());
        send(ctx, 201, created, Projection.ALL);
    }

    private void get(Context ctx) {
        Projection projection = Projection.of(QueryOptions.of(ctx.queryParamMap(), EnumSet.of(Option.SELECT)),
                ASSIGNMENT_FILTERS);
        send(ctx, 200, filters.get(caller(ctx), filterId(ctx)), projection);
    }

    private void update(Context ctx) {
        filters.update(caller(ctx), filterId(ctx), FilterRequests.patch(bodies.jsonObject(ctx)));
        ctx.status(204);
    }

    private void delete(Context ctx) {
        filters.delete(caller(ctx), filterId(ctx));
        ctx.status(204);
    }

    /** Graph answers the complex result bare, with its context, not inside {@code value} (targeting.md 5 #19). */
    private void validate(Context ctx) {
        boolean valid = filters.validate(caller(ctx), FilterRequests.ruleCheck(bodies.jsonObject(ctx)));
        GraphJson.send(ctx, 200, mapper.createObjectNode()
                .put(CollectionJson.CONTEXT, METADATA + "microsoft.graph.assignmentFilterValidationResult")
                .put("isValidRule", valid));
    }

    private void state(Context ctx) {
        boolean enabled = filters.enabled(caller(ctx));
        GraphJson.send(ctx, 200, mapper.createObjectNode()
                .put(CollectionJson.CONTEXT, METADATA + "microsoft.graph.assignmentFilterState")
                .put("enabled", enabled));
    }

    /**
     * The preview: a JSON document of rows and columns, sent as application/octet-stream without OData's
     * annotations, as Intune sends it (targeting.md 1.4).
     */
    private void evaluate(Context ctx) throws JsonProcessingException {
        PreviewRequest request = FilterRequests.previewRequest(bodies.jsonObject(ctx));
        Preview preview;
        try {
            preview = filters.evaluate(caller(ctx), request);
        } catch (InvalidInputException refused) {
            throw refused.within("data"); // the request's fields are inside data
        }
        ObjectNode body = mapper.createObjectNode().put("TotalRowCount", preview.total());
        ArrayNode columns = body.putArray("Columns");
        preview.columns().forEach(name -> columns.addObject().put("Name", name).put("Type", "String"));
        ArrayNode values = body.putArray("Values");
        for (List<String> row : preview.rows()) {
            ArrayNode cells = values.addArray();
            row.forEach(cells::add);
        }
        ctx.status(200).contentType(PREVIEW_CONTENT_TYPE).result(mapper.writeValueAsBytes(body));
    }

    /** Graph's assignmentFilterStatusDetails, bare with its context as validateFilter's result (targeting.md 4.6). */
    private void statusDetails(Context ctx) {
        StatusDetails details = filters.statusDetails(caller(ctx),
                FilterRequests.statusRequest(bodies.jsonObject(ctx)));
        ObjectNode body = mapper.createObjectNode()
                .put(CollectionJson.CONTEXT, METADATA + "microsoft.graph.assignmentFilterStatusDetails")
                .put("managedDeviceId", details.managedDeviceId().toString())
                .put("payloadId", details.payloadId() == null ? null : details.payloadId().toString())
                .put("userId", details.userId());
        ArrayNode properties = body.putArray("deviceProperties");
        details.deviceProperties().forEach(property -> properties.addObject()
                .put("name", property.name()).put("value", property.value()));
        ArrayNode summaries = body.putArray("evalutionSummaries"); // sic: Graph's spelling
        for (FilterEvaluation evaluation : details.evaluations()) {
            FilterDefinition filter = evaluation.filter();
            String result = evaluation.result().graphName();
            ObjectNode summary = summaries.addObject()
                    .put("assignmentFilterId", filter.id().toString())
                    .put("assignmentFilterLastModifiedDateTime", filter.lastModifiedDateTime().toString())
                    .put("assignmentFilterDisplayName", filter.displayName())
                    .put("assignmentFilterPlatform", filter.platform().graphName())
                    .put("evaluationResult", result)
                    .put("evaluationDateTime", evaluation.evaluationDateTime().toString())
                    .put("assignmentFilterType", evaluation.types().get(0).graphName());
            ArrayNode byType = summary.putArray("assignmentFilterTypeAndEvaluationResults");
            for (AssignmentFilterType type : evaluation.types()) {
                byType.addObject().put("assignmentFilterType", type.graphName()).put("evaluationResult", result);
            }
        }
        GraphJson.send(ctx, 200, body);
    }

    private void send(Context ctx, int status, FilterDefinition filter, Projection projection) {
        GraphJson.send(ctx, status, CollectionJson.entity(CONTEXT, filter,
                (item, json) -> CollectionJson.writeProperties(ASSIGNMENT_FILTERS, item, projection, json)));
    }

    private static void sendProperties(Context ctx, List<FilterProperty> properties) {
        GraphJson.send(ctx, 200, CollectionJson.page(METADATA + "Collection(microsoft.graph."
                        + "assignmentFilterSupportedProperty)", properties, OptionalLong.empty(),
                Optional.empty(), AssignmentFilterEndpoints::writeProperty));
    }

    /** Graph's assignmentFilterSupportedProperty, from the one table the rule parser reads. */
    private static void writeProperty(FilterProperty property, JsonGenerator json) throws IOException {
        json.writeStringField("name", property.name());
        json.writeStringField("dataType", switch (property.kind()) {
            case FREE_TEXT -> "String";
            case ENUMERATED -> "Enum";
            case VERSION -> "Version";
        });
        json.writeBooleanField("isCollection", false);
        json.writeStringField("propertyRegexConstraint",
                property.kind() == FilterProperty.Kind.VERSION ? VERSION_PATTERN : null);
        json.writeArrayFieldStart("supportedOperators");
        for (FilterOperator operator : property.operators()) {
            json.writeString(operator.graphName());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("supportedValues");
        for (String value : property.values()) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static UUID filterId(Context ctx) {
        return UUID.fromString(GraphPaths.guidKey(ctx.pathParam(KEY), "deviceAndAppManagementAssignmentFilter",
                "filter id"));
    }
}
