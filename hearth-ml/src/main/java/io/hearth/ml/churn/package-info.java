/**
 * Churn risk: behavioural features from plain orders and engagement events, a gradient-boosted
 * classifier (XGBoost) with isotonic calibration, per-prediction explanations from the booster's exact
 * tree SHAP contributions, and the metrics of its time-based backtest.
 *
 * <p>Typical use: {@link BehaviourFeatures#compute} at a cut-off, {@link ChurnExamples#label} with the
 * orders after it, {@link ChurnTrainer#train}, then {@link ChurnModel#predict} and
 * {@link ChurnModel#toBytes} for the registry.
 */
@NullMarked
package io.hearth.ml.churn;

import org.jspecify.annotations.NullMarked;
