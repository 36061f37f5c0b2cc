package io.probehost.driver.stlink.internal;

import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ProbeDescription;

/** Probes opened on a {@link ScriptedTransport} with a given firmware. */
final class TestProbes {
    static final ProbeDescription DESCRIPTION = new ProbeDescription(FoundProbe.DRIVER_NAME, "066DFF555051", "STMicroelectronics",
            "ST-Link/V2-1", "", "", "", "test:1");

    private TestProbes() {
    }

    /** A channel that knows its firmware without asking. */
    static StlinkChannel channel(StlinkTransport transport, StlinkVersion version) {
        StlinkChannel channel = new StlinkChannel(transport);
        channel.setVersion(version);
        return channel;
    }

    static StlinkVersion v2(int jtag) {
        return new StlinkVersion(StlinkModel.V2, 2, jtag, 7, 0, 0, 0);
    }

    static StlinkVersion v3(int jtag) {
        return new StlinkVersion(StlinkModel.V3, 3, jtag, 0, 7, 5, 0);
    }

    static StlinkProbe probe(ScriptedTransport transport, StlinkVersion version) {
        return new StlinkProbe(DESCRIPTION, channel(transport, version), 3.3);
    }

    static SessionOptions options(OptionDescriptor<?> option, Object value) {
        return new SessionOptions() {
            @Override
            public <T> T get(OptionDescriptor<T> wanted) {
                return wanted == option ? wanted.convert(value) : wanted.defaultValue();
            }
        };
    }
}
