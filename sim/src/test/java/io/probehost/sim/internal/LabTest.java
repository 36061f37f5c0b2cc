package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeException;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.mcu.stm32f1.Stm32f103;
import io.probehost.sim.probe.stlink.StlinkConfig;
import io.probehost.sim.probe.stlink.StlinkModel;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

class LabTest {

    @Test
    void defaultLabBuildsEachPartAndPlugsEachProbeKindIntoTheBus() {
        try (Lab lab = new Lab(LabConfig.readDefault(), null)) {
            assertInstanceOf(Nrf51822.class, lab.target("microbit").arm("a test").mcu());
            assertInstanceOf(Stm32f103.class, lab.target("nucleo-f103rb").arm("a test").mcu());
            assertInstanceOf(Gd32vf103.class, ((LabChip.Riscv) lab.target("longan-nano").chip()).mcu());
            assertEquals(List.of("daplink", "cmsis-dap", "stlink-v2-1", "stlink-v3", "stlink-v2", "cmsis-dap"),
                    lab.probes().stream().map(Lab.Probe::kind).toList());
            List<UsbDeviceInfo> devices = lab.bus().devices();
            assertEquals(6, devices.size());
            assertEquals(List.of(0x374B, 0x374F, 0x3748), devices.subList(2, 5).stream()
                    .map(UsbDeviceInfo::productId).toList(), "V2-1, V3 and V2 product IDs");
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

    private static LabConfig.Probe probe(String kind, String firmware, String boardId) {
        return new LabConfig.Probe(kind, "S", "t", null, null, null, null, firmware, boardId);
    }
}
