package org.ringwatch.api;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the OpenAPI document to the JSON API (registered as {@code mp.openapi.filter}). The
 * scanner sees every JAX-RS resource, so the HTML pages and their form posts would be listed as
 * if scripts could rely on them; they are the site, not the API, and change with it. With those
 * paths go the tags and schemas only they used, so the reference page shows nothing else either.
 */
public class ApiOnlyDocument implements OASFilter {

    public static final String API_PREFIX = "/api/v1/";

    private static final String SCHEMA_REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        if (items != null) {
            items.keySet().stream().filter(path -> !path.startsWith(API_PREFIX)).toList()
                    .forEach(openAPI.getPaths()::removePathItem);
        }
        List<Operation> operations = operations(openAPI).toList();
        keepUsedTags(openAPI, operations);
        keepUsedSchemas(openAPI, operations);
    }

    private static Stream<Operation> operations(OpenAPI openAPI) {
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        return items == null ? Stream.empty()
                : items.values().stream().flatMap(item -> item.getOperations().values().stream());
    }

    private static void keepUsedTags(OpenAPI openAPI, List<Operation> operations) {
        if (openAPI.getTags() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        operations.forEach(operation -> used.addAll(Objects.requireNonNullElse(operation.getTags(), List.of())));
        openAPI.setTags(openAPI.getTags().stream().filter(tag -> used.contains(tag.getName())).toList());
    }

    /** The schemas the kept operations reach, directly or through other schemas; the rest go. */
    private static void keepUsedSchemas(OpenAPI openAPI, List<Operation> operations) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> all = openAPI.getComponents().getSchemas();
        Deque<Schema> pending = new ArrayDeque<>();
        for (Operation operation : operations) {
            Objects.requireNonNullElse(operation.getParameters(), List.<Parameter>of()).forEach(p -> {
                addAll(pending, Arrays.asList(p.getSchema()));
                addAll(pending, schemas(p.getContent()));
            });
            if (operation.getRequestBody() != null) {
                addAll(pending, schemas(operation.getRequestBody().getContent()));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    addAll(pending, schemas(response.getContent()));
                }
            }
        }
        Set<String> reached = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(SCHEMA_REF) && reached.add(ref.substring(SCHEMA_REF.length()))) {
                addAll(pending, Arrays.asList(all.get(ref.substring(SCHEMA_REF.length()))));
            }
            addAll(pending, schema.getProperties() == null ? null : schema.getProperties().values());
            addAll(pending, schema.getAllOf());
            addAll(pending, schema.getAnyOf());
            addAll(pending, schema.getOneOf());
            addAll(pending, Arrays.asList(schema.getItems(), schema.getNot(), schema.getAdditionalPropertiesSchema()));
        }
        all.keySet().stream().filter(name -> !reached.contains(name)).toList()
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static List<Schema> schemas(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return List.of();
        }
        return content.getMediaTypes().values().stream().map(media -> media.getSchema()).filter(Objects::nonNull)
                .toList();
    }

    /** Schemas left out of the model are null; the work list takes only those that are there. */
    private static void addAll(Deque<Schema> pending, Collection<Schema> schemas) {
        if (schemas != null) {
            schemas.stream().filter(Objects::nonNull).forEach(pending::add);
        }
    }
}
