package io.hearth.journeys;

import java.util.Map;

/**
 * What migrating a journey's runs in flight did: how many moved to {@code toVersion}, and where the
 * ones that stayed on their version are (their step is not in the new version and was not mapped).
 */
public record MigrationResult(String journey, int toVersion, long migrated, Map<String, Long> stayedAt) {

    public MigrationResult {
        stayedAt = Map.copyOf(stayedAt);
    }
}
