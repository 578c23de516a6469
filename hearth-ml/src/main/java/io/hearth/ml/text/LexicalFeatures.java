package io.hearth.ml.text;

import static java.util.Objects.requireNonNull;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF over word uni- and bigrams and character n-grams inside words (the "char_wb" analyzer):
 * words carry the topic, character n-grams survive typos and inflections ("refnd", "refunded").
 * Each of the two blocks is L2-normalized on its own, so a long message does not drown the short
 * word block in character grams. Term frequency is sublinear (1 + ln tf).
 */
public final class LexicalFeatures {

    private final Map<String, Integer> index;
    private final String[] terms;
    private final float[] idf;

    private LexicalFeatures(String[] terms, float[] idf) {
        this.terms = terms;
        this.idf = idf;
        this.index = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            index.put(terms[i], i);
        }
    }

    /** Learns the vocabulary and IDF from training texts: terms seen in at least two of them. */
    public static LexicalFeatures fit(List<String> texts, LexicalSettings settings) {
        requireNonNull(texts, "texts is null");
        requireNonNull(settings, "settings is null");
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String text : texts) {
            for (String term : new HashSet<>(terms(text, settings))) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        kept.addAll(mostFrequent(documentFrequency, true, settings.maxWordTerms(), settings.minDocumentFrequency()));
        kept.addAll(mostFrequent(documentFrequency, false, settings.maxCharTerms(), settings.minDocumentFrequency()));
        float[] idf = new float[kept.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + documentFrequency.get(kept.get(i)))) + 1);
        }
        return new LexicalFeatures(kept.toArray(String[]::new), idf);
    }

    private static List<String> mostFrequent(Map<String, Integer> frequency, boolean words, int max, int minimum) {
        return frequency.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("w:") == words && entry.getValue() >= minimum)
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Word terms are prefixed "w:", character grams "c:", so the two never collide. */
    static List<String> terms(String text, LexicalSettings settings) {
        List<String> words = Tokens.words(text);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            terms.add("w:" + words.get(i));
            if (i + 1 < words.size()) {
                terms.add("w:" + words.get(i) + ' ' + words.get(i + 1));
            }
            String padded = ' ' + words.get(i) + ' ';
            for (int n = settings.minCharGram(); n <= settings.maxCharGram(); n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    terms.add("c:" + padded.substring(start, start + n));
                }
            }
        }
        return terms;
    }

    public int size() {
        return terms.length;
    }

    /** The TF-IDF vector of a text; terms outside the vocabulary are ignored. */
    public SparseVector transform(String text, LexicalSettings settings) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String term : terms(text, settings)) {
            Integer position = index.get(term);
            if (position != null) {
                counts.merge(position, 1, Integer::sum);
            }
        }
        int[] indices =
                counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] values = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            values[i] = (float) ((1 + Math.log(counts.get(indices[i]))) * idf[indices[i]]);
        }
        normalizeBlock(indices, values, true);
        normalizeBlock(indices, values, false);
        return new SparseVector(indices, values);
    }

    private void normalizeBlock(int[] indices, float[] values, boolean words) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            if (terms[indices[i]].startsWith("w:") == words) {
                sum += values[i] * values[i];
            }
        }
        double norm = Math.sqrt(sum);
        for (int i = 0; i < indices.length && norm > 0; i++) {
            if (terms[indices[i]].startsWith("w:") == words) {
                values[i] = (float) (values[i] / norm);
            }
        }
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeFloat(idf[i]);
        }
    }

    public static LexicalFeatures read(DataInput in) throws IOException {
        int size = in.readInt();
        String[] terms = new String[size];
        float[] idf = new float[size];
        for (int i = 0; i < size; i++) {
            terms[i] = in.readUTF();
            idf[i] = in.readFloat();
        }
        return new LexicalFeatures(terms, idf);
    }
}
