package io.hearth.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged Hearth server as a separate process with its own embedded PostgreSQL. */
final class ServerUnderTest implements AutoCloseable {

    static final String WRITE_KEY = "hw_bench_write_key";
    static final String ADMIN_KEY = "hk_bench_admin_key";

    private final Process process;
    private final Path dataDir;
    final int httpPort;
    final int databasePort;

    private ServerUnderTest(Process process, Path dataDir, int httpPort, int databasePort) {
        this.process = process;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.databasePort = databasePort;
    }

    static ServerUnderTest start(Path jar, Path dataDir, String heap, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        int httpPort = freePort();
        int databasePort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx" + heap));
        // e.g. -Dhearth.bench.server-options=-XX:StartFlightRecording=filename=/tmp/s.jfr,settings=profile
        String options = System.getProperty("hearth.bench.server-options", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HEARTH_DATA_DIR", dataDir.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(httpPort));
        builder.environment().put("HEARTH_DB_EMBEDDEDPORT", Integer.toString(databasePort));
        builder.environment().put("HEARTH_DEMO_WRITE_KEY", WRITE_KEY);
        builder.environment().put("HEARTH_DEMO_ADMIN_KEY", ADMIN_KEY);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(
                dataDir.resolveSibling(dataDir.getFileName() + "-server.log").toFile());
        ServerUnderTest server = new ServerUnderTest(builder.start(), dataDir, httpPort, databasePort);
        try {
            server.awaitReady();
        } catch (RuntimeException | InterruptedException notReady) {
            // Left running, the server and its database would load every later run.
            server.close();
            throw notReady;
        }
        return server;
    }

    /** CPU seconds used so far by the server and its embedded database. */
    double cpuSeconds() throws IOException {
        return ProcessCpu.seconds(process.pid(), dataDir);
    }

    /** CPU seconds used so far by the server's embedded database alone. */
    double databaseCpuSeconds() throws IOException {
        return ProcessCpu.databaseSeconds(dataDir);
    }

    /** CPU seconds used so far by the database's exited processes (autovacuum workers, closed connections). */
    double reapedDatabaseCpuSeconds() throws IOException {
        return ProcessCpu.reapedDatabaseSeconds(dataDir);
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    String ownerJdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres";
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        // A loaded machine can take minutes to start a server; -Dhearth.bench.ready-timeout=PT10M waits longer.
        Instant deadline = Instant.now().plus(Duration.parse(System.getProperty("hearth.bench.ready-timeout", "PT6M")));
        URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("server not ready in time");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
