package io.probehost.driver.pemicro.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jna.Memory;
import com.sun.jna.Native;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/**
 * The JNA mapping ({@link PeMicroLibrary}) against the stand-in library, every function: arguments and
 * results cross the native boundary with the widths the PE Micro note gives, and reach the emulated
 * Multilink and its virtual nRF51822.
 */
class StandInMappingTest {
    private static final int RAM = Nrf51822.RAM_BASE;

    @TempDir
    Path folder;
    private StandInBench bench;
    private PeLibrary library;

    @BeforeEach
    void load() {
        bench = new StandInBench(folder);
        library = PeLibrary.load(bench.location());
    }

    @AfterEach
    void unload() {
        library.close();
        bench.close();
    }

    private <T> T call(java.util.function.Function<PeMicroLibrary, T> calls) {
        return library.call(calls);
    }

    private byte flag(java.util.function.Function<PeMicroLibrary, Byte> calls) {
        return library.call(calls);
    }

    private int number(java.util.function.Function<PeMicroLibrary, Integer> calls) {
        return library.call(calls);
    }

    private void openAndEnable() {
        assertEquals(1, flag(f -> f.open_port_by_identifier(StandInBench.SERIAL)));
        call(f -> {
            f.reset_hardware_interface();
            return null;
        });
        assertEquals(0, flag(PeMicroLibrary::check_critical_error));
        assertEquals(1, feature(PeFeature.SET_COMM_MODE.code(), 0, 0, 0, null));
        call(f -> {
            f.set_debug_shift_frequency(2_000_000);
            return null;
        });
        assertEquals(1, feature(PeFeature.ENABLE_DEBUG_MODULE.code(), 0, 0, 0, null));
    }

    private byte feature(int code, int p1, int p2, int p3, Memory ref1) {
        return call(f -> f.pe_special_features(code, (byte) 1, p1, p2, p3, ref1, null));
    }

    @Test
    void versionsPortsAndDescriptors() {
        assertTrue(library.version().contains("Interface Libraries Version 9.02.00.00"), library.version());
        assertEquals(902, library.dllVersion());
        assertEquals(1, flag(PeMicroLibrary::reenumerate_all_port_types));
        assertEquals(1, number(f -> f.get_enumerated_number_of_ports(PeLibrary.PORT_TYPE_AUTODETECT)));
        assertEquals(StandInBench.SERIAL, call(f -> f.get_port_descriptor_short(99, 1)));
        assertEquals("USB Multilink Universal FX (PEMA51822)", call(f -> f.get_port_descriptor(99, 1)));
        assertEquals(StandInBench.SERIAL, call(f -> f.get_port_descriptor_short(99, 1)), "stable across calls");
        assertEquals("", call(f -> f.get_port_descriptor_short(99, 2)));
    }

    @Test
    void opensByIdentifierOrIndexAndCloses() {
        assertEquals(0, flag(f -> f.open_port_by_identifier("PEMA00000")));
        assertEquals(1, flag(f -> f.open_port(3, 1)));
        assertTrue(bench.multilink.isOpen());
        call(f -> {
            f.close_port();
            return null;
        });
        assertFalse(bench.multilink.isOpen());
        assertEquals(1, flag(f -> f.open_port_by_identifier("USB1")));
        assertTrue(bench.multilink.isOpen());
    }

