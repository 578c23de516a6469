package io.hearth.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the command line. {@code HearthApplication.main} hands over when the first argument
 * is a command ({@code import}, {@code train}); everything else starts the server.
 */
public final class HearthCli {

    private static final Set<String> COMMANDS = Set.of("import", "train");

    private HearthCli() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs the command and answers its exit code: 0 on success, 1 when the work failed, 2 for a usage
     * error.
     *
     * @param application the Spring Boot application class whose non-web instance does the work
     */
    public static int run(Class<?> application, String... args) {
        return run(application, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(Class, String...)}, printing the summary to {@code out} and problems to {@code err}. */
    public static int run(Class<?> application, PrintWriter out, PrintWriter err, String... args) {
        CommandLine imports = new CommandLine(new ImportCommand())
                .addSubcommand(new ImportOrdersCommand(new CliContext(application)));
        CommandLine training = new CommandLine(new TrainCommand())
                .addSubcommand(new TrainPredictionsCommand(new CliContext(application)))
                .addSubcommand(new TrainRecommendationsCommand(new CliContext(application)));
        CommandLine hearth =
                new CommandLine(new HearthCommand()).addSubcommand(imports).addSubcommand(training);
        hearth.setOut(out);
        hearth.setErr(err);
        hearth.setExecutionExceptionHandler(new FailureReport());
        return hearth.execute(args);
    }

    @Command(
            name = "hearth",
            mixinStandardHelpOptions = true,
            description = "Hearth command line; without a command, `java -jar hearth-server.jar` runs the server.")
    static final class HearthCommand {}

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import historical data from files.")
    static final class ImportCommand {}

    @Command(name = "train", mixinStandardHelpOptions = true, description = "Train models now.")
    static final class TrainCommand {}
}
