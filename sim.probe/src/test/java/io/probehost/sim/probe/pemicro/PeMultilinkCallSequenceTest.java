package io.probehost.sim.probe.pemicro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/**
 * The Multilink emulator driven over its socket with the PE Micro note's call sequences (section 5):
 * enumerate, open, connect, DAP access with the last SWD status, memory, core registers, reset, close.
 */
class PeMultilinkCallSequenceTest {
    private static final int RAM = Nrf51822.RAM_BASE;
    /** An address the tests make fault on the AHB-AP's bus. */
    private static final long NOWHERE = 0x3000_0000L;

    private Nrf51822 mcu;
    private SwjDp dp;
    private PeMicroLab lab;
    private PeMultilink multilink;
    private Socket socket;
    private BufferedReader in;
    private PrintWriter out;

    @BeforeEach
    void start() throws IOException {
        mcu = Nrf51822.create(null);
        dp = new SwjDp(mcu, WireMode.SWD, 0);
        dp.faultRange((int) NOWHERE, 0x100);
        lab = PeMicroLab.start();
        multilink = lab.addMultilink("PEMA00001", "nRF51822", mcu, dp);
        String[] address = lab.address().split(":");
        socket = new Socket(address[0], Integer.parseInt(address[1]));
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        lab.close();
        mcu.close();
    }

    private String call(String line) throws IOException {
        out.println(line);
        return in.readLine();
    }

    private void openAndConnect() throws IOException {
        assertEquals("1 0", call("open_port_by_identifier PEMA00001"));
        assertEquals("0 0", call("reset_hardware_interface"));
        assertEquals("0 0", call("check_critical_error"));
        assertEquals("1 0", call("pe_special_features " + 0x4400_0001 + " 1 0 0 0"), "comm mode SWD");
        assertEquals("0 0", call("set_debug_shift_frequency 1000000"));
        assertEquals("1 0", call("pe_special_features " + 0x4400_0002 + " 1 0 0 0"), "enable debug module");
    }

    @Test
    void enumeratesPortsWithStableDescriptors() throws IOException {
        assertEquals("1 0", call("get_enumerated_number_of_ports 99"));
        assertEquals("1 0 PEMA00001", call("get_port_descriptor_short 99 1"));
        assertEquals("1 0 PEMA00001", call("get_port_descriptor_short 99 1"));
        assertEquals("1 0 USB Multilink Universal FX (PEMA00001)", call("get_port_descriptor 99 1"));
        assertEquals("0 0 ", call("get_port_descriptor_short 99 2"));
    }

    @Test
    void opensByIdentifierOrFirstUsbAndRefusesOthers() throws IOException {
        assertEquals("0 0", call("open_port_by_identifier PEMA99999"));
        assertEquals("1 0", call("open_port_by_identifier USB1"));
        assertTrue(multilink.isOpen());
        call("close_port");
        assertFalse(multilink.isOpen());
    }

    @Test
    void connectsReadsTheDpidrAndReportsTheSwdStatus() throws IOException {
        assertEquals("0 0", call("pe_special_features " + 0x4400_0002 + " 1 0 0 0"), "no port open: no target");
        openAndConnect();
        assertEquals("0 0", call("pe_special_features " + 0x4400_0001 + " 1 2 0 0"), "p1 above 1 is refused");
        assertEquals("1 " + (SwjDp.SW_DPIDR & 0xFFFF_FFFFL), call("pe_special_features " + 0x4400_0008 + " 1 0 0 0"));
        assertEquals("1 4", call("pe_special_features " + 0x4400_0006 + " 1 0 0 0"), "ACK is 4");
        assertEquals("1 " + 0x0477_0021, call("pe_special_features " + 0x4400_0004 + " 1 0 252 0"), "AP 0 IDR");
        call("pe_special_features " + 0x4400_0003 + " 0 0 4 " + RAM); // TAR
        call("pe_special_features " + 0x4400_0003 + " 0 0 12 305419896"); // DRW 0x12345678
        assertArrayEquals(new byte[] {0x78, 0x56, 0x34, 0x12}, mcu.readRam(RAM, 4));
    }

