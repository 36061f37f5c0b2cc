package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DriverInfo;
import io.probehost.api.host.ProbeListing;
import io.probehost.api.probe.ProbeDescription;

class ShellProbeSelectorTest {
    private static final ProbeDescription DAPLINK = probe("cmsisdap", "9900000037024e450024200f");
    private static final ProbeDescription LAB = probe("cmsisdap", "PHLAB0001");
    private static final ProbeDescription STLINK = probe("stlink", "0669FF3731324B4D43");
    private static final List<DriverInfo> DRIVERS = List.of(new DriverInfo("cmsisdap", "", 1, "", ""),
            new DriverInfo("stlink", "", 2, "", ""));

    private final Deque<List<ProbeDescription>> listings = new ArrayDeque<>();
    private List<ProbeDescription> connected = List.of();
    private int pauses;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private Optional<ShellProbeSelector.Terminal> callerTerminal = Optional.empty();

    private final ShellProbeSelector selector = new ShellProbeSelector(() -> new ProbeListing(
            listings.isEmpty() ? connected : listings.poll(), List.of()), () -> DRIVERS, name -> false, () -> pauses++,
            () -> new CallerConsole(callerTerminal, out));

    private static ProbeDescription probe(String driver, String uid) {
        return new ProbeDescription(driver, uid, "ARM", "Probe " + uid, "", "", "", "");
    }

