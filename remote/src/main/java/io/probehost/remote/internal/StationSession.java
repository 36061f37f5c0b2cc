package io.probehost.remote.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.probehost.api.ProbeException;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbException;

/**
 * The station's side of one authenticated connection: answers each REQUEST on the station's USB buses
 * with a REPLY or an ERROR, until the client closes. The devices it opened are closed when it ends.
 */
final class StationSession {
    private final FrameChannel channel;
    private final Supplier<List<UsbBus>> buses;
    private final DeviceClaims claims;
    private final Map<Integer, Opened> opened = new HashMap<>();
    private int nextHandle = 1;
    private int requests;

    private record Opened(String key, UsbDevice device) {
    }

    StationSession(FrameChannel channel, Supplier<List<UsbBus>> buses, DeviceClaims claims) {
        this.channel = channel;
        this.buses = buses;
        this.claims = claims;
    }

    /** Serves requests until the client closes the connection. */
    void serve() {
        try {
            while (true) {
                Frame request;
                try {
                    request = channel.receiveAny();
                } catch (EOFException closed) {
                    return;
                }
                if (request.type() != MessageType.REQUEST) {
                    channel.send(Frame.error(ErrorKind.PROTOCOL, 0, request.type() + " where a REQUEST was due"));
                    return;
                }
                requests++;
                channel.send(answer(request));
            }
        } catch (IOException e) {
            // the client went away; its devices are closed below
        } finally {
            opened.values().forEach(this::release);
            opened.clear();
        }
    }

    /** How many requests it answered: one network round trip each. */
    int requests() {
        return requests;
    }

    private Frame answer(Frame request) throws IOException {
        DataInputStream in = request.reader();
        try {
            Operation operation = Operation.fromCode(in.readUnsignedByte());
            return switch (operation) {
                case LIST_DEVICES -> new Frame(MessageType.REPLY, DeviceListCodec.encode(devices()));
                case OPEN -> open(Frame.readText(in), Frame.readText(in));
                case CLOSE -> close(in.readInt());
                case CLAIM_INTERFACE -> {
                    device(in.readInt()).claimInterface(in.readInt());
                    yield empty();
                }
                case RELEASE_INTERFACE -> {
                    device(in.readInt()).releaseInterface(in.readInt());
                    yield empty();
                }
                case BULK_TRANSFER, INTERRUPT_TRANSFER -> transfer(operation, in);
                case CONTROL_TRANSFER -> control(in);
            };
        } catch (EOFException e) {
            return Frame.error(ErrorKind.PROTOCOL, 0, "request too short");
        } catch (RuntimeException e) {
            int nativeCode = e instanceof UsbException usb ? usb.nativeCode() : 0;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Frame.error(e instanceof DeviceClaims.BusyException ? ErrorKind.BUSY : ErrorKind.of(e),
                    nativeCode, message);
        }
    }

    private List<UsbDeviceInfo> devices() {
        List<UsbDeviceInfo> all = new ArrayList<>();
        for (UsbBus bus : buses.get()) {
            all.addAll(bus.devices());
        }
        return all;
    }

    private Frame open(String busName, String location) {
        UsbBus bus = buses.get().stream().filter(b -> b.name().equals(busName)).findFirst()
                .orElseThrow(() -> new ProbeException("no USB bus '" + busName + "' on this station"));
        UsbDeviceInfo info = bus.devices().stream().filter(d -> d.location().equals(location)).findFirst()
                .orElseThrow(() -> new io.probehost.api.ProbeDisconnectedException(
                        "no USB device at " + busName + ":" + location + " on this station"));
        String key = busName + ":" + location;
        claims.take(key, channel.peer());
        try {
            UsbDevice device = bus.open(info);
            int handle = nextHandle++;
            opened.put(handle, new Opened(key, device));
            return Frame.of(MessageType.REPLY, out -> out.writeInt(handle));
        } catch (RuntimeException e) {
            claims.give(key);
            throw e;
        }
    }

    private Frame close(int handle) {
        Opened device = opened.remove(handle);
        if (device != null) {
            release(device);
        }
        return empty();
    }

    private void release(Opened device) {
        try {
            device.device().close();
        } finally {
            claims.give(device.key());
        }
    }

    private Frame transfer(Operation operation, DataInputStream in) throws IOException {
        UsbDevice device = device(in.readInt());
        int endpoint = in.readUnsignedByte();
        int length = in.readInt();
        int timeoutMillis = in.readInt();
        byte[] data = Frame.readBytes(in);
        boolean deviceToHost = (endpoint & 0x80) != 0;
        byte[] buffer = deviceToHost ? new byte[checkedLength(length)] : data;
        int count = operation == Operation.BULK_TRANSFER
                ? device.bulkTransfer(endpoint, buffer, 0, buffer.length, timeoutMillis)
                : device.interruptTransfer(endpoint, buffer, 0, buffer.length, timeoutMillis);
        return reply(count, deviceToHost ? buffer : new byte[0]);
    }

    private Frame control(DataInputStream in) throws IOException {
        UsbDevice device = device(in.readInt());
        int requestType = in.readUnsignedByte();
        int request = in.readUnsignedByte();
        int value = in.readUnsignedShort();
        int index = in.readUnsignedShort();
        int length = in.readInt();
        int timeoutMillis = in.readInt();
        byte[] data = Frame.readBytes(in);
        boolean deviceToHost = (requestType & 0x80) != 0;
        byte[] buffer = deviceToHost ? new byte[checkedLength(length)] : data;
        int count = device.controlTransfer(requestType, request, value, index, buffer, 0, buffer.length,
                timeoutMillis);
        return reply(count, deviceToHost ? buffer : new byte[0]);
    }

    private static Frame reply(int count, byte[] received) {
        return Frame.of(MessageType.REPLY, out -> {
            out.writeInt(count);
            Frame.writeBytes(out, received, 0, Math.max(0, Math.min(count, received.length)));
        });
    }

    private static int checkedLength(int length) {
        if (length < 0 || length > Frame.MAX_PAYLOAD - 64) {
            throw new RemoteProtocolException("a transfer of " + length + " bytes is out of range");
        }
        return length;
    }

    private UsbDevice device(int handle) {
        Opened device = opened.get(handle);
        if (device == null) {
            throw new RemoteProtocolException("no open device with handle " + handle);
        }
        return device.device();
    }

    private static Frame empty() {
        return new Frame(MessageType.REPLY, new byte[0]);
    }
}
