package io.hearth.loyalty.internal;

import io.hearth.loyalty.EarnRules.BonusAction;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.OrderLine;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Bodies of the loyalty POST endpoints, each checked into problems that name the field. */
final class LoyaltyRequests {

    private LoyaltyRequests() {}

    static void refuseIfAny(List<FieldError> errors, String detail) {
        if (!errors.isEmpty()) {
            throw new HearthProblem(LoyaltyProblem.INVALID_REQUEST, detail, errors);
        }
    }

    static void required(List<FieldError> errors, String pointer, @Nullable Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            errors.add(new FieldError(pointer, "is required"));
        }
    }

    record Line(
            @Nullable String lineId,
            @Nullable String sku,
            @Nullable String category,
            @Nullable BigDecimal amount) {}

    record EarnOrderRequest(
            @Nullable String customerId,
            @Nullable String orderId,
            @Nullable Instant placedAt,
            @Nullable List<Line> lines) {

        void check() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, "/customerId", customerId);
            required(errors, "/orderId", orderId);
            required(errors, "/lines", lines);
            List<Line> given = lines == null ? List.of() : lines;
            if (lines != null && (given.isEmpty() || given.size() > 500)) {
                errors.add(new FieldError("/lines", "must have 1 to 500 lines"));
            }
            for (int i = 0; i < given.size(); i++) {
                Line line = given.get(i);
                required(errors, "/lines/" + i + "/lineId", line.lineId());
                required(errors, "/lines/" + i + "/amount", line.amount());
                if (line.amount() != null && line.amount().signum() < 0) {
                    errors.add(new FieldError("/lines/" + i + "/amount", "must not be negative"));
                }
            }
            if (given.stream().map(Line::lineId).distinct().count() < given.size()) {
                errors.add(new FieldError("/lines", "line ids must be unique"));
            }
            refuseIfAny(errors, "The order is not valid");
        }

        List<OrderLine> orderLines() {
            return lines == null
                    ? List.of()
                    : lines.stream()
                            .map(line -> new OrderLine(line.lineId(), line.sku(), line.category(), line.amount()))
                            .toList();
        }
    }

    record RefundRequest(@Nullable List<String> lineIds) {
        List<String> lines() {
            return lineIds == null ? List.of() : List.copyOf(lineIds);
        }
    }

    record BonusRequest(
            @Nullable BonusAction action, @Nullable String reference) {
        void check() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, "/action", action);
            required(errors, "/reference", reference);
            refuseIfAny(errors, "A bonus needs an action and a reference");
        }
    }

    record RedemptionRequest(@Nullable String rewardId) {
        void check() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, "/rewardId", rewardId);
            refuseIfAny(errors, "A redemption needs a reward");
        }
    }

    record AdjustmentRequest(
            @Nullable Long points, @Nullable String reason) {
        void check() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, "/points", points);
            required(errors, "/reason", reason);
            if (points != null && (points == 0 || Math.abs(points) > 10_000_000)) {
                errors.add(new FieldError("/points", "must be non-zero and at most 10000000 either way"));
            }
            if (reason != null && reason.length() > 500) {
                errors.add(new FieldError("/reason", "must have at most 500 characters"));
            }
            refuseIfAny(errors, "An adjustment needs points and a reason");
        }
    }

    record ReversalRequest(@Nullable String reason) {
        void check() {
            List<FieldError> errors = new ArrayList<>();
            required(errors, "/reason", reason);
            refuseIfAny(errors, "A reversal needs a reason");
        }
    }
}
