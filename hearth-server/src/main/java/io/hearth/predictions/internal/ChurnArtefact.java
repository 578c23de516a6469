package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.churn.ChurnModel;
import io.hearth.ml.churn.ChurnPrediction;
import io.hearth.ml.churn.FeatureVector;
import io.hearth.predictions.internal.RhythmArtefact.CalibrationBin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A churn version: the rules' rhythm (always, as the fallback) and, when the shop had enough data and
 * the trees beat the rules out of fold, the boosted model with its out-of-fold calibration.
 *
 * <p>Stored as the rules' JSON behind its length, then the model's own bytes. The boosted model holds
 * native memory: {@link #close()} frees it, after which {@link #predict} answers empty (the rules serve).
 */
final class ChurnArtefact implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChurnArtefact.class);

    private final Header header;
    private final @Nullable ChurnModel boosted;
    private boolean closed;

    private ChurnArtefact(Header header, @Nullable ChurnModel boosted) {
        this.header = requireNonNull(header, "header is null");
        this.boosted = boosted;
    }

    static ChurnArtefact rulesOnly(RhythmArtefact rules) {
        return new ChurnArtefact(new Header(rules, List.of(), false), null);
    }

    static ChurnArtefact boosted(RhythmArtefact rules, List<CalibrationBin> calibration, ChurnModel model) {
        return new ChurnArtefact(new Header(rules, calibration, true), model);
    }

    RhythmArtefact rules() {
        return header.rules();
    }

    boolean isBoosted() {
        return header.boosted();
    }

    /** The calibration table of the serving algorithm: the trees' out of fold, else the rules'. */
    List<CalibrationBin> calibration() {
        return header.boosted() ? header.calibration() : header.rules().calibration();
    }

    /** The trees' prediction; empty for a rules-only version or once closed. */
    synchronized Optional<ChurnPrediction> predict(FeatureVector features, int topFactors) {
        if (boosted == null || closed) {
            return Optional.empty();
        }
        return Optional.of(boosted.predict(features, topFactors));
    }

    byte[] toBytes() {
        byte[] json = Artefacts.write(header);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(json.length);
            out.write(json);
            if (boosted != null) {
                out.write(boosted.toBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ChurnArtefact fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] json = in.readNBytes(in.readInt());
            Header header = Artefacts.read(json, Header.class);
            byte[] model = in.readAllBytes();
            if (!header.boosted()) {
                return new ChurnArtefact(header, null);
            }
            return boostedOrRules(header, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Trees stored by a release with other feature columns cannot be read by this one (hearth-ml refuses
     * them rather than misread them): the version's rules serve until the next training replaces it.
     */
    private static ChurnArtefact boostedOrRules(Header header, byte[] model) {
        try {
            return new ChurnArtefact(header, ChurnModel.fromBytes(model));
        } catch (IllegalArgumentException otherColumns) {
            log.warn(
                    "Stored churn trees are unreadable by this release ({}); their rules serve until retraining",
                    otherColumns.getMessage());
            return rulesOnly(header.rules());
        }
    }

    @Override
    public synchronized void close() {
        if (!closed && boosted != null) {
            boosted.close();
        }
        closed = true;
    }

    record Header(RhythmArtefact rules, List<CalibrationBin> calibration, boolean boosted) {

        Header {
            requireNonNull(rules, "rules is null");
            calibration = List.copyOf(calibration);
        }
    }
}
