package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;

class InvocationTest {

    @Test
    void repeatedOptionFlagsLeftAmongTheArgumentsAreCollected() {
        Invocation invocation = Invocation.of("9900", false, "cmsis_dap.limit_packets=true",
                "0x20000000", "-O", "frequency=4M", "4", "--option", "connect_mode = attach");
        assertEquals(Map.of("cmsis_dap.limit_packets", "true", "frequency", "4M", "connect_mode", "attach"),
                invocation.options());
        assertEquals(List.of("0x20000000", "4"), invocation.arguments());
        assertEquals(Optional.of("9900"), invocation.uid());
    }

    @Test
    void optionWithoutEqualsIsRefused() {
        ProbeException error = assertThrows(ProbeException.class, () -> Invocation.of("", false, "frequency"));
        assertEquals("-O takes name=value, not 'frequency'", error.getMessage());
    }

    @Test
    void selectsNothingOnlyWithoutUidAndOptions() {
        assertTrue(Invocation.of("", true, "", "0x0").selectsNothing());
        assertFalse(Invocation.of("PH", false, "").selectsNothing());
        assertFalse(Invocation.of("", false, "frequency=1M").selectsNothing());
    }

    @Test
    void missingAndExtraArgumentsNameTheUsage() {
        Invocation invocation = Invocation.of("", false, "", "a", "b");
        assertEquals("missing argument; usage: x A B C",
                assertThrows(ProbeException.class, () -> invocation.argument(2, "x A B C")).getMessage());
        assertEquals("unexpected argument 'b'; usage: x A",
                assertThrows(ProbeException.class, () -> invocation.atMost(1, "x A")).getMessage());
    }
}
