package io.hearth.ml.intent;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a shop's labelled examples: CSV (RFC 4180: quotes, doubled quotes, commas and line breaks
 * inside quotes) with a header row naming an utterance column and an intent column, in any order
 * and among other columns. A leading byte-order mark is ignored. Blank lines are skipped.
 */
public final class IntentCsv {

    private IntentCsv() {}

    /** Reads columns {@code utterance} and {@code intent}. */
    public static List<IntentExample> parse(String csv) {
        return parse(csv, "utterance", "intent");
    }

    public static List<IntentExample> parse(String csv, String utteranceColumn, String intentColumn) {
        requireNonNull(csv, "csv is null");
        List<List<String>> records = CsvRecords.split(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (records.isEmpty()) {
            throw new MalformedIntentCsv(1, "header", "the file is empty");
        }
        List<String> header = records.getFirst().stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        int utterance = column(header, utteranceColumn);
        int intent = column(header, intentColumn);
        List<IntentExample> examples = new ArrayList<>(records.size());
        for (int row = 1; row < records.size(); row++) {
            List<String> fields = records.get(row);
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue;
            }
            examples.add(example(fields, utterance, intent, row + 1, utteranceColumn, intentColumn));
        }
        return examples;
    }

    private static int column(List<String> header, String name) {
        int position = header.indexOf(name.toLowerCase(Locale.ROOT));
        if (position < 0) {
            throw new MalformedIntentCsv(1, name, "the header has no column '" + name + "'");
        }
        return position;
    }

    private static IntentExample example(
            List<String> fields, int utterance, int intent, int record, String utteranceName, String intentName) {
        String text = utterance < fields.size() ? fields.get(utterance).strip() : "";
        String label = intent < fields.size() ? fields.get(intent).strip() : "";
        if (text.isEmpty()) {
            throw new MalformedIntentCsv(record, utteranceName, "the utterance is empty");
        }
        if (label.isEmpty()) {
            throw new MalformedIntentCsv(record, intentName, "the intent is empty");
        }
        return new IntentExample(text, label);
    }
}
