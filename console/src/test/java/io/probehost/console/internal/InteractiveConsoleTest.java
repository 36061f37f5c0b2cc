package io.probehost.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.Test;

import io.probehost.command.CommandFailure;

class InteractiveConsoleTest {

    @Test
    void gogosCoercionFailureNamesTheCommandAndItsHelp() {
        IllegalArgumentException failure = new IllegalArgumentException(
                "Cannot coerce lb(Token, Token) to any of [(String), (int)]");
        assertEquals("Error: bad arguments for lb (help lb shows its usage)", InteractiveConsole.failureLine(failure));
    }

    @Test
    void gogosCommandNotFoundIsWordedAsEverywhere() {
        IllegalArgumentException failure = new IllegalArgumentException("Command not found: *:nosuch");
        assertEquals("Error: unknown command 'nosuch' (help lists the commands)",
                InteractiveConsole.failureLine(failure));
    }

    @Test
    void aCommandFailureKeepsItsMessageThroughReflection() {
        InvocationTargetException failure = new InvocationTargetException(new CommandFailure("no probe found"));
        assertEquals("Error: no probe found", InteractiveConsole.failureLine(failure));
    }

    @Test
    void aFailureWithoutAMessageIsNamedOnOneLine() {
        assertEquals("Error: IllegalStateException", InteractiveConsole.failureLine(new IllegalStateException()));
    }

    @Test
    void onlyTheFirstLineOfAMessageIsPrinted() {
        assertEquals("Error: first", InteractiveConsole.failureLine(new RuntimeException("first\nsecond")));
    }
}
