package io.probehost.sim.probe.usb;

/**
 * A virtual device's side of its connection: the {@link VirtualUsbPort} it is plugged into, if any,
 * and what the device does through it (wake waiting transfers, pull itself out). Thread-safe.
 */
public final class UsbPlug {
    private final String deviceName;
    private volatile VirtualUsbPort port;

    /** @param deviceName how errors name the device, such as {@code probe 0001} */
    public UsbPlug(String deviceName) {
        this.deviceName = deviceName;
    }

    public boolean isPlugged() {
        VirtualUsbPort p = port;
        return p != null && p.isPlugged();
    }

    /** Takes the port the bus plugged the device into; throws if it is still plugged in elsewhere. */
    public void plugged(VirtualUsbPort newPort) {
        if (isPlugged()) {
            throw new IllegalStateException(deviceName + " is already plugged in at " + port.location());
        }
        this.port = newPort;
    }

    /** Forgets the port after the bus unplugged the device. */
    public void unplugged() {
        port = null;
    }

    /** Wakes transfers waiting on a NAK, if plugged. */
    public void wake() {
        VirtualUsbPort p = port;
        if (p != null) {
            p.wake();
        }
    }

    /** Unplugs the device, if plugged. */
    public void unplug() {
        VirtualUsbPort p = port;
        if (p != null) {
            p.unplug();
        }
    }
}