    @Test
    void connectsAndAccessesDpAndApRegistersWithTheLastSwdStatus() {
        assertEquals(0, feature(PeFeature.ENABLE_DEBUG_MODULE.code(), 0, 0, 0, null), "no port open");
        openAndEnable();
        assertEquals(2_000_000, bench.multilink.shiftFrequencyHz(), "a signed 32-bit frequency");
        assertEquals(0, feature(PeFeature.SET_COMM_MODE.code(), 2, 0, 0, null), "comm mode above 1 refused");
        Memory value = PeLibrary.outParameter();
        feature(PeFeature.READ_DP.code(), 0, 0, 0, value);
        assertEquals(SwjDp.SW_DPIDR, value.getInt(0));
        Memory status = PeLibrary.outParameter();
        feature(PeFeature.LAST_SWD_STATUS.code(), 0, 0, 0, status);
        assertEquals(4, status.getInt(0), "ACK");
        feature(PeFeature.WRITE_AP.code(), 0, 0x04, RAM, null);
        feature(PeFeature.WRITE_AP.code(), 0, 0x0C, 0xCAFE_F00D, null);
        assertArrayEquals(new byte[] {0x0D, (byte) 0xF0, (byte) 0xFE, (byte) 0xCA}, bench.mcu.readRam(RAM, 4));
        feature(PeFeature.READ_AP.code(), 0, 0x0C, 0, value);
        assertEquals(0xCAFE_F00D, value.getInt(0));
        feature(PeFeature.WRITE_DP.code(), 0x4, 0x5000_0000, 0, null);
        assertEquals(1, feature(PeFeature.FLUSH.code(), 0, 0, 0, null));
        assertEquals(1, feature(PeFeature.POWER_ON.code(), 0, 0, 0, null));
        assertEquals(1, feature(PeFeature.SELECT_DEVICE.code(), 0, 0, 0, (Memory) PeLibrary.text("nRF51822")));
        assertEquals("nRF51822", bench.multilink.selectedDevice());
        Memory list = new Memory(64);
        assertEquals(1, feature(0x5800_4000, 63, 0, 0, list));
        assertEquals("nRF51822", list.getString(0, "US-ASCII"));
    }

