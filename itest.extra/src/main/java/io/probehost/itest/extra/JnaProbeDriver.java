package io.probehost.itest.extra;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import io.probehost.api.ProbeException;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ProbeDriver;

/**
 * A driver extra as a native-library driver is: it opens a native library through JNA when it
 * activates (libc here, the vendor's library in a real one), calls into it, and closes it when it
 * deactivates. Its one probe's serial number carries the process id libc returned.
 */
@Component(service = ProbeDriver.class, property = ProbeDriver.NAME_PROPERTY + "=jnaprobe")
public final class JnaProbeDriver implements ProbeDriver {
    private final NativeLibrary libc;
    private final int processId;

    @Activate
    public JnaProbeDriver() {
        libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
        Function getpid = libc.getFunction("getpid");
        processId = getpid.invokeInt(new Object[0]);
    }

    @Deactivate
    void close() {
        libc.close();
    }

    @Override
    public String name() {
        return "jnaprobe";
    }

    @Override
    public String description() {
        return "test-only extra: one probe named after the process id libc gives through JNA";
    }

    @Override
    public List<ProbeDescription> probes() {
        return List.of(new ProbeDescription("jnaprobe", "JNA" + processId, "Probehost", "JNA Test Probe", "", "", "",
                "jna:" + processId));
    }

    @Override
    public DebugProbe open(ProbeDescription probe, SessionOptions options) {
        throw new ProbeException("the JNA test probe cannot be opened");
    }
}
