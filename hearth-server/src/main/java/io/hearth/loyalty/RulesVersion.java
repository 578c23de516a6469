package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One version of a shop's earn rules; version 0 is the defaults of a shop that never set any. */
public record RulesVersion(int version, EarnRules rules, Instant createdAt) {

    public RulesVersion {
        requireNonNull(rules, "rules is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
