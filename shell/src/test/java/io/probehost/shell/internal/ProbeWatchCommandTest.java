package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.host.ProbeEvent;
import io.probehost.api.host.ProbeListener;
import io.probehost.api.host.ProbeMonitor;
import io.probehost.api.probe.ProbeDescription;

class ProbeWatchCommandTest {
    private static final ProbeDescription DAPLINK = new ProbeDescription("cmsisdap", "9900ABCD", "ARM",
            "DAPLink CMSIS-DAP", "", "", "nrf51822_xxaa", "lab:1-1");
    private static final ProbeDescription JLINK = new ProbeDescription("jlink", "000261012345", "SEGGER",
            "J-Link V11", "", "", "", "lab:1-2");

    @Test
    void arrivalsAndDeparturesArePrintedOneLineEachUntilTheTimeIsUp() {
        ProbeMonitor monitor = new ProbeMonitor() {
            @Override
            public List<ProbeDescription> present() {
                return List.of(DAPLINK);
            }

            @Override
            public Watch watch(ProbeListener listener) {
                listener.probeChanged(new ProbeEvent(ProbeEvent.Kind.DEPARTED, DAPLINK));
                listener.probeChanged(new ProbeEvent(ProbeEvent.Kind.ARRIVED, DAPLINK));
                listener.probeChanged(new ProbeEvent(ProbeEvent.Kind.ARRIVED, JLINK));
                return () -> { };
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String summary = new ProbeWatchCommand(monitor).watch(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1);
        assertEquals("Watching 1 connected probes for arrivals and departures for 1 s\n"
                + "- 9900ABCD\n"
                + "+ 9900ABCD ARM DAPLink CMSIS-DAP nrf51822_xxaa\n"
                + "+ 000261012345 SEGGER J-Link V11 n/a\n", bytes.toString(StandardCharsets.UTF_8));
        assertEquals("2 arrivals, 1 departure", summary);
    }
}
