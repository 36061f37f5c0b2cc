package io.probehost.sim.probe.cmsisdap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/**
 * One CMSIS-DAP USB interface (v1 HID or v2 bulk) of a probe: its request/response rings. At most
 * packet-count packets are in flight (accepted, response not yet read); past that a HID report is
 * discarded as the reference HID firmware does, and a bulk packet is NAKed (the reference bulk firmware
 * stops arming its OUT endpoint), so the host's OUT transfer waits or times out. QueueCommands packets
 * wait here until a packet of another kind arrives, then all run as ExecuteCommands (answer 0x7F).
 * TransferAbort is intercepted and never queued.
 */
final class DapInterface {
    private final CmsisDapProbe probe;
    private final DapTransportKind kind;
    private final int number;
    private final int outEndpoint;
    private final int inEndpoint;
    private final TransportProfile profile;
    private final String name;
    private final Deque<byte[]> responses = new ArrayDeque<>();
    private final List<byte[]> queued = new ArrayList<>();
    private int inFlight;
    private long epoch;

    DapInterface(CmsisDapProbe probe, DapTransportKind kind, int number, int outEndpoint, int inEndpoint,
            int packetSize, int packetCount, String name) {
        this.probe = probe;
        this.kind = kind;
        this.number = number;
        this.outEndpoint = outEndpoint;
        this.inEndpoint = inEndpoint;
        this.profile = new TransportProfile(kind, packetSize, packetCount);
        this.name = name;
    }

    UsbInterfaceInfo descriptor() {
        int size = profile.packetSize();
        if (kind == DapTransportKind.V1_HID) {
            return new UsbInterfaceInfo(number, UsbInterfaceInfo.CLASS_HID, 0, 0, name,
                    List.of(new UsbEndpointInfo(inEndpoint, UsbTransferType.INTERRUPT, size),
                            new UsbEndpointInfo(outEndpoint, UsbTransferType.INTERRUPT, size)));
        }
        return new UsbInterfaceInfo(number, UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, 0, 0, name,
                List.of(new UsbEndpointInfo(outEndpoint, UsbTransferType.BULK, size),
                        new UsbEndpointInfo(inEndpoint, UsbTransferType.BULK, size)));
    }

    DapTransportKind kind() {
        return kind;
    }

    int number() {
        return number;
    }

    boolean owns(int endpoint) {
        return endpoint == outEndpoint || endpoint == inEndpoint;
    }

    boolean isOut(int endpoint) {
        return endpoint == outEndpoint;
    }

    TransportProfile profile() {
        return profile;
    }

    synchronized boolean receive(byte[] data) {
        probe.link().bytesOut(data.length);
        if (data.length == 0) {
            return true; // a zero-length packet ends a transfer; the firmware ignores it
        }
        if ((data[0] & 0xFF) == DapCommand.TRANSFER_ABORT.code()) {
            probe.abortTransfer();
            return true;
        }
        if (inFlight >= profile.packetCount()) {
            return kind == DapTransportKind.V1_HID; // HID: report discarded; bulk: NAK
        }
        inFlight++;
        byte[] packet = Arrays.copyOf(data, profile.packetSize());
        if ((packet[0] & 0xFF) == DapCommand.QUEUE_COMMANDS.code()) {
            queued.add(packet);
            return true;
        }
        for (byte[] q : queued) {
            q[0] = (byte) DapCommand.EXECUTE_COMMANDS.code();
            probe.submit(this, epoch, q);
        }
        queued.clear();
        probe.submit(this, epoch, packet);
        return true;
    }

    /** The next response for the IN endpoint, or null (NAK). */
    byte[] transmit() {
        byte[] response;
        synchronized (this) {
            response = responses.poll();
            if (response == null) {
                return null;
            }
            inFlight--;
        }
        probe.link().bytesIn(response.length);
        probe.wake();
        if (probe.faults().responseTaken()) {
            probe.unplug();
        }
        return response;
    }

    /** A response from the firmware for a packet accepted in {@code packetEpoch}. */
    void complete(long packetEpoch, byte[] response) {
        byte[] framed = kind == DapTransportKind.V1_HID ? Arrays.copyOf(response, profile.packetSize()) : response;
        byte[] shaped = probe.faults().shape(framed);
        if (shaped == null) {
            probe.unplug();
            return;
        }
        synchronized (this) {
            if (packetEpoch != epoch) {
                return;
            }
            responses.add(shaped);
        }
        probe.wake();
    }

    synchronized boolean isCurrent(long packetEpoch) {
        return packetEpoch == epoch;
    }

    /** Power loss: every packet in flight is forgotten. */
    synchronized void reset() {
        responses.clear();
        queued.clear();
        inFlight = 0;
        epoch++;
    }
}
