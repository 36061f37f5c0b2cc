package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

import io.probehost.api.host.ProbeClaim;
import io.probehost.api.host.ProbeEvent;
import io.probehost.api.host.ProbeMonitor;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.SessionManager;
import io.probehost.api.probe.ProbeDescription;

/**
 * Many probes in one runtime, on the shipped sim bundle set: probes arriving and departing as the
 * lab plugs and unplugs them, one user per probe ("probe busy", or waiting with --wait) while other
 * probes stay free, and a session renewed when its probe comes back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ManyProbesLabIT extends LabSessionIT {
    private static final String DAPLINK = "9900000037024e450024200f00000071000000009796990b";

    @Inject
    ProbeMonitor monitor;

    @Inject
    SessionManager sessions;

    @Inject
    ProbeRegistry registry;

    @Override
    protected String stateFolder() {
        return "probehost-many-probes-state";
    }

    @Test
    public void unpluggingAndPluggingALabProbeIsADepartureThenAnArrival() throws Exception {
        BlockingQueue<ProbeEvent> events = new LinkedBlockingQueue<>();
        try (ProbeMonitor.Watch watch = monitor.watch(events::add)) {
            assertTrue(monitor.present().stream().anyMatch(p -> p.uniqueId().equals(DAPLINK)));
            shell.run("lab:fault unplug 9900");
            ProbeEvent departed = events.poll(30, TimeUnit.SECONDS);
            assertEquals(ProbeEvent.Kind.DEPARTED, departed.kind());
            assertEquals(DAPLINK, departed.probe().uniqueId());
            assertTrue(shell.run("probe:list"), !shell.run("probe:list").contains(DAPLINK));

            shell.run("lab:fault plug 9900");
            ProbeEvent arrived = events.poll(30, TimeUnit.SECONDS);
            assertEquals(ProbeEvent.Kind.ARRIVED, arrived.kind());
            assertEquals("nrf51822_xxaa", arrived.probe().targetType());
            assertTrue(shell.run("probe:list").contains(DAPLINK));
        }
    }

    @Test
    public void probeWatchPrintsTheUnplugAndThePlugAsTheyHappen() throws Exception {
        AtomicReference<String> printed = new AtomicReference<>("");
        Thread watching = new Thread(() -> {
            try {
                printed.set(new Shell(processor).run("probe:watch --for 6"));
            } catch (Exception e) {
                printed.set(e.toString());
            }
        });
        watching.start();
        while (watching.isAlive()) {
            shell.run("lab:fault unplug PHLAB0001");
            shell.run("lab:fault plug PHLAB0001");
            watching.join(500);
        }
        String out = printed.get();
        assertTrue(out, out.matches("(?s)Watching \\d+ connected probes for arrivals and departures for 6 s\n.*"));
        assertTrue(out, out.contains("\n- PHLAB0001\n"));
        assertTrue(out, out.contains("\n+ PHLAB0001 Probehost Lab Lab CMSIS-DAP nrf51822_xxaa\n"));
    }

    @Test
    public void aBusyProbeIsRefusedAtOnceWhileAnotherProbeWorksAndWaitGetsItWhenFree() throws Exception {
        ProbeDescription daplink = registry.probes().probes().stream()
                .filter(p -> p.uniqueId().equals(DAPLINK)).findFirst().orElseThrow();
        ProbeClaim held = sessions.claim(daplink, "flash:program", Duration.ZERO);
        try {
            String busy = shell.fail("mem:read32 -u 9900 0x20000000");
            assertEquals("probe busy: " + DAPLINK + " is used by flash:program", busy.trim());
            assertTrue(shell.run("mem:read32 -u PHLAB0001 0x20000000").startsWith("20000000:"));
        } finally {
            held.close();
        }
        held = sessions.claim(daplink, "gdb:serve", Duration.ZERO);
        AtomicReference<String> waited = new AtomicReference<>("");
        Thread waiting = new Thread(() -> {
            try {
                waited.set(new Shell(processor).run("mem:read32 -u 9900 --wait 0x20000000"));
            } catch (Exception e) {
                waited.set(e.toString());
            }
        });
        waiting.start();
        waiting.join(500);
        assertTrue("--wait waits while the probe is held", waiting.isAlive());
        held.close();
        waiting.join();
        assertTrue(waited.get(), waited.get().startsWith("20000000:"));
    }

    @Test
    public void sessionsOnTwoProbesStayOpenAndAReplugRenewsOnlyTheUnpluggedOnesOnNextUse() throws Exception {
        shell.run("target:connect -u PHLAB0001");
        shell.run("target:connect -u 9900");
        shell.run("mem:write32 0x20000100 0x12345678");
        assertEquals(2, sessions.sessions().size());

        shell.run("lab:fault unplug 9900");
        assertTrue(shell.fail("mem:read32 0x20000100").contains("disconnected"));
        assertTrue(shell.run("mem:read32 -u PHLAB0001 0x20000000").startsWith("20000000:"));
        shell.run("lab:fault plug 9900");
        assertEquals("20000100:  12345678", shell.run("mem:read32 -u 9900 0x20000100").trim());
        assertEquals(2, sessions.sessions().size());
        shell.run("target:disconnect");
    }
}
