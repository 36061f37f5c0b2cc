package io.probehost.flash.internal;

import java.lang.reflect.Method;
import java.util.Optional;

import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.TargetCapability;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.usb.UsbBus;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.driver.cmsisdap.internal.CmsisDapDriver;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.cmsisdap.CmsisDapProbe;
import io.probehost.sim.probe.cmsisdap.CmsisDapProbes;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/**
 * The lab in a test: a virtual nRF51822 behind a virtual DAPLink on a virtual USB bus, opened through
 * the real CMSIS-DAP driver and connected with the real ARM stack, as a session would.
 */
final class VirtualNrf51 implements AutoCloseable {
    final Nrf51822 mcu = Nrf51822.create(null);
    final CmsisDapProbe device = CmsisDapProbes.dapLink(CmsisDapProbes.microBitSerial("flash"), new SwjDp(mcu),
            mcu.clock());
    final VirtualUsbBus bus = new VirtualUsbBus("flash-test");
    private final CmsisDapDriver driver = new CmsisDapDriver();
    private DebugProbe probe;
    private CortexMTarget cortex;

    VirtualNrf51() {
        bus.attach(device);
        try {
            Method addBus = CmsisDapDriver.class.getDeclaredMethod("addBus", UsbBus.class);
            addBus.setAccessible(true);
            addBus.invoke(driver, bus);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the probe and connects the core (again after an unplug: plug it back first). */
    DebugTarget connect() {
        return connect(0);
    }

    /** As {@link #connect()}, with the probe's SWD clock set to {@code clockHz} (0: the driver's default). */
    DebugTarget connect(long clockHz) {
        disconnect();
        probe = driver.open(driver.probes().get(0), SessionOptions.defaults());
        if (clockHz > 0) {
            probe.setClockHz(clockHz);
        }
        cortex = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
        CortexMTarget connected = cortex;
        return new DebugTarget() {
            @Override
            public String description() {
                return connected.coreType().toString();
            }

            @Override
            public MemoryInterface memory() {
                return connected.memory();
            }

            @Override
            public CoreControl core() {
                return connected.core();
            }

            @Override
            public BreakpointControl breakpoints() {
                return connected.breakpoints();
            }

            @Override
            public WatchpointControl watchpoints() {
                return connected.watchpoints();
            }

            @Override
            public <C extends TargetCapability> Optional<C> capability(Class<C> type) {
                return type == FunctionCaller.class ? Optional.of(type.cast(connected.functionCaller()))
                        : Optional.empty();
            }

            @Override
            public void close() {
                connected.close();
            }
        };
    }

    void unplugAfterRequests(int requests) {
        device.faults().disconnectAfterRequests(requests);
    }

    void plugBackIn() {
        device.faults().clear();
        if (!bus.isAttached(device)) {
            bus.attach(device);
        }
    }

    private void disconnect() {
        try {
            if (cortex != null) {
                cortex.close();
            }
        } catch (RuntimeException ignored) {
            // the probe may be gone already
        }
        try {
            if (probe != null) {
                probe.close();
            }
        } catch (RuntimeException ignored) {
            // same
        }
        cortex = null;
        probe = null;
    }

    @Override
    public void close() {
        disconnect();
        bus.close();
        device.close();
        mcu.close();
    }
}
