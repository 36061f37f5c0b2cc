package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    static void assertOk(String log, String name, String expectedFragment) {
        String result = opResult(log, name);
        assertTrue(result.startsWith("OK") && result.contains(expectedFragment),
                name + ": expected OK containing '" + expectedFragment + "' but got '" + result + "'\n" + log);
    }
}
