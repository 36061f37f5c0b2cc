package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.probehost.command.CommandFailure;

class LabResetStateCommandTest {

    @Test
    void argumentsAreWhatFollowsTheCommandName() {
        assertArrayEquals(new String[0], LabResetStateCommand.arguments("reset-state"));
        assertArrayEquals(new String[] {"x", "1"}, LabResetStateCommand.arguments("reset-state", "x", 1));
        assertArrayEquals(new String[0], LabResetStateCommand.arguments());
    }

    @Test
    void anArgumentAnswersWithTheUsage() {
        LabResetStateCommand command = new LabResetStateCommand(null);
        CommandFailure failure = assertThrows(CommandFailure.class, () -> command._main("reset-state", "x"));
        assertEquals("unexpected argument 'x'; usage: lab:reset-state", failure.getMessage());
    }

    @Test
    void helpReturnsTheUsage() {
        assertEquals("usage: lab:reset-state", new LabResetStateCommand(null)._main("reset-state", "--help"));
    }
}
