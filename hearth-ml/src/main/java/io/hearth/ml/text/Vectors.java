package io.hearth.ml.text;

import static java.util.Objects.requireNonNull;

/** Small dense-vector helpers. */
public final class Vectors {

    private Vectors() {}

    /** A copy scaled to unit length (the zero vector stays zero). */
    public static float[] normalized(float[] vector) {
        requireNonNull(vector, "vector is null");
        double norm = Math.sqrt(dot(vector, vector));
        float[] copy = vector.clone();
        if (norm == 0) {
            return copy;
        }
        for (int i = 0; i < copy.length; i++) {
            copy[i] = (float) (copy[i] / norm);
        }
        return copy;
    }

    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        double norms = Math.sqrt(dot(a, a) * dot(b, b));
        return norms == 0 ? 0 : dot(a, b) / norms;
    }
}
