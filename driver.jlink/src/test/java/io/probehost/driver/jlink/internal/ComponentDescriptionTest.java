package io.probehost.driver.jlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The DS description bnd generates from the annotations: what SCR will actually do. */
class ComponentDescriptionTest {
    private static final String DESCRIPTION = "OSGI-INF/io.probehost.driver.jlink.internal.JlinkDriver.xml";

    private static String description() throws IOException {
        try (InputStream in = JlinkDriver.class.getClassLoader().getResourceAsStream(DESCRIPTION)) {
            assertNotNull(in, "bnd generated no component description");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void providesDriverAndOptionsWithTheDriverNameAndBindsEveryUsbBusDynamically() throws IOException {
        String xml = description();
        assertTrue(xml.contains("<provide interface=\"io.probehost.api.probe.ProbeDriver\"/>"), xml);
        assertTrue(xml.contains("<provide interface=\"io.probehost.api.option.OptionProvider\"/>"), xml);
        assertTrue(xml.contains("<property name=\"probehost.driver\" type=\"String\" value=\"jlink\"/>"), xml);
        assertTrue(xml.contains("interface=\"io.probehost.api.usb.UsbBus\""), xml);
        assertTrue(xml.contains("cardinality=\"0..n\"") && xml.contains("policy=\"dynamic\""), xml);
        assertTrue(xml.contains("bind=\"addBus\"") && xml.contains("unbind=\"removeBus\""), xml);
    }

    @Test
    void declaresThePyocdNamedOptions() {
        JlinkDriver driver = new JlinkDriver();
        assertEquals("jlink", driver.name());
        assertEquals(java.util.List.of("jlink.device", "jlink.power", "jlink.non_interactive"),
                driver.options().stream().map(o -> o.name()).toList());
        assertTrue(driver.probes().isEmpty(), "no bus bound yet");
    }
}
