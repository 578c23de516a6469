package io.hearth.ml.intent;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The public data sets in {@code ../shared/data}; a test whose file is absent is skipped. */
public final class SupportData {

    private SupportData() {}

    public static Path file(String relative) {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        Assumptions.assumeTrue(root != null, "no project root above the working directory");
        Path file = root.resolve("../shared/data").resolve(relative).normalize();
        Assumptions.assumeTrue(Files.exists(file), () -> file + " is absent");
        return file;
    }
}
