package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.testdata.OnlineRetail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Loading and splitting of the shared public data sets used by the evaluation tests. */
final class EvaluationData {

    private EvaluationData() {}

    /** A train/test split. */
    record Split(List<Interaction> train, List<Interaction> test) {
        Split {
            requireNonNull(train, "train is null");
            requireNonNull(test, "test is null");
        }
    }

    /** {@code ../shared/data} next to the directory holding {@code mvnw}. */
    static Path sharedData() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        Path root = directory == null ? Path.of("").toAbsolutePath() : directory;
        return root.resolve("../shared/data").normalize();
    }

    /** MovieLens {@code u.data}: every rating becomes an implicit interaction of weight 1. */
    static List<Interaction> movieLens(Path file) throws IOException {
        List<Interaction> interactions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split("\t");
            interactions.add(new Interaction(
                    Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), 1f, Long.parseLong(fields[3])));
        }
        return interactions;
    }

    /**
     * UCI Online Retail purchases: one interaction of weight 1 per invoice line, skipping rows
     * without a customer, cancellations (invoice starting with C) and non-positive quantities.
     * Stock codes are alphanumeric, so they get dense int ids in order of first appearance.
     */
    static List<Interaction> onlineRetail(Path file) throws IOException {
        List<Interaction> interactions = new ArrayList<>();
        Map<String, Integer> stockIds = new HashMap<>();
        for (OnlineRetail.Line line : OnlineRetail.lines(file)) {
            if (line.invoice().startsWith("C") || line.quantity() <= 0) {
                continue;
            }
            int customer = Integer.parseInt(line.customerId());
            int item = stockIds.computeIfAbsent(line.stockCode(), code -> stockIds.size());
            interactions.add(new Interaction(customer, item, 1f, line.at().getEpochSecond()));
        }
        return interactions;
    }

    /**
     * Interactions before {@code cutEpochSecond} train; later ones test, minus repeat purchases of
     * items the customer already bought in train (those are excluded from recommendations anyway).
     */
    static Split timeSplit(List<Interaction> interactions, long cutEpochSecond) {
        List<Interaction> train = new ArrayList<>();
        Set<Long> trainPairs = new HashSet<>();
        for (Interaction interaction : interactions) {
            if (interaction.epochSecond() < cutEpochSecond) {
                train.add(interaction);
                trainPairs.add(pair(interaction));
            }
        }
        List<Interaction> test = new ArrayList<>();
        for (Interaction interaction : interactions) {
            if (interaction.epochSecond() >= cutEpochSecond && !trainPairs.contains(pair(interaction))) {
                test.add(interaction);
            }
        }
        return new Split(train, test);
    }

    private static long pair(Interaction interaction) {
        return ((long) interaction.userId() << 32) | (interaction.itemId() & 0xffffffffL);
    }

    /**
     * Shuffles each user's interactions with a seeded generator and puts the first {@code
     * ratio} of them (rounded) into train: the stratified split of Microsoft Recommenders.
     */
    static Split stratifiedSplit(List<Interaction> interactions, double ratio, long seed) {
        Map<Integer, List<Interaction>> byUser = new LinkedHashMap<>();
        for (Interaction interaction : interactions) {
            byUser.computeIfAbsent(interaction.userId(), id -> new ArrayList<>())
                    .add(interaction);
        }
        Random random = new Random(seed);
        List<Interaction> train = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        byUser.keySet().stream().sorted().forEach(user -> {
            List<Interaction> own = new ArrayList<>(byUser.get(user));
            Collections.shuffle(own, random);
            int cut = (int) Math.round(own.size() * ratio);
            train.addAll(own.subList(0, cut));
            test.addAll(own.subList(cut, own.size()));
        });
        return new Split(train, test);
    }
}
