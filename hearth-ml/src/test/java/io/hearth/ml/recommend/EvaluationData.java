package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

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
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> fields = csvFields(line);
                if (fields.size() < 8
                        || fields.get(6).isEmpty()
                        || fields.get(0).startsWith("C")) {
                    continue;
                }
                if (Double.parseDouble(fields.get(3)) <= 0) {
                    continue;
                }
                int customer = (int) Double.parseDouble(fields.get(6));
                int item = stockIds.computeIfAbsent(fields.get(1), code -> stockIds.size());
                long time = LocalDateTime.parse(fields.get(4), RETAIL_TIME).toEpochSecond(ZoneOffset.UTC);
                interactions.add(new Interaction(customer, item, 1f, time));
            }
        }
        return interactions;
    }

    private static final DateTimeFormatter RETAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Splits one CSV line, honouring double quotes (descriptions may hold commas). */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                boolean escaped = quoted && i + 1 < line.length() && line.charAt(i + 1) == '"';
                if (escaped) {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
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
