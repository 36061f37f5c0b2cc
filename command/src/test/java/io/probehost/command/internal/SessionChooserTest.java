package io.probehost.command.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeBusyException;
import io.probehost.api.ProbeException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeClaim;
import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.target.TargetDescription;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSyntax;

/** The pieces of the flash and pack commands that need no runtime: session choice, -O parsing, numbers, the bar. */
class SessionChooserTest {
    private static final CommandSyntax PROGRAM = CommandSyntax.of("flash:program " + CommandSyntax.PROBE
            + " [-t TARGET] FILE");

    private static ProbeDescription probe(String driver, String uid) {
        return new ProbeDescription(driver, uid, "ARM", "DAPLink CMSIS-DAP", "", "", "", "");
    }

    /** Records what the commands ask of the shared selector and the session manager. */
    private final List<String> asked = new ArrayList<>();
    private final List<SessionRequest> connected = new ArrayList<>();
    private Optional<DebugSession> open = Optional.empty();

    private final ProbeSelector selector = (uid, noWait) -> {
        asked.add((uid == null ? "" : uid) + (noWait ? " -W" : ""));
        if ("nosuch".equals(uid)) {
            throw new ProbeException("No connected debug probe matches unique ID 'nosuch'");
        }
        return probe("cmsisdap", "PHLAB0001");
    };

    private final SessionManager sessions = new SessionManager() {
        @Override
        public DebugSession connect(SessionRequest request) {
            connected.add(request);
            return SessionChooserTest.session(request.probe());
        }

        @Override
        public Optional<DebugSession> current() {
            return open;
        }

        @Override
        public void disconnect() {
            open = Optional.empty();
        }

        @Override
        public Optional<DebugSession> session(ProbeDescription probe) {
            return open.filter(s -> s.probeDescription().equals(probe));
        }

        @Override
        public List<DebugSession> sessions() {
            return open.stream().toList();
        }

        @Override
        public ProbeClaim claim(ProbeDescription probe, String user, Duration wait) {
            waits.add(wait);
            String key = probe.driver() + ":" + probe.uniqueId();
            if (enforceClaims && claims.containsKey(key)) {
                throw new ProbeBusyException(probe.uniqueId(), claims.get(key));
            }
            claims.put(key, user);
            return new ProbeClaim() {
                @Override
                public ProbeDescription probe() {
                    return probe;
                }

                @Override
                public String user() {
                    return user;
                }

                @Override
                public void close() {
                    claims.remove(key);
                }
            };
        }
    };
    /** Whether a second claim of a probe fails (the older tests parse lines that never end). */
    private boolean enforceClaims;
    /** Probes claimed now, with their user; the waits asked for. */
    private final Map<String, String> claims = new HashMap<>();
    private final List<Duration> waits = new ArrayList<>();

    private final SessionChooser chooser = new SessionChooser(sessions, selector);

    private static CommandLine line(String... args) {
        return PROGRAM.parse(args);
    }

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
    void aCommandClaimsItsProbeUntilItEndsSoASecondCommandFindsItBusy() {
        enforceClaims = true;
        Object result = PROGRAM.run(new String[] {"-u", "lab", "fw.hex"}, line -> {
            chooser.session(line);
            chooser.session(line);
            ProbeBusyException busy = assertThrows(ProbeBusyException.class,
                    () -> chooser.session(CommandSyntax.of("mem:read32 " + CommandSyntax.PROBE + " ADDR")
                            .parse("-u", "lab", "0")));
            return busy.getMessage();
        });
        assertEquals("probe busy: PHLAB0001 is used by flash:program", result);
        assertEquals(Map.of(), claims, "the claim ends with the command");
        assertEquals(Arrays.asList(Duration.ZERO, Duration.ZERO), waits, "claimed once per command, not waiting");
    }

