package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DapInfoTest {

    @Test
    void readsPacketSizeFirstWhenDapInfoIsRead() {
        CannedTransport transport = new CannedTransport(64)
                .reply("00 02 00 02")          // packet size 512
                .reply("00 01 08")             // packet count 8
                .reply("00 01 47")             // SWD, JTAG, SWO UART, SWO streaming
                .reply("00 06 32 2e 31 2e 30 00") // "2.1.0"
                .reply("00 00")                // target vendor: none
                .reply("00 07 52 50 32 30 34 30 00") // "RP2040"
                .reply("00 06 32 2e 30 2e 30 00") // firmware "2.0.0"
                .reply("00 0d 52 61 73 70 62 65 72 72 79 20 50 69 00") // "Raspberry Pi"
                .reply("00 05 50 69 63 6f 00"); // "Pico"
        DapInfo info = DapInfo.read(new DapChannel(transport), true, false);
        assertEquals(List.of("00 ff", "00 fe", "00 f0", "00 04", "00 05", "00 06", "00 09", "00 07", "00 08"),
                transport.written);
        assertEquals(512, info.packetSize());
        assertEquals(512, transport.packetSize());
        assertEquals(8, info.packetCount());
        assertEquals(Set.of(DapCapability.SWD, DapCapability.JTAG, DapCapability.SWO_STREAMING,
                DapCapability.SWO_UART), info.capabilities());
        assertEquals("2.1.0", info.protocolVersion().toString());
        assertEquals("2.0.0", info.firmwareVersion());
        assertEquals("", info.targetVendor());
        assertEquals("rp2040", info.targetType().orElseThrow());
        assertEquals("Raspberry Pi", info.boardVendor());
        assertEquals("Pico", info.boardName());
    }

    @Test
    void skipsBoardStringsWhenProtocolIsOlderThan21() {
        CannedTransport transport = new CannedTransport(64)
                .reply("00 01 40").reply("00 01 01").reply("00 01 01")
                .reply("00 05 31 2e 31 30 00") // "1.10"
                .reply("00 00").reply("00 00");
        DapInfo info = DapInfo.read(new DapChannel(transport), false, false);
        assertEquals(6, transport.written.size());
        assertEquals("1.1.0", info.protocolVersion().toString());
        assertEquals(64, info.packetSize());
        assertTrue(info.boardName().isEmpty());
        assertTrue(info.targetType().isEmpty());
    }
}
