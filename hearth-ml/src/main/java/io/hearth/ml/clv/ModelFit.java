package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

/**
 * A fitted model together with how the fit went.
 *
 * @param model the model at the maximum-likelihood parameters
 * @param logLikelihood total log-likelihood of the data at those parameters
 * @param iterations optimizer iterations used
 * @param converged whether the optimizer met its stopping criterion (rather than its iteration cap)
 * @param <M> model type
 */
public record ModelFit<M>(M model, double logLikelihood, int iterations, boolean converged) {

    /** Validates the fields. */
    public ModelFit {
        requireNonNull(model, "model is null");
    }
}
