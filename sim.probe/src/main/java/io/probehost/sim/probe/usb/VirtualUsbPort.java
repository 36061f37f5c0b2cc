package io.probehost.sim.probe.usb;

/** The bus port a virtual device is plugged into, as the device sees it. */
public interface VirtualUsbPort {

    /** Bus-unique location, such as {@code 1-3}. */
    String location();

    /** Wakes transfers waiting on a NAK so that they ask the device again. */
    void wake();

    /** Unplugs the device: every pending and later transfer of its handles fails as disconnected. */
    void unplug();

    boolean isPlugged();
}
