package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The judge of the lab's debug architecture: the real OpenOCD (Debian's 0.12) drives the virtual
 * nRF51 through {@code ./probehost --sim lab:rbb}, as a user would, and programs it with its own
 * nRF51 flash driver; Probehost then reads the flash back through its own probe and driver.
 */
public class LabRemoteBitbangIT {
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    /** Both blinky examples count the turns of their main loop in the first word of RAM. */
    private static final List<String> RESET_RUN_AND_READ_THE_TURN_COUNTER_TWICE = List.of("-c", "reset run",
            "-c", "sleep 300", "-c", "mdw 0x20000000", "-c", "sleep 200", "-c", "mdw 0x20000000");
    private static final Pattern TURN_COUNTER = Pattern.compile("0x20000000: ([0-9a-f]{8})");

    @Test
    public void openocdHaltsFlashesAndVerifiesTheVirtualNrf51ThroughLabRbb() throws Exception {
        Path image = writeSpinImage(Files.createTempFile("spin", ".bin"));
        String config = ShippedRuntime.runtimeFolder().resolve("etc/openocd/probehost-nrf51-rbb.cfg").toString();
        String output = openocdThroughLab(List.of(), port -> List.of("-c", "set RBB_PORT " + port, "-f", config,
                "-c", "init", "-c", "halt", "-c", "flash probe 0", "-c", "flash write_image erase " + image + " 0",
                "-c", "verify_image " + image + " 0", "-c", "reset halt", "-c", "reg pc", "-c", "step", "-c", "reg pc",
                "-c", "mdw 0x0 2", "-c", "shutdown"));
        assertTrue(output, output.contains("Cortex-M0 r0p0 processor detected"));
        assertTrue("OpenOCD's nrf5 driver identifies the part from FICR: " + output,
                output.contains("nRF51822-QFAA(build code: H0) 256kB Flash, 16kB RAM"));
        assertTrue(output, output.contains("verified " + Files.size(image) + " bytes"));
        assertTrue("reset halt stops at the reset handler: " + output, output.contains("pc (/32): 0x00000040"));
        assertTrue("a step moves to the next instruction: " + output, output.contains("pc (/32): 0x00000042"));
        assertTrue(output, output.contains("0x00000000: 20004000 00000041"));
    }

    /**
     * OpenOCD's own target/stm32f1x.cfg finds the STM32F103's JTAG chain (Cortex-M3 TAP, then the
     * boundary-scan TAP), identifies the part from DBGMCU and programs examples/nucleo-blinky.bin
     * with its stm32f1x flash driver; "reset run" then runs it (issue 9: the loader's BKPT left the
     * core halted out of reset).
     */
    @Test
    public void openocdFlashesTheVirtualStm32f103ThroughLabRbbWithItsStockConfiguration() throws Exception {
        Path image = top().resolve("examples/nucleo-blinky.bin");
        String output = openocdThroughLab(List.of("-t", "nucleo-f103rb"), port -> {
            List<String> args = new ArrayList<>(List.of(
                    "-c", "adapter driver remote_bitbang; remote_bitbang host 127.0.0.1; remote_bitbang port " + port,
                    "-c", "transport select jtag; gdb_port disabled; telnet_port disabled; tcl_port disabled",
                    "-f", "target/stm32f1x.cfg", "-c", "init", "-c", "halt", "-c", "flash probe 0",
                    "-c", "flash write_image erase " + image + " 0x08000000",
                    "-c", "verify_image " + image + " 0x08000000"));
            args.addAll(RESET_RUN_AND_READ_THE_TURN_COUNTER_TWICE);
            args.addAll(List.of("-c", "reset halt", "-c", "reg pc", "-c", "shutdown"));
            return args;
        });
        assertTrue(output, output.contains("tap/device found: 0x3ba00477"));
        assertTrue(output, output.contains("tap/device found: 0x06410041"));
        assertTrue(output, output.contains("Cortex-M3 r1p1 processor detected"));
        assertTrue("the stm32f1x driver reads DBGMCU_IDCODE and the flash size: " + output,
                output.contains("device id = 0x20006410") && output.contains("flash size = 128 KiB"));
        assertTrue(output, output.contains("verified " + Files.size(image) + " bytes"));
        assertTurnCounterAdvances(output);
        assertTrue("reset halt stops at blinky's reset handler: " + output, output.contains("pc (/32): 0x08000044"));
    }

