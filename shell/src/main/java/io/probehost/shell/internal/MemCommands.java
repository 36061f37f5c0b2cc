package io.probehost.shell.internal;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.text.Numbers;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;
import io.probehost.command.ProgressBar;

/** {@code mem:*} commands: read and write target memory, and move it to and from files. */
@Component(service = MemCommands.class, property = {"osgi.command.scope=mem", "osgi.command.function=read8",
        "osgi.command.function=read16", "osgi.command.function=read32", "osgi.command.function=write8",
        "osgi.command.function=write16", "osgi.command.function=write32", "osgi.command.function=dump",
        "osgi.command.function=load"})
public final class MemCommands {
    private static final int CHUNK = 4096;
    private static final int MAX_DUMP = 64 * 1024 * 1024;

    static final String READ8 = "mem:read8 " + CommandSyntax.PROBE + " ADDR [COUNT]";
    static final String READ16 = "mem:read16 " + CommandSyntax.PROBE + " ADDR [COUNT]";
    static final String READ32 = "mem:read32 " + CommandSyntax.PROBE + " ADDR [COUNT]";
    static final String WRITE8 = "mem:write8 " + CommandSyntax.PROBE + " ADDR VALUE...";
    static final String WRITE16 = "mem:write16 " + CommandSyntax.PROBE + " ADDR VALUE...";
    static final String WRITE32 = "mem:write32 " + CommandSyntax.PROBE + " ADDR VALUE...";
    static final String DUMP = "mem:dump " + CommandSyntax.PROBE + " ADDR LEN FILE";
    static final String LOAD = "mem:load " + CommandSyntax.PROBE + " FILE ADDR";
    private final CommandSessions sessions;

    @Activate
    public MemCommands(@Reference CommandSessions sessions) {
        this.sessions = sessions;
    }

    @Descriptor("read bytes (COUNT default 1)")
    public Object read8(@Descriptor(READ8) String... args) {
        return read(READ8, args, 1);
    }

    @Descriptor("read 16-bit halfwords (COUNT default 1)")
    public Object read16(@Descriptor(READ16) String... args) {
        return read(READ16, args, 2);
    }

    @Descriptor("read 32-bit words (COUNT default 1)")
    public Object read32(@Descriptor(READ32) String... args) {
        return read(READ32, args, 4);
    }

    @Descriptor("write bytes")
    public Object write8(@Descriptor(WRITE8) String... args) {
        return write(WRITE8, args, 1);
    }

    @Descriptor("write 16-bit halfwords")
    public Object write16(@Descriptor(WRITE16) String... args) {
        return write(WRITE16, args, 2);
    }

    @Descriptor("write 32-bit words")
    public Object write32(@Descriptor(WRITE32) String... args) {
        return write(WRITE32, args, 4);
    }

    @Descriptor("save LEN bytes of target memory from ADDR to a binary file")
    public Object dump(CommandSession shell, @Descriptor(DUMP) String... args) {
        return CommandSyntax.of(DUMP).run(args, line -> {
            long address = Numbers.address(line.argument(0));
            int length = Numbers.count(line.argument(1), "length");
            Path file = CommandConsole.file(shell, line.argument(2));
            if (length > MAX_DUMP) {
                throw new ProbeException("length " + length + " is more than the " + MAX_DUMP + " bytes mem:dump saves");
            }
            MemoryInterface memory = sessions.session(line).target().memory();
            ByteArrayOutputStream data = new ByteArrayOutputStream(length);
            ProgressBar progress = new ProgressBar(CommandConsole.out(shell), CommandConsole.isTerminal(shell));
            try {
                for (int done = 0; done < length; done += CHUNK) {
                    int size = Math.min(CHUNK, length - done);
                    data.writeBytes(readBlock(memory, address + done, size));
                    progress.update("read", done + size, length);
                }
            } finally {
                progress.finish();
            }
            CommandConsole.write(file, data.toByteArray());
            return "Saved " + length + " bytes from " + HexDump.hex32(address) + " to " + file;
        });
    }

    @Descriptor("write a binary file into target memory at ADDR")
    public Object load(CommandSession shell, @Descriptor(LOAD) String... args) {
        return CommandSyntax.of(LOAD).run(args, line -> {
            Path file = CommandConsole.file(shell, line.argument(0));
            long address = Numbers.address(line.argument(1));
            byte[] data = CommandConsole.read(file);
            MemoryInterface memory = sessions.session(line).target().memory();
            try {
                memory.write(address, data);
                memory.flush();
            } catch (TransferFaultException e) {
                throw named(e, address, "write");
            }
            return "Loaded " + data.length + " bytes from " + file + " to " + HexDump.hex32(address);
        });
    }

    private Object read(String usage, String[] args, int width) {
        return CommandSyntax.of(usage).run(args, line -> {
            long address = aligned(Numbers.address(line.argument(0)), width);
            int count = line.optionalArgument(1).map(c -> Numbers.count(c, "count")).orElse(1);
            MemoryInterface memory = sessions.session(line).target().memory();
            long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                long at = address + (long) i * width;
                try {
                    values[i] = readUnit(memory, at, width);
                } catch (TransferFaultException e) {
                    throw named(e, at, "read");
                }
            }
            return HexDump.format(address, values, width);
        });
    }

    private Object write(String usage, String[] args, int width) {
        return CommandSyntax.of(usage).run(args, line -> {
            long address = aligned(Numbers.address(line.argument(0)), width);
            long[] values = line.arguments().subList(1, line.arguments().size()).stream()
                    .mapToLong(v -> Numbers.value(v, width * 8)).toArray();
            MemoryInterface memory = sessions.session(line).target().memory();
            long at = address;
            try {
                for (long value : values) {
                    writeUnit(memory, at, width, (int) value);
                    at += width;
                }
                memory.flush();
            } catch (TransferFaultException e) {
                throw named(e, at, "write");
            }
            return "Wrote " + values.length + (values.length == 1 ? " value" : " values") + " at "
                    + HexDump.hex32(address);
        });
    }

    private static byte[] readBlock(MemoryInterface memory, long address, int size) {
        try {
            return memory.read(address, size);
        } catch (TransferFaultException e) {
            throw named(e, address, "read");
        }
    }

    private static long readUnit(MemoryInterface memory, long address, int width) {
        switch (width) {
            case 1:
                return memory.read8(address) & 0xFFL;
            case 2:
                return memory.read16(address) & 0xFFFFL;
            default:
                return memory.read32(address) & 0xFFFF_FFFFL;
        }
    }

    private static void writeUnit(MemoryInterface memory, long address, int width, int value) {
        switch (width) {
            case 1:
                memory.write8(address, value);
                break;
            case 2:
                memory.write16(address, value);
                break;
            default:
                memory.write32(address, value);
        }
    }

    private static long aligned(long address, int width) {
        if (address % width != 0) {
            throw new ProbeException("address " + HexDump.hex32(address) + " is not aligned to " + width + " bytes");
        }
        return address;
    }

    /** A fault that does not say where gets the address of the access that failed. */
    static TransferFaultException named(TransferFaultException fault, long address, String what) {
        return fault.address().isPresent() ? fault : fault.at(address, "memory " + what);
    }
}
