package io.hearth.ml.intent;

import io.hearth.ml.text.FeatureRow;
import io.hearth.ml.text.LexicalFeatures;
import io.hearth.ml.text.LexicalSettings;
import java.util.ArrayList;
import java.util.List;

/** Turns an utterance and its embedding into the classifier's feature row. */
record IntentFeatures(LexicalFeatures lexical, LexicalSettings settings, float embeddingWeight) {

    FeatureRow row(float[] embedding, String utterance) {
        float[] dense = new float[embedding.length];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = embedding[i] * embeddingWeight;
        }
        return new FeatureRow(dense, lexical.transform(utterance, settings));
    }

    List<FeatureRow> rows(List<float[]> embeddings, List<String> utterances, int[] positions) {
        List<FeatureRow> rows = new ArrayList<>(positions.length);
        for (int position : positions) {
            rows.add(row(embeddings.get(position), utterances.get(position)));
        }
        return rows;
    }
}
