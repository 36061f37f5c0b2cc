package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/** Reads the "PROBEHOST-OP name OK|FAIL result" lines that the probehost_op Tcl procedure prints. */
final class OpenOcdOps {
    private static final Pattern OP_LINE = Pattern.compile("PROBEHOST-OP (\\S+) (OK|FAIL) ?(.*)");

    private OpenOcdOps() {
    }

    /** "OK result" or "FAIL message" of the operation {@code name}, or "MISSING". */
    static String opResult(String log, String name) {
        Matcher matcher = OP_LINE.matcher(log);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2) + " " + matcher.group(3);
            }
        }
        return "MISSING";
    }

    /**
     * Fails at once if OpenOCD did not finish in time, else starts a judge's list of checks with
     * "OpenOCD exited with 0", to be run with {@code assertAll}.
     */
    static List<Executable> judgeChecks(OpenOcd.Result result) {
        String log = result.output();
        assertFalse(result.timedOut(), "OpenOCD did not finish in time:\n" + log);
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(0, result.exitCode(), log));
        return checks;
    }

    /** Checks that "flash write_image erase" and "verify_image" both covered {@code imageSize} bytes. */
    static void addFlashWriteChecks(List<Executable> checks, String log, int imageSize) {
        checks.add(() -> assertOk(log, "flash_write", "wrote " + imageSize + " bytes"));
        checks.add(() -> assertOk(log, "verify", "verified " + imageSize + " bytes"));
    }

    /** What erased flash reads: {@code size} bytes of 0xFF. */
    static byte[] erased(int size) {
        byte[] erased = new byte[size];
        Arrays.fill(erased, (byte) 0xFF);
        return erased;
    }

    static void assertOk(String log, String name, String expectedFragment) {
        String result = opResult(log, name);
        assertTrue(result.startsWith("OK") && result.contains(expectedFragment),
                name + ": expected OK containing '" + expectedFragment + "' but got '" + result + "'\n" + log);
    }
}
