package io.probehost.sim.probe.usb;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.probehost.api.usb.UsbDeviceInfo;

/** One device plugged into one port of a {@link VirtualUsbBus}: the port object and the wait/claim bookkeeping. */
final class PluggedDevice implements VirtualUsbPort {
    private final VirtualUsbBus bus;
    private final VirtualUsbDevice device;
    private final UsbDeviceInfo info;
    private final UsbDeviceDescriptor descriptor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Integer, VirtualDeviceHandle> claims = new HashMap<>();
    private long version;
    private boolean plugged = true;

    PluggedDevice(VirtualUsbBus bus, VirtualUsbDevice device, UsbDeviceDescriptor descriptor, UsbDeviceInfo info) {
        this.bus = bus;
        this.device = device;
        this.descriptor = descriptor;
        this.info = info;
    }

    VirtualUsbDevice device() {
        return device;
    }

    UsbDeviceInfo info() {
        return info;
    }

    UsbDeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public String location() {
        return info.location();
    }

    @Override
    public void wake() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unplug() {
        bus.detach(device);
    }

    @Override
    public boolean isPlugged() {
        lock.lock();
        try {
            return plugged;
        } finally {
            lock.unlock();
        }
    }

    void markUnplugged() {
        lock.lock();
        try {
            plugged = false;
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until something changed since {@code seenVersion} (a wake, an unplug, a handle closed).
     *
     * @return false when the deadline passed first
     */
    boolean awaitChange(long seenVersion, long deadlineNanos) {
        lock.lock();
        try {
            while (version == seenVersion && plugged) {
                if (deadlineNanos == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    long remaining = deadlineNanos - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    changed.awaitNanos(Math.min(remaining, TimeUnit.SECONDS.toNanos(1)));
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LibusbError.INTERRUPTED.exception("transfer interrupted");
        } finally {
            lock.unlock();
        }
    }

    void claim(int interfaceNumber, VirtualDeviceHandle handle) {
        lock.lock();
        try {
            VirtualDeviceHandle owner = claims.get(interfaceNumber);
            if (owner != null && owner != handle) {
                throw LibusbError.BUSY.exception("interface " + interfaceNumber + " of " + info.location()
                        + " is claimed by another handle");
            }
            claims.put(interfaceNumber, handle);
        } finally {
            lock.unlock();
        }
    }

    boolean isClaimedBy(int interfaceNumber, VirtualDeviceHandle handle) {
        lock.lock();
        try {
            return claims.get(interfaceNumber) == handle;
        } finally {
            lock.unlock();
        }
    }

    boolean release(int interfaceNumber, VirtualDeviceHandle handle) {
        lock.lock();
        try {
            return claims.remove(interfaceNumber, handle);
        } finally {
            lock.unlock();
        }
    }

    void releaseAll(VirtualDeviceHandle handle) {
        lock.lock();
        try {
            claims.values().removeIf(h -> h == handle);
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
