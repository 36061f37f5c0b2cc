package io.probehost.sim.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.command.CommandSyntax;

/**
 * {@code lab:reset-state}. A Java method cannot be named with a hyphen, so this command is its own
 * service and answers through Gogo's catch-all method {@code _main}, which is given the command name
 * before the arguments.
 */
@Component(service = LabResetStateCommand.class,
        property = {"osgi.command.scope=lab", "osgi.command.function=reset-state"})
public final class LabResetStateCommand {
    private final LabComponent component;

    @Activate
    public LabResetStateCommand(@Reference LabComponent component) {
        this.component = component;
    }

    static final String RESET_STATE = "lab:reset-state";

    @Descriptor("erase the flash and UICR of every lab target (the state kept between runs)")
    public Object _main(@Descriptor(RESET_STATE) Object... nameAndArgs) {
        return CommandSyntax.of(RESET_STATE).run(arguments(nameAndArgs), line -> {
            component.lab().resetState();
            return "Lab state reset: flash and UICR of " + component.lab().targets().size() + " targets erased";
        });
    }

    /** The arguments typed after the command name, as text. */
    static String[] arguments(Object... nameAndArgs) {
        if (nameAndArgs == null || nameAndArgs.length <= 1) {
            return new String[0];
        }
        String[] arguments = new String[nameAndArgs.length - 1];
        for (int i = 1; i < nameAndArgs.length; i++) {
            arguments[i - 1] = String.valueOf(nameAndArgs[i]);
        }
        return arguments;
    }
}
