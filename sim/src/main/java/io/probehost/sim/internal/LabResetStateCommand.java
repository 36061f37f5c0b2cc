package io.probehost.sim.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code lab:reset-state}. A Java method cannot be named with a hyphen, so this command is its own
 * service and answers through Gogo's catch-all method {@code _main}, which is given the command name.
 */
@Component(service = LabResetStateCommand.class,
        property = {"osgi.command.scope=lab", "osgi.command.function=reset-state"})
public final class LabResetStateCommand {
    private final LabComponent component;

    @Activate
    public LabResetStateCommand(@Reference LabComponent component) {
        this.component = component;
    }

    @Descriptor("erase the flash and UICR of every lab target (the state kept between runs)")
    public String _main(Object... commandName) {
        component.lab().resetState();
        return "Lab state reset: flash and UICR of " + component.lab().targets().size() + " targets erased";
    }
}
