package io.hearth.support.internal;

import io.hearth.ml.intent.IntentClassifier;
import io.hearth.ml.intent.IntentCsv;
import io.hearth.ml.intent.IntentExample;
import io.hearth.ml.intent.IntentSettings;
import io.hearth.ml.intent.IntentTrainer;
import io.hearth.ml.intent.IntentTrainingReport;
import io.hearth.ml.intent.MalformedIntentCsv;
import io.hearth.ml.retrieval.Article;
import io.hearth.ml.retrieval.ArticleFormat;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import io.hearth.support.IntentTraining;
import io.hearth.support.SupportPolicy;
import io.hearth.support.SupportProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The shop's own intents, articles and policy. */
@Service
public class SupportAdmin {

    static final int MIN_EXAMPLES_PER_INTENT = 5;

    private final SupportModels models;
    private final IntentModelStore intentModels;
    private final KnowledgeBase knowledge;
    private final PolicyStore policies;
    private final ConversationService conversations;
    private final JsonMapper json;
    private final Clock clock;

    SupportAdmin(
            SupportModels models,
            IntentModelStore intentModels,
            KnowledgeBase knowledge,
            PolicyStore policies,
            ConversationService conversations,
            JsonMapper json,
            Clock clock) {
        this.models = models;
        this.intentModels = intentModels;
        this.knowledge = knowledge;
        this.policies = policies;
        this.conversations = conversations;
        this.json = json;
        this.clock = clock;
    }

    /** Trains on a CSV of utterance,intent, stores the model and uses it from the next message on. */
    public IntentTraining train(TenantId tenant, String csv) {
        List<IntentExample> examples = parse(csv);
        IntentClassifier classifier = new IntentTrainer(models.embedder()).train(examples, IntentSettings.defaults());
        IntentTrainingReport report = classifier.report();
        Instant at = clock.instant();
        intentModels.save(tenant, classifier.toBytes(), json.writeValueAsString(report), at);
        models.replaced(tenant, classifier);
        return new IntentTraining(
                report.examples(),
                classifier.intents(),
                report.heldOutAccuracy(),
                classifier.threshold(),
                report.embeddingMillis() + report.trainingMillis(),
                at);
    }

    public int saveArticle(TenantId tenant, String id, String title, String source, String format, String body) {
        List<FieldError> errors = new ArrayList<>();
        if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
            errors.add(new FieldError("/id", "1 to 100 letters, digits, dots, dashes or underscores"));
        }
        if (title.isBlank() || title.length() > 300) {
            errors.add(new FieldError("/title", "must be 1 to 300 characters"));
        }
        if (source.isBlank()) {
            errors.add(new FieldError("/source", "must name where the article can be read, e.g. its URL"));
        }
        String upper = format.toUpperCase(Locale.ROOT);
        if (!upper.equals("MARKDOWN") && !upper.equals("HTML")) {
            errors.add(new FieldError("/format", "must be markdown or html"));
        }
        if (body.isBlank() || body.length() > 200_000) {
            errors.add(new FieldError("/body", "must be 1 to 200000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new HearthProblem(SupportProblem.INVALID_ARTICLE, "the article is not valid", errors);
        }
        return knowledge.save(
                tenant, new Article(id, title.strip(), source.strip(), body, ArticleFormat.valueOf(upper)));
    }

    public SupportPolicy policy(TenantId tenant) {
        return conversations.inTenant(tenant, () -> policies.policy(tenant));
    }

    public SupportPolicy setPolicy(TenantId tenant, SupportPolicy policy) {
        PolicyCheck.check(policy);
        conversations.inTenant(tenant, () -> {
            policies.save(tenant, policy, clock.instant());
            return null;
        });
        return policy;
    }

    private static List<IntentExample> parse(String csv) {
        List<IntentExample> examples;
        try {
            examples = IntentCsv.parse(csv);
        } catch (MalformedIntentCsv e) {
            throw new HearthProblem(
                    SupportProblem.INVALID_TRAINING_DATA,
                    e.getMessage(),
                    List.of(new FieldError("/" + e.field(), e.getMessage())));
        }
        Map<String, Long> counts =
                examples.stream().collect(Collectors.groupingBy(IntentExample::intent, Collectors.counting()));
        List<FieldError> errors = new ArrayList<>();
        if (counts.size() < 2) {
            errors.add(new FieldError("/intent", "training needs at least two intents"));
        }
        counts.forEach((intent, n) -> {
            if (n < MIN_EXAMPLES_PER_INTENT) {
                errors.add(new FieldError(
                        "/intent",
                        "intent " + intent + " has " + n + " examples; give at least " + MIN_EXAMPLES_PER_INTENT));
            }
        });
        if (!errors.isEmpty()) {
            throw new HearthProblem(SupportProblem.INVALID_TRAINING_DATA, "too few examples to train on", errors);
        }
        return examples;
    }
}
