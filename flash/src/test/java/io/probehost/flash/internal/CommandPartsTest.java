package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DriverInfo;
import io.probehost.api.host.ProbeListing;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashPhase;

/** The pieces of the flash and pack commands that need no runtime: probe choice, -O parsing, numbers, the bar. */
class CommandPartsTest {
    private static ProbeDescription probe(String driver, String uid) {
        return new ProbeDescription(driver, uid, "ARM", "DAPLink CMSIS-DAP", "", "", "", "");
    }

    private static SessionOpener opener(ProbeDescription... probes) {
        ProbeRegistry registry = new ProbeRegistry() {
            @Override
            public List<DriverInfo> drivers() {
                return List.of();
            }

            @Override
            public java.util.Optional<ProbeDriver> driver(String name) {
                return java.util.Optional.empty();
            }

            @Override
            public ProbeListing probes() {
                return new ProbeListing(List.of(probes), List.of());
            }

            @Override
            public DebugProbe open(ProbeDescription probe, SessionOptions options) {
                throw new UnsupportedOperationException();
            }
        };
        return new SessionOpener(null, registry);
    }

    @Test
    void theOnlyProbeIsChosenWhenNoUidIsGiven() {
        assertEquals("9900A", opener(probe("cmsis-dap", "9900A")).select("").uniqueId());
    }

    @Test
    void partOfTheUidAndADriverPrefixChooseAmongSeveralProbes() {
        SessionOpener opener = opener(probe("cmsis-dap", "9900A"), probe("stlink", "PHLAB0001"));

        assertEquals("PHLAB0001", opener.select("lab").uniqueId());
        assertEquals("9900A", opener.select("cmsis-dap:99").uniqueId());
        assertEquals("2 probes match; choose one with -u: 9900A (ARM DAPLink CMSIS-DAP), "
                + "PHLAB0001 (ARM DAPLink CMSIS-DAP)", assertThrows(ProbeException.class, () -> opener.select(""))
                .getMessage());
        assertEquals("no probe's unique ID matches 'zz'; connected: 9900A (ARM DAPLink CMSIS-DAP), "
                + "PHLAB0001 (ARM DAPLink CMSIS-DAP)", assertThrows(ProbeException.class, () -> opener.select("zz"))
                .getMessage());
    }

    @Test
    void noProbeIsAnErrorWhenNoneIsConnected() {
        assertEquals("no debug probe is connected (probe:list shows them)",
                assertThrows(ProbeException.class, () -> opener().select("")).getMessage());
    }

    @Test
    void repeatedOptionFlagsAreCollectedWhenGogoPassesThemAsArguments() {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = SessionOpener.options("frequency=4000000",
                List.of("fw.elf", "-O", "flash.keep_unwritten=false"), positional);

        assertEquals(Map.of("frequency", "4000000", "flash.keep_unwritten", "false"), options);
        assertEquals(List.of("fw.elf"), positional);
    }

    @Test
    void numbersAndEraseModesAreParsedWhenTypedInEitherBase() {
        assertEquals(0x1_0000, FlashCommands.number("0x10000", "ADDR"));
        assertEquals(4096, FlashCommands.number("4096", "LEN"));
        assertEquals(EraseMode.CHIP, FlashCommands.parseErase("chip"));
        assertEquals("--erase page: expected chip, sector or auto",
                assertThrows(ProbeException.class, () -> FlashCommands.parseErase("page")).getMessage());
        assertEquals("ADDR 'x1' is not a number (decimal or 0x hex)",
                assertThrows(ProbeException.class, () -> FlashCommands.number("x1", "ADDR")).getMessage());
    }

    @Test
    void progressLineShowsPhaseBytesPercentAndRate() {
        assertEquals("program [###############               ]  50% 2,048/4,096 bytes 2.0 KB/s",
                ProgressPrinter.line(FlashPhase.PROGRAM, 2048, 4096, 1_000_000_000L));
    }
}
