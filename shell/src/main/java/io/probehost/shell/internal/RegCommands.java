package io.probehost.shell.internal;

import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.text.TextTable;

/** {@code reg} and {@code reg:write}: the core registers (the core must be halted). */
@Component(service = RegCommands.class, property = {"osgi.command.scope=reg", "osgi.command.function=reg",
        "osgi.command.function=write"})
public final class RegCommands {
    private final SessionAccess access;

    @Activate
    public RegCommands(@Reference SessionAccess access) {
        this.access = access;
    }

    @Descriptor("show every core register as a table, or one: reg [NAME]")
    public String reg(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("[NAME]: a register such as pc, r0, sp, xpsr; all when absent") String... args) {
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(1, "reg [NAME]");
        CoreControl core = SessionAccess.halted(access.session(invocation), "read registers");
        if (invocation.arguments().size() == 1) {
            CoreRegister register = register(core, invocation.arguments().get(0));
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
    }

    @Descriptor("write a core register: reg:write NAME VALUE")
    public String write(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("NAME VALUE: register and its new value (0x hex or decimal)") String... args) {
        String usage = "reg:write NAME VALUE";
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(2, usage);
        String name = invocation.argument(0, usage);
        String text = invocation.argument(1, usage);
        CoreControl core = SessionAccess.halted(access.session(invocation), "write registers");
        CoreRegister register = register(core, name);
        long value = Numbers.value(text, register.bitWidth());
        core.writeRegister(register, value);
        return name(register) + " = " + hex(register, value);
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
