package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.FactorModel;
import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.Strategy;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** A model version as bytes for the database, and back. The format starts with a format number. */
final class ModelCodec {

    /**
     * 2 added the past sessions and the learned blend weights at the end, 3 the products' text
     * embeddings (one byte per dimension and a scale: a 50,000-product catalogue in 20 MB, not 77);
     * older versions still load, without them.
     */
    private static final int FORMAT = 3;

    private ModelCodec() {}

    static byte[] encode(ServingModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, 1 << 16))) {
            out.writeInt(FORMAT);
            writeSummary(out, model.summary());
            writeStrings(out, model.items());
            writeStrings(out, model.users());
            FactorModel factors = model.factors();
            out.writeInt(factors == null ? 0 : factors.factors());
            if (factors != null) {
                writeFloats(out, factors.userFactors());
                writeFloats(out, factors.itemFactors());
            }
            writeNeighbours(out, model.boughtTogether());
            writeNeighbours(out, model.viewedTogether());
            writeFloats(out, model.popularity());
            writeRows(out, model.owned());
            writeRows(out, model.deviceCounts());
            writeRows(out, model.hourCounts());
            writeRows(out, model.sessions());
            out.writeInt(model.learnedWeights().size());
            for (Map.Entry<Strategy, Double> weight : model.learnedWeights().entrySet()) {
                out.writeUTF(weight.getKey().name());
                out.writeDouble(weight.getValue());
            }
            writeContent(out, model.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ServingModel decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new ByteArrayInputStream(data)))) {
            int format = in.readInt();
            if (format < 1 || format > FORMAT) {
                throw new IllegalStateException("unknown model format");
            }
            ModelSummary summary = readSummary(in);
            String[] items = readStrings(in);
            String[] users = readStrings(in);
            int factorCount = in.readInt();
            FactorModel factors = factorCount == 0 ? null : FactorModel.of(factorCount, readFloats(in), readFloats(in));
            Neighbours boughtTogether = readNeighbours(in);
            Neighbours viewedTogether = readNeighbours(in);
            float[] popularity = readFloats(in);
            int[][] owned = readRows(in);
            int[][] deviceCounts = readRows(in);
            int[][] hourCounts = readRows(in);
            int[][] sessions = format == 1 ? new int[0][] : readRows(in);
            Map<Strategy, Double> learned = new EnumMap<>(Strategy.class);
            int weights = format == 1 ? 0 : in.readInt();
            for (int i = 0; i < weights; i++) {
                learned.put(Strategy.valueOf(in.readUTF()), in.readDouble());
            }
            ContentIndex content = format < 3 ? ContentIndex.empty(items.length) : readContent(in, items.length);
            return ServingModel.of(
                    summary.version(),
                    summary.trainedAt(),
                    items,
                    users,
                    factors,
                    boughtTogether,
                    viewedTogether,
                    popularity,
                    owned,
                    deviceCounts,
                    hourCounts,
                    sessions,
                    learned,
                    content,
                    withContent(summary, content.count(), ModelTrainer.byKey(learned)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSummary(DataOutputStream out, ModelSummary summary) throws IOException {
        out.writeLong(summary.version());
        out.writeLong(summary.trainedAt().toEpochMilli());
        out.writeInt(summary.identities());
        out.writeInt(summary.items());
        out.writeInt(summary.interactions());
        out.writeInt(summary.purchases());
        out.writeBoolean(summary.factorized());
        out.writeLong(summary.trainingMillis());
        out.writeDouble(summary.coverage());
    }

    private static ModelSummary readSummary(DataInputStream in) throws IOException {
        return new ModelSummary(
                in.readLong(),
                Instant.ofEpochMilli(in.readLong()),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readBoolean(),
                in.readLong(),
                in.readDouble(),
                0,
                Map.of());
    }

    private static ModelSummary withContent(ModelSummary summary, int described, Map<String, Double> weights) {
        return new ModelSummary(
                summary.version(),
                summary.trainedAt(),
                summary.identities(),
                summary.items(),
                summary.interactions(),
                summary.purchases(),
                summary.factorized(),
                summary.trainingMillis(),
                summary.coverage(),
                described,
                weights);
    }

    /** Each described item as its index, a scale and one signed byte per dimension. */
    private static void writeContent(DataOutputStream out, ContentIndex content) throws IOException {
        out.writeInt(content.dimension());
        out.writeInt(content.count());
        int dimension = content.dimension();
        byte[] quantized = new byte[dimension];
        for (int item = 0; item < content.described().length; item++) {
            if (!content.described()[item]) {
                continue;
            }
            float[] vector = content.vector(item);
            float largest = 0;
            for (float value : vector) {
                largest = Math.max(largest, Math.abs(value));
            }
            float scale = largest / 127f;
            for (int d = 0; d < dimension; d++) {
                quantized[d] = (byte) Math.round(vector[d] / scale);
            }
            out.writeInt(item);
            out.writeFloat(scale);
            out.write(quantized);
        }
    }

    private static ContentIndex readContent(DataInputStream in, int items) throws IOException {
        int dimension = in.readInt();
        int count = in.readInt();
        float[][] byItem = new float[items][];
        byte[] quantized = new byte[dimension];
        for (int i = 0; i < count; i++) {
            int item = in.readInt();
            float scale = in.readFloat();
            in.readFully(quantized);
            float[] vector = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                vector[d] = quantized[d] * scale;
            }
            byItem[item] = vector;
        }
        return ContentIndex.of(byItem);
    }

    private static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        String[] values = new String[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readUTF();
        }
        return values;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private static void writeRows(DataOutputStream out, int[][] rows) throws IOException {
        out.writeInt(rows.length);
        for (int[] row : rows) {
            out.writeInt(row.length);
            for (int value : row) {
                out.writeInt(value);
            }
        }
    }

    private static int[][] readRows(DataInputStream in) throws IOException {
        int[][] rows = new int[in.readInt()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new int[in.readInt()];
            for (int i = 0; i < rows[r].length; i++) {
                rows[r][i] = in.readInt();
            }
        }
        return rows;
    }

    private static void writeNeighbours(DataOutputStream out, Neighbours neighbours) throws IOException {
        writeRows(out, neighbours.items());
        out.writeInt(neighbours.similarities().length);
        for (float[] row : neighbours.similarities()) {
            writeFloats(out, row);
        }
    }

    private static Neighbours readNeighbours(DataInputStream in) throws IOException {
        int[][] items = readRows(in);
        float[][] similarities = new float[in.readInt()][];
        for (int i = 0; i < similarities.length; i++) {
            similarities[i] = readFloats(in);
        }
        return new Neighbours(items, similarities);
    }
}