    /**
     * The same on the virtual nRF51: OpenOCD's nrf51 driver programs examples/blinky.bin with its
     * loader (which ends in BKPT), and "reset run" runs the image.
     */
    @Test
    public void openocdRunsTheImageItFlashedIntoTheVirtualNrf51AfterResetRun() throws Exception {
        Path image = top().resolve("examples/blinky.bin");
        String config = ShippedRuntime.runtimeFolder().resolve("etc/openocd/probehost-nrf51-rbb.cfg").toString();
        String output = openocdThroughLab(List.of(), port -> {
            List<String> args = new ArrayList<>(List.of("-c", "set RBB_PORT " + port, "-f", config,
                    "-c", "init", "-c", "halt", "-c", "flash write_image erase " + image + " 0",
                    "-c", "verify_image " + image + " 0"));
            args.addAll(RESET_RUN_AND_READ_THE_TURN_COUNTER_TWICE);
            args.addAll(List.of("-c", "shutdown"));
            return args;
        });
        assertTrue(output, output.contains("verified " + Files.size(image) + " bytes"));
        assertTurnCounterAdvances(output);
    }

    /** The two reads of the turn counter after "reset run" differ: the image runs, it is not halted. */
    private static void assertTurnCounterAdvances(String output) {
        String afterResetRun = output.substring(output.lastIndexOf("verified "));
        Matcher counter = TURN_COUNTER.matcher(afterResetRun);
        List<Long> turns = new ArrayList<>();
        while (counter.find()) {
            turns.add(Long.parseLong(counter.group(1), 16));
        }
        assertEquals("two reads of the turn counter: " + output, 2, turns.size());
        assertTrue("the image runs after reset run, counting turns: " + turns + "\n" + output,
                turns.get(1) > turns.get(0));
        assertFalse("nothing halts the core after reset run: " + output,
                afterResetRun.substring(0, afterResetRun.indexOf("0x20000000:")).contains("halted due to"));
    }

    /**
     * OpenOCD's own target/gd32vf103.cfg finds the RISC-V DTM of the lab's GD32VF103CB (the Longan
     * Nano's chip), halts, reads and writes registers and memory, steps out of the flash alias,
     * programs examples/longan-blinky.bin with its stm32f1x driver (running OpenOCD's RISC-V loader on
     * the lab hart) and runs it. As on the real chip, ndmreset resets nothing, so OpenOCD 0.12's
     * {@code reset run} leaves the halted hart where it is; the chip's system reset through the DBG
     * registers (what later OpenOCD versions do on this chip) restarts it from its reset vector.
     */
    @Test
    public void openocdFlashesAndRunsLonganBlinkyOnTheVirtualGd32vf103ThroughLabRbb() throws Exception {
        Path image = top().resolve("examples/longan-blinky.bin");
        String output = openocdThroughLab(List.of("-t", "longan-nano"), port -> stockConfig(port,
                "target/gd32vf103.cfg", "-c", "init", "-c", "halt", "-c", "reg misa",
                "-c", "mww 0x20000100 0x12345678", "-c", "mdw 0x20000100",
                "-c", "flash write_image erase " + image + " 0x08000000", "-c", "verify_image " + image + " 0x08000000",
                "-c", "reg pc 0", "-c", "step", "-c", "reg pc", "-c", "step", "-c", "reg pc",
                "-c", "resume", "-c", "sleep 100", "-c", "halt", "-c", "mdw 0x20000000 2",
                "-c", "mww 0x20000000 0xFFFF0000", "-c", "reset run",
                "-c", "halt", "-c", "riscv set_mem_access abstract",
                "-c", "mww 0xE004200C 0x4B5A6978", "-c", "mww 0xE0042008 1", "-c", "sleep 100", "-c", "poll",
                "-c", "halt", "-c", "mdw 0x20000000 2", "-c", "resume", "-c", "sleep 100", "-c", "halt",
                "-c", "mdw 0x20000000 2", "-c", "mdw 0x4001100C", "-c", "shutdown"));
        assertTrue(output, output.contains("tap/device found: 0x1000563d"));
        assertFalse("the scan finds the IDCODE target/gd32vf103.cfg expects: " + output, output.contains("UNEXPECTED"));
        assertTrue(output, output.contains("misa (/32): 0x40901105"));
        assertTrue(output, output.contains("0x20000100: 12345678"));
        assertTrue("the stm32f1x driver reads the GD32's DBG ID and flash size: " + output,
                output.contains("device id = 0x19060410") && output.contains("flash size = 128 KiB"));
        assertTrue(output, output.contains("verified " + Files.size(image) + " bytes"));
        assertTrue("a step over lui at the alias: " + output, output.contains("pc (/32): 0x00000004"));
        assertTrue("a step over the jump to the link address: " + output, output.contains("pc (/32): 0x08000008"));
        List<long[]> counters = wordPairs(output, "0x20000000");
        assertEquals(output, 3, counters.size());
        assertTrue("resumed, blinky counts its turns: " + output, counters.get(0)[0] > 0);
        assertTrue("the system reset restarts blinky, which clears its counters: " + output,
                output.contains("Hart 0 unexpectedly reset!") && counters.get(1)[0] < 0xFFFF_0000L);
        assertTrue("resumed after the reset, blinky counts on: " + output, counters.get(2)[0] > counters.get(1)[0]);
        long turns = counters.get(2)[0];
        long toggles = counters.get(2)[1];
        assertTrue("one LED change every 256 turns (the last one may be under way): " + output,
                toggles > 0 && (toggles == turns / 256 || toggles == turns / 256 - 1));
        assertTrue("GPIOC_OCTL holds the red LED's pin, PC13: " + output,
                output.contains("0x4001100c: 00002000") || output.contains("0x4001100c: 00000000"));
    }

