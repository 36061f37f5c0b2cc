package io.probehost.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandConsoleWrapTest {

    @Test
    void wrapCutsAtSpacesWithinTheWidth() {
        assertEquals(List.of("keep the bytes", "of partly", "written flash"),
                CommandConsole.wrap("keep the bytes of partly written flash", 14));
    }

    @Test
    void wrapGivesAWordLongerThanTheWidthItsOwnLine() {
        assertEquals(List.of("a", "SYSRESETREQ", "b"), CommandConsole.wrap("a SYSRESETREQ b", 5));
    }

    @Test
    void wrapOfNothingIsOneEmptyLine() {
        assertEquals(List.of(""), CommandConsole.wrap("  ", 10));
    }

    @Test
    void widthIsUnknownOutsideTheLineEditor() {
        assertTrue(CommandConsole.width(null).isEmpty());
    }
}
