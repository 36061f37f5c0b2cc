package io.probehost.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InteractiveShellTest {

    @Test
    void aTerminalWithNoRowsOrNoColumnsHasNoSize() {
        assertTrue(InteractiveShell.hasZeroDimension("0 0\n"));
        assertTrue(InteractiveShell.hasZeroDimension("24 0"));
        assertTrue(InteractiveShell.hasZeroDimension("0 80"));
    }

    @Test
    void aSizedTerminalOrAnUnreadableAnswerIsLeftAlone() {
        assertFalse(InteractiveShell.hasZeroDimension("24 80\n"));
        assertFalse(InteractiveShell.hasZeroDimension("stty: not a tty"));
        assertFalse(InteractiveShell.hasZeroDimension(""));
    }
}
