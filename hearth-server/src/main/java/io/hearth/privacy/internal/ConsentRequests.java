package io.hearth.privacy.internal;

import io.hearth.privacy.Channel;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.PrivacyProblem;
import io.hearth.privacy.Purpose;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Turns an API body into a {@link ConsentChange}, naming every field at fault. */
@Component
class ConsentRequests {

    static final int MAX_CUSTOMER_ID_LENGTH = 256;

    private static final Set<String> FIELDS = Set.of("purpose", "channel", "granted", "source", "proof", "occurredAt");
    private static final String PURPOSES =
            Arrays.stream(Purpose.values()).map(Purpose::key).collect(Collectors.joining(", "));
    private static final String CHANNELS =
            Arrays.stream(Channel.values()).map(Channel::key).collect(Collectors.joining(", "));

    static CustomerId customer(String customerId) {
        if (customerId.isBlank() || customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
            String detail = "must be 1 to " + MAX_CUSTOMER_ID_LENGTH + " characters";
            throw new HearthProblem(
                    PrivacyProblem.INVALID_QUERY,
                    "customerId " + detail,
                    List.of(new FieldError("customerId", detail)));
        }
        return CustomerId.of(customerId);
    }

    ConsentChange change(CustomerId customer, JsonNode body) {
        if (!body.isObject()) {
            throw invalid(List.of(new FieldError("", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError("/" + name, "is not a field of a consent change"));
            }
        }
        Optional<Purpose> purpose = text(body, "purpose", errors, true)
                .flatMap(name -> known(Purpose.parse(name), "/purpose", "must be one of " + PURPOSES, errors));
        Optional<Channel> channel = text(body, "channel", errors, false)
                .map(name -> known(Channel.parse(name), "/channel", "must be one of " + CHANNELS, errors))
                .orElse(Optional.of(Channel.ANY));
        JsonNode granted = body.path("granted");
        if (!granted.isBoolean()) {
            errors.add(new FieldError("/granted", "is required and must be true or false"));
        }
        String source = text(body, "source", errors, false).orElse("api");
        if (!ConsentChange.SOURCE.matcher(source).matches()) {
            errors.add(new FieldError("/source", "must be lower case letters, digits, '.', '_' or '-', at most 64"));
        }
        String proof = text(body, "proof", errors, false).orElse(null);
        if (proof != null && proof.getBytes(StandardCharsets.UTF_8).length > ConsentChange.MAX_PROOF_BYTES) {
            errors.add(new FieldError("/proof", "must be at most 2 KB"));
        }
        Instant occurredAt = text(body, "occurredAt", errors, false)
                .map(value -> instant(value, errors))
                .orElse(null);
        if (!errors.isEmpty() || purpose.isEmpty() || channel.isEmpty()) {
            throw invalid(errors);
        }
        return new ConsentChange(
                customer, purpose.get(), channel.get(), granted.booleanValue(), source, occurredAt, proof);
    }

    private static Optional<String> text(JsonNode body, String name, List<FieldError> errors, boolean required) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                errors.add(new FieldError("/" + name, "is required"));
            }
            return Optional.empty();
        }
        if (!value.isString()) {
            errors.add(new FieldError("/" + name, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.stringValue());
    }

    private static <T> Optional<T> known(Optional<T> parsed, String pointer, String detail, List<FieldError> errors) {
        if (parsed.isEmpty()) {
            errors.add(new FieldError(pointer, detail));
        }
        return parsed;
    }

    private static @Nullable Instant instant(String value, List<FieldError> errors) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(
                    new FieldError("/occurredAt", "must be an ISO-8601 time with offset, e.g. 2026-11-24T10:00:00Z"));
            return null;
        }
    }

    private static HearthProblem invalid(List<FieldError> errors) {
        FieldError first = errors.get(0);
        String where = first.pointer().isEmpty() ? "The body" : first.pointer();
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return new HearthProblem(PrivacyProblem.INVALID_CONSENT, where + " " + first.detail() + more, errors);
    }
}
