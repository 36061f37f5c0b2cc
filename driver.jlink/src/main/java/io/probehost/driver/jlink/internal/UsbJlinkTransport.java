package io.probehost.driver.jlink.internal;

import java.util.Arrays;

import io.probehost.api.ProtocolException;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;

/**
 * {@link JlinkTransport} on the J-Link's vendor-specific interface: writes go out in chunks of
 * {@link #CHUNK_BYTES}; answers are read into a buffer at least one byte larger than what is awaited
 * (an answer that fills whole packets then ends cleanly), and what arrives beyond a request's answer
 * is kept for the next read.
 */
final class UsbJlinkTransport implements JlinkTransport {
    static final int CHUNK_BYTES = 2048;
    static final int TIMEOUT_MILLIS = 1000;

    private final UsbDevice device;
    private final int interfaceNumber;
    private final int inEndpoint;
    private final int outEndpoint;
    private byte[] kept = new byte[0];

    UsbJlinkTransport(UsbDevice device, UsbInterfaceInfo jlinkInterface) {
        this.device = device;
        this.interfaceNumber = jlinkInterface.number();
        this.inEndpoint = jlinkInterface.endpoints().stream().filter(UsbEndpointInfo::isIn).findFirst()
                .orElseThrow().address();
        this.outEndpoint = jlinkInterface.endpoints().stream().filter(e -> !e.isIn()).findFirst()
                .orElseThrow().address();
        device.claimInterface(interfaceNumber);
    }

    @Override
    public void write(byte[] data) {
        for (int offset = 0; offset < data.length; offset += CHUNK_BYTES) {
            int length = Math.min(CHUNK_BYTES, data.length - offset);
            int sent = device.bulkTransfer(outEndpoint, data, offset, length, TIMEOUT_MILLIS);
            if (sent != length) {
                throw new ProtocolException("J-Link took " + sent + " of " + length + " bytes");
            }
        }
    }

    @Override
    public byte[] read(int length) {
        while (kept.length < length) {
            byte[] buffer = new byte[Math.max(CHUNK_BYTES, length - kept.length + 1)];
            int got = device.bulkTransfer(inEndpoint, buffer, 0, buffer.length, TIMEOUT_MILLIS);
            if (got <= 0) {
                throw new ProtocolException("J-Link answered " + kept.length + " of " + length + " bytes");
            }
            byte[] joined = Arrays.copyOf(kept, kept.length + got);
            System.arraycopy(buffer, 0, joined, kept.length, got);
            kept = joined;
        }
        byte[] answer = Arrays.copyOf(kept, length);
        kept = Arrays.copyOfRange(kept, length, kept.length);
        return answer;
    }

    @Override
    public void close() {
        device.close();
    }
}
