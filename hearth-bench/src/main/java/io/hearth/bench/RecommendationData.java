package io.hearth.bench;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.recommend.Interaction;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The public data sets of {@code ../shared/data} as implicit interactions, read and split the way
 * hearth-ml's evaluation tests do, so that figures here and there describe the same protocol.
 */
final class RecommendationData {

    private static final DateTimeFormatter RETAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RecommendationData() {}

    record Split(List<Interaction> train, List<Interaction> test) {
        Split {
            requireNonNull(train, "train is null");
            requireNonNull(test, "test is null");
        }
    }

    /** MovieLens 100K {@code u.data}: every rating an interaction of weight 1. */
    static List<Interaction> movieLens(Path file) throws IOException {
        List<Interaction> interactions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split("\t");
            interactions.add(new Interaction(
                    Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), 1f, Long.parseLong(fields[3])));
        }
        return interactions;
    }

    /** The stratified split of Microsoft Recommenders: a seeded shuffle per user, {@code ratio} to train. */
    static Split stratified(List<Interaction> interactions, double ratio, long seed) {
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

    /** UCI Online Retail purchases with a customer: one interaction per invoice line. */
    static List<Interaction> onlineRetail(Path file) throws IOException {
        List<Interaction> interactions = new ArrayList<>();
        Map<String, Integer> stockIds = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> fields = csvFields(line);
                boolean usable = fields.size() >= 8
                        && !fields.get(6).isEmpty()
                        && !fields.get(0).startsWith("C")
                        && Double.parseDouble(fields.get(3)) > 0;
                if (usable) {
                    int customer = (int) Double.parseDouble(fields.get(6));
                    int item = stockIds.computeIfAbsent(fields.get(1), code -> stockIds.size());
                    long time = LocalDateTime.parse(fields.get(4), RETAIL_TIME).toEpochSecond(ZoneOffset.UTC);
                    interactions.add(new Interaction(customer, item, 1f, time));
                }
            }
        }
        return interactions;
    }

    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
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

    /** {@code ../shared/data} beside the project root (the working directory of {@code hearth-bench/run}). */
    static Path sharedData() {
        return Path.of("..", "shared", "data").toAbsolutePath().normalize();
    }
}
