package io.probehost.shell.internal;

import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.text.Numbers;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;

/** {@code reg} and {@code reg:write}: the core registers (the core must be halted). */
@Component(service = RegCommands.class, property = {"osgi.command.scope=reg", "osgi.command.function=reg",
        "osgi.command.function=write"})
public final class RegCommands {
    static final String REG = "reg " + CommandSyntax.PROBE + " [NAME]";
    static final String WRITE = "reg:write " + CommandSyntax.PROBE + " NAME VALUE";

    private final CommandSessions sessions;

    @Activate
    public RegCommands(@Reference CommandSessions sessions) {
        this.sessions = sessions;
    }

    @Descriptor("show every core register as a table, or one (pc, r0, sp, xpsr...)")
    public Object reg(@Descriptor(REG) String... args) {
        return CommandSyntax.of(REG).run(args, line -> {
            CoreControl core = TargetCommands.halted(sessions.session(line), "read registers");
            if (line.arguments().size() == 1) {
                CoreRegister register = register(core, line.argument(0));
                long value = core.readRegister(register);
                return name(register) + " = " + hex(register, value) + " (" + value + ")";
            }
            List<CoreRegister> registers = core.registers();
            long[] values = core.readRegisters(registers);
            TextTable table = new TextTable("Register", "Value", "Decimal").numeric(2);
            for (int i = 0; i < values.length; i++) {
                table.row(name(registers.get(i)), hex(registers.get(i), values[i]), values[i]);
            }
            return table.toString();
        });
    }

    @Descriptor("write a core register (VALUE: decimal or 0x hex)")
    public Object write(@Descriptor(WRITE) String... args) {
        return CommandSyntax.of(WRITE).run(args, line -> {
            String name = line.argument(0);
            String text = line.argument(1);
            CoreControl core = TargetCommands.halted(sessions.session(line), "write registers");
            CoreRegister register = register(core, name);
            long value = Numbers.value(text, register.bitWidth());
            core.writeRegister(register, value);
            return name(register) + " = " + hex(register, value);
        });
    }

    static CoreRegister register(CoreControl core, String name) {
        return core.register(name.trim()).orElseThrow(() -> new ProbeException("unknown register '" + name
                + "' (" + core.coreName() + " has " + String.join(", ", core.registers().stream()
                        .map(RegCommands::name).toList()) + ")"));
    }

    private static String name(CoreRegister register) {
        return register.name().toLowerCase(Locale.ROOT);
    }

    private static String hex(CoreRegister register, long value) {
        int digits = Math.max(2, (register.bitWidth() + 3) / 4);
        return String.format("0x%0" + digits + "x", value & register.mask());
    }
}
