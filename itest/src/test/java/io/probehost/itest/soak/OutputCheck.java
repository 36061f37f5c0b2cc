package io.probehost.itest.soak;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the soak demands of every command's output: a result (status 0, no {@code Error:} line), or
 * exactly one {@code Error:} line on standard error and a non-zero status; never a stack trace.
 */
final class OutputCheck {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|^Caused by: |Exception in thread");

    private OutputCheck() {
    }

    /** Why the outcome breaks the rule, or empty when it keeps it. */
    static Optional<String> problem(StationProcess.Outcome outcome) {
        if (STACK_FRAME.matcher(outcome.out()).find() || STACK_FRAME.matcher(outcome.err()).find()) {
            return Optional.of("a stack trace: " + firstLines(outcome.err().isBlank() ? outcome.out() : outcome.err()));
        }
        List<String> errLines = outcome.err().strip().lines().filter(line -> !line.isBlank()).toList();
        if (outcome.status() == 0) {
            return errLines.stream().anyMatch(line -> line.startsWith("Error:"))
                    ? Optional.of("status 0 with an error line: " + firstLines(outcome.err()))
                    : Optional.empty();
        }
        if (errLines.size() != 1 || !errLines.get(0).startsWith("Error: ")) {
            return Optional.of("status " + outcome.status() + " without exactly one Error line: "
                    + firstLines(outcome.err()));
        }
        return Optional.empty();
    }

    private static String firstLines(String text) {
        return String.join(" | ", text.strip().lines().limit(4).toList());
    }
}
