package io.probehost.firmware.riscv;

import io.probehost.sim.riscv.Hart;

/**
 * Unthrottled speed of the lab hart: runs the torture program from reset to DONE again and again
 * for about {@code seconds} (default 10) of host time and prints retired instructions per second.
 * Run with {@code firmware.riscv/benchmark.sh}; a figure, not a test.
 */
public final class HartBenchmark {
    private static final long SLICE = 10_000;

    private HartBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        byte[] image = Program.TORTURE.labImage();
        int status = Platform.LAB.resultBlockAddress();
        LabBoard board = new LabBoard();
        long instructions = 0;
        long nanos = 0;
        int runs = 0;
        long warmUpEnd = System.nanoTime() + 2_000_000_000L;
        boolean measuring = false;
        while (!measuring || nanos < seconds * 1e9) {
            if (!measuring && System.nanoTime() > warmUpEnd) {
                measuring = true;
            }
            board.load(image);
            board.clearRam();
            Hart hart = board.hart();
            long start = System.nanoTime();
            while (!ResultBlock.isFinished(board.readWords(status, 1)[0])) {
                hart.run(SLICE);
            }
            if (measuring) {
                nanos += System.nanoTime() - start;
                instructions += hart.instructionsRetired();
                runs++;
            }
        }
        System.out.printf("RV32IMAC lab hart, torture program: %d runs, %d instructions in %.2f s: %.1f million instructions/s"
                + " (the GD32VF103 at 108 MHz: up to 108)%n", runs, instructions, nanos / 1e9, instructions / (nanos / 1e3));
    }
}
