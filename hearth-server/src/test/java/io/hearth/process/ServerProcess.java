package io.hearth.process;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged server started as its own operating-system process, as an operator runs it, so tests
 * can kill it for real. The jar is the one Maven built in the package phase.
 */
final class ServerProcess implements AutoCloseable {

    static final String WRITE_KEY = "hw_process_test_write_key";
    static final String ADMIN_KEY = "hk_process_test_admin_key";

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path dataDir, Map<String, String> extraEnvironment) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar().toString());
        Map<String, String> environment = new HashMap<>(Map.of(
                "HEARTH_DATA_DIR",
                dataDir.toString(),
                "SERVER_PORT",
                Integer.toString(port),
                "HEARTH_DEMO_WRITE_KEY",
                WRITE_KEY,
                "HEARTH_DEMO_ADMIN_KEY",
                ADMIN_KEY));
        environment.putAll(extraEnvironment);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(
                dataDir.resolveSibling(dataDir.getFileName() + "-server.log").toFile());
        ServerProcess server = new ServerProcess(builder.start(), port);
        // A loaded machine can take minutes to start the server: -Dhearth.process.ready-timeout=PT10M.
        server.awaitReady(Duration.parse(System.getProperty("hearth.process.ready-timeout", "PT5M")));
        return server;
    }

    static Path jar() {
        String configured = System.getProperty("hearth.server.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "hearth-server.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("run 'package' first: no server jar at " + jar.toAbsolutePath());
        }
        return jar;
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hooks, no flushing, exactly what a crash or the OOM killer does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> answer =
                        http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("the server was not ready within " + timeout);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static File logOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-server.log").toFile();
    }
}