    @Test
    void aCommandRunOnAThreadARunningCommandStartedSharesItsProbe() {
        enforceClaims = true;
        CommandSyntax monitor = CommandSyntax.of("target:reset " + CommandSyntax.PROBE);
        Object result = CommandSyntax.of("gdb:serve " + CommandSyntax.PROBE).run(new String[] {"-u", "lab"}, line -> {
            chooser.session(line);
            Object[] inner = new Object[1];
            Thread server = new Thread(() -> inner[0] = monitor.run(new String[] {"-u", "lab"}, reset -> {
                chooser.session(reset);
                return "reset through the server's claim";
            }));
            server.start();
            try {
                server.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return inner[0];
        });
        assertEquals("reset through the server's claim", result);
        assertEquals(Map.of(), claims);
        assertEquals(List.of(Duration.ZERO), waits, "only the server claimed the probe");
    }

    @Test
    void waitAsksForAClaimThatWaitsUntilTheProbeIsFree() {
        PROGRAM.run(new String[] {"--wait", "fw.hex"}, line -> chooser.session(line));
        assertEquals(Arrays.asList((Duration) null), waits);
    }

    @Test
    void aFailedCommandGivesItsProbeBack() {
        enforceClaims = true;
        assertThrows(ProbeException.class, () -> PROGRAM.run(new String[] {"fw.hex"}, line -> {
            chooser.session(line);
            throw new ProbeException("flash algorithm failed");
        }));
        assertEquals(Map.of(), claims);
    }

    @Test
    void uidAndNoWaitAreHandedToTheSharedSelectorWhenNoSessionIsOpen() {
        DebugSession session = chooser.session(line("-W", "fw.hex"));
        chooser.session(line("-u", "lab", "-O", "frequency=1000000", "-t", "nrf51", "fw.hex"));

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

        assertSame(current, chooser.session(line("fw.hex")));
        assertTrue(asked.isEmpty() && connected.isEmpty(), "nothing asked: " + asked + connected);
    }

    @Test
    void optionsWithoutUidReopenTheOpenSessionsProbe() {
        open = Optional.of(session(probe("cmsisdap", "9900A")));

        DebugSession reopened = chooser.session(line("-O", "frequency=400000", "fw.hex"));

        assertEquals("9900A", reopened.probeDescription().uniqueId());
        assertTrue(asked.isEmpty(), "the selector is not asked: " + asked);
    }

    @Test
    void aUidGoesToTheSelectorEvenWithASessionOpenAndItsErrorIsKept() {
        open = Optional.of(session(probe("cmsisdap", "9900A")));

        assertEquals("PHLAB0001", chooser.session(line("-u", "phlab", "fw.hex")).probeDescription()
                .uniqueId());
        assertEquals("No connected debug probe matches unique ID 'nosuch'", assertThrows(ProbeException.class,
                () -> chooser.session(line("-u", "nosuch", "-W", "fw.hex"))).getMessage());
        assertEquals(List.of("phlab", "nosuch -W"), asked);
    }

    @Test
    void aUidNamingTheProbeOfAnOpenSessionReusesItInsteadOfReopeningWithoutItsTarget() {
        DebugSession connected = session(probe("cmsisdap", "PHLAB0001"));
        open = Optional.of(connected);

        assertSame(connected, chooser.session(line("-u", "phlab", "-W", "fw.hex")));
        assertSame(connected, chooser.session(CommandSyntax.of("mem:read32 " + CommandSyntax.PROBE + " ADDR")
                .parse("-u", "phlab", "0")));
        assertEquals(List.of(), this.connected, "the probe is not reopened");
        assertEquals(List.of("phlab -W", "phlab"), asked);
    }

    @Test
    void aUidWithAnotherTargetOrWithOptionsReopensTheProbeAsAsked() {
        open = Optional.of(session(probe("cmsisdap", "PHLAB0001")));

        chooser.session(line("-u", "phlab", "-t", "stm32f103rb", "fw.hex"));
        chooser.session(line("-u", "phlab", "-O", "frequency=400000", "fw.hex"));

        assertEquals(Optional.of("stm32f103rb"), connected.get(0).targetName());
        assertEquals(Map.of("frequency", "400000"), connected.get(1).options());
    }
}
