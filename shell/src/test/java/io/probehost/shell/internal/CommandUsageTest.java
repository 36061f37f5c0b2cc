package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.probehost.api.host.DebugSession;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.command.CommandFailure;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;

/** Bad arguments are answered from the usage line, before any probe or session is asked for. */
class CommandUsageTest {
    /** Fails the test when a command gets as far as asking for a session. */
    private final CommandSessions noSessions = new CommandSessions() {
        @Override
        public DebugSession session(CommandLine line) {
            throw new AssertionError("asked for a session");
        }

        @Override
        public DebugSession session(CommandLine line, ProbeDescription probe) {
            throw new AssertionError("asked for a session");
        }

        @Override
        public DebugSession connect(CommandLine line, Optional<WireProtocol> protocol, long clockHz) {
            throw new AssertionError("asked to connect");
        }

        @Override
        public ProbeDescription probe(CommandLine line, boolean noWait) {
            throw new AssertionError("asked for a probe");
        }

        @Override
        public Optional<DebugSession> current() {
            return Optional.empty();
        }

        @Override
        public void disconnect() {
            // nothing open
        }
    };
    private final MemCommands mem = new MemCommands(noSessions);
    private final BreakCommands breakpoints = new BreakCommands(noSessions);
    private final RegCommands registers = new RegCommands(noSessions);

    @Test
    void anUnknownOptionPrintsTheUsage() {
        assertEquals("Error: unknown option '-x'; usage: mem:read32 [-u UID] [-W] [--wait] [-O name=value] ADDR [COUNT]",
                failure(() -> mem.read32("-x", "0")).toString());
    }

    @Test
    void missingAndExtraArgumentsPrintTheUsage() {
        assertEquals("missing ADDR; usage: break:add [-u UID] [-W] [--wait] [-O name=value] [--hw] [--sw] ADDR",
                failure(() -> breakpoints.add()).getMessage());
        assertEquals("unexpected argument 'r1'; usage: reg [-u UID] [-W] [--wait] [-O name=value] [NAME]",
                failure(() -> registers.reg("r0", "r1")).getMessage());
        assertEquals("missing VALUE; usage: mem:write8 [-u UID] [-W] [--wait] [-O name=value] ADDR VALUE...",
                failure(() -> mem.write8("0x20000000")).getMessage());
    }

    @Test
    void conflictingFlagsPrintTheUsage() {
        assertEquals("choose one of --hw and --sw; usage: break:add [-u UID] [-W] [--wait] [-O name=value] [--hw] [--sw] ADDR",
                failure(() -> breakpoints.add("--hw", "--sw", "0x100")).getMessage());
    }

    @Test
    void numbersAreReadOnceTheSameWayWithALeadingZeroAsDecimal() {
        assertEquals("address 0x0000000a is not aligned to 4 bytes", failure(() -> mem.read32("010")).getMessage());
        assertEquals("address 'zz' is not a number (decimal, 0x hex, or with a k or M suffix)",
                failure(() -> mem.read32("zz")).getMessage());
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals("usage: mem:read32 [-u UID] [-W] [--wait] [-O name=value] ADDR [COUNT]", mem.read32("--help"));
    }

    private static CommandFailure failure(Executable command) {
        return assertThrows(CommandFailure.class, command);
    }
}