    @Test
    void aFaultingAccessShowsFaultAndTheNextAccessWorks() throws IOException {
        openAndConnect();
        call("pe_special_features " + 0x4400_0003 + " 0 0 4 " + NOWHERE); // TAR into nothing
        call("pe_special_features " + 0x4400_0004 + " 1 0 12 0");
        assertEquals("1 1", call("pe_special_features " + 0x4400_0006 + " 1 0 0 0"), "FAULT is 1");
        call("pe_special_features " + 0x4400_0008 + " 1 0 0 0");
        assertEquals("1 4", call("pe_special_features " + 0x4400_0006 + " 1 0 0 0"), "sticky flags were cleared");
    }

    @Test
    void movesBlocksAndValuesWithTheirMemResult() throws IOException {
        openAndConnect();
        assertEquals("1 0", call("put_block " + RAM + " 6 2 0102030405a6"));
        assertEquals("1 0 0102030405a6", call("get_block " + RAM + " 6 2"));
        assertEquals("1 0 02030405", call("get_block " + (RAM + 1) + " 4 1"));
        assertEquals("0 0", call("write_32bit_value " + (RAM + 8) + " 3735928559"));
        assertEquals("3735928559 0", call("read_32bit_value " + (RAM + 8)));
        assertEquals("239 0", call("read_8bit_value " + (RAM + 8)));
        assertEquals("0 2", call("read_32bit_value " + NOWHERE), "bus error");
        assertEquals("1 0", call("probehost_standin_control mem_result 2"));
        assertEquals("0 2 0000", call("get_block " + RAM + " 2 1"), "injected bus error");
        byte[] bytes = new byte[2048];
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
            hex.append(String.format("%02x", bytes[i]));
        }
        assertEquals("1 0", call("put_block " + (RAM + 0x3F0) + " 2048 4 " + hex));
        assertArrayEquals(bytes, mcu.readRam(RAM + 0x3F0, bytes.length), "a block across a 1 KiB TAR page");
    }

    @Test
    void haltsStepsAndMovesCoreRegisters() throws IOException {
        openAndConnect();
        for (int i = 0; i < 8; i += 2) {
            call("write_16bit_value " + (RAM + i) + " 48896"); // NOP
        }
        call("write_16bit_value " + (RAM + 8) + " 59390"); // b .
        assertEquals("1 0", call("target_halt"));
        assertEquals("1 0", call("target_check_if_halted"));
        assertEquals("1 0", call("set_mcu_register 15 " + RAM));
        assertEquals("1 0", call("set_mcu_register 7 305419896"));
        assertEquals("1 305419896", call("get_mcu_register 7"));
        assertEquals("1 0", call("target_step"));
        assertEquals("1 " + (RAM + 2), call("get_mcu_register 15"));
        assertEquals("1 0", call("target_resume"));
        assertEquals("0 0", call("target_check_if_halted"));
    }

    @Test
    void drivesNresetAndResetsTheTarget() throws IOException {
        openAndConnect();
        call("set_reset_pin_state 0");
        assertFalse(dp.resetPinHigh());
        call("set_reset_pin_state 1");
        assertTrue(dp.resetPinHigh());
        assertEquals("1 0", call("target_reset"));
        assertTrue(dp.resetPinHigh());
    }

    @Test
    void reportsACriticalErrorUntilTheInterfaceIsReset() throws IOException {
        openAndConnect();
        multilink.faults().criticalError(0);
        assertEquals("1 0", call("probehost_standin_control critical 8"));
        assertEquals("8 0", call("check_critical_error"));
        assertEquals("1 0", call("probehost_standin_control critical 0"));
        assertEquals("0 0", call("check_critical_error"));
        assertEquals("0 0", call("probehost_standin_control bogus 1"));
    }

    @Test
    void writesTheAddressFileTheStandInReads(@TempDir Path folder) throws IOException {
        Path file = lab.writeAddressFile(folder);
        assertEquals(lab.address(), Files.readString(file).trim());
        assertTrue(lab.address().startsWith("127.0.0.1:"));
    }
}