    /** OpenOCD on the remote_bitbang adapter at {@code port}, its stock {@code config}, then {@code commands}. */
    private static List<String> stockConfig(int port, String config, String... commands) {
        List<String> args = new ArrayList<>(List.of(
                "-c", "adapter driver remote_bitbang; remote_bitbang host 127.0.0.1; remote_bitbang port " + port,
                "-c", "transport select jtag; gdb_port disabled; telnet_port disabled; tcl_port disabled",
                "-f", config));
        args.addAll(List.of(commands));
        return args;
    }

    /** The two words of each {@code mdw ADDRESS 2} in the log, in order. */
    private static List<long[]> wordPairs(String output, String address) {
        Matcher pair = Pattern.compile(Pattern.quote(address) + ": ([0-9a-f]{8}) ([0-9a-f]{8})").matcher(output);
        List<long[]> pairs = new ArrayList<>();
        while (pair.find()) {
            pairs.add(new long[] {Long.parseLong(pair.group(1), 16), Long.parseLong(pair.group(2), 16)});
        }
        return pairs;
    }

    /** Runs OpenOCD with the arguments for the port {@code ./probehost --sim lab:rbb --port 0 LABARGS} serves. */
    private static String openocdThroughLab(List<String> labArgs, IntFunction<List<String>> openocdArgs)
            throws Exception {
        Path state = Files.createTempDirectory("probehost-rbb-state");
        List<String> command = new ArrayList<>(List.of(top().resolve("probehost").toString(), "--sim", "lab:rbb",
                "--port", "0"));
        command.addAll(labArgs);
        ProcessBuilder server = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        server.environment().put("PROBEHOST_STATE", state.toString());
        Process lab = server.start();
        try {
            return openocd(openocdArgs.apply(awaitPort(lab)));
        } finally {
            lab.destroy();
            boolean stopped = lab.waitFor(20, TimeUnit.SECONDS);
            if (!stopped) {
                lab.destroyForcibly();
            }
            assertTrue("lab:rbb stops on SIGTERM", stopped);
        }
    }

    private static Path top() {
        return Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
    }

    /** A vector table (SP, reset handler at 0x40) and a handler that counts in R0 forever. */
    static Path writeSpinImage(Path file) throws Exception {
        ByteBuffer image = ByteBuffer.allocate(0x48).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0, 0x2000_4000);
        image.putInt(4, 0x41);
        image.putShort(0x40, (short) 0x2000); // movs r0, #0
        image.putShort(0x42, (short) 0x3001); // adds r0, #1
        image.putShort(0x44, (short) 0xE7FD); // b 0x42
        image.putShort(0x46, (short) 0xBF00); // nop
        Files.write(file, image.array());
        return file;
    }

    private static int awaitPort(Process lab) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 60_000;
        StringBuilder seen = new StringBuilder();
        while (System.currentTimeMillis() < deadline) {
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            seen.append(line).append('\n');
            Matcher port = PORT.matcher(line);
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
        }
        throw new AssertionError("lab:rbb did not announce its port: " + seen);
    }

    private static String openocd(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openocd");
        command.addAll(args);
        File log = Files.createTempFile("openocd", ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openocd did not finish: " + Files.readString(log.toPath()));
        }
        String output = Files.readString(log.toPath());
        assertEquals(output, 0, process.exitValue());
        return output;
    }
}
