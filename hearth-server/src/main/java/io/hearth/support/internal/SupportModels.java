package io.hearth.support.internal;

import io.hearth.ml.entity.EntityExtractor;
import io.hearth.ml.entity.EntitySettings;
import io.hearth.ml.intent.IntentClassifier;
import io.hearth.ml.intent.IntentCsv;
import io.hearth.ml.intent.IntentSettings;
import io.hearth.ml.intent.IntentTrainer;
import io.hearth.ml.sentiment.SentimentAnalyzer;
import io.hearth.ml.sentiment.SentimentLexicon;
import io.hearth.ml.text.SentenceEmbedder;
import io.hearth.shared.TenantId;
import io.hearth.shared.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The models the assistant reads messages with, each loaded once and kept: the embedder on first use
 * (its second or two of start-up stays out of server start and out of requests after the first), the
 * default classifier trained from the bundled retail intents on first use, and each shop's own
 * classifier read from the database once and cached until the shop trains again.
 */
@Component
class SupportModels {

    static final String DEFAULT_MODEL = "support-intents-default@1";

    private final IntentModelStore store;
    private final Map<TenantId, Optional<IntentClassifier>> shopModels = new ConcurrentHashMap<>();
    // read with every answer for the decision log; cached like the classifier it names
    private final Map<TenantId, String> versions = new ConcurrentHashMap<>();
    private final SentimentAnalyzer sentiment;
    private final EntityExtractor entities;
    private final TextEmbedder embedder;
    private volatile @Nullable IntentClassifier defaultClassifier;

    SupportModels(SupportSettings settings, IntentModelStore store, TextEmbedder embedder) {
        this.store = store;
        this.embedder = embedder;
        this.sentiment = new SentimentAnalyzer(lexicon(settings));
        this.entities = new EntityExtractor(EntitySettings.defaults().withOrderNumber(settings.orderNumberPattern()));
    }

    SentenceEmbedder embedder() {
        return embedder.model();
    }

    /** The shop's own classifier when it trained one, else the default. */
    IntentClassifier classifier(TenantId tenant) {
        return shopModels
                .computeIfAbsent(tenant, t -> store.load(t).map(bytes -> IntentClassifier.fromBytes(bytes, embedder())))
                .orElseGet(this::defaultClassifier);
    }

    String modelVersion(TenantId tenant) {
        return versions.computeIfAbsent(
                tenant,
                t -> store.trainedAt(t).map(at -> "support-intents-shop@" + at).orElse(DEFAULT_MODEL));
    }

    void replaced(TenantId tenant, IntentClassifier classifier) {
        shopModels.put(tenant, Optional.of(classifier));
        versions.remove(tenant);
    }

    SentimentAnalyzer sentiment() {
        return sentiment;
    }

    EntityExtractor entities() {
        return entities;
    }

    private IntentClassifier defaultClassifier() {
        IntentClassifier loaded = defaultClassifier;
        if (loaded == null) {
            synchronized (this) {
                loaded = defaultClassifier;
                if (loaded == null) {
                    loaded = new IntentTrainer(embedder()).train(defaultExamples(), IntentSettings.defaults());
                    defaultClassifier = loaded;
                }
            }
        }
        return loaded;
    }

    static List<io.hearth.ml.intent.IntentExample> defaultExamples() {
        return IntentCsv.parse(resource("support/default-intents.csv"));
    }

    /**
     * The operator's file when set; otherwise Hearth's retail words over VADER's full lexicon (MIT),
     * which comes inside the Maven artifact {@code com.github.apanimesh061:vader-sentiment-analyzer}.
     */
    static SentimentLexicon lexicon(SupportSettings settings) {
        try {
            String file = settings.sentimentLexicon();
            if (file != null) {
                return SentimentLexicon.parse(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8), 1.0);
            }
            SentimentLexicon retail = SentimentLexicon.parse(
                    resource("support/sentiment-lexicon.tsv").lines().toList(), 1.0);
            return retail.withFallback(
                    SentimentLexicon.parse(resource(VADER_LEXICON).lines().toList(), 1.0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hearth.support.sentiment-lexicon", e);
        }
    }

    /** VADER's lexicon as the vader-sentiment-analyzer jar ships it (token, mean, deviation, ratings). */
    static final String VADER_LEXICON = "vader_sentiment_lexicon.txt";

    private static String resource(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
