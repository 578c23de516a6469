package io.hearth.predictions.internal;

import io.hearth.ml.clv.BgNbdModel;
import io.hearth.ml.clv.BgNbdParameters;
import io.hearth.ml.clv.GammaGammaModel;
import io.hearth.ml.clv.GammaGammaParameters;
import io.hearth.ml.clv.SufficientStatistics;
import java.util.List;

/**
 * A trained CLV version: BG/NBD and Gamma-Gamma parameters (periods are weeks), the typical customer
 * the explanations compare with, the holdout calibration table and the training distributions drift
 * is measured against.
 */
record ClvArtefact(
        double r,
        double alpha,
        double a,
        double b,
        double p,
        double q,
        double gamma,
        SufficientStatistics typical,
        double typicalSpend,
        List<CalibrationRow> calibration,
        List<DriftBaseline> drift) {

    ClvArtefact {
        calibration = List.copyOf(calibration);
        drift = List.copyOf(drift);
    }

    BgNbdModel purchases() {
        return new BgNbdModel(new BgNbdParameters(r, alpha, a, b));
    }

    GammaGammaModel spend() {
        return new GammaGammaModel(new GammaGammaParameters(p, q, gamma));
    }

    /**
     * Holdout purchases per group of calibration frequency (7 stands for 7 and more): what customers
     * did after the calibration cut-off against what the model fitted before it predicted.
     */
    record CalibrationRow(int frequency, long customers, double actualMean, double predictedMean) {}
}
