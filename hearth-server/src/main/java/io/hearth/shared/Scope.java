package io.hearth.shared;

/** What an admin API key may do. */
public enum Scope {
    /** Send events through the ingestion API. */
    INGEST,
    /** Read data: events, profiles, reports. */
    READ,
    /** Manage the tenant: sources, keys, settings. */
    ADMIN;

    public String authority() {
        return "SCOPE_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
