package io.probehost.driver.jlink.internal;

import java.util.List;

import io.probehost.api.option.OptionDescriptor;

/** The session options this driver owns, named as pyOCD names them. */
final class JlinkOptions {

    static final OptionDescriptor<String> DEVICE = OptionDescriptor.of("jlink.device", String.class, null,
            "Target the J-Link is in front of (a target name, such as nrf51822_xxaa): the probe reports it as "
                    + "its target, the way a board's probe does.");

    static final OptionDescriptor<Boolean> POWER = OptionDescriptor.of("jlink.power", Boolean.class, Boolean.FALSE,
            "Supply target power (5 V on pin 19) through the J-Link while the probe is open; switched off "
                    + "again when it closes.");

    static final OptionDescriptor<Boolean> NON_INTERACTIVE = OptionDescriptor.of("jlink.non_interactive",
            Boolean.class, Boolean.TRUE, "Never prompt (for a firmware update or a licence). Probehost drives the "
                    + "J-Link without SEGGER's DLL and never prompts, so either value behaves the same.");

    static final List<OptionDescriptor<?>> ALL = List.of(DEVICE, POWER, NON_INTERACTIVE);

    private JlinkOptions() {
    }
}
