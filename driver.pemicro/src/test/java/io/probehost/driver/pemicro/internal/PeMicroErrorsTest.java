package io.probehost.driver.pemicro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.ArmMemoryEngine.AccessWidth;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/** What the library reports as failure (false, critical error, mem_result, SWD status) as the driver's one-line errors. */
class PeMicroErrorsTest {
    @TempDir
    Path folder;
    private StandInBench bench;
    private PeMicroDriver driver;
    private StandInBench.Hooks hooks;

    @BeforeEach
    void start() {
        bench = new StandInBench(folder);
        driver = new PeMicroDriver(bench.location());
        driver.probes();
        hooks = bench.hooks();
    }

    @AfterEach
    void stop() {
        driver.deactivate();
        bench.close();
    }

    private DebugProbe open() {
        return driver.open(driver.probes().get(0), SessionOptions.defaults());
    }

    @Test
    void noLibraryMeansNoProbesAndSaysWhere(@TempDir Path empty) {
        PeMicroDriver without = new PeMicroDriver(LibraryLocation.find(empty.toString()));
        ProbeException error = assertThrows(ProbeException.class, without::probes);
        assertTrue(error.getMessage().startsWith("no PE Micro library: cannot load " + empty.resolve("unitacmp-64.so")),
                error.getMessage());
        assertFalse(error.getMessage().contains("\n"), "one line");
        without.deactivate();
    }

    @Test
    void theLibraryIsLookedForAtTheConfiguredPathThenThePropertyThenTheSearchPath() {
        assertEquals(folder.resolve("unitacmp-64.so").toString(), LibraryLocation.find(folder.toString()).nameOrPath());
        assertEquals(bench.library.toString(), LibraryLocation.find(bench.library.toString()).nameOrPath());
        String before = System.getProperty(LibraryLocation.PATH_PROPERTY);
        try {
            System.setProperty(LibraryLocation.PATH_PROPERTY, bench.library.toString());
            assertEquals(bench.library.toString(), LibraryLocation.find("").nameOrPath());
            System.clearProperty(LibraryLocation.PATH_PROPERTY);
            assertEquals("unitacmp-64.so", LibraryLocation.find(null).nameOrPath());
        } finally {
            if (before != null) {
                System.setProperty(LibraryLocation.PATH_PROPERTY, before);
            }
        }
    }

    @Test
    void aRefusedOpenNamesTheFunctionAndTheProbe() {
        hooks.probehost_standin_control("fail open_port_by_identifier");
        ProbeException error = assertThrows(ProbeException.class, this::open);
        assertEquals("PE Micro library: open_port_by_identifier(\"PEMA51822\") returned false: cannot connect to "
                + "the probe (unplugged, or open in another program)", error.getMessage());
        open().close();
    }

    @Test
    void aCriticalErrorAtOpenFailsItWithTheCodeAndClosesThePort() {
        hooks.probehost_standin_control("critical 8");
        ProbeException error = assertThrows(ProbeException.class, this::open);
        assertEquals("PE Micro library: check_critical_error gave 0x08 after opening PEMA51822", error.getMessage());
        assertFalse(bench.multilink.isOpen());
    }

    @Test
    void oneProbeIsOpenAtATime() {
        try (DebugProbe first = open()) {
            ProbeException error = assertThrows(ProbeException.class, this::open);
            assertTrue(error.getMessage().contains("one probe at a time"), error.getMessage());
        }
        open().close();
    }

    @Test
    void noTargetAnsweringIsSaidAtConnect() {
        try (DebugProbe probe = open()) {
            hooks.probehost_standin_control("fail enable_debug_module");
            ProbeException error = assertThrows(ProbeException.class, () -> probe.connect(WireProtocol.SWD));
            assertTrue(error.getMessage().contains("enable debug module (0x44000002) returned false: no target "
                    + "answers on SWD"), error.getMessage());
            probe.connect(WireProtocol.SWD);
            assertEquals(WireProtocol.SWD, probe.protocol().orElseThrow());
        }
    }

