package io.hearth.support.internal;

import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the assistant's automated answers and actions to the privacy decision log. The log is kept
 * per customer, so a conversation with nobody Hearth knows has nothing to write it under.
 */
@Component
class DecisionWriter {

    private final PrivacyManagement privacy;
    private final JsonMapper json;

    DecisionWriter(PrivacyManagement privacy, JsonMapper json) {
        this.privacy = privacy;
        this.json = json;
    }

    void write(
            TenantId tenant,
            @Nullable CustomerId customer,
            String type,
            Map<String, Object> inputs,
            String modelVersion,
            String outcome,
            String reason) {
        if (customer == null) {
            return;
        }
        privacy.recordDecision(
                tenant, new Decision(customer, type, json.valueToTree(inputs), modelVersion, outcome, reason, null));
    }
}
