package io.probehost.run.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.SemihostingCall;
import io.probehost.api.debug.SemihostingOperation;
import io.probehost.rtt.RttStreamDecoder;
import io.probehost.rtt.RttStreamDecoders;

/**
 * The debugger's side of semihosting for {@code run}: console output and the firmware's exit, as the
 * Arm semihosting specification (version 3) defines them, the same on RISC-V. SYS_WRITEC,
 * SYS_WRITE0 and SYS_WRITE (to the handles SYS_OPEN gives for {@code ":tt"}) print; SYS_EXIT and
 * SYS_EXIT_EXTENDED end the run with the firmware's code. Every other operation, file access
 * included, answers -1 (the firmware sees a failed call) and the firmware goes on; the first of each
 * kind is reported on one line.
 */
final class SemihostingHost {
    /** Handles SYS_OPEN gives for {@code ":tt"}: mode 0-3 reads (stdin), 4-7 writes (stdout), 8-11 appends (stderr). */
    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;
    private static final String CONSOLE_NAME = ":tt";
    private static final int STRING_CHUNK = 32;
    private static final int MAX_STRING = 4096;
    private static final long FAILED = -1;

    /** What a call asked of the run. */
    sealed interface Outcome permits Continue, Exit {
    }

    /** The call was answered and the core runs on. */
    record Continue() implements Outcome {
    }

    /** The firmware asked to end; {@code code} is its exit status, {@code reason} the words for it. */
    record Exit(int code, String reason) implements Outcome {
    }

    private final Semihosting semihosting;
    private final MemoryInterface memory;
    private final PrintStream out;
    private final RttStreamDecoder stdout = RttStreamDecoders.text();
    private final RttStreamDecoder stderr = RttStreamDecoders.text();
    private final Set<Integer> reported = new HashSet<>();

    SemihostingHost(Semihosting semihosting, MemoryInterface memory, PrintStream out) {
        this.semihosting = semihosting;
        this.memory = memory;
        this.out = out;
    }

    /** Performs {@code call}; unless it ends the run, completes it and lets the core run. */
    Outcome perform(SemihostingCall call) {
        Optional<SemihostingOperation> operation = call.knownOperation();
        if (operation.isPresent()) {
            Optional<Exit> exit = exit(operation.get(), call);
            if (exit.isPresent()) {
                flush();
                return exit.get();
            }
        }
        semihosting.complete(call, operation.map(op -> answer(op, call)).orElseGet(() -> unsupported(call)));
        return new Continue();
    }

    /** The text still held by a split UTF-8 sequence. */
    void flush() {
        out.print(stdout.finish());
        out.print(stderr.finish());
        out.flush();
    }

    private Optional<Exit> exit(SemihostingOperation operation, SemihostingCall call) {
        if (operation == SemihostingOperation.SYS_EXIT && call.wordBytes() == 4) {
            return Optional.of(exit(call.parameter(), 0));
        }
        if (operation == SemihostingOperation.SYS_EXIT || operation == SemihostingOperation.SYS_EXIT_EXTENDED) {
            long[] block = semihosting.readParameterBlock(call, 2);
            return Optional.of(exit(block[0], block[1]));
        }
        return Optional.empty();
    }

    /**
     * The exit of a reason and, where the call has one, a subcode: ADP_Stopped_ApplicationExit ends
     * with the subcode (0 for 32-bit SYS_EXIT, which has none), any other reason with 1.
     */
    static Exit exit(long reason, long subcode) {
        if (reason == SemihostingOperation.ADP_STOPPED_APPLICATION_EXIT) {
            return new Exit((int) subcode, "exit code " + (int) subcode);
        }
        if (reason == SemihostingOperation.ADP_STOPPED_RUN_TIME_ERROR) {
            return new Exit(1, "run-time error (ADP_Stopped_RunTimeError)");
        }
        return new Exit(1, String.format("stop reason 0x%X", reason));
    }

    private long answer(SemihostingOperation operation, SemihostingCall call) {
        return switch (operation) {
            case SYS_WRITEC -> {
                print(stdout, new byte[] {(byte) memory.read8(call.parameter())});
                yield 0;
            }
            case SYS_WRITE0 -> {
                print(stdout, string(call.parameter()));
                yield 0;
            }
            case SYS_WRITE -> write(semihosting.readParameterBlock(call, 3));
            case SYS_OPEN -> open(semihosting.readParameterBlock(call, 3));
            case SYS_CLOSE, SYS_ISTTY -> isConsole(semihosting.readParameterBlock(call, 1)[0])
                    ? (operation == SemihostingOperation.SYS_ISTTY ? 1 : 0) : FAILED;
            default -> unsupported(call);
        };
    }

    /** SYS_WRITE {handle, data, length}: 0 when all was written, else the count of bytes not written. */
    private long write(long[] block) {
        int length = (int) Math.min(block[2], Integer.MAX_VALUE);
        if (block[0] != STDOUT && block[0] != STDERR) {
            return length;
        }
        print(block[0] == STDOUT ? stdout : stderr, memory.read(block[1], length));
        return 0;
    }

    /** SYS_OPEN {name, mode, length}: the console's handles for {@code ":tt"}; no host files. */
    private long open(long[] block) {
        int length = (int) Math.min(block[2], MAX_STRING);
        String name = new String(memory.read(block[0], length), StandardCharsets.ISO_8859_1);
        if (!name.equals(CONSOLE_NAME) || block[1] > 11) {
            return FAILED;
        }
        return block[1] < 4 ? STDIN : block[1] < 8 ? STDOUT : STDERR;
    }

    private static boolean isConsole(long handle) {
        return handle == STDIN || handle == STDOUT || handle == STDERR;
    }

    private long unsupported(SemihostingCall call) {
        if (reported.add(call.operation())) {
            out.printf("semihosting: operation 0x%02X%s is not supported here; answered -1%n", call.operation(),
                    call.knownOperation().map(op -> " (" + op + ")").orElse(""));
            out.flush();
        }
        return FAILED;
    }

    private void print(RttStreamDecoder decoder, byte[] data) {
        out.print(decoder.decode(data, 0, data.length));
        out.flush();
    }

    /** The NUL-terminated string at {@code address}, read in aligned chunks that stay inside the memory holding it. */
    private byte[] string(long address) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long at = address;
        while (text.size() < MAX_STRING) {
            int chunk = (int) (STRING_CHUNK - (at % STRING_CHUNK));
            byte[] data = memory.read(at, chunk);
            for (byte b : data) {
                if (b == 0) {
                    return text.toByteArray();
                }
                text.write(b);
            }
            at += chunk;
        }
        return text.toByteArray();
    }
}
