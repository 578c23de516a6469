package io.hearth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time (user + system) used by a server process and its embedded PostgreSQL, read from Linux's
 * {@code /proc}. On a machine shared with other work, wall-clock rates swing with the neighbours'
 * load; the CPU a piece of work takes does not, so it is the steadier measure of what it costs.
 */
final class ProcessCpu {

    /** Linux's USER_HZ: the unit of the times in {@code /proc/<pid>/stat}. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /** Seconds of CPU used so far by the JVM and by the PostgreSQL whose data lives under {@code dataDir}. */
    static double seconds(long jvmPid, Path dataDir) throws IOException {
        double ticks = ticks(jvmPid, true);
        for (long postmaster : postmasters(dataDir)) {
            ticks += ticks(postmaster, true);
            for (long child : children(postmaster)) {
                ticks += ticks(child, false);
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** Seconds of CPU used so far by the PostgreSQL whose data lives under {@code dataDir} alone. */
    static double databaseSeconds(Path dataDir) throws IOException {
        double ticks = 0;
        for (long postmaster : postmasters(dataDir)) {
            ticks += ticks(postmaster, true);
            for (long child : children(postmaster)) {
                ticks += ticks(child, false);
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * Seconds of CPU used so far by the database's exited processes: autovacuum workers and closed
     * connections, reaped by the postmaster.
     */
    static double reapedDatabaseSeconds(Path dataDir) throws IOException {
        double ticks = 0;
        for (long postmaster : postmasters(dataDir)) {
            String[] fields = stat(postmaster);
            if (fields.length > 14) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime, and the reaped children's cutime + cstime when asked (exited backends). */
    private static long ticks(long pid, boolean withReaped) {
        String[] fields = stat(pid);
        if (fields.length == 0) {
            return 0;
        }
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    /** The fields after the command name (which may hold spaces), so index 0 is the state. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return new String[0];
        }
    }

    private static List<Long> postmasters(Path dataDir) throws IOException {
        String marker = dataDir.toAbsolutePath().toString();
        return pids().filter(pid ->
                        commandLine(pid).contains(marker) && commandLine(pid).contains("postgres"))
                .toList();
    }

    private static List<Long> children(long parent) throws IOException {
        return pids().filter(pid -> {
                    String[] fields = stat(pid);
                    return fields.length > 1 && Long.parseLong(fields[1]) == parent;
                })
                .toList();
    }

    private static Stream<Long> pids() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries
                    .map(entry -> entry.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .toList()
                    .stream();
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }
}
