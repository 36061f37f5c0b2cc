package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashPhase;

/** The pieces of the flash and pack commands that need no runtime: session choice, -O parsing, numbers, the bar. */
class CommandPartsTest {
    private static ProbeDescription probe(String driver, String uid) {
        return new ProbeDescription(driver, uid, "ARM", "DAPLink CMSIS-DAP", "", "", "", "");
    }

    /** Records what the flash commands ask of the shared selector and the session manager. */
    private final List<String> asked = new ArrayList<>();
    private final List<SessionRequest> connected = new ArrayList<>();
    private Optional<DebugSession> open = Optional.empty();

    private final ProbeSelector selector = (uid, noWait) -> {
        asked.add(uid + (noWait ? " -W" : ""));
        if (uid.equals("nosuch")) {
            throw new ProbeException("No connected debug probe matches unique ID 'nosuch'");
        }
        return probe("cmsisdap", "PHLAB0001");
    };

    private final SessionManager sessions = new SessionManager() {
        @Override
        public DebugSession connect(SessionRequest request) {
            connected.add(request);
            return session(request.probe());
        }

        @Override
        public Optional<DebugSession> current() {
            return open;
        }

        @Override
        public void disconnect() {
            open = Optional.empty();
        }
    };

    private final SessionOpener opener = new SessionOpener(sessions, selector);

    private static DebugSession session(ProbeDescription probe) {
        return new DebugSession() {
            @Override
            public ProbeDescription probeDescription() {
                return probe;
            }

            @Override
            public DebugProbe probe() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<TargetDescription> targetDescription() {
                return Optional.empty();
            }

            @Override
            public SessionOptions options() {
                throw new UnsupportedOperationException();
            }

            @Override
            public DebugTarget target() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    @Test
    void uidAndNoWaitAreHandedToTheSharedSelectorWhenNoSessionIsOpen() {
        DebugSession session = opener.open("", true, Map.of(), Optional.empty());
        opener.open("lab", false, Map.of("frequency", "1000000"), Optional.of("nrf51"));

        assertEquals(List.of(" -W", "lab"), asked);
        assertEquals("PHLAB0001", session.probeDescription().uniqueId());
        SessionRequest second = connected.get(1);
        assertEquals(Map.of("frequency", "1000000"), second.options());
        assertEquals(Optional.of("nrf51"), second.targetName());
    }

    @Test
    void theOpenSessionIsUsedWithoutAskingWhenTheCommandSelectsNothing() {
        DebugSession current = session(probe("cmsisdap", "9900A"));
        open = Optional.of(current);

        assertSame(current, opener.open("", false, Map.of(), Optional.empty()));
        assertTrue(asked.isEmpty() && connected.isEmpty(), "nothing asked: " + asked + connected);
    }

    @Test
    void optionsWithoutUidReopenTheOpenSessionsProbe() {
        open = Optional.of(session(probe("cmsisdap", "9900A")));

        DebugSession reopened = opener.open("", false, Map.of("frequency", "400000"), Optional.empty());

        assertEquals("9900A", reopened.probeDescription().uniqueId());
        assertTrue(asked.isEmpty(), "the selector is not asked: " + asked);
    }

    @Test
    void aUidGoesToTheSelectorEvenWithASessionOpenAndItsErrorIsKept() {
        open = Optional.of(session(probe("cmsisdap", "9900A")));

        assertEquals("PHLAB0001", opener.open("phlab", false, Map.of(), Optional.empty()).probeDescription()
                .uniqueId());
        assertEquals("No connected debug probe matches unique ID 'nosuch'", assertThrows(ProbeException.class,
                () -> opener.open("nosuch", true, Map.of(), Optional.empty())).getMessage());
        assertEquals(List.of("phlab", "nosuch -W"), asked);
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
