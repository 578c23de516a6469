package io.hearth.ml.intent;

import io.hearth.ml.text.LexicalFeatures;
import io.hearth.ml.text.LexicalSettings;
import io.hearth.ml.text.SentenceEmbedder;
import io.hearth.ml.text.SoftmaxModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte format of an {@link IntentClassifier}: a magic number and version, then the intents, the
 * lexical vocabulary, the weights (half precision), the calibration and (from version 2) the
 * prototypes with their similarity threshold. Version 1 models, stored by shops before, still load and
 * decide on confidence alone. Only in-memory streams are used; where the bytes are kept is the
 * server's business.
 */
final class IntentModelCodec {

    private static final int MAGIC = 0x48494E54; // "HINT"
    private static final int VERSION = 2;

    private IntentModelCodec() {}

    static byte[] write(IntentClassifier classifier) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(classifier.intents().size());
            for (String intent : classifier.intents()) {
                out.writeUTF(intent);
            }
            writeSettings(out, classifier.features());
            classifier.features().lexical().write(out);
            classifier.model().write(out);
            out.writeDouble(classifier.temperature());
            out.writeDouble(classifier.threshold());
            writeReport(out, classifier.report());
            out.writeDouble(classifier.similarityThreshold());
            classifier.prototypes().write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static IntentClassifier read(byte[] bytes, SentenceEmbedder embedder) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt() == MAGIC ? in.readInt() : -1;
            if (version != 1 && version != VERSION) {
                throw new IllegalArgumentException("not an intent model of version 1 or " + VERSION);
            }
            int count = in.readInt();
            List<String> intents = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                intents.add(in.readUTF());
            }
            LexicalSettings settings =
                    new LexicalSettings(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
            float embeddingWeight = in.readFloat();
            IntentFeatures features = new IntentFeatures(LexicalFeatures.read(in), settings, embeddingWeight);
            SoftmaxModel model = SoftmaxModel.read(in);
            double temperature = in.readDouble();
            double threshold = in.readDouble();
            IntentTrainingReport report = readReport(in, version);
            double similarityThreshold = version == 1 ? 0 : in.readDouble();
            Prototypes prototypes = version == 1 ? Prototypes.NONE : Prototypes.read(in);
            return new IntentClassifier(
                    embedder,
                    intents,
                    features,
                    model,
                    prototypes,
                    temperature,
                    threshold,
                    similarityThreshold,
                    report);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt intent model", e);
        }
    }

    private static void writeSettings(DataOutputStream out, IntentFeatures features) throws IOException {
        LexicalSettings settings = features.settings();
        out.writeInt(settings.maxWordTerms());
        out.writeInt(settings.maxCharTerms());
        out.writeInt(settings.minCharGram());
        out.writeInt(settings.maxCharGram());
        out.writeInt(settings.minDocumentFrequency());
        out.writeFloat(features.embeddingWeight());
    }

    private static void writeReport(DataOutputStream out, IntentTrainingReport report) throws IOException {
        out.writeInt(report.examples());
        out.writeInt(report.intents());
        out.writeDouble(report.heldOutAccuracy());
        out.writeDouble(report.temperature());
        out.writeDouble(report.threshold());
        out.writeDouble(report.similarityThreshold());
        out.writeDouble(report.outOfScopeRecall());
        out.writeDouble(report.inScopeAnswered());
        out.writeLong(report.embeddingMillis());
        out.writeLong(report.trainingMillis());
    }

    private static IntentTrainingReport readReport(DataInputStream in, int version) throws IOException {
        return new IntentTrainingReport(
                in.readInt(),
                in.readInt(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                version == 1 ? 0 : in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readLong(),
                in.readLong());
    }
}
