package io.hearth.recommendations.internal;

import io.hearth.catalog.Product;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a product says about itself, as one text for the sentence embedder: its name, brand, category
 * and attribute values (a {@code description} attribute included), in a fixed order so that the same
 * product always gives the same text and the same hash.
 */
final class ProductText {

    private ProductText() {}

    /** The product's text, or {@code null} when it has no name, brand, category or attribute. */
    static @Nullable String of(Product product) {
        StringJoiner text = new StringJoiner(". ");
        add(text, product.name());
        add(text, product.brand());
        add(text, product.category());
        for (Map.Entry<String, String> attribute : new TreeMap<>(product.attributes()).entrySet()) {
            add(text, attribute.getKey() + ": " + attribute.getValue());
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** A stable 64-bit digest of the text: an embedding is recomputed only when it changes. */
    static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void add(StringJoiner text, @Nullable String part) {
        if (part != null && !part.isBlank()) {
            text.add(part.strip());
        }
    }
}
