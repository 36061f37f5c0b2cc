package io.probehost.driver.pemicro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The DS and metatype descriptions bnd generates from the annotations: what SCR will actually do. */
class ComponentDescriptionTest {
    private static final String COMPONENT = "OSGI-INF/io.probehost.driver.pemicro.internal.PeMicroDriver.xml";
    private static final String METATYPE = "OSGI-INF/metatype/io.probehost.driver.pemicro.internal.PeMicroDriver$Config.xml";

    private static String resource(String path) throws IOException {
        try (InputStream in = PeMicroDriver.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "bnd generated no " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void providesDriverAndOptionsNamedPemicroAndUnloadsOnDeactivate() throws IOException {
        String xml = resource(COMPONENT);
        assertTrue(xml.contains("<provide interface=\"io.probehost.api.probe.ProbeDriver\"/>"), xml);
        assertTrue(xml.contains("<provide interface=\"io.probehost.api.option.OptionProvider\"/>"), xml);
        assertTrue(xml.contains("<property name=\"probehost.driver\" type=\"String\" value=\"pemicro\"/>"), xml);
        assertTrue(xml.contains("deactivate=\"deactivate\""), "closes the port and unloads the library: " + xml);
        assertTrue(xml.contains("init=\"1\""), "activated through the constructor taking the configuration: " + xml);
        assertTrue(xml.contains("configuration-pid=\"io.probehost.driver.pemicro\""), xml);
    }

    @Test
    void theLibraryPathIsConfigurableUnderTheDriversPid() throws IOException {
        String xml = resource(METATYPE);
        assertTrue(xml.contains("<AD id=\"library.path\" type=\"String\""), xml);
        assertTrue(xml.contains("<Designate pid=\"io.probehost.driver.pemicro\">"), xml);
    }

    @Test
    void declaresItsSessionOptions() {
        PeMicroDriver driver = new PeMicroDriver(LibraryLocation.find(""));
        assertEquals("pemicro", driver.name());
        assertEquals("pemicro.device,pemicro.power_target", driver.options().stream().map(o -> o.name()).sorted()
                .collect(Collectors.joining(",")));
        driver.deactivate();
    }
}
