package io.probehost.flash.internal;

import java.time.Duration;
import java.util.List;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.flash.FlashAlgorithmFailedException;

/**
 * Runs one CMSIS flash algorithm on a halted Cortex-M the way pyOCD and probe-rs do: the blob at its
 * load address, SP = begin_stack, R9 = static base, LR = load address + 1 (the BKPT trampoline),
 * PC = entry, R0-R3 = arguments, xPSR = T; resume, wait for the BKPT halt, R0 is the result.
 * {@link #start} and {@link #await} are separate so that the caller can write the next page while
 * ProgramPage runs.
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

    private static final long XPSR_THUMB = 0x0100_0000L;

    private final FlashAlgorithm algorithm;
    private final MemoryInterface memory;
    private final CoreControl core;
    private final CoreRegister[] arguments;
    private final CoreRegister r9;
    private final CoreRegister sp;
    private final CoreRegister lr;
    private final CoreRegister pc;
    private final CoreRegister xpsr;
    private boolean prepared;
    private String running;
    private long runningAddress;

    AlgorithmRunner(DebugTarget target, FlashAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.memory = target.memory();
        this.core = target.core();
        this.arguments = new CoreRegister[] {register("r0"), register("r1"), register("r2"), register("r3")};
        this.r9 = register("r9");
        this.sp = register("sp");
        this.lr = register("lr");
        this.pc = register("pc");
        this.xpsr = register("xpsr");
    }

    private CoreRegister register(String name) {
        return core.register(name).orElseThrow(() -> new IllegalStateException("core has no register " + name));
    }

    FlashAlgorithm algorithm() {
        return algorithm;
    }

    /** Writes the blob into RAM; the core must be halted. */
    void load() {
        memory.write(algorithm.loadAddress(), algorithm.instructions());
        memory.flush();
    }

    void init(long address, Operation operation) {
        call("Init", algorithm.pcInit(), address, Duration.ofSeconds(2), address, 0, operation.code);
    }

    void uninit(long address, Operation operation) {
        if (algorithm.pcUnInit() != 0) {
            call("UnInit", algorithm.pcUnInit(), address, Duration.ofSeconds(2), operation.code);
        }
    }

    boolean canEraseChip() {
        return algorithm.pcEraseAll() != 0;
    }

    void eraseChip(long regionStart) {
        call("EraseChip", algorithm.pcEraseAll(), regionStart, Duration.ofSeconds(60));
    }

    void eraseSector(long address) {
        call("EraseSector", algorithm.pcEraseSector(), address, Duration.ofSeconds(10), address);
    }

    void startProgramPage(long address, long size, long buffer) {
        start("ProgramPage", algorithm.pcProgramPage(), address, address, size, buffer);
    }

    void awaitProgramPage() {
        await(Duration.ofSeconds(10));
    }

    private void call(String function, long entry, long address, Duration timeout, long... args) {
        start(function, entry, address, args);
        await(timeout);
    }

    /** Sets up the registers and lets the core run the function; does not wait. */
    void start(String function, long entry, long address, long... args) {
        if (entry == 0) {
            throw new FlashAlgorithmFailedException(function, address, -1,
                    "flash algorithm " + algorithm.name() + " has no " + function + " function");
        }
        for (int i = 0; i < args.length; i++) {
            core.writeRegister(arguments[i], args[i] & 0xFFFF_FFFFL);
        }
        // As pyOCD and probe-rs do: R9, SP and xPSR on Init (and the first call); a function that
        // returned through the trampoline leaves them as they were (R9 and SP are callee-saved).
        if (!prepared || function.equals("Init")) {
            core.writeRegister(r9, algorithm.staticBase());
            core.writeRegister(sp, algorithm.beginStack());
            core.writeRegister(xpsr, XPSR_THUMB);
            prepared = true;
        }
        core.writeRegister(lr, algorithm.loadAddress() + 1);
        core.writeRegister(pc, entry | 1);
        running = function;
        runningAddress = address;
        core.resume();
    }

    /** Waits for the running function to return to the trampoline; throws if it failed. */
    long await(Duration timeout) {
        boolean returned = false;
        try {
            long result = awaitReturn(timeout);
            returned = true;
            return result;
        } finally {
            prepared = returned;
        }
    }

    private long awaitReturn(Duration timeout) {
        String function = running;
        long address = runningAddress;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!core.isHalted()) {
            if (System.nanoTime() - deadline > 0) {
                core.halt(Duration.ofMillis(500));
                throw new FlashAlgorithmFailedException(function, address, -1, String.format(
                        "flash algorithm %s: %s(0x%08X) did not return within %d ms", algorithm.name(), function,
                        address, timeout.toMillis()));
            }
            Thread.yield();
        }
        long[] values = core.readRegisters(List.of(arguments[0], pc));
        long result = values[0];
        if (values[1] != algorithm.loadAddress()) {
            throw new FlashAlgorithmFailedException(function, address, -1, String.format(
                    "flash algorithm %s: %s(0x%08X) stopped at PC 0x%08X instead of returning to 0x%08X",
                    algorithm.name(), function, address, values[1], algorithm.loadAddress()));
        }
        if (result != 0) {
            throw new FlashAlgorithmFailedException(function, address, result, String.format(
                    "flash algorithm %s: %s(0x%08X) failed with return code %d", algorithm.name(), function, address,
                    result));
        }
        return result;
    }
}
