package io.probehost.sim.probe.usb;

import java.util.Arrays;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/** An opened virtual device, with libusb's rules for claims, endpoints, timeouts and short reads. */
final class VirtualDeviceHandle implements UsbDevice {
    private final PluggedDevice plugged;
    private volatile boolean closed;

    VirtualDeviceHandle(PluggedDevice plugged) {
        this.plugged = plugged;
    }

    @Override
    public UsbDeviceInfo info() {
        return plugged.info();
    }

    @Override
    public void claimInterface(int interfaceNumber) {
        ensureAlive();
        if (plugged.descriptor().interfaces().stream().noneMatch(i -> i.number() == interfaceNumber)) {
            throw LibusbError.NOT_FOUND.exception("no interface " + interfaceNumber);
        }
        plugged.claim(interfaceNumber, this);
    }

    @Override
    public void releaseInterface(int interfaceNumber) {
        ensureAlive();
        if (!plugged.release(interfaceNumber, this)) {
            throw LibusbError.NOT_FOUND.exception("interface " + interfaceNumber + " is not claimed");
        }
    }

    @Override
    public int bulkTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        return transfer(UsbTransferType.BULK, endpoint, data, offset, length, timeoutMillis);
    }

    @Override
    public int interruptTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis) {
        return transfer(UsbTransferType.INTERRUPT, endpoint, data, offset, length, timeoutMillis);
    }

    @Override
    public int controlTransfer(int requestType, int request, int value, int index, byte[] data, int offset,
            int length, int timeoutMillis) {
        checkBuffer(data, offset, length, timeoutMillis);
        ensureAlive();
        int n = plugged.device().control(requestType, request, value, index, data, offset, length);
        ensureAlive();
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            plugged.releaseAll(this);
        }
    }

    private int transfer(UsbTransferType type, int endpoint, byte[] data, int offset, int length,
            int timeoutMillis) {
        checkBuffer(data, offset, length, timeoutMillis);
        ensureAlive();
        UsbEndpointInfo ep = plugged.descriptor().endpoint(endpoint)
                .orElseThrow(() -> LibusbError.NOT_FOUND.exception(String.format("no endpoint 0x%02X", endpoint)));
        if (ep.type() != type) {
            throw LibusbError.INVALID_PARAM.exception(
                    String.format("endpoint 0x%02X is %s, not %s", endpoint, ep.type(), type));
        }
        UsbInterfaceInfo owner = plugged.descriptor().interfaceOf(endpoint).orElseThrow();
        if (!plugged.isClaimedBy(owner.number(), this)) {
            ensureAlive();
            throw LibusbError.NOT_FOUND.exception("interface " + owner.number() + " is not claimed");
        }
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        return ep.isIn() ? transferIn(ep, data, offset, length, deadline, timeoutMillis)
                : transferOut(ep, data, offset, length, deadline, timeoutMillis);
    }

    private int transferOut(UsbEndpointInfo ep, byte[] data, int offset, int length, long deadline, int timeout) {
        int max = plugged.device().maxOutTransfer(ep);
        if (length > max) {
            throw LibusbError.INVALID_PARAM.exception(String.format(
                    "OUT transfer of %d bytes on endpoint 0x%02X, at most %d allowed", length, ep.address(), max));
        }
        byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
        while (true) {
            long seen = plugged.version();
            ensureAlive();
            if (plugged.device().receive(ep.address(), copy)) {
                return length;
            }
            if (!plugged.awaitChange(seen, deadline)) {
                throw timeout(ep, timeout);
            }
        }
    }

    private int transferIn(UsbEndpointInfo ep, byte[] data, int offset, int length, long deadline, int timeout) {
        while (true) {
            long seen = plugged.version();
            ensureAlive();
            byte[] unit = plugged.device().transmit(ep.address());
            if (unit != null) {
                if (unit.length > length) {
                    throw LibusbError.OVERFLOW.exception(String.format(
                            "device sent %d bytes on endpoint 0x%02X, buffer holds %d", unit.length, ep.address(),
                            length));
                }
                System.arraycopy(unit, 0, data, offset, unit.length);
                return unit.length;
            }
            if (!plugged.awaitChange(seen, deadline)) {
                throw timeout(ep, timeout);
            }
        }
    }

    private TransferTimeoutException timeout(UsbEndpointInfo ep, int timeoutMillis) {
        return new TransferTimeoutException(String.format("%s transfer on endpoint 0x%02X of %s timed out after %d ms",
                ep.type(), ep.address(), plugged.info().location(), timeoutMillis));
    }

    private void ensureAlive() {
        if (closed) {
            throw new ProbeDisconnectedException("USB handle of " + plugged.info().location() + " is closed");
        }
        if (!plugged.isPlugged()) {
            throw new ProbeDisconnectedException("USB device " + plugged.info().vidPid() + " at "
                    + plugged.info().location() + " was unplugged");
        }
    }

    private static void checkBuffer(byte[] data, int offset, int length, int timeoutMillis) {
        boolean outside = length > 0 && (data == null || offset + length > data.length);
        if (length < 0 || offset < 0 || timeoutMillis < 0 || outside) {
            throw LibusbError.INVALID_PARAM.exception("bad buffer, length or timeout");
        }
    }
}
