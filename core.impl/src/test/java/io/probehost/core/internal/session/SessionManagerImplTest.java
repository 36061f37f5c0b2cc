package io.probehost.core.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeBusyException;
import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.ProbeException;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeClaim;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.core.internal.TestBus;

class SessionManagerImplTest {
    private static final ProbeDescription DAPLINK = new ProbeDescription("cmsisdap", "9900ABCD", "ARM",
            "DAPLink CMSIS-DAP", "", "", "nrf51822_xxaa", "lab:1");
    private static final ProbeDescription OTHER = new ProbeDescription("cmsisdap", "PHLAB0001", "Lab",
            "CMSIS-DAP", "", "", "", "lab:2");
    private static final TargetDescription NRF51 = new TargetDescription("nrf51822_xxaa", "Nordic", "nRF51",
            List.of(new CoreDescription("core0", "Cortex-M0", "armv6m", 0)), List.of(), List.of(), "");
    private static final TargetDescription NRF52 = new TargetDescription("nrf52840_xxaa", "Nordic", "nRF52",
            List.of(new CoreDescription("core0", "Cortex-M4", "armv7em", 0)), List.of(), List.of(), "");
    private static final TargetDescription RISCV = new TargetDescription("gd32vf103", "GigaDevice", "GD32V",
            List.of(new CoreDescription("hart0", "RV32IMAC", "riscv", 0)), List.of(), List.of(), "");

    private static final UsbDeviceInfo DAPLINK_DEVICE = new UsbDeviceInfo("lab", "1", 0x0d28, 0x0204, 0, "ARM",
            "DAPLink CMSIS-DAP", "9900ABCD", List.of());

    private final SessionFakes fakes = new SessionFakes();
    private final SessionManagerImpl manager = fakes.manager();

    private static SessionRequest request(ProbeDescription probe) {
        return new SessionRequest(probe, Map.of(), Optional.empty(), Optional.empty(), 0);
    }

    @Test
    void sameRequestGetsTheOpenSessionWithoutReopeningTheProbe() {
        DebugSession first = manager.connect(request(DAPLINK));
        DebugSession second = manager.connect(request(DAPLINK));
        assertSame(first, second);
        assertEquals(1, fakes.opened.size());
        assertEquals(Optional.of(first), manager.current());
    }

    @Test
    void sessionsOnTwoProbesStayOpenSideBySideAndTheLastIsCurrent() {
        DebugSession first = manager.connect(request(DAPLINK));
        DebugSession second = manager.connect(request(OTHER));
        assertNotSame(first, second);
        assertTrue(first.isOpen());
        assertTrue(second.isOpen());
        assertEquals(Optional.of(second), manager.current());
        assertEquals(Optional.of(first), manager.session(DAPLINK));
        assertEquals(2, manager.sessions().size());
        assertSame(first, manager.connect(request(DAPLINK)), "the first probe's session is reused, not reopened");
        assertEquals(2, fakes.opened.size());
    }

    @Test
    void disconnectClosesOnlyTheCurrentSession() {
        DebugSession first = manager.connect(request(DAPLINK));
        DebugSession second = manager.connect(request(OTHER));
        manager.disconnect();
        assertFalse(second.isOpen());
        assertTrue(first.isOpen());
        assertEquals(Optional.empty(), manager.current());
        assertEquals(List.of(first), manager.sessions());
    }

    @Test
    void claimOfABusyProbeFailsAtOnceNamingItsUser() {
        try (ProbeClaim held = manager.claim(DAPLINK, "flash:program", Duration.ZERO)) {
            ProbeBusyException busy = assertThrows(ProbeBusyException.class,
                    () -> manager.claim(DAPLINK, "mem:read32", Duration.ZERO));
            assertEquals("probe busy: 9900ABCD is used by flash:program", busy.getMessage());
            try (ProbeClaim other = manager.claim(OTHER, "mem:read32", Duration.ZERO)) {
                assertEquals("mem:read32", other.user(), "another probe is not busy");
            }
        }
        manager.claim(DAPLINK, "mem:read32", Duration.ZERO).close();
    }

