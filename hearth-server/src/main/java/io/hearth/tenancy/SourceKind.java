package io.hearth.tenancy;

import java.util.Locale;

/** Where a source's events come from. */
public enum SourceKind {
    /** Segment-compatible HTTP API authenticated with a write key. */
    SEGMENT,
    /** Shopify webhooks, verified with the shared secret. */
    SHOPIFY,
    /** WooCommerce webhooks, verified with the shared secret. */
    WOOCOMMERCE,
    /** Bulk imports from files. */
    IMPORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean usesWebhooks() {
        return this == SHOPIFY || this == WOOCOMMERCE;
    }
}