    @Test
    void readsAndWritesValuesAndBlocksWithMemResult() {
        openAndEnable();
        Memory result = PeLibrary.outParameter();
        call(f -> {
            f.write_8bit_value(0, RAM, (byte) 0xA5, result);
            f.write_16bit_value(0, RAM + 2, (short) 0xBEEF, result);
            f.write_32bit_value(0, RAM + 4, 0x8765_4321, result);
            return null;
        });
        assertEquals(0, result.getInt(0));
        assertEquals((byte) 0xA5, flag(f -> f.read_8bit_value(0, RAM, result)));
        assertEquals(0xBEEF, number(f -> f.read_16bit_value(0, RAM + 2, result) & 0xFFFF));
        assertEquals(0x8765_4321, number(f -> f.read_32bit_value(0, RAM + 4, result)));
        assertEquals(0, result.getInt(0));
        call(f -> f.read_32bit_value(0, (int) StandInBench.NOWHERE, result));
        assertEquals(2, result.getInt(0), "bus error");
        assertEquals(0, number(f -> f.read_32bit_value(0, RAM + 4, null)) == 0x8765_4321 ? 0 : 1, "null mem_result");

        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13);
        }
        Memory errors = new Memory(data.length);
        errors.clear();
        assertEquals(1, flag(f -> f.put_block(0, RAM + 0x100, data.length, 4, data, errors)));
        assertArrayEquals(data, bench.mcu.readRam(RAM + 0x100, data.length));
        byte[] back = new byte[data.length];
        assertEquals(1, flag(f -> f.get_block(0, RAM + 0x100, back.length, 2, back, null)));
        assertArrayEquals(data, back);
        assertEquals(0, flag(f -> f.get_block(0, (int) StandInBench.NOWHERE, 8, 4, new byte[8], errors)));
        assertEquals(2, errors.getByte(0), "mem_result in the error buffer's first byte");
    }

    @Test
    void movesCoreRegistersAndControlsTheCore() {
        openAndEnable();
        Memory result = PeLibrary.outParameter();
        call(f -> {
            f.write_16bit_value(0, RAM, (short) 0xBF00, result); // nop
            f.write_16bit_value(0, RAM + 2, (short) 0xE7FE, result); // b .
            return null;
        });
        assertEquals(1, flag(PeMicroLibrary::target_halt));
        assertEquals(1, flag(PeMicroLibrary::target_check_if_halted));
        assertEquals(1, flag(f -> f.set_mcu_register(0, 0, 15, RAM)));
        assertEquals(1, flag(f -> f.set_mcu_register(0, 0, 16, 0x0100_0000)));
        assertEquals(1, flag(f -> f.set_mcu_register(0, 0, 3, 0xDEAD_BEEF)));
        Memory value = PeLibrary.outParameter();
        assertEquals(1, flag(f -> f.get_mcu_register(0, 0, 3, value)));
        assertEquals(0xDEAD_BEEF, value.getInt(0));
        assertEquals(1, flag(PeMicroLibrary::target_step));
        call(f -> f.get_mcu_register(0, 0, 15, value));
        assertEquals(RAM + 2, value.getInt(0), "one NOP stepped");
        assertEquals(1, flag(PeMicroLibrary::target_resume));
        assertEquals(0, flag(PeMicroLibrary::target_check_if_halted));
    }

    @Test
    void drivesResetAndLoadsABinaryImageIntoRam() throws Exception {
        openAndEnable();
        call(f -> {
            f.set_reset_delay_in_ms(5);
            f.set_reset_pin_state((byte) 0);
            return null;
        });
        assertFalse(bench.dp.resetPinHigh());
        call(f -> {
            f.set_reset_pin_state((byte) 1);
            return null;
        });
        assertTrue(bench.dp.resetPinHigh());
        assertEquals(1, flag(PeMicroLibrary::target_reset));
        assertTrue(bench.dp.resetPinHigh());

        assertEquals(1, feature(PeFeature.ENABLE_DEBUG_MODULE.code(), 0, 0, 0, null));
        Path image = folder.resolve("image.bin");
        Files.write(image, new byte[] {1, 2, 3, 4, 5});
        assertEquals(1, flag(f -> f.load_bin_file(image.toString(), RAM + 0x40)));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, bench.mcu.readRam(RAM + 0x40, 5));
        assertEquals(0, flag(f -> f.load_srec_file(image.toString(), 0)), "S-records: not in the stand-in");
        call(f -> {
            f.open_debug_file(folder.resolve("trace").toString());
            f.close_debug_file();
            return null;
        });
    }

    @Test
    void injectedFaultsCrossTheTestHook() {
        openAndEnable();
        StandInBench.Hooks hooks = bench.hooks();
        assertEquals(1, hooks.probehost_standin_control("critical 8"));
        assertEquals(8, flag(PeMicroLibrary::check_critical_error));
        assertEquals(1, hooks.probehost_standin_control("critical 0"));
        assertEquals(1, hooks.probehost_standin_control("swd_status 2"));
        Memory value = PeLibrary.outParameter();
        feature(PeFeature.READ_DP.code(), 0, 0, 0, value);
        feature(PeFeature.LAST_SWD_STATUS.code(), 0, 0, 0, value);
        assertEquals(2, value.getInt(0), "WAIT");
        assertEquals(1, hooks.probehost_standin_control("fail target_reset"));
        assertEquals(0, flag(PeMicroLibrary::target_reset));
        assertEquals(0, hooks.probehost_standin_control("nonsense"));
    }

    @Test
    void loadsOfOneFileShareGlobalsAndACopyElsewhereHasItsOwn(@TempDir Path other) {
        StandInBench.Hooks same = bench.hooks();
        int before = same.probehost_standin_open_count();
        assertEquals(1, flag(f -> f.open_port_by_identifier(StandInBench.SERIAL)));
        assertEquals(before + 1, same.probehost_standin_open_count(), "the same file: the same globals");

        Path copy = StandInBench.copyStandIn(other);
        StandInBench.Hooks elsewhere = Native.load(copy.toString(), StandInBench.Hooks.class);
        assertEquals(0, elsewhere.probehost_standin_open_count(), "another copy: its own globals");
    }
}
