package io.probehost.api.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class FunctionCallTest {

    @Test
    void ofKeepsArgumentsInOrderAndLeavesStackAndStaticBaseAlone() {
        FunctionCall call = FunctionCall.of("ProgramPage", 0x2000_0071L, 0x2000_0000L, 0x400, 0x400, 0x2000_2000L);

        assertEquals(List.of(0x400L, 0x400L, 0x2000_2000L), call.arguments());
        assertEquals(OptionalLong.empty(), call.stackPointer());
        assertEquals(OptionalLong.empty(), call.staticBase());
    }

    @Test
    void withersSetStackPointerAndStaticBase() {
        FunctionCall call = FunctionCall.of("Init", 0x21, 0x0, 0, 0, 1).withStackPointer(0x2000_1000L)
                .withStaticBase(0x2000_0170L);

        assertEquals(OptionalLong.of(0x2000_1000L), call.stackPointer());
        assertEquals(OptionalLong.of(0x2000_0170L), call.staticBase());
        assertEquals("Init", call.name());
    }

    @Test
    void argumentWiderThan32BitsIsRefusedNamingTheFunction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FunctionCall.of("EraseSector", 0x49, 0x0, 0x1_0000_0000L));

        assertEquals("EraseSector: argument 0x100000000 is wider than 32 bits", e.getMessage());
    }

    @Test
    void targetWithoutCapabilitiesOffersNoFunctionCaller() {
        DebugTarget bare = new DebugTarget() {
            @Override
            public String description() {
                return "bare";
            }

            @Override
            public MemoryInterface memory() {
                return null;
            }

            @Override
            public CoreControl core() {
                return null;
            }

            @Override
            public BreakpointControl breakpoints() {
                return null;
            }

            @Override
            public WatchpointControl watchpoints() {
                return null;
            }

            @Override
            public void close() {
            }
        };

        assertEquals(Optional.empty(), bare.capability(FunctionCaller.class));
    }

    @Test
    void timeoutExceptionIsAFunctionCallExceptionKeepingItsLimit() {
        FunctionCallException e = new FunctionCallTimeoutException("ProgramPage", 0x2000_0074L,
                java.time.Duration.ofMillis(100), "ProgramPage did not return");

        assertTrue(e instanceof FunctionCallTimeoutException);
        assertEquals(java.time.Duration.ofMillis(100), ((FunctionCallTimeoutException) e).timeout());
        assertEquals(0x2000_0074L, e.stoppedAt());
    }
}
