package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeException;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.mcu.stm32f1.Stm32f103;
import io.probehost.sim.probe.pemicro.PeMicroLab;
import io.probehost.sim.probe.pemicro.PeMultilink;
import io.probehost.sim.probe.stlink.StlinkConfig;
import io.probehost.sim.probe.stlink.StlinkModel;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

class LabTest {

    @Test
    void defaultLabBuildsEachPartAndPlugsEachProbeKindIntoTheBus() {
        try (Lab lab = new Lab(LabConfig.readDefault(), null)) {
            assertInstanceOf(Nrf51822.class, lab.target("microbit").arm("a test").mcu());
            assertInstanceOf(Stm32f103.class, lab.target("nucleo-f103rb").arm("a test").mcu());
            assertInstanceOf(Nrf51822.class, lab.target("nrf51-jlink").arm("a test").mcu());
            assertInstanceOf(Nrf51822.class, lab.target("nrf51-picoprobe").arm("a test").mcu());
            assertInstanceOf(Gd32vf103.class, ((LabChip.Riscv) lab.target("longan-nano").chip()).mcu());
            assertEquals(List.of("daplink", "cmsis-dap", "stlink-v2-1", "stlink-v3", "stlink-v2", "jlink", "picoprobe",
                    "pemicro", "cmsis-dap"), lab.probes().stream().map(Lab.Probe::kind).toList());
            List<UsbDeviceInfo> devices = lab.bus().devices();
            assertEquals(8, devices.size());
            assertEquals(List.of(0x374B, 0x374F, 0x3748, 0x1015, 0x0004), devices.subList(2, 7).stream()
                    .map(UsbDeviceInfo::productId).toList(), "V2-1, V3, V2, J-Link V11 and Picoprobe product IDs");
            assertEquals("000261012345", devices.get(5).serialNumber());
            assertEquals("PHRV0001", devices.get(7).serialNumber());
            Lab.Probe multilink = lab.probe("PEM").orElseThrow();
            assertTrue(multilink.emulator().usbDevice().isEmpty(), "the Multilink is reached through the library");
            assertEquals(List.of("PEM0A1B2C"), lab.peMicro().orElseThrow().multilinks().stream()
                    .map(PeMultilink::serial).toList());
            assertEquals("library", multilink.emulator().attachment());
            Lab.Probe nucleo = lab.probe("0670").orElseThrow();
            assertEquals("nucleo-f103rb", nucleo.target().name());
            assertTrue(nucleo.emulator().faults().isEmpty(), "the ST-Link emulator injects no answer faults");
            assertTrue(lab.probe("9900").orElseThrow().emulator().faults().isPresent());
        }
    }

    @Test
    void gd32vf103TargetSpeaksJtagThroughItsDtmAndKeepsItsFlashInTheStateFolder(@TempDir Path state) {
        LabConfig config = new LabConfig(List.of(new LabConfig.Target("nano", "gd32vf103cb")), List.of(), null);
        byte[] image = {0x6F, 0x00, 0x00, 0x00};
        try (Lab lab = new Lab(config, state)) {
            LabChip chip = lab.target("nano").chip();
            assertInstanceOf(RiscvJtagDtm.class, chip.pins());
            assertEquals(WireMode.JTAG, chip.wireMode());
            ((LabChip.Riscv) chip).mcu().loadFlash(Gd32vf103.FLASH_BASE, image);
        }
        try (Lab lab = new Lab(config, state)) {
            Gd32vf103 mcu = ((LabChip.Riscv) lab.target("nano").chip()).mcu();
            assertArrayEquals(image, mcu.readFlash(Gd32vf103.FLASH_BASE, 4), "flash kept from the last run");
            lab.resetState();
            assertArrayEquals(new byte[] {-1, -1, -1, -1}, mcu.readFlash(Gd32vf103.FLASH_BASE, 4));
        }
    }

    @Test
    void armOnlyFaultsAndAnStlinkOnARiscvTargetFailWithOneLine() {
        LabConfig config = new LabConfig(List.of(new LabConfig.Target("nano", "gd32vf103cb")), List.of(), null);
        try (Lab lab = new Lab(config, null)) {
            assertEquals("lab target nano is a RISC-V chip behind a JTAG DTM: wait-storm needs an Arm debug port",
                    assertThrows(ProbeException.class, () -> lab.target("nano").arm("wait-storm")).getMessage());
        }
        LabConfig stlink = new LabConfig(List.of(new LabConfig.Target("nano", "gd32vf103cb")),
                List.of(new LabConfig.Probe("stlink-v3", "S", "nano", null, null, null, null, null, null)), null);
        assertEquals("lab target nano is a RISC-V chip behind a JTAG DTM: an ST-Link in front of it needs an Arm"
                + " debug port", assertThrows(ProbeException.class, () -> new Lab(stlink, null)).getMessage());
    }

