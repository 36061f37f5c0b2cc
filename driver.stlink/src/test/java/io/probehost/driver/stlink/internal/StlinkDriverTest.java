package io.probehost.driver.stlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

class StlinkDriverTest {
    private static final UsbDeviceInfo NUCLEO = new UsbDeviceInfo("test", "1-2", 0x0483, 0x374B, 0,
            "STMicroelectronics", "STM32 STLink", "066DFF555051", List.of());
    private static final UsbDeviceInfo MOUSE = new UsbDeviceInfo("test", "1-3", 0x046D, 0xC077, 0, "", "", "",
            List.of());

    /** A V2-1 with firmware V2J37M26 on board 0700 (NUCLEO-F103RB). */
    private static final class NucleoDevice implements UsbDevice {
        final List<String> blocks = new ArrayList<>();
        final Deque<byte[]> replies = new ArrayDeque<>();
        int closes;

        @Override
        public UsbDeviceInfo info() {
            return NUCLEO;
        }

        @Override
        public void claimInterface(int interfaceNumber) {
            assertEquals(0, interfaceNumber);
        }

        @Override
        public void releaseInterface(int interfaceNumber) {
        }

        @Override
        public int bulkTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
            if (endpoint == 0x01) {
                byte[] block = java.util.Arrays.copyOfRange(data, offset, offset + length);
                blocks.add(ScriptedTransport.trimmed(block));
                if ((block[0] & 0xFF) == 0xF1) {
                    replies.add(ScriptedTransport.bytes("29 5a 83 04 4b 37"));
                } else if ((block[0] & 0xFF) == 0xF2 && block[1] == 0x56) {
                    byte[] reply = new byte[128];
                    System.arraycopy(ScriptedTransport.bytes("80 00 30 37 30 30"), 0, reply, 0, 6);
                    replies.add(reply);
                }
                return length;
            }
            assertEquals(0x81, endpoint);
            byte[] reply = replies.poll();
            System.arraycopy(reply, 0, data, offset, reply.length);
            return reply.length;
        }

        @Override
        public int interruptTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
            throw new AssertionError("an ST-Link has no interrupt endpoints");
        }

        @Override
        public int controlTransfer(int requestType, int request, int value, int index, byte[] data, int offset,
                int length, int timeoutMillis) {
            throw new AssertionError("no control transfers expected");
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static final class TestBus implements UsbBus {
        final NucleoDevice nucleo = new NucleoDevice();
        int opens;

        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<UsbDeviceInfo> devices() {
            return List.of(MOUSE, NUCLEO);
        }

        @Override
        public UsbDevice open(UsbDeviceInfo device) {
            opens++;
            return nucleo;
        }

        @Override
        public void addHotplugListener(UsbHotplugListener listener) {
        }

        @Override
        public void removeHotplugListener(UsbHotplugListener listener) {
        }
    }

    @Test
    void listingShowsTheBoardAndTargetFromGetBoardIdentifiersOpeningTheProbeOnce() {
        TestBus bus = new TestBus();
        StlinkDriver driver = new StlinkDriver(BoardTable.load());
        driver.addBus(bus);
        List<ProbeDescription> probes = driver.probes();
        assertEquals(1, probes.size());
        ProbeDescription probe = probes.get(0);
        assertEquals("stlink", probe.driver());
        assertEquals("066DFF555051", probe.uniqueId());
        assertEquals("ST-Link/V2-1", probe.productName());
        assertEquals("NUCLEO-F103RB", probe.boardName());
        assertEquals("stm32f103rb", probe.targetType());
        assertEquals("test:1-2", probe.location());
        assertEquals(List.of("f1", "f2 56"), bus.nucleo.blocks);
        assertEquals(1, bus.nucleo.closes);
        driver.probes();
        assertEquals(1, bus.opens, "the board ID is remembered");
    }

    @Test
    void theV3PrescalerOptionIsDeclaredForOptionList() {
        StlinkDriver driver = new StlinkDriver(BoardTable.load());
        assertEquals(List.of("stlink.v3_prescaler"), driver.options().stream().map(o -> o.name()).toList());
        assertEquals(1, StlinkOptions.V3_PRESCALER.defaultValue());
        assertTrue(driver.description().contains("V2J24"));
    }

    @Test
    void oldV2SerialBytesBecomeHex() {
        UsbDeviceInfo old = new UsbDeviceInfo("test", "1-4", 0x0483, 0x3748, 0, "", "",
                "\u0066\u0006\u00ff\u0055\u0050\u0051\u0001\u0002\u0003\u0004\u0005\u0006", List.of());
        assertEquals("6606FF555051010203040506", FoundProbe.uniqueId(old));
    }

    @Test
    void shippedBoardTableMapsTheNucleoF103() {
        BoardTable table = BoardTable.load();
        assertEquals("stm32f103rb", table.byId("0700").orElseThrow().target());
        assertTrue(table.byId("FFFF").isEmpty());
        assertTrue(table.size() > 10);
    }

    @Test
    void aBoardTableWithAnUnknownFieldIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BoardTable.parse("x.json", "{\"0700\": {\"vendr\": \"ST\"}}".getBytes()));
        assertTrue(error.getMessage().startsWith("x.json is not a valid ST-Link board table"), error.getMessage());
    }
}
