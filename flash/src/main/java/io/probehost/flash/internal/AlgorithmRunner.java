package io.probehost.flash.internal;

import java.time.Duration;

import io.probehost.api.debug.CrcCode;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCallException;
import io.probehost.api.debug.FunctionCallTimeoutException;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.flash.FlashAlgorithmFailedException;
import io.probehost.flash.FlashException;

/**
 * Runs one CMSIS flash algorithm on a halted target the way pyOCD and probe-rs do: the blob at its
 * load address, whose first word is the return trap, and each function called through the
 * target's {@link FunctionCaller}, which knows the architecture's registers. The stack and the
 * static base are set on Init and on the first call after a failure; a function that returned
 * leaves them as they were. {@link #start} and {@link #await} are separate so that the caller can
 * write the next page while ProgramPage runs.
 *
 * <p>Time limits come from the algorithm: EraseSector has its {@code TimeoutErase}, Init, UnInit,
 * ProgramPage and Verify its {@code TimeoutProg} (probe-rs uses the two for EraseSector and
 * ProgramPage and fixed limits elsewhere; pyOCD ignores them for its own options). None is shorter
 * than {@link #MINIMUM_TIMEOUT}, and EraseChip, for which the FLM states no limit of its own
 * ({@code toErase} is per sector), gets at least {@link #MINIMUM_CHIP_ERASE_TIMEOUT}.
 */
final class AlgorithmRunner {
    /** Function codes of Init and UnInit. */
    enum Operation {
        ERASE(1), PROGRAM(2), VERIFY(3);

        final int code;

        Operation(int code) {
            this.code = code;
        }
    }

    /**
     * The shortest limit of any call. An FLM's limits are the flash's own times (100 ms per page is
     * common); the host measures them from the far side of USB round trips, a busy machine and, in
     * the lab, an emulated CPU.
     */
    static final Duration MINIMUM_TIMEOUT = Duration.ofSeconds(1);
    /** The shortest limit of EraseChip: between probe-rs's 30 s and pyOCD's 240 s, as the loader always had. */
    static final Duration MINIMUM_CHIP_ERASE_TIMEOUT = Duration.ofSeconds(60);

    private final FlashAlgorithm algorithm;
    private final MemoryInterface memory;
    private final FunctionCaller caller;
    private final byte[] crcCode;
    private boolean prepared;
    private String running;
    private long runningAddress;

    AlgorithmRunner(DebugTarget target, FlashAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.memory = target.memory();
        this.caller = target.capability(FunctionCaller.class).orElseThrow(() -> new FlashException(
                "cannot run flash algorithm " + algorithm.name() + ": " + target.description()
                        + " offers no way to call a function on the target"));
        this.crcCode = target.capability(CrcCode.class).map(CrcCode::code).orElse(SectorCrc.CODE);
    }

    FlashAlgorithm algorithm() {
        return algorithm;
    }

    /** The sector CRC code for this target: its architecture's ({@link CrcCode}), else the Cortex-M build. */
    byte[] crcCode() {
        return crcCode;
    }

    /** Writes the blob into RAM; the core must be halted. */
    void load() {
        memory.write(algorithm.loadAddress(), algorithm.instructions());
        memory.flush();
    }

    void init(long address, Operation operation) {
        call("Init", algorithm.pcInit(), address, address, 0, operation.code);
    }

    void uninit(long address, Operation operation) {
        if (algorithm.pcUnInit() != 0) {
            call("UnInit", algorithm.pcUnInit(), address, operation.code);
        }
    }

    boolean canEraseChip() {
        return algorithm.pcEraseAll() != 0;
    }

    void eraseChip(long regionStart) {
        call("EraseChip", algorithm.pcEraseAll(), regionStart);
    }

    void eraseSector(long address) {
        call("EraseSector", algorithm.pcEraseSector(), address, address);
    }

    void startProgramPage(long address, long size, long buffer) {
        start("ProgramPage", algorithm.pcProgramPage(), address, address, size, buffer);
    }

    void awaitProgramPage() {
        await(timeout("ProgramPage"));
    }

    /**
     * How long {@code function} may run: the algorithm's TimeoutErase for EraseSector and EraseChip,
     * its TimeoutProg for the others, never below {@link #MINIMUM_TIMEOUT} (a chip erase never below
     * {@link #MINIMUM_CHIP_ERASE_TIMEOUT}).
     */
    Duration timeout(String function) {
        return switch (function) {
            case "EraseSector" -> atLeast(algorithm.eraseTimeout(), MINIMUM_TIMEOUT);
            case "EraseChip" -> atLeast(algorithm.eraseTimeout(), MINIMUM_CHIP_ERASE_TIMEOUT);
            default -> atLeast(algorithm.programTimeout(), MINIMUM_TIMEOUT);
        };
    }

    private static Duration atLeast(Duration limit, Duration floor) {
        return limit.compareTo(floor) < 0 ? floor : limit;
    }

    private void call(String function, long entry, long address, long... args) {
        start(function, entry, address, args);
        await(timeout(function));
    }

    /**
     * Lets the target run {@code entry} with the arguments; does not wait. {@code address} is what
     * messages name (the sector or page; the region start for Init and UnInit).
     */
    void start(String function, long entry, long address, long... args) {
        if (entry == 0) {
            throw new FlashAlgorithmFailedException(function, address, -1,
                    "flash algorithm " + algorithm.name() + " has no " + function + " function");
        }
        FunctionCall call = FunctionCall.of(function, entry, algorithm.loadAddress(), masked(args));
        if (!prepared || function.equals("Init")) {
            call = call.withStackPointer(algorithm.beginStack()).withStaticBase(algorithm.staticBase());
        }
        running = function;
        runningAddress = address;
        prepared = false;
        caller.start(call);
        prepared = true;
    }

    private static long[] masked(long[] args) {
        long[] values = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] & 0xFFFF_FFFFL;
        }
        return values;
    }

    /** Waits up to {@code timeout} for the running function to return to the trap; throws if it failed. */
    long await(Duration timeout) {
        String function = running;
        long address = runningAddress;
        long result;
        prepared = false;
        try {
            result = caller.await(timeout);
        } catch (FunctionCallTimeoutException e) {
            throw new FlashAlgorithmFailedException(function, address, -1, String.format(
                    "flash algorithm %s: %s(0x%08X) did not return within %d ms%s", algorithm.name(), function,
                    address, timeout.toMillis(), e.stoppedAt() < 0 ? "" : String.format(
                            "; halted at 0x%08X", e.stoppedAt())));
        } catch (FunctionCallException e) {
            throw new FlashAlgorithmFailedException(function, address, -1, String.format(
                    "flash algorithm %s: %s(0x%08X) stopped at 0x%08X instead of returning to 0x%08X",
                    algorithm.name(), function, address, e.stoppedAt(), algorithm.loadAddress()));
        }
        prepared = true;
        if (result != 0) {
            throw new FlashAlgorithmFailedException(function, address, result, String.format(
                    "flash algorithm %s: %s(0x%08X) failed with return code %d", algorithm.name(), function, address,
                    result));
        }
        return result;
    }
}
