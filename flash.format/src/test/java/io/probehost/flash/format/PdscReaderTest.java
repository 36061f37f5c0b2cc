package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class PdscReaderTest {

    static byte[] samplePdsc() {
        try (InputStream in = PdscReaderTest.class.getResourceAsStream("/pdsc/Probehost.Test_DFP.pdsc")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PdscPack sample() {
        return PdscReader.read("Probehost.Test_DFP.pdsc", samplePdsc());
    }

    private static String error(String xml) {
        return assertThrows(ImageFormatException.class,
                () -> PdscReader.read("bad.pdsc", xml.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    private static String pack(String devices) {
        return "<package><vendor>V</vendor><name>N</name><devices>" + devices + "</devices></package>";
    }

    @Test
    void listsDevicesAndVariantsWhenReadingTheSamplePack() {
        PdscPack pack = sample();

        assertEquals(List.of("Probehost", "Test_DFP", "2.1.0"), List.of(pack.vendor(), pack.name(), pack.version()));
        assertEquals(List.of("PH32F103C8", "PH32F103RCT6", "PH32F103RCT7", "PH32F100", "PH32H745"),
                pack.devices().stream().map(PdscDevice::name).toList());
    }

    @Test
    void inheritsProcessorMemoryAndAlgorithmWhenDeviceSitsUnderASubFamily() {
        PdscDevice device = sample().device("ph32f103c8").orElseThrow();

        assertEquals("Probehost", device.vendor());
        assertEquals("PH32F1 Series", device.family());
        assertEquals("PH32F103", device.subFamily());
        assertEquals(List.of(new PdscProcessor("", "Cortex-M3", "NO_FPU", "NO_MPU", "Little-endian", OptionalLong.of(72_000_000))),
                device.processors());
        assertEquals(List.of(new PdscMemory("IRAM1", "rw", 0x2000_0000L, 0x5000, false, true, ""),
                new PdscMemory("IROM1", "rx", 0x0800_0000L, 0x10000, true, true, "")), device.memories());
        assertEquals(List.of(new PdscAlgorithm("CMSIS/Flash/PH32F10x_64.FLM", 0x0800_0000L, 0x10000, OptionalLong.empty(),
                OptionalLong.empty(), true, "Keil", "")), device.algorithms());
    }

    @Test
    void overridesParentPropertiesWhenDeviceAndVariantRedefineThem() {
        PdscDevice variant = sample().device("PH32F103RCT7").orElseThrow();

        assertEquals(List.of(new PdscMemory("IRAM1", "rw", 0x2000_0000L, 0xC000, false, true, ""),
                new PdscMemory("IROM1", "rx", 0x0800_0000L, 0x40000, true, true, ""),
                new PdscMemory("OPT", "r", 0x1FFF_F800L, 0x10, false, false, "")), variant.memories());
        assertEquals(List.of(
                new PdscAlgorithm("CMSIS/Flash/PH32F10x_64.FLM", 0x0800_0000L, 0x10000, OptionalLong.empty(), OptionalLong.empty(),
                        false, "Keil", ""),
                new PdscAlgorithm("CMSIS/Flash/PH32F10x_256.FLM", 0x0800_0000L, 0x40000, OptionalLong.of(0x2000_0000L),
                        OptionalLong.of(0x2000), true, "Keil", "")), variant.algorithms());
        assertEquals(2, sample().device("PH32F103RCT6").orElseThrow().memories().size());
    }

    @Test
    void listsOneProcessorPerCoreWhenDeviceIsMultiCore() {
        PdscDevice device = sample().device("PH32H745").orElseThrow();

        assertEquals(List.of(new PdscProcessor("CM7", "Cortex-M7", "DP_FPU", "", "Little-endian", OptionalLong.of(480_000_000)),
                new PdscProcessor("CM4", "Cortex-M4", "SP_FPU", "", "Little-endian", OptionalLong.of(240_000_000))),
                device.processors());
        assertEquals("CM7", device.memories().get(0).pname());
        assertTrue(device.memories().get(1).writable() && device.memories().get(1).executable());
    }

    @Test
    void refusesDoctypeWhenFileDeclaresAnExternalEntity() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE package [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<package><vendor>&x;</vendor></package>";

        String message = error(xml);
        assertTrue(message.startsWith("bad.pdsc: not valid XML at line 2, column "), message);
        assertTrue(message.contains("DOCTYPE"), message);
    }

    @Test
    void reportsLineWhenXmlIsMalformed() {
        String message = error("<package>\n<vendor>V</vendor>\n<name>N</nam>\n</package>");

        assertTrue(message.startsWith("bad.pdsc: not valid XML at line 3, column "), message);
    }

    @Test
    void namesDeviceAndAttributeWhenANumberIsMalformed() {
        String xml = pack("<family Dfamily=\"F\" Dvendor=\"V:1\"><processor Dcore=\"Cortex-M0\"/>"
                + "<device Dname=\"D1\"><memory id=\"IROM1\" start=\"0x0800000G\" size=\"0x1000\"/></device></family>");

        assertEquals("bad.pdsc: family 'F' device 'D1': memory 'IROM1': attribute start='0x0800000G' is not a number", error(xml));
    }

    @Test
    void namesTheDeviceWhenItHasNoProcessor() {
        assertEquals("bad.pdsc: family 'F' device 'D1': no <processor> with a Dcore attribute",
                error(pack("<family Dfamily=\"F\" Dvendor=\"V:1\"><device Dname=\"D1\"/></family>")));
    }

    @Test
    void rejectsFileWhenRootIsNotPackage() {
        assertEquals("bad.pdsc: root element is <pack>, expected <package>", error("<pack/>"));
    }
}
