package io.hearth.ingestion;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The order files Hearth can import; see {@code docs/import.md} for their columns. */
public enum ImportFormat {
    /** UCI Online Retail: one row per invoice line, {@code C}-prefixed invoices are refunds; in GBP. */
    ONLINE_RETAIL("online-retail", "GBP"),
    /** The CDNOW transaction log: {@code customer_id date cds dollars}, one order per row; in USD. */
    CDNOW("cdnow", "USD"),
    /** Hearth's own CSV, one row per order line; amounts in the row's or the tenant's currency. */
    GENERIC("generic", null);

    private final String code;
    private final String currency;

    ImportFormat(String code, String currency) {
        this.code = code;
        this.currency = currency;
    }

    public String code() {
        return code;
    }

    /** The currency of the format's amounts, when the format implies one. */
    public Optional<String> currency() {
        return Optional.ofNullable(currency);
    }

    /** @throws IllegalArgumentException naming the known codes when {@code code} is none of them */
    public static ImportFormat fromCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown format " + code + "; expected online-retail, cdnow or generic"));
    }
}