    @Test
    void swdStatusesBecomeTransferErrorsAndACriticalInterfaceErrorResetsTheInterface() {
        try (DebugProbe probe = open()) {
            probe.connect(WireProtocol.SWD);
            ArmMemoryEngine engine = probe.capability(ArmMemoryEngine.class).orElseThrow();
            hooks.probehost_standin_control("swd_status 2");
            TransferTimeoutException wait = assertThrows(TransferTimeoutException.class,
                    () -> engine.readDapRegister(ArmMemoryEngine.DEBUG_PORT, 0x4));
            assertEquals("PE Micro library: reading DP register 0x04 ended with SWD status 2 (WAIT)", wait.getMessage());

            int resets = bench.multilink.hardwareInterfaceResets();
            hooks.probehost_standin_control("swd_status 1");
            hooks.probehost_standin_control("critical 8");
            TransferFaultException fault = assertThrows(TransferFaultException.class,
                    () -> engine.writeDapRegister(0, 0x04, 0x2000_0000));
            assertEquals("PE Micro library: writing AP 0 register 0x04 ended with SWD status 1 (FAULT)",
                    fault.getMessage());
            assertEquals(resets + 1, bench.multilink.hardwareInterfaceResets(), "bit 0x08: interface reset");
            hooks.probehost_standin_control("critical 0");
        }
    }

    @Test
    void memResultsOtherThanBusErrorAreProbeErrors() {
        try (DebugProbe probe = open()) {
            probe.connect(WireProtocol.SWD);
            ArmMemoryEngine engine = probe.capability(ArmMemoryEngine.class).orElseThrow();
            hooks.probehost_standin_control("mem_result 1");
            ProbeException busy = assertThrows(ProbeException.class,
                    () -> engine.readMemory(0, Nrf51822.RAM_BASE, AccessWidth.WORD, new byte[8], 0, 8));
            assertFalse(busy instanceof TransferFaultException);
            assertEquals("PE Micro library: get_block of 8 bytes at 0x20000000 gave mem_result 1 (no access, the core "
                    + "is running)", busy.getMessage());
            TransferFaultException fault = assertThrows(TransferFaultException.class,
                    () -> engine.writeMemory(0, StandInBench.NOWHERE, AccessWidth.WORD, new byte[8], 0, 8));
            assertEquals(StandInBench.NOWHERE, fault.address().orElseThrow());
            ProbeException otherAp = assertThrows(ProbeException.class,
                    () -> engine.readMemory(1, Nrf51822.RAM_BASE, AccessWidth.WORD, new byte[4], 0, 4));
            assertTrue(otherAp.getMessage().contains("AP 0 only"), otherAp.getMessage());
        }
    }

    @Test
    void aLabThatWentAwayListsNoProbesAndFailsTheOpenProbesCalls() {
        DebugProbe probe = open();
        probe.connect(WireProtocol.SWD);
        bench.lab.close();
        assertTrue(driver.probes().isEmpty(), "no ports without the lab");
        ArmMemoryEngine engine = probe.capability(ArmMemoryEngine.class).orElseThrow();
        ProbeException error = assertThrows(ProbeException.class,
                () -> engine.readMemory(0, Nrf51822.RAM_BASE, AccessWidth.WORD, new byte[4], 0, 4));
        assertTrue(error.getMessage().startsWith("PE Micro library: get_block of 4 bytes at 0x20000000 gave mem_result 4"),
                error.getMessage());
        probe.close();
    }

    @Test
    void stoppingTheDriverClosesTheOpenProbeAndLaterCallsFailCleanly() {
        DebugProbe probe = open();
        probe.connect(WireProtocol.SWD);
        driver.deactivate();
        assertFalse(bench.multilink.isOpen(), "the port was closed on deactivate");
        ArmMemoryEngine engine = probe.capability(ArmMemoryEngine.class).orElseThrow();
        ProbeException error = assertThrows(ProbeException.class,
                () -> engine.readMemory(0, Nrf51822.RAM_BASE, AccessWidth.WORD, new byte[4], 0, 4));
        assertTrue(error.getMessage().contains("was unloaded"), error.getMessage());
        probe.close();
    }
}
