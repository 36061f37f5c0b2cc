package io.probehost.shell.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.MemoryInterface;

/** {@code mem:*} commands: read and write target memory, and move it to and from files. */
@Component(service = MemCommands.class, property = {"osgi.command.scope=mem", "osgi.command.function=read8",
        "osgi.command.function=read16", "osgi.command.function=read32", "osgi.command.function=write8",
        "osgi.command.function=write16", "osgi.command.function=write32", "osgi.command.function=dump",
        "osgi.command.function=load"})
public final class MemCommands {
    private static final int CHUNK = 4096;
    private static final int MAX_DUMP = 64 * 1024 * 1024;

    private final SessionAccess access;

    @Activate
    public MemCommands(@Reference SessionAccess access) {
        this.access = access;
    }

    @Descriptor("read bytes: mem:read8 ADDR [COUNT]")
    public String read8(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR [COUNT]: address and number of bytes (default 1)") String... args) {
        return read(shell, Invocation.of(uid, noWait, option, args), 1);
    }

    @Descriptor("read 16-bit halfwords: mem:read16 ADDR [COUNT]")
    public String read16(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR [COUNT]: address and number of halfwords (default 1)") String... args) {
        return read(shell, Invocation.of(uid, noWait, option, args), 2);
    }

    @Descriptor("read 32-bit words: mem:read32 ADDR [COUNT]")
    public String read32(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR [COUNT]: address and number of words (default 1)") String... args) {
        return read(shell, Invocation.of(uid, noWait, option, args), 4);
    }

    @Descriptor("write bytes: mem:write8 ADDR VALUE...")
    public String write8(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR VALUE...: address and the bytes to write there") String... args) {
        return write(shell, Invocation.of(uid, noWait, option, args), 1);
    }

    @Descriptor("write 16-bit halfwords: mem:write16 ADDR VALUE...")
    public String write16(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR VALUE...: address and the halfwords to write there") String... args) {
        return write(shell, Invocation.of(uid, noWait, option, args), 2);
    }

    @Descriptor("write 32-bit words: mem:write32 ADDR VALUE...")
    public String write32(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR VALUE...: address and the words to write there") String... args) {
        return write(shell, Invocation.of(uid, noWait, option, args), 4);
    }

    @Descriptor("save target memory to a binary file: mem:dump ADDR LEN FILE")
    public String dump(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("ADDR LEN FILE: start address, number of bytes, file to write") String... args) {
        String usage = "mem:dump ADDR LEN FILE";
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(3, usage);
        long address = Numbers.address(invocation.argument(0, usage));
        int length = Numbers.count(invocation.argument(1, usage), "length");
        Path file = SessionAccess.file(shell, invocation.argument(2, usage));
        if (length > MAX_DUMP) {
            throw new ProbeException("length " + length + " is more than the " + MAX_DUMP + " bytes mem:dump saves");
        }
        MemoryInterface memory = access.session(invocation).target().memory();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int done = 0; done < length; done += CHUNK) {
                int size = Math.min(CHUNK, length - done);
                out.write(readBlock(memory, address + done, size));
            }
        } catch (IOException e) {
            throw new ProbeException("cannot write " + file + ": " + e.getMessage());
        }
        return "Saved " + length + " bytes from " + Numbers.hex32(address) + " to " + file;
    }

    @Descriptor("write a binary file into target memory: mem:load FILE ADDR")
    public String load(CommandSession shell,
            @Descriptor(Flags.UID) @Parameter(names = {"-u", "--uid", "--probe"}, absentValue = "") String uid,
            @Descriptor(Flags.NO_WAIT) @Parameter(names = {"-W", "--no-wait"}, presentValue = "true",
                    absentValue = "false") boolean noWait,
            @Descriptor(Flags.OPTION) @Parameter(names = {"-O", "--option"}, absentValue = "") String option,
            @Descriptor("FILE ADDR: file to read, start address in target memory") String... args) {
        String usage = "mem:load FILE ADDR";
        Invocation invocation = Invocation.of(uid, noWait, option, args).atMost(2, usage);
        Path file = SessionAccess.file(shell, invocation.argument(0, usage));
        long address = Numbers.address(invocation.argument(1, usage));
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProbeException("cannot read " + file + ": " + e.getMessage());
        }
        MemoryInterface memory = access.session(invocation).target().memory();
        try {
            memory.write(address, data);
            memory.flush();
        } catch (TransferFaultException e) {
            throw named(e, address, "write");
        }
        return "Loaded " + data.length + " bytes from " + file + " to " + Numbers.hex32(address);
    }

    private String read(CommandSession shell, Invocation invocation, int width) {
        String usage = "mem:read" + width * 8 + " ADDR [COUNT]";
        invocation.atMost(2, usage);
        long address = aligned(Numbers.address(invocation.argument(0, usage)), width);
        int count = invocation.optionalArgument(1).map(c -> Numbers.count(c, "count")).orElse(1);
        MemoryInterface memory = access.session(invocation).target().memory();
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
    }

    private String write(CommandSession shell, Invocation invocation, int width) {
        String usage = "mem:write" + width * 8 + " ADDR VALUE...";
        long address = aligned(Numbers.address(invocation.argument(0, usage)), width);
        invocation.argument(1, usage);
        long[] values = invocation.arguments().subList(1, invocation.arguments().size()).stream()
                .mapToLong(v -> Numbers.value(v, width * 8)).toArray();
        MemoryInterface memory = access.session(invocation).target().memory();
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
        return "Wrote " + values.length + (values.length == 1 ? " value" : " values") + " at " + Numbers.hex32(address);
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
            throw new ProbeException("address " + Numbers.hex32(address) + " is not aligned to " + width + " bytes");
        }
        return address;
    }

    /** A fault that does not say where gets the address of the access that failed. */
    static TransferFaultException named(TransferFaultException fault, long address, String what) {
        return fault.address().isPresent() ? fault : fault.at(address, "memory " + what);
    }
}
