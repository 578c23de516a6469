package io.hearth.messaging.internal;

import io.hearth.catalog.CatalogManagement;
import io.hearth.catalog.Product;
import io.hearth.messaging.MessagingProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Copy variants for a subject line or a product blurb, from a catalog product and/or given facts. */
@RestController
class CopyController {

    private final CopyWriter writer;
    private final CatalogManagement catalog;

    CopyController(CopyWriter writer, CatalogManagement catalog) {
        this.writer = writer;
        this.catalog = catalog;
    }

    @PostMapping(path = "/v1/messaging/copy", produces = "application/json")
    @Operation(summary = "Subject-line or blurb variants that say nothing the data does not (admin)")
    CopyWriter.Variants copy(@AuthenticationPrincipal Principal caller, @RequestBody JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String kindText = body.path("kind").asString("");
        CopyWriter.Kind kind = switch (kindText.toLowerCase(Locale.ROOT)) {
            case "subject" -> CopyWriter.Kind.SUBJECT;
            case "blurb" -> CopyWriter.Kind.BLURB;
            default -> {
                errors.add(new FieldError("/kind", "must be subject or blurb"));
                yield CopyWriter.Kind.SUBJECT;
            }
        };
        int count = body.path("count").asInt(3);
        if (count < 1 || count > 10) {
            errors.add(new FieldError("/count", "must be 1 to 10"));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        String productId = body.path("productId").asString("");
        if (!productId.isBlank()) {
            Product product = TenantContext.call(caller.tenantId(), () -> catalog.product(caller.tenantId(), productId))
                    .orElseThrow(() -> new HearthProblem(MessagingProblem.UNKNOWN_PRODUCT, "There is no such product"));
            facts.putAll(facts(product));
        }
        body.path("facts").properties().forEach(entry -> {
            if (entry.getValue().isValueNode()) {
                facts.put(entry.getKey(), entry.getValue().asString());
            } else {
                errors.add(new FieldError("/facts/" + entry.getKey(), "must be text or a number"));
            }
        });
        if (facts.isEmpty()) {
            errors.add(new FieldError("/productId", "a productId or facts are required"));
        }
        if (!errors.isEmpty()) {
            throw new HearthProblem(MessagingProblem.INVALID_REQUEST, "The copy request is not valid", errors);
        }
        return writer.write(kind, facts, count);
    }

    private static Map<String, String> facts(Product product) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "name", product.name());
        put(facts, "category", product.category());
        put(facts, "brand", product.brand());
        put(facts, "price", RecommendationVariables.price(product.price(), product.currency()));
        put(facts, "currency", product.currency());
        product.attributes().forEach((name, value) -> put(facts, name, value));
        return facts;
    }

    private static void put(Map<String, String> facts, String key, @org.jspecify.annotations.Nullable String value) {
        if (value != null && !value.isBlank()) {
            facts.put(key, value);
        }
    }
}
