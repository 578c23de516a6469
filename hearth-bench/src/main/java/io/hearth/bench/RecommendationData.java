package io.hearth.bench;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.recommend.Interaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The public data sets of {@code ../shared/data} as implicit interactions, read and split the way
 * hearth-ml's evaluation tests do, so that figures here and there describe the same protocol.
 */
final class RecommendationData {

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
        OnlineRetailCsv.forEachRowWithCustomer(file, fields -> {
            boolean usable = !fields[OnlineRetailCsv.INVOICE].startsWith("C")
                    && Double.parseDouble(fields[OnlineRetailCsv.QUANTITY]) > 0;
            if (usable) {
                int customer = (int) Double.parseDouble(fields[OnlineRetailCsv.CUSTOMER]);
                int item = stockIds.computeIfAbsent(fields[OnlineRetailCsv.STOCK_CODE], code -> stockIds.size());
                long time = OnlineRetailCsv.at(fields).getEpochSecond();
                interactions.add(new Interaction(customer, item, 1f, time));
            }
        });
        return interactions;
    }

    /** {@code ../shared/data} beside the project root (the working directory of {@code hearth-bench/run}). */
    static Path sharedData() {
        return Path.of("..", "shared", "data").toAbsolutePath().normalize();
    }
}
