package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Diginetica sample of the SR-GNN repository, preprocessed as that repository's script does:
 * views ordered by time within a session, single-view sessions dropped, items seen fewer than 5
 * times dropped, sessions left with fewer than 2 views dropped; sessions of the last 7 days
 * (by the session's last event date; other windows on request) test, earlier ones train, test items unknown to train
 * removed.
 */
final class DigineticaData {

    private DigineticaData() {}

    /** Sessions as item id sequences, oldest session first. */
    record Split(List<int[]> train, List<int[]> test) {
        Split {
            requireNonNull(train, "train is null");
            requireNonNull(test, "test is null");
        }
    }

    private record View(int item, long timeframe) {}

    private record Session(int id, long day, int[] items) {}

    /** The reference split: the last {@code testDays} days (7 in the SR-GNN script) test. */
    static Split load(Path file, int testDays) throws IOException {
        List<Session> sessions = readSessions(file);
        Map<Integer, Integer> itemCounts = new HashMap<>();
        sessions.stream()
                .filter(s -> s.items().length > 1)
                .flatMapToInt(s -> Arrays.stream(s.items()))
                .forEach(item -> itemCounts.merge(item, 1, Integer::sum));
        List<Session> kept = sessions.stream()
                .filter(s -> s.items().length > 1)
                .map(s -> new Session(s.id(), s.day(), frequentOnly(s.items(), itemCounts)))
                .filter(s -> s.items().length >= 2)
                .sorted(Comparator.comparingLong(Session::day).thenComparingInt(Session::id))
                .toList();
        long lastDay = kept.stream().mapToLong(Session::day).max().orElse(0);
        long splitDay = lastDay - testDays;
        List<int[]> train = kept.stream()
                .filter(s -> s.day() < splitDay)
                .map(Session::items)
                .toList();
        IdIndex known = IdIndex.of(train.stream().flatMapToInt(Arrays::stream).toArray());
        List<int[]> test = kept.stream()
                .filter(s -> s.day() > splitDay)
                .map(s -> Arrays.stream(s.items())
                        .filter(item -> known.indexOf(item) >= 0)
                        .toArray())
                .filter(items -> items.length >= 2)
                .toList();
        return new Split(train, test);
    }

    private static int[] frequentOnly(int[] items, Map<Integer, Integer> counts) {
        return Arrays.stream(items).filter(item -> counts.get(item) >= 5).toArray();
    }

    private static List<Session> readSessions(Path file) throws IOException {
        Map<Integer, List<View>> views = new LinkedHashMap<>();
        Map<Integer, Long> days = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(";");
            int session = Integer.parseInt(fields[0]);
            views.computeIfAbsent(session, id -> new ArrayList<>())
                    .add(new View(Integer.parseInt(fields[2]), Long.parseLong(fields[3])));
            // As in the reference script, a session's date is that of its last row in the file.
            days.put(session, LocalDate.parse(fields[4]).toEpochDay());
        }
        List<Session> sessions = new ArrayList<>();
        views.forEach((id, list) -> {
            int[] items = list.stream()
                    .sorted(Comparator.comparingLong(View::timeframe))
                    .mapToInt(View::item)
                    .toArray();
            sessions.add(new Session(id, days.get(id), items));
        });
        return sessions;
    }
}
