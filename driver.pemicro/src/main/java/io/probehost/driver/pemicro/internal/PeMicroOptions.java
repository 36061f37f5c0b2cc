package io.probehost.driver.pemicro.internal;

import java.util.List;

import io.probehost.api.option.OptionDescriptor;

/** The session options this driver owns (what pyOCD's PE Micro plug-in does at connect, made optional). */
final class PeMicroOptions {

    static final OptionDescriptor<Boolean> POWER_TARGET = OptionDescriptor.of("pemicro.power_target", Boolean.class,
            false, "Power the target from the PE Micro probe when connecting (special feature 0x38000011).");

    static final OptionDescriptor<String> DEVICE = OptionDescriptor.of("pemicro.device", String.class, "",
            "Device name the PE Micro library selects before connecting (special feature 0x58004001); "
                    + "empty leaves the library's choice.");

    static final List<OptionDescriptor<?>> ALL = List.of(POWER_TARGET, DEVICE);

    private PeMicroOptions() {
    }
}
