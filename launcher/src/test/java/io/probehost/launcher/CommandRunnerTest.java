package io.probehost.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    @Test
    void failuresPrintTheirMessageWithoutAClassName() {
        Exception failure = new InvocationTargetException(new IllegalStateException("32-bit read at 0x10000000 faulted"));
        assertEquals("32-bit read at 0x10000000 faulted", CommandRunner.oneLine(failure));
        assertEquals("NullPointerException", CommandRunner.oneLine(new NullPointerException()));
    }

    @Test
    void onlyTheFirstLineIsKept() {
        assertEquals("first", CommandRunner.oneLine(new RuntimeException("first\nsecond")));
    }

    @Test
    void gogoMessagesAreReworded() {
        assertEquals("unknown command 'nosuch' (help lists the commands)",
                CommandRunner.oneLine(new IllegalArgumentException("Command not found: *:nosuch")));
        assertEquals("bad arguments for lb (help lb shows its usage)", CommandRunner.oneLine(
                new IllegalArgumentException("Cannot coerce lb(Token, Token) to any of [(String)]")));
    }
}
