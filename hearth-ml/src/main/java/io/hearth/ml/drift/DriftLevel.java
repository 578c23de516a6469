package io.hearth.ml.drift;

/** The customary reading of a PSI value (Siddiqi's credit-scoring thresholds). */
public enum DriftLevel {
    /** PSI below 0.1: no action. */
    STABLE,
    /** PSI from 0.1 to 0.25: watch it. */
    MODERATE,
    /** PSI of 0.25 or more: retrain or investigate. */
    SIGNIFICANT;

    /** The level of a PSI value. */
    public static DriftLevel of(double psi) {
        if (psi < 0.1) {
            return STABLE;
        }
        return psi < 0.25 ? MODERATE : SIGNIFICANT;
    }
}
