/**
 * Text features shared by the support and recommendation algorithms: in-process sentence embeddings
 * (all-MiniLM-L6-v2), TF-IDF word and character n-grams, and sparse vectors.
 */
@NullMarked
package io.hearth.ml.text;

import org.jspecify.annotations.NullMarked;
