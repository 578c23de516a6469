package io.hearth.ml.intent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Unit-length embeddings of up to a fixed number of training examples per intent. How close a message
 * comes to the nearest example of the intent it was given is an out-of-scope signal the softmax
 * confidence lacks: a message unlike anything the shop labelled can still get a confident intent,
 * since the probabilities must add up to one over the known intents.
 */
final class Prototypes {

    static final Prototypes NONE = new Prototypes(new float[0][], 0);

    /** Per intent, its prototypes one after another. */
    private final float[][] byIntent;

    private final int dimension;

    private Prototypes(float[][] byIntent, int dimension) {
        this.byIntent = byIntent;
        this.dimension = dimension;
    }

    /** Up to {@code perIntent} of each label's positions, picked at random but reproducibly. */
    static Prototypes of(
            List<float[]> embeddings, int[] labels, int classes, int[] positions, int perIntent, long seed) {
        if (perIntent == 0 || positions.length == 0) {
            return NONE;
        }
        List<Integer> shuffled = new ArrayList<>(positions.length);
        for (int position : positions) {
            shuffled.add(position);
        }
        Collections.shuffle(shuffled, new Random(seed));
        List<List<float[]>> chosen = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            chosen.add(new ArrayList<>());
        }
        for (int position : shuffled) {
            List<float[]> mine = chosen.get(labels[position]);
            if (mine.size() < perIntent) {
                mine.add(embeddings.get(position));
            }
        }
        int dimension = embeddings.get(positions[0]).length;
        float[][] byIntent = new float[classes][];
        for (int k = 0; k < classes; k++) {
            byIntent[k] = new float[chosen.get(k).size() * dimension];
            for (int i = 0; i < chosen.get(k).size(); i++) {
                System.arraycopy(chosen.get(k).get(i), 0, byIntent[k], i * dimension, dimension);
            }
        }
        return new Prototypes(byIntent, dimension);
    }

    /**
     * Cosine similarity of a unit-length embedding to the nearest prototype of one intent; 1 when the
     * model keeps none (trained without them, or loaded from an older format).
     */
    double nearest(float[] embedding, int intent) {
        if (byIntent.length == 0 || byIntent[intent].length == 0) {
            return 1;
        }
        float[] vectors = byIntent[intent];
        double best = -1;
        for (int offset = 0; offset < vectors.length; offset += dimension) {
            double dot = 0;
            for (int k = 0; k < dimension; k++) {
                dot += vectors[offset + k] * embedding[k];
            }
            best = Math.max(best, dot);
        }
        return best;
    }

    /** Half precision: similarities move by about 1e-3, far under any threshold's resolution. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(byIntent.length);
        out.writeInt(dimension);
        for (float[] vectors : byIntent) {
            out.writeInt(vectors.length / Math.max(1, dimension));
            for (float value : vectors) {
                out.writeShort(Float.floatToFloat16(value));
            }
        }
    }

    static Prototypes read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int dimension = in.readInt();
        if (classes < 0 || classes > 100_000 || dimension < 0 || dimension > 10_000) {
            throw new IOException("implausible prototype block: " + classes + " intents x " + dimension);
        }
        float[][] byIntent = new float[classes][];
        for (int k = 0; k < classes; k++) {
            int count = in.readInt();
            if (count < 0 || (long) count * dimension > 10_000_000L) {
                throw new IOException("implausible prototype count: " + count);
            }
            byIntent[k] = new float[count * dimension];
            for (int i = 0; i < byIntent[k].length; i++) {
                byIntent[k][i] = Float.float16ToFloat(in.readShort());
            }
        }
        return classes == 0 ? NONE : new Prototypes(byIntent, dimension);
    }
}
