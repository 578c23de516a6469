package io.hearth.ml.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/data} beside the project root (the nearest ancestor holding mvnw). */
public final class SharedDataFolder {

    private SharedDataFolder() {}

    /** The shared data folder, which may not exist. */
    public static Path path() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        Path root = directory == null ? Path.of("").toAbsolutePath() : directory;
        return root.resolve("../shared/data").normalize();
    }
}
