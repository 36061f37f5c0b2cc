package io.probehost.run.internal;

import static io.probehost.run.internal.FakeSemihostingTarget.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.SemihostingCall;
import io.probehost.api.debug.SemihostingOperation;

/** The host side of semihosting: console output, the console handles, exit codes and unknown operations. */
class SemihostingHostTest {
    private static final long TEXT = BASE + 0x20;
    private static final long BLOCK = BASE + 0x200;
    private static final long TRAP = 0x100;

    private final FakeSemihostingTarget target = new FakeSemihostingTarget();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final SemihostingHost host = new SemihostingHost(target, target,
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    private SemihostingHost.Outcome call(SemihostingOperation operation, long parameter) {
        return host.perform(new SemihostingCall(operation.code(), parameter, TRAP, 4));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writecPrintsTheCharacterAtTheParameterAndAnswersZero() {
        target.string(TEXT, "A");

        assertEquals(new SemihostingHost.Continue(), call(SemihostingOperation.SYS_WRITEC, TEXT));

        assertEquals("A", printed());
        assertEquals(List.of(0L), target.answers);
    }

    @Test
    void write0PrintsTheWholeStringAcrossReadChunks() {
        String text = "a line longer than one chunk of thirty-two bytes, in UTF-8: \u00e9\n";
        target.string(TEXT + 3, text);

        call(SemihostingOperation.SYS_WRITE0, TEXT + 3);

        assertEquals(text, printed());
    }

    @Test
    void openOfTtGivesTheConsoleHandlesByMode() {
        target.string(TEXT, ":tt");
        long[] expected = {SemihostingHost.STDIN, SemihostingHost.STDOUT, SemihostingHost.STDERR, -1};
        long[] modes = {0, 4, 8, 12};
        for (long mode : modes) {
            target.words(BLOCK, TEXT, mode, 3);
            call(SemihostingOperation.SYS_OPEN, BLOCK);
        }

        assertEquals(List.of(expected[0], expected[1], expected[2], expected[3]), target.answers);
    }

    @Test
    void openOfAHostFileFails() {
        target.string(TEXT, "log.txt");
        target.words(BLOCK, TEXT, 4, 7);

        call(SemihostingOperation.SYS_OPEN, BLOCK);

        assertEquals(List.of(-1L), target.answers);
    }

    @Test
    void writeToStdoutPrintsAndAnswersZeroToAnotherHandleAnswersTheCountNotWritten() {
        target.string(TEXT, "out\n");
        target.words(BLOCK, SemihostingHost.STDOUT, TEXT, 4);
        call(SemihostingOperation.SYS_WRITE, BLOCK);
        target.words(BLOCK, 7, TEXT, 4);
        call(SemihostingOperation.SYS_WRITE, BLOCK);

        assertEquals("out\n", printed());
        assertEquals(List.of(0L, 4L), target.answers);
    }

    @Test
    void exitWithApplicationExitEndsWithZeroAndAnswersNothing() {
        assertEquals(new SemihostingHost.Exit(0, "exit code 0"),
                call(SemihostingOperation.SYS_EXIT, SemihostingOperation.ADP_STOPPED_APPLICATION_EXIT));
        assertEquals(List.of(), target.answers, "the core stays halted");
    }

    @Test
    void exitWithAnotherReasonEndsWithOneAndNamesIt() {
        assertEquals(new SemihostingHost.Exit(1, "run-time error (ADP_Stopped_RunTimeError)"),
                call(SemihostingOperation.SYS_EXIT, SemihostingOperation.ADP_STOPPED_RUN_TIME_ERROR));
        assertEquals(new SemihostingHost.Exit(1, "stop reason 0x20020"), call(SemihostingOperation.SYS_EXIT, 0x20020));
    }

    @Test
    void exitExtendedEndsWithTheSubcode() {
        target.words(BLOCK, SemihostingOperation.ADP_STOPPED_APPLICATION_EXIT, 3);

        assertEquals(new SemihostingHost.Exit(3, "exit code 3"), call(SemihostingOperation.SYS_EXIT_EXTENDED, BLOCK));
    }

    @Test
    void exitOfA64BitCoreReadsReasonAndSubcodeFromTheBlock() {
        target.words(BLOCK, SemihostingOperation.ADP_STOPPED_APPLICATION_EXIT, 0, 5, 0);

        assertEquals(new SemihostingHost.Exit(5, "exit code 5"),
                host.perform(new SemihostingCall(SemihostingOperation.SYS_EXIT.code(), BLOCK, TRAP, 8)));
    }

    @Test
    void anUnknownOperationAnswersMinusOneAndIsReportedOnce() {
        host.perform(new SemihostingCall(0x99, 0, TRAP, 4));
        host.perform(new SemihostingCall(0x99, 0, TRAP, 4));
        call(SemihostingOperation.SYS_CLOCK, 0);

        assertEquals(List.of(-1L, -1L, -1L), target.answers);
        assertEquals("semihosting: operation 0x99 is not supported here; answered -1\n"
                + "semihosting: operation 0x10 (SYS_CLOCK) is not supported here; answered -1\n",
                printed().replace(System.lineSeparator(), "\n"));
    }
}