    private ProbeDescription select(String uid, boolean noWait) {
        return selector.select(uid == null ? Optional.empty() : Optional.of(uid), noWait, Optional.empty(), out);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void singleProbeIsTakenWithoutAUid() {
        connected = List.of(LAB);
        assertEquals(LAB, select(null, true));
    }

    @Test
    void partialUidMatchesAnyPartIgnoringCase() {
        connected = List.of(DAPLINK, LAB, STLINK);
        assertEquals(LAB, select("phlab", true));
        assertEquals(DAPLINK, select("024E45", true));
        assertEquals(STLINK, select("4b4d", true));
    }

    @Test
    void exactUidWinsOverLongerIdsContainingIt() {
        ProbeDescription shortId = probe("cmsisdap", "ABC");
        ProbeDescription longId = probe("cmsisdap", "ABCDEF");
        connected = List.of(longId, shortId);
        assertEquals(shortId, select("abc", true));
    }

    @Test
    void driverPrefixRestrictsTheDriver() {
        ProbeDescription sameIdOtherDriver = probe("stlink", "9900FFFF");
        connected = List.of(DAPLINK, sameIdOtherDriver);
        assertEquals(DAPLINK, select("cmsisdap:9900", true));
        assertEquals(sameIdOtherDriver, select("STLINK:9900", true));
        connected = List.of(DAPLINK, LAB);
        assertEquals(LAB, select("cmsisdap:lab", true));
    }

    @Test
    void unknownDriverPrefixIsRefusedNamingTheInstalledDrivers() {
        connected = List.of(DAPLINK);
        ProbeException error = assertThrows(ProbeException.class, () -> select("jlink:9900", true));
        assertEquals("unknown debug probe driver 'jlink' in unique ID 'jlink:9900' (installed: cmsisdap, stlink)",
                error.getMessage());
    }

    @Test
    void severalProbesWithoutTerminalFailListingThem() {
        connected = List.of(DAPLINK, LAB);
        ProbeException error = assertThrows(ProbeException.class, () -> select(null, true));
        assertEquals("2 debug probes are connected; choose one with -u UID: 0 cmsisdap:9900000037024e450024200f "
                + "(ARM Probe 9900000037024e450024200f), 1 cmsisdap:PHLAB0001 (ARM Probe PHLAB0001)", error.getMessage());
    }

    @Test
    void ambiguousPartialUidFailsEvenOnATerminal() {
        connected = List.of(probe("cmsisdap", "PHLAB0001"), probe("cmsisdap", "PHLAB0002"));
        ProbeException error = assertThrows(ProbeException.class, () -> selector.select(Optional.of("phlab"), true,
                Optional.of(prompt -> "0"), out));
        assertEquals("more than one debug probe matches unique ID 'phlab': 0 cmsisdap:PHLAB0001 (ARM Probe PHLAB0001), "
                + "1 cmsisdap:PHLAB0002 (ARM Probe PHLAB0002)", error.getMessage());
    }

    @Test
    void severalProbesOnATerminalShowTheTableAndPromptUntilAValidNumber() {
        connected = List.of(DAPLINK, LAB);
        List<String> prompts = new ArrayList<>();
        Deque<String> answers = new ArrayDeque<>(List.of("7", "x", "1"));
        ProbeDescription chosen = selector.select(Optional.empty(), false, Optional.of(prompt -> {
            prompts.add(prompt);
            return answers.poll();
        }), out);
        assertEquals(LAB, chosen);
        assertEquals(3, prompts.size());
        assertEquals("Enter the number of the debug probe or 'q' to quit> ", prompts.get(0));
        assertTrue(printed().contains("  0   ARM Probe 9900000037024e450024200f"), printed());
        assertTrue(printed().contains("Invalid choice: 7\n  #   Probe/Board"), "the list is shown again: " + printed());
    }

    @Test
    void quitAtThePromptFailsWithoutChoosing() {
        connected = List.of(DAPLINK, LAB);
        ProbeException error = assertThrows(ProbeException.class,
                () -> selector.select(Optional.empty(), false, Optional.of(prompt -> "q"), out));
        assertEquals("no debug probe was chosen", error.getMessage());
    }

    @Test
    void noProbeWithNoWaitFailsAtOnce() {
        ProbeException error = assertThrows(ProbeException.class, () -> select(null, true));
        assertEquals("No connected debug probes", error.getMessage());
        assertEquals(0, pauses);
        assertEquals("", printed());
    }

    @Test
    void unmatchedUidWithNoWaitNamesTheConnectedProbes() {
        connected = List.of(LAB);
        ProbeException error = assertThrows(ProbeException.class, () -> select("9900", true));
        assertEquals("No connected debug probe matches unique ID '9900' (connected: 0 cmsisdap:PHLAB0001 (ARM Probe "
                + "PHLAB0001))",
                error.getMessage());
    }

    @Test
    void noProbeWaitsWithOneMessageUntilOneIsPluggedIn() {
        listings.add(List.of());
        listings.add(List.of());
        listings.add(List.of(LAB));
        assertEquals(LAB, select(null, false));
        assertEquals(2, pauses);
        assertEquals("Waiting for a debug probe to be connected...\n", printed());
    }

    @Test
    void waitingForAUidNamesIt() {
        listings.add(List.of(LAB));
        listings.add(List.of(LAB, DAPLINK));
        assertEquals(DAPLINK, select("9900", false));
        assertEquals("Waiting for a debug probe matching unique ID '9900' to be connected...\n", printed());
    }

    @Test
    void aUidWhoseDriverCannotListFailsAtOnceWithItsErrorInsteadOfWaiting() {
        ShellProbeSelector refused = new ShellProbeSelector(() -> new ProbeListing(List.of(DAPLINK),
                List.of(new ProbeListing.DriverError("stlink", "station lab:7450: wrong token"))),
                () -> DRIVERS, name -> false, () -> pauses++, () -> new CallerConsole(Optional.empty(), out));
        ProbeException error = assertThrows(ProbeException.class,
                () -> refused.select(Optional.of("stlink:0669"), false, Optional.empty(), out));
        assertTrue(error.getMessage().endsWith("(driver errors: stlink: station lab:7450: wrong token)"),
                error.getMessage());
        assertEquals(0, pauses, "no waiting");
        ProbeException withoutWaiting = assertThrows(ProbeException.class,
                () -> refused.select(Optional.of("stlink:0669"), true, Optional.empty(), out));
        assertTrue(withoutWaiting.getMessage().startsWith("No connected debug probe matches unique ID 'stlink:0669'"));
    }

    @Test
    void interruptedWaitFails() {
        ShellProbeSelector interrupted = new ShellProbeSelector(() -> new ProbeListing(List.of(), List.of()),
                () -> DRIVERS, name -> false, () -> {
                    throw new InterruptedException();
                }, () -> new CallerConsole(Optional.empty(), out));
        ProbeException error = assertThrows(ProbeException.class,
                () -> interrupted.select(Optional.empty(), false, Optional.empty(), out));
        assertEquals("interrupted while waiting for a debug probe", error.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept");
    }

    @Test
    void serviceTreatsNullAndBlankUidAsAnyProbe() {
        connected = List.of(LAB);
        assertEquals(LAB, selector.select(null, true));
        assertEquals(LAB, selector.select("  ", true));
        assertEquals(LAB, selector.select(" phlab ", true));
    }

    @Test
    void servicePromptsOnTheCallersTerminal() {
        connected = List.of(DAPLINK, LAB);
        List<String> prompts = new ArrayList<>();
        callerTerminal = Optional.of(prompt -> {
            prompts.add(prompt);
            return "0";
        });
        assertEquals(DAPLINK, selector.select(null, false));
        assertEquals(List.of(ShellProbeSelector.PROMPT), prompts);
        assertTrue(printed().contains("  1   ARM Probe PHLAB0001"), printed());
    }

    @Test
    void serviceWithoutATerminalFailsListingTheProbes() {
        connected = List.of(DAPLINK, LAB);
        ProbeException error = assertThrows(ProbeException.class, () -> selector.select(null, false));
        assertTrue(error.getMessage().startsWith("2 debug probes are connected; choose one with -u UID: "),
                error.getMessage());
        assertEquals(0, pauses);
    }

    @Test
    void serviceWaitsOnTheCallersConsoleUnlessToldNotTo() {
        listings.add(List.of());
        listings.add(List.of(LAB));
        assertEquals(LAB, selector.select("cmsisdap:", false));
        assertEquals("Waiting for a debug probe matching unique ID 'cmsisdap:' to be connected...\n", printed());
    }
}
