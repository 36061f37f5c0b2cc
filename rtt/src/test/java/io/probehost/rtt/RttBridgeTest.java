package io.probehost.rtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.probehost.api.target.MemoryRegion;

class RttBridgeTest {
    @Test
    void movesTheUpChannelToTheStreamAndTheStreamToTheDownChannel() throws Exception {
        FakeTarget target = new FakeTarget(FakeTarget.RAM + 0x400, 32, 16, 0, 1);
        RttClient client = RttLocator.attach(target.memory, OptionalLong.of(target.block),
                List.<MemoryRegion>of()).orElseThrow();
        RttBridge bridge = new RttBridge(client, 0, 0, Duration.ZERO);
        target.log("boot\n");
        ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        ByteArrayInputStream fromClient = new ByteArrayInputStream("led on\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(12, bridge.transfer(fromClient, toClient));
        assertEquals("boot\n", toClient.toString(StandardCharsets.US_ASCII));
        assertEquals("led on\n", target.take());
        assertEquals(0, bridge.transfer(fromClient, toClient));
    }
}
