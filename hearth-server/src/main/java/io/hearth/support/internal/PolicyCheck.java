package io.hearth.support.internal;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.support.SupportPolicy;
import io.hearth.support.SupportProblem;
import java.util.ArrayList;
import java.util.List;

/** The rules a support policy must keep, each broken one named by its JSON pointer. */
final class PolicyCheck {

    private PolicyCheck() {}

    static void check(SupportPolicy policy) {
        List<FieldError> errors = new ArrayList<>();
        if (policy.returnWindowDays() < 0 || policy.returnWindowDays() > 365) {
            errors.add(new FieldError("/returnWindowDays", "must be 0 to 365"));
        }
        if (policy.negativeSentiment() < -1 || policy.negativeSentiment() > 0) {
            errors.add(new FieldError("/negativeSentiment", "must be from -1 to 0"));
        }
        if (policy.maxFailures() < 1) {
            errors.add(new FieldError("/maxFailures", "must be at least 1"));
        }
        if (policy.minConfidence() != null && (policy.minConfidence() < 0 || policy.minConfidence() > 1)) {
            errors.add(new FieldError("/minConfidence", "must be from 0 to 1"));
        }
        if (policy.highValueRevenue() != null && policy.highValueRevenue().signum() <= 0) {
            errors.add(new FieldError("/highValueRevenue", "must be positive"));
        }
        if (policy.returnConditions().size() > 20) {
            errors.add(new FieldError("/returnConditions", "at most 20 conditions"));
        }
        for (int i = 0; i < policy.returnConditions().size(); i++) {
            String condition = policy.returnConditions().get(i);
            if (condition == null || condition.isBlank() || condition.length() > 200) {
                errors.add(new FieldError("/returnConditions/" + i, "must be 1 to 200 characters"));
            }
        }
        if (policy.deliveryTimes() != null
                && (policy.deliveryTimes().isBlank() || policy.deliveryTimes().length() > 300)) {
            errors.add(new FieldError("/deliveryTimes", "must be 1 to 300 characters"));
        }
        for (int i = 0; i < policy.paymentMethods().size(); i++) {
            String method = policy.paymentMethods().get(i);
            if (method == null || method.isBlank() || method.length() > 100) {
                errors.add(new FieldError("/paymentMethods/" + i, "must be 1 to 100 characters"));
            }
        }
        if (policy.queues().isEmpty()) {
            errors.add(new FieldError("/queues", "needs at least one queue"));
        }
        for (int i = 0; i < policy.queues().size(); i++) {
            SupportPolicy.Queue queue = policy.queues().get(i);
            if (queue.name() == null || !queue.name().matches("[a-z0-9_-]{1,50}")) {
                errors.add(new FieldError("/queues/" + i + "/name", "1 to 50 lower-case letters, digits, - or _"));
            }
            if (queue.firstResponse() == null
                    || queue.firstResponse().isNegative()
                    || queue.firstResponse().isZero()) {
                errors.add(new FieldError("/queues/" + i + "/firstResponse", "must be a positive ISO-8601 duration"));
            }
        }
        if (!errors.isEmpty()) {
            throw new HearthProblem(SupportProblem.INVALID_POLICY, "the support policy is not valid", errors);
        }
    }
}
