package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Faults injected into the lab's probe and target, in one shell session fed on standard input: each
 * gives one clear error line, and the very next command works again.
 */
public class LabFaultsCliIT {

    @BeforeClass
    public static void privateStateFolder() throws Exception {
        ProbehostCliIT.privateStateFolder();
    }

    @Test
    public void everyInjectedFaultIsOneClearLineAndTheNextCommandRecovers() throws Exception {
        String script = String.join("\n",
                "target:connect -u 9900",
                "mem:write32 0x20000100 0x12345678",
                "lab:fault garble 9900 1",
                "mem:read32 0x20000100 1",
                "mem:read32 0x20000100 1",
                "lab:fault truncate 9900 1 3",
                "mem:read32 0x20000100 1",
                "mem:read32 0x20000100 1",
                "lab:fault bus-fault microbit 0x20000200 16",
                "mem:read32 0x20000200 1",
                "mem:read32 0x20000100 1",
                "lab:fault wait-storm microbit 100000",
                "mem:read32 0x20000100 1",
                "lab:fault clear",
                "mem:read32 0x20000100 1",
                "lab:fault mute 9900",
                "mem:read32 0x20000100 1",
                "lab:fault unmute 9900",
                "mem:read32 0x20000100 1",
                "lab:fault unplug 9900",
                "mem:read32 0x20000100 1",
                "lab:fault plug 9900",
                "mem:read32 0x20000100 1",
                "");
        ProbehostCliIT.Result result = ProbehostCliIT.run(script, "--sim");

        assertEquals("a failed line makes the script's status 1: " + result.err(), 1, result.status());
        List<String> errors = result.err().lines().filter(l -> l.startsWith("Error: ")).toList();
        assertEquals("errors: " + result.err(), 6, errors.size());
        assertTrue(errors.get(0), errors.get(0).contains("protocol error") && errors.get(0).contains("echoes"));
        assertTrue(errors.get(1), errors.get(1).contains("protocol error") && errors.get(1).contains("too short"));
        assertTrue(errors.get(2), errors.get(2).contains("0x20000200") && errors.get(2).contains("FAULT"));
        assertTrue(errors.get(3), errors.get(3).contains("WAIT"));
        assertTrue(errors.get(4), errors.get(4).contains("timed out"));
        assertTrue(errors.get(5), errors.get(5).contains("disconnected"));
        long recovered = result.out().lines().filter(l -> l.equals("20000100:  12345678")).count();
        assertEquals("every read after a fault succeeds: " + result.out(), 6, recovered);
    }
}
