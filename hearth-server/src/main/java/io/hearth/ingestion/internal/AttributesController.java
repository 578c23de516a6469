package io.hearth.ingestion.internal;

import io.hearth.ingestion.AttributeDefinition;
import io.hearth.ingestion.IngestionManagement;
import io.hearth.ingestion.IngestionProblem;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The registry of trait definitions: read with {@code read}, change with {@code admin}. */
@RestController
@Tag(name = "Attributes", description = "Definitions of the traits identify calls are checked against")
class AttributesController {

    private final IngestionManagement ingestion;

    AttributesController(IngestionManagement ingestion) {
        this.ingestion = ingestion;
    }

    @GetMapping(path = "/v1/attributes", produces = "application/json")
    @Operation(summary = "The shop's attribute definitions, by name")
    Map<String, List<Map<String, Object>>> list() {
        return Map.of(
                "data",
                ingestion.attributeDefinitions(TenantContext.require()).stream()
                        .map(AttributesController::document)
                        .toList());
    }

    @GetMapping(path = "/v1/attributes/{name}", produces = "application/json")
    @Operation(summary = "One attribute definition")
    Map<String, Object> one(@PathVariable String name) {
        return document(
                ingestion.attributeDefinition(TenantContext.require(), name).orElseThrow(() -> unknown(name)));
    }

    @PutMapping(path = "/v1/attributes/{name}", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Define or replace an attribute: {type, required, values, minimum, maximum, maxLength}")
    ResponseEntity<Map<String, Object>> define(@PathVariable String name, @RequestBody JsonNode body) {
        AttributeDefinition definition = AttributeRequests.definition(name, body);
        boolean created = ingestion.defineAttribute(TenantContext.require(), definition);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(document(definition));
    }

    @DeleteMapping(path = "/v1/attributes/{name}")
    @Operation(summary = "Remove an attribute definition; the trait is then accepted as it comes")
    ResponseEntity<Void> remove(@PathVariable String name) {
        AttributeRequests.checkName(name);
        if (!ingestion.removeAttribute(TenantContext.require(), name)) {
            throw unknown(name);
        }
        return ResponseEntity.noContent().build();
    }

    private static HearthProblem unknown(String name) {
        return new HearthProblem(IngestionProblem.UNKNOWN_ATTRIBUTE, "No attribute is defined under that name");
    }

    private static Map<String, Object> document(AttributeDefinition definition) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", definition.name());
        document.put("type", definition.type().key());
        document.put("required", definition.required());
        if (!definition.values().isEmpty()) {
            document.put("values", definition.values());
        }
        putIfPresent(document, "minimum", definition.minimum());
        putIfPresent(document, "maximum", definition.maximum());
        putIfPresent(document, "maxLength", definition.maxLength());
        putIfPresent(document, "description", definition.description());
        return document;
    }

    private static void putIfPresent(
            Map<String, Object> document, String field, @org.jspecify.annotations.Nullable Object value) {
        if (value != null) {
            document.put(field, value);
        }
    }
}
