package io.hearth.cli;

import io.hearth.shared.HearthProblem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A command that fails prints what went wrong in one line (the stack trace only for bugs). */
final class FailureReport implements IExecutionExceptionHandler {

    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        if (failure instanceof HearthProblem problem) {
            command.getErr().println("hearth: " + problem.getMessage());
            return FAILED;
        }
        if (failure instanceof java.io.UncheckedIOException io) {
            command.getErr()
                    .println("hearth: " + io.getMessage() + ": " + io.getCause().getMessage());
            return FAILED;
        }
        command.getErr().println("hearth: failed: " + failure);
        failure.printStackTrace(command.getErr());
        return FAILED;
    }
}
