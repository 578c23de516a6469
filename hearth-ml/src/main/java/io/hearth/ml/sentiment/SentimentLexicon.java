package io.hearth.ml.sentiment;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Word valences on VADER's scale (-4 most negative … +4 most positive). The lexicon is data, not
 * code: the caller reads it (a VADER {@code vader_lexicon.txt}, an AFINN list, a shop's own terms)
 * and hands its lines to {@link #parse}.
 */
public final class SentimentLexicon {

    private final Map<String, Double> valences;

    private SentimentLexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    public static SentimentLexicon of(Map<String, Double> valences) {
        requireNonNull(valences, "valences is null");
        Map<String, Double> lower = new HashMap<>();
        valences.forEach((word, valence) -> lower.put(word.toLowerCase(Locale.ROOT), valence));
        return new SentimentLexicon(lower);
    }

    /**
     * Reads tab-separated lines whose first two fields are a token and its valence; {@code scale}
     * maps the file's range onto VADER's (1 for VADER, 0.8 for AFINN's -5 … +5). Blank lines and
     * lines starting with {@code #} are skipped.
     */
    public static SentimentLexicon parse(List<String> lines, double scale) {
        requireNonNull(lines, "lines is null");
        Map<String, Double> valences = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                throw new IllegalArgumentException("line " + (i + 1) + " has no tab-separated valence");
            }
            try {
                valences.put(fields[0].strip().toLowerCase(Locale.ROOT), Double.parseDouble(fields[1].strip()) * scale);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " has no numeric valence", e);
            }
        }
        return new SentimentLexicon(valences);
    }

    /** This lexicon with the other's entries added where this one has none. */
    public SentimentLexicon withFallback(SentimentLexicon other) {
        Map<String, Double> merged = new HashMap<>(other.valences);
        merged.putAll(valences);
        return new SentimentLexicon(merged);
    }

    public Optional<Double> valence(String token) {
        return Optional.ofNullable(valences.get(token.toLowerCase(Locale.ROOT)));
    }

    public boolean contains(String token) {
        return valences.containsKey(token.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return valences.size();
    }
}
