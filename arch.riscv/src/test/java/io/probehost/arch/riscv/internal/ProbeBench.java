package io.probehost.arch.riscv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.driver.cmsisdap.internal.CmsisDapDriver;
import io.probehost.driver.jlink.internal.JlinkDriver;
import io.probehost.flash.format.TargetPackReader;
import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.probe.cmsisdap.CmsisDapProbes;
import io.probehost.sim.probe.jlink.JlinkConfig;
import io.probehost.sim.probe.jlink.JlinkProbe;
import io.probehost.sim.probe.usb.VirtualUsbBus;
import io.probehost.sim.probe.usb.VirtualUsbDevice;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/**
 * A virtual GD32VF103 (its RISC-V JTAG DTM on the probe's pins) behind one of the lab's probe
 * emulators on a virtual USB bus, and the real driver on that bus, bound the way DS binds it; and
 * the gd32vf103cb target as pack.gigadevice describes it.
 */
final class ProbeBench implements AutoCloseable {
    /** The probes that drive a RISC-V target over JTAG. */
    enum Kind {
        CMSIS_DAP, JLINK
    }

    final Gd32vf103 mcu = Gd32vf103.create(null);
    private final VirtualUsbBus bus = new VirtualUsbBus("riscv-e2e");
    private final VirtualUsbDevice device;
    private final ProbeDriver driver;

    ProbeBench(Kind kind) {
        RiscvJtagDtm dtm = new RiscvJtagDtm(mcu, Gd32vf103.JTAG_IDCODE, 0);
        if (kind == Kind.CMSIS_DAP) {
            device = CmsisDapProbes.genericV21("PHLABRV01", "GigaDevice", "GD32VF103CB", "Sipeed", "Longan Nano", dtm,
                    mcu.clock());
            driver = new CmsisDapDriver();
        } else {
            device = new JlinkProbe(JlinkConfig.v11(260_100_321L), dtm, mcu.clock());
            driver = new JlinkDriver();
        }
        bus.attach(device);
        try {
            Method addBus = driver.getClass().getDeclaredMethod("addBus", UsbBus.class);
            addBus.setAccessible(true);
            addBus.invoke(driver, bus);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    DebugProbe open() {
        List<ProbeDescription> probes = driver.probes();
        assertEquals(1, probes.size(), "probes: " + probes);
        return driver.open(probes.get(0), SessionOptions.defaults());
    }

    /** The gd32vf103cb target of pack.gigadevice, read from its jar as the pack extender reads it. */
    static TargetDescription gd32vf103cb() {
        try {
            for (URL url : Collections.list(ProbeBench.class.getClassLoader().getResources(TargetPackReader.FILE_NAME))) {
                Optional<TargetDescription> found = TargetPackReader.read(url.toString(), read(url),
                        path -> read(new URL(url, path))).targets().stream()
                        .filter(t -> t.name().equals("gd32vf103cb")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("pack.gigadevice is not on the test class path");
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        bus.close();
        if (device instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        mcu.close();
    }
}
