package io.probehost.core.internal.session;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.OptionProvider;

/**
 * The session options the core owns, named as pyOCD names them. Architecture bundles read
 * {@code connect_mode} and {@code resume_on_disconnect} by name.
 */
@Component(service = OptionProvider.class)
public final class CoreOptions implements OptionProvider {
    static final OptionDescriptor<Long> FREQUENCY = OptionDescriptor.of("frequency", Long.class, 1_000_000L,
            "SWCLK/TCK frequency in Hz (4000000, 4M or 400k)");
    static final OptionDescriptor<String> CONNECT_MODE = OptionDescriptor.of("connect_mode", String.class, "halt",
            "how to connect: halt (halt the core), attach (leave it running), pre-reset (pulse nRESET first), "
                    + "under-reset (reset and halt at the first instruction)");
    static final OptionDescriptor<String> RESET_TYPE = OptionDescriptor.of("reset_type", String.class, "sw",
            "reset used by target:reset: sw (SYSRESETREQ) or hw (nRESET pin)");
    static final OptionDescriptor<Boolean> RESUME_ON_DISCONNECT = OptionDescriptor.of("resume_on_disconnect",
            Boolean.class, Boolean.TRUE, "let the core run when the session ends");
    static final OptionDescriptor<String> TARGET_OVERRIDE = OptionDescriptor.of("target_override", String.class,
            null, "target type to use instead of the one the probe reports");
    static final OptionDescriptor<String> PROTOCOL = OptionDescriptor.of("dap_protocol", String.class, null,
            "wire protocol when none is asked for: swd or jtag (default swd when the probe has it)");

    @Override
    public List<OptionDescriptor<?>> options() {
        return List.of(FREQUENCY, CONNECT_MODE, RESET_TYPE, RESUME_ON_DISCONNECT, TARGET_OVERRIDE, PROTOCOL);
    }
}
