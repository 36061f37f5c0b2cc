package io.probehost.sim.probe.usb;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import io.probehost.api.usb.UsbEndpointInfo;

/**
 * The USB side every bulk-pipe probe emulator shares: its descriptor, its {@link UsbPlug}, one bulk OUT
 * endpoint whose transfers go to {@link #accept(byte[])} and one bulk IN endpoint that hands out the
 * queued answers, one per transfer. Other endpoints stall. Unplugging clears the answers and calls
 * {@link #powerLost()} so the firmware restarts. The subclass's hooks run holding this object's lock.
 */
public abstract class BulkProbeDevice implements VirtualUsbDevice, AutoCloseable {
    private final UsbDeviceDescriptor descriptor;
    private final UsbPlug plug;
    private final int outEndpoint;
    private final int inEndpoint;
    private final int maxOutTransfer;
    private final Deque<byte[]> answers = new ArrayDeque<>();
    private volatile RuntimeException lastFirmwareError;

    /** @param maxOutTransfer the largest transfer the OUT endpoint accepts; other endpoints take a packet */
    protected BulkProbeDevice(UsbDeviceDescriptor descriptor, int outEndpoint, int inEndpoint, int maxOutTransfer) {
        this.descriptor = descriptor;
        this.plug = new UsbPlug("probe " + descriptor.serialNumber());
        this.outEndpoint = outEndpoint;
        this.inEndpoint = inEndpoint;
        this.maxOutTransfer = maxOutTransfer;
    }

    /**
     * Takes one OUT transfer, holding the lock; queues answers with {@link #answer(byte[])}.
     *
     * @return whether transfers waiting on the device should be woken
     */
    protected abstract boolean accept(byte[] data);

    /** Restarts the firmware after the bus unplugged the device, holding the lock. */
    protected abstract void powerLost();

    /** Counts an answer the host just read, holding the lock. */
    protected abstract void answerSent(int length);

    /** Whether an IN endpoint other than the answers' one exists but never has data; false unless overridden. */
    protected boolean isSilent(int endpoint) {
        return false;
    }

    /** Queues an answer for the host's next IN transfer. */
    protected final void answer(byte[] data) {
        answers.add(data);
    }

    /** Records a request the firmware could not execute (it gets no answer). */
    protected final void firmwareFailed(RuntimeException error) {
        lastFirmwareError = error;
    }

    /** The last request the firmware could not execute (it got no answer). */
    public final Optional<RuntimeException> lastFirmwareError() {
        return Optional.ofNullable(lastFirmwareError);
    }

    public final boolean isPlugged() {
        return plug.isPlugged();
    }

    @Override
    public final void close() {
        plug.unplug();
    }

    @Override
    public final UsbDeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final void plugged(VirtualUsbPort port) {
        plug.plugged(port);
    }

    @Override
    public final synchronized void unplugged() {
        plug.unplugged();
        answers.clear();
        powerLost();
    }

    @Override
    public final int maxOutTransfer(UsbEndpointInfo endpoint) {
        return endpoint.address() == outEndpoint ? maxOutTransfer : endpoint.maxPacketSize();
    }

    @Override
    public final boolean receive(int endpoint, byte[] data) {
        if (endpoint != outEndpoint) {
            throw notServed(endpoint);
        }
        boolean wake;
        synchronized (this) {
            wake = accept(data);
        }
        if (wake) {
            plug.wake();
        }
        return true;
    }

    @Override
    public final byte[] transmit(int endpoint) {
        if (endpoint != inEndpoint) {
            if (isSilent(endpoint)) {
                return null;
            }
            throw notServed(endpoint);
        }
        synchronized (this) {
            byte[] answer = answers.poll();
            if (answer != null) {
                answerSent(answer.length);
            }
            return answer;
        }
    }

    private static RuntimeException notServed(int endpoint) {
        return LibusbError.PIPE.exception(String.format("endpoint 0x%02X is not served", endpoint));
    }
}
