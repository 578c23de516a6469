package io.hearth.ml.churn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Byte layout of a serialized {@link ChurnModel}: a magic number and version, the feature keys in
 * column order (so a model trained on other columns is refused rather than silently misread), the
 * calibration knots, then the booster in XGBoost's own UBJSON format.
 */
final class ChurnModelFormat {

    private static final int MAGIC = 0x48434852; // "HCHR"
    private static final int VERSION = 1;

    private ChurnModelFormat() {}

    static byte[] write(Booster booster, IsotonicCalibration calibration) {
        try (ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(ChurnFeature.values().length);
            for (ChurnFeature feature : ChurnFeature.values()) {
                out.writeUTF(feature.key());
            }
            writeDoubles(out, calibration.knotScores());
            writeDoubles(out, calibration.knotProbabilities());
            byte[] trees = booster.toByteArray("ubj");
            out.writeInt(trees.length);
            out.write(trees);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException | XGBoostError error) {
            throw new IllegalStateException("could not serialize the churn model", error);
        }
    }

    static ChurnModel read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a churn model of format version " + VERSION);
            }
            checkFeatures(in);
            IsotonicCalibration calibration = IsotonicCalibration.of(readDoubles(in), readDoubles(in));
            byte[] trees = new byte[in.readInt()];
            in.readFully(trees);
            return new ChurnModel(XGBoost.loadModel(trees), calibration);
        } catch (IOException error) {
            throw new UncheckedIOException("truncated churn model", error);
        } catch (XGBoostError error) {
            throw new IllegalArgumentException("XGBoost could not load the trees", error);
        }
    }

    private static void checkFeatures(DataInputStream in) throws IOException {
        ChurnFeature[] features = ChurnFeature.values();
        int count = in.readInt();
        if (count != features.length) {
            throw new IllegalArgumentException("model has " + count + " features, code has " + features.length);
        }
        for (ChurnFeature feature : features) {
            String stored = in.readUTF();
            if (!stored.equals(feature.key())) {
                throw new IllegalArgumentException("model feature " + stored + " where code has " + feature.key());
            }
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