    @Test
    void stlinkEntriesSetFirmwareBoardIdAndTheRoundTripOfTheirBusSpeed() {
        LabConfig.Link link = new LabConfig.Link(800, 100);
        StlinkConfig old = StlinkLabProbe.configure(StlinkConfig.v2("S", 37),
                probe("stlink-v2", "V2J23S4", null), link);
        assertEquals(23, old.jtagVersion());
        assertEquals(4, old.swimOrMsc());
        assertEquals(800_000, old.timing().roundTripNanos(), "full speed: the lab's 1 ms-frame round trip");

        StlinkConfig v3 = StlinkLabProbe.configure(StlinkConfig.stlinkV3("S"), probe("stlink-v3", null, null), link);
        assertEquals(StlinkModel.V3, v3.model());
        assertEquals(100_000, v3.timing().roundTripNanos(), "high speed: the lab's microframe round trip");
        assertEquals("V3J7M3B2", StlinkLabProbe.firmwareOf(v3));

        StlinkConfig nucleo = StlinkLabProbe.configure(StlinkConfig.nucleoF103rb("S"),
                probe("stlink-v2-1", null, "0720"), link);
        assertEquals("0720", nucleo.boardId());

        assertEquals("probe S has firmware 'V3J7M3'; a stlink-v2 has firmware like V2J37S7",
                assertThrows(ProbeException.class, () -> StlinkLabProbe.configure(StlinkConfig.v2("S", 37),
                        probe("stlink-v2", "V3J7M3", null), link)).getMessage());
    }

    @Test
    void stlinkFloorIsAStatusRoundTripBesideEachCommandOfAtMost6144Bytes() {
        assertEquals(2 * 11, StlinkLabProbe.minimumRoundTrips());
    }

    @Test
    void jlinkFloorIsTheSwdTransfersOfFortySixClocksThatFitInOneHwJtag3RequestOfTheFreeMemory() {
        // V11: 16 KiB free, (16384 - 4) / 2 * 8 = 65520 bits a request, 1424 transfers, 16384 words
        assertEquals(12, JlinkLabProbe.minimumRoundTrips(0x4000));
        // EDU V9: 8 KiB free, 32752 bits, 712 transfers
        assertEquals(24, JlinkLabProbe.minimumRoundTrips(0x2000));
        // a buffer larger than the 16-bit bit count allows: 65535 bits, 1424 transfers
        assertEquals(12, JlinkLabProbe.minimumRoundTrips(0x10000));
    }

    @Test
    void jlinkSerialOfTheLabFileMustBeDecimal() {
        assertEquals("000261012345", JlinkLabProbe.v11("261012345").serialNumber());
        assertTrue(assertThrows(ProbeException.class, () -> JlinkLabProbe.v11("J12345")).getMessage()
                .startsWith("probe J12345: a jlink's serial is its decimal serial number"));
    }

    @Test
    void picoprobeFloorIsTheSwdTransfersThatFitInOne8KiBPacket() {
        // writes: 18 bytes a word, 8188 / 18 = 454 words a packet; reads: 13 bytes out a word, 629 words
        assertEquals(37, PicoprobeLabProbe.minimumWritePackets());
        assertEquals(27, PicoprobeLabProbe.minimumReadPackets());
    }

    @Test
    void theStandInIsCopiedBesideTheServersAddressAndReplacedOnlyWhenItChanged(@TempDir Path folder) throws Exception {
        Path shipped = Files.write(folder.resolve("shipped.so"), new byte[] {1, 2, 3});
        try (PeMicroLab server = PeMicroLab.start()) {
            Path library = PeMicroStandIn.install(shipped, folder.resolve("state/pemicro"), server);
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(library.resolve("unitacmp-64.so")));
            assertEquals(server.address() + "\n", Files.readString(library.resolve(PeMicroLab.ADDRESS_FILE)));
            Object firstCopy = Files.readAttributes(library.resolve("unitacmp-64.so"), BasicFileAttributes.class)
                    .fileKey();
            PeMicroStandIn.install(shipped, library, server);
            assertEquals(firstCopy, Files.readAttributes(library.resolve("unitacmp-64.so"), BasicFileAttributes.class)
                    .fileKey(), "an unchanged stand-in is left as it is");
            Files.write(shipped, new byte[] {4});
            PeMicroStandIn.install(shipped, library, server);
            assertArrayEquals(new byte[] {4}, Files.readAllBytes(library.resolve("unitacmp-64.so")));
        }
        assertTrue(PeMicroStandIn.shipped(name -> name.equals("probehost.home") ? folder.toString() : null).isEmpty());
        Files.createDirectories(folder.resolve("lab"));
        Files.write(folder.resolve("lab/unitacmp-64.so"), new byte[] {5});
        assertEquals(folder.resolve("lab/unitacmp-64.so"),
                PeMicroStandIn.shipped(name -> name.equals("probehost.home") ? folder.toString() : null).orElseThrow());
    }

    private static LabConfig.Probe probe(String kind, String firmware, String boardId) {
        return new LabConfig.Probe(kind, "S", "t", null, null, null, null, firmware, boardId);
    }
}