    @Test
    void boundedWaitForABusyProbeEndsBusy() {
        try (ProbeClaim held = manager.claim(DAPLINK, "gdb:serve", Duration.ZERO)) {
            assertThrows(ProbeBusyException.class, () -> manager.claim(DAPLINK, "mem:read32", Duration.ofMillis(20)));
        }
    }

    @Test
    void waitingClaimGetsTheProbeOnceTheHolderGivesItBack() throws Exception {
        ProbeClaim held = manager.claim(DAPLINK, "flash:program", Duration.ZERO);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<String> got = new AtomicReference<>();
        Thread second = new Thread(() -> {
            waiting.countDown();
            try (ProbeClaim claim = manager.claim(DAPLINK, "mem:read32", null)) {
                got.set(claim.user());
            }
        });
        second.start();
        waiting.await();
        held.close();
        second.join();
        assertEquals("mem:read32", got.get());
    }

    @Test
    void interruptedWaitForABusyProbeFailsNamingItsUser() throws Exception {
        try (ProbeClaim held = manager.claim(DAPLINK, "rtt:attach", Duration.ZERO)) {
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread second = new Thread(() -> {
                try {
                    manager.claim(DAPLINK, "mem:read32", null).close();
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            second.start();
            second.interrupt();
            second.join();
            assertEquals("interrupted while waiting for probe 9900ABCD (used by rtt:attach)", failure.get().getMessage());
        }
    }

    @Test
    void unpluggingOneProbeLeavesTheOtherProbesSessionAloneAndRenewsOnlyItsOwn() {
        TestBus bus = new TestBus("lab");
        manager.addBus(bus);
        DebugSession daplink = manager.connect(request(DAPLINK));
        DebugSession other = manager.connect(request(OTHER));
        bus.unplug(DAPLINK_DEVICE);
        assertFalse(daplink.isOpen());
        assertTrue(other.isOpen());
        assertEquals(Optional.of(daplink), manager.session(DAPLINK), "not back yet: the lost session stays");

        fakes.listed.add(DAPLINK);
        DebugSession renewed = manager.session(DAPLINK).orElseThrow();
        assertNotSame(daplink, renewed);
        assertTrue(renewed.isOpen());
        assertEquals(0x12345678, renewed.target().memory().read32(0x20000000L));
        assertSame(other, manager.session(OTHER).orElseThrow());
    }

    @Test
    void otherCommandLineOptionsOpenANewSession() {
        manager.connect(request(DAPLINK));
        manager.connect(new SessionRequest(DAPLINK, Map.of("frequency", "4M"), Optional.empty(), Optional.empty(), 0));
        assertEquals(2, fakes.opened.size());
        assertEquals(4_000_000L, fakes.opened.get(1).clockHz);
    }

    @Test
    void clockComesFromTheFrequencyOptionWhenTheRequestHasNone() {
        manager.connect(request(DAPLINK));
        assertEquals(1_000_000L, fakes.opened.get(0).clockHz);
        manager.connect(new SessionRequest(OTHER, Map.of(), Optional.empty(), Optional.empty(), 250_000));
        assertEquals(250_000L, fakes.opened.get(1).clockHz);
    }

    @Test
    void protocolIsSwdUnlessAskedAndAnUnsupportedOneIsRefused() {
        manager.connect(request(DAPLINK));
        manager.connect(new SessionRequest(OTHER, Map.of(), Optional.empty(), Optional.of(WireProtocol.JTAG), 0));
        assertEquals(List.of(WireProtocol.SWD, WireProtocol.JTAG), fakes.connectedProtocols);

        fakes.protocols = Set.of(WireProtocol.SWD);
        ProbeException refused = assertThrows(ProbeException.class, () -> manager.connect(
                new SessionRequest(DAPLINK, Map.of(), Optional.empty(), Optional.of(WireProtocol.JTAG), 0)));
        assertTrue(refused.getMessage().contains("does not support JTAG (it supports swd)"), refused.getMessage());
        assertTrue(fakes.opened.get(2).closed, "the probe is released when the connection fails");
    }

    @Test
    void reportedTargetIsUsedWhenAPackKnowsItAndGenericOtherwise() {
        manager.connect(request(DAPLINK));
        fakes.known.add(NRF51);
        manager.disconnect();
        manager.connect(request(DAPLINK));
        assertEquals(List.of(Optional.empty(), Optional.of(NRF51)), fakes.connectedTargets);
    }

    @Test
    void aTargetTheProbeReportsOnlyOnceOpenedIsUsedWhenNoneWasAsked() {
        fakes.known.add(NRF51);
        fakes.openedAs = listed -> new ProbeDescription(listed.driver(), listed.uniqueId(), listed.vendorName(),
                listed.productName(), "", "", "nrf51822_xxaa", listed.location());
        manager.connect(request(OTHER));
        manager.disconnect();
        manager.connect(new SessionRequest(OTHER, Map.of(), Optional.of("cortex_m"), Optional.empty(), 0));
        assertEquals(List.of(Optional.of(NRF51), Optional.empty()), fakes.connectedTargets,
                "an asked target wins over the probe's");
    }

    @Test
    void unknownTargetNameFailsListingCloseNames() {
        fakes.known.addAll(List.of(NRF51, NRF52));
        ProbeException unknown = assertThrows(ProbeException.class, () -> manager.connect(
                new SessionRequest(DAPLINK, Map.of(), Optional.of("nrf51822"), Optional.empty(), 0)));
        assertEquals("unknown target 'nrf51822' (did you mean nrf51822_xxaa, nrf52840_xxaa? target:list shows "
                + "them all)", unknown.getMessage());
        assertTrue(fakes.opened.isEmpty(), "no probe is opened for an unknown target");
    }

    @Test
    void targetNoConnectorSupportsIsRefusedNamingTheArchitectures() {
        fakes.known.add(RISCV);
        ProbeException refused = assertThrows(ProbeException.class, () -> manager.connect(
                new SessionRequest(DAPLINK, Map.of(), Optional.of("GD32VF103"), Optional.empty(), 0)));
        assertEquals("cannot connect to target gd32vf103: none of the installed architectures (arm) supports it",
                refused.getMessage());
    }

    @Test
    void aRiscvTargetGoesToTheRiscvConnectorOverJtagAndAnArmTargetStaysOnSwd() {
        manager.addConnector(fakes.riscvConnector);
        fakes.known.addAll(List.of(RISCV, NRF51));
        manager.connect(new SessionRequest(DAPLINK, Map.of(), Optional.of("gd32vf103"), Optional.empty(), 0));
        manager.connect(new SessionRequest(DAPLINK, Map.of(), Optional.of("nrf51822_xxaa"), Optional.empty(), 0));
        manager.connect(request(OTHER));
        assertEquals(List.of("riscv", "arm", "arm"), fakes.connectedArchitectures, "an unknown target is Arm's");
        assertEquals(List.of(WireProtocol.JTAG, WireProtocol.SWD, WireProtocol.SWD), fakes.connectedProtocols);

        ProbeException swd = assertThrows(ProbeException.class, () -> manager.connect(new SessionRequest(DAPLINK,
                Map.of(), Optional.of("gd32vf103"), Optional.of(WireProtocol.SWD), 0)));
        assertEquals("riscv targets are not debugged over SWD (only jtag)", swd.getMessage());
        fakes.protocols = Set.of(WireProtocol.SWD);
        ProbeException swdOnly = assertThrows(ProbeException.class, () -> manager.connect(new SessionRequest(DAPLINK,
                Map.of(), Optional.of("gd32vf103"), Optional.empty(), 0)));
        assertTrue(swdOnly.getMessage().endsWith("cannot debug riscv targets: it supports swd, they need jtag"),
                swdOnly.getMessage());
    }

    @Test
    void vanishedProbeDetachesTheSessionAndTheNextConnectReopens() {
        DebugSession session = manager.connect(request(DAPLINK));
        fakes.unplugged = true;
        ProbeDisconnectedException gone = assertThrows(ProbeDisconnectedException.class,
                () -> session.target().memory().read32(0x20000000L));
        assertTrue(gone.getMessage().startsWith("probe 9900ABCD disconnected (USB device is gone)"), gone.getMessage());
        assertFalse(session.isOpen());
        assertTrue(fakes.opened.get(0).closed);
        assertEquals(Optional.of(session), manager.current(), "the lost session still names its probe");

        fakes.unplugged = false;
        DebugSession again = manager.connect(request(DAPLINK));
        assertEquals(0x12345678, again.target().memory().read32(0x20000000L));
        assertEquals(2, fakes.opened.size());
    }

    @Test
    void targetCapabilityPassesThroughTheSessionAndAVanishedProbeStillClosesIt() {
        DebugSession session = manager.connect(request(DAPLINK));
        FunctionCaller caller = session.target().capability(FunctionCaller.class).orElseThrow();
        FunctionCall call = FunctionCall.of("Init", 0x20000021L, 0x20000000L, 0, 0, 1);
        assertEquals(7, caller.call(call, Duration.ofSeconds(1)));

        fakes.unplugged = true;
        assertThrows(ProbeDisconnectedException.class, () -> caller.call(call, Duration.ofSeconds(1)));
        assertFalse(session.isOpen());
    }

    @Test
    void unpluggedProbeFailsTheNextCommandAtOnceWithoutTouchingTheProbe() {
        TestBus bus = new TestBus("lab");
        manager.addBus(bus);
        DebugSession session = manager.connect(request(DAPLINK));
        bus.unplug(DAPLINK_DEVICE);
        assertFalse(session.isOpen());

        ProbeDisconnectedException refused = assertThrows(ProbeDisconnectedException.class,
                () -> manager.current().orElseThrow().target().memory().read32(0x20000000L));
        assertTrue(refused.getMessage().startsWith("probe 9900ABCD disconnected"), refused.getMessage());
        assertEquals(0, fakes.targetCalls, "the dead handle is not used");
    }

    @Test
    void repluggedProbeGetsANewSessionOnTheFirstCommand() {
        TestBus bus = new TestBus("lab");
        manager.addBus(bus);
        DebugSession first = manager.connect(request(DAPLINK));
        bus.unplug(DAPLINK_DEVICE);
        fakes.listed.add(DAPLINK);

        DebugSession second = manager.current().orElseThrow();
        assertNotSame(first, second);
        assertEquals(0x12345678, second.target().memory().read32(0x20000000L));
        assertTrue(fakes.opened.get(0).closed, "the dead probe handle is released");
        assertEquals(2, fakes.opened.size());
    }

    @Test
    void anotherDeviceLeavingTheBusLeavesTheSessionAlone() {
        TestBus bus = new TestBus("lab");
        manager.addBus(bus);
        DebugSession session = manager.connect(request(DAPLINK));
        bus.unplug(new UsbDeviceInfo("lab", "2", 0xc251, 0xf002, 0, "", "", "PHLAB0001", List.of()));
        assertTrue(session.isOpen());
        assertEquals(Optional.of(session), manager.current());
    }

    @Test
    void busesAreNotWatchedBeforeTheFirstSession() {
        TestBus bus = new TestBus("lab");
        manager.addBus(bus);
        assertTrue(bus.listeners.isEmpty());
        manager.connect(request(DAPLINK));
        assertEquals(1, bus.listeners.size());
        manager.deactivate();
        assertTrue(bus.listeners.isEmpty());
    }

    @Test
    void deactivationClosesTheSession() {
        DebugSession session = manager.connect(request(DAPLINK));
        manager.deactivate();
        assertFalse(session.isOpen());
        assertTrue(fakes.opened.get(0).closed);
    }

    @Test
    void unknownCommandLineOptionIsAProbeErrorNamingIt() {
        ProbeException unknown = assertThrows(ProbeException.class, () -> manager.connect(
                new SessionRequest(DAPLINK, Map.of("no_such", "1"), Optional.empty(), Optional.empty(), 0)));
        assertTrue(unknown.getMessage().contains("no_such"));
    }
}
