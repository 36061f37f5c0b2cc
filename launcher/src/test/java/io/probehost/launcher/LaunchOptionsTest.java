package io.probehost.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void simFlagBeforeTheCommandSelectsTheLab() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--sim", "mem:read32", "0x20000000", "4"});
        assertTrue(options.sim());
        assertEquals(List.of("mem:read32", "0x20000000", "4"), options.command());
        assertEquals("mem:read32 0x20000000 4", options.commandLine());
    }

    @Test
    void optionsAfterTheCommandBelongToTheCommand() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"target:connect", "-u", "9900", "--sim"});
        assertFalse(options.sim());
        assertEquals("target:connect -u 9900 --sim", options.commandLine());
    }

    @Test
    void wordsGogoWouldInterpretAreQuoted() {
        assertEquals("'a b'", LaunchOptions.quote("a b"));
        assertEquals("'${x}'", LaunchOptions.quote("${x}"));
        assertEquals("'it\\'s'", LaunchOptions.quote("it's"));
        assertEquals("''", LaunchOptions.quote(""));
        assertEquals("-O", LaunchOptions.quote("-O"));
        assertEquals("cmsis_dap.limit_packets=true", LaunchOptions.quote("cmsis_dap.limit_packets=true"));
    }

    @Test
    void noCommandMeansAShell() {
        assertFalse(LaunchOptions.parse(new String[0]).oneShot());
    }

    @Test
    void unknownLauncherOptionIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--bogus"}));
        assertEquals("unknown option '--bogus' (try --help)", error.getMessage());
    }

    @Test
    void serveTakesSimAndAnHttpPortOnEitherSide() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"serve", "--sim", "--http", "8080"});
        assertTrue(options.serve());
        assertTrue(options.sim());
        assertEquals(java.util.OptionalInt.of(8080), options.httpPort());
        assertFalse(options.oneShot());
        assertTrue(LaunchOptions.parse(new String[] {"--sim", "serve"}).sim());
    }

    @Test
    void serveRefusesAnythingElse() {
        var extra = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(new String[] {"serve", "probe:list"}));
        assertEquals("serve takes no 'probe:list' (try --help)", extra.getMessage());
        var port = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(new String[] {"serve", "--http", "70000"}));
        assertEquals("--http wants a port from 1 to 65535, not '70000'", port.getMessage());
    }
}
