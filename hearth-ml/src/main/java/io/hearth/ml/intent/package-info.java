/**
 * Intent classification trained on a shop's own labelled utterances: sentence embeddings plus TF-IDF
 * word and character n-grams in a multinomial logistic regression, with temperature-scaled
 * confidence and an out-of-scope threshold tuned on held-out data. Models serialize to bytes.
 */
@NullMarked
package io.hearth.ml.intent;

import org.jspecify.annotations.NullMarked;
