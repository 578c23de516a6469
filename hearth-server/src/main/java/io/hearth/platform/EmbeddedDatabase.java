package io.hearth.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that Hearth runs itself when no external server is configured. Its data survives
 * restarts; a server left running by a process that was killed is stopped before a new one starts.
 * A second process on the same data (the CLI beside a running server) attaches to the running one
 * instead, since two servers cannot share a data directory.
 */
final class EmbeddedDatabase implements AutoCloseable {

    /** PostgreSQL's own default: 1 GB made profile building no faster on 2 cores (benchmarks, 2026-12-08). */
    private static final String DEFAULT_SHARED_BUFFERS = "128MB";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final int PID_LINE = 0;
    private static final int PORT_LINE = 3;

    /** Null when attached to a server another process started: that one is not ours to stop. */
    private final @Nullable EmbeddedPostgres postgres;

    private final int port;

    private EmbeddedDatabase(@Nullable EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Connects to the PostgreSQL already serving the data directory (a running Hearth server's), or
     * starts one when none does. An attached server keeps running when this one closes.
     */
    static EmbeddedDatabase attachOrStart(Path dataDir, int requestedPort, boolean fsync) {
        Path pgData = dataDir.resolve("postgres");
        Optional<RunningPostmaster> running = runningPostmaster(pgData);
        if (running.isPresent()) {
            log.info(
                    "attaching to the PostgreSQL (pid {}) already running on port {} with data in {}",
                    running.get().process().pid(),
                    running.get().port(),
                    pgData.toAbsolutePath());
            return new EmbeddedDatabase(null, running.get().port());
        }
        return start(dataDir, requestedPort, fsync);
    }

    static EmbeddedDatabase start(Path dataDir, int requestedPort, boolean fsync) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(pgData);
            stopOrphanedServer(pgData);
            int port = requestedPort > 0 ? requestedPort : freePort();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // Opt-in, for diagnosing a benchmark: per-statement CPU and buffer counts (pg_stat_statements).
            if ("true".equalsIgnoreCase(System.getenv("HEARTH_DB_STATEMENT_STATS"))) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres postgres = builder.setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Spring stops it after the pool closes; a JVM hook of its own would race that.
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("runtime").toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", sharedBuffers())
                    .setServerConfig("synchronous_commit", "on")
                    // A fresh install's tables grow from empty within seconds; at the default minute, plans
                    // made on empty tables (a sequential walk of an index per id) ran its whole first minute.
                    .setServerConfig("autovacuum_naptime", "10s")
                    // The embedding library starts PostgreSQL with -F (no fsync), fine for throwaway test
                    // databases, not for a shop's data: acknowledged must survive a power cut too.
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .start();
            log.info("embedded PostgreSQL ready on port {} with data in {}", port, pgData.toAbsolutePath());
            return new EmbeddedDatabase(postgres, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgData, e);
        }
    }

    /**
     * {@code HEARTH_DB_SHARED_BUFFERS} (PostgreSQL units, e.g. {@code 2GB}), for a shop whose event log
     * and profiles have outgrown the default and are read back from the operating system's cache.
     */
    private static String sharedBuffers() {
        String configured = System.getenv("HEARTH_DB_SHARED_BUFFERS");
        return configured == null || configured.isBlank() ? DEFAULT_SHARED_BUFFERS : configured.strip();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    /** A killed JVM leaves its PostgreSQL running; it holds the data directory, so end it first. */
    private static void stopOrphanedServer(Path pgData) {
        runningPostmaster(pgData).map(RunningPostmaster::process).ifPresent(process -> {
            log.warn("stopping PostgreSQL (pid {}) left running by an earlier process", process.pid());
            process.destroy();
            process.onExit()
                    .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
        });
    }

    /** The PostgreSQL serving the data directory, from its {@code postmaster.pid} (pid, ..., port). */
    private static Optional<RunningPostmaster> runningPostmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
        if (lines.size() <= PORT_LINE) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(lines.get(PORT_LINE).trim());
            return ProcessHandle.of(Long.parseLong(lines.get(PID_LINE).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().orElse("").contains("postgres"))
                    .map(process -> new RunningPostmaster(process, port));
        } catch (NumberFormatException e) {
            log.warn("ignoring {}: it names no pid and port", pidFile);
            return Optional.empty();
        }
    }

    private record RunningPostmaster(ProcessHandle process, int port) {}

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
