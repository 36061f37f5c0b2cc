package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the arm-none-eabi tools for tests that need real compiler output. */
final class Toolchain {

    /** C sources for these tests, relative to the module folder (surefire's working directory). */
    static final Path SOURCES = Path.of("src", "test", "c");

    private Toolchain() {
    }

    /** Runs a tool and returns its standard output; fails the test clearly when the tool is missing or fails. */
    static String run(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command[0] + " did not finish");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed with exit code " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            return fail(command[0] + " is not available (" + e.getMessage()
                    + "); install the Debian package gcc-arm-none-eabi to run the flash.format tests");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command[0]);
        }
    }

    /** Compiles and links C sources with a linker script into {@code output}. */
    static Path build(Path output, String cpu, Path linkerScript, Path... sources) {
        List<String> command = new ArrayList<>(List.of("arm-none-eabi-gcc", "-mcpu=" + cpu, "-mthumb", "-Os",
                "-ffreestanding", "-fno-common", "-nostdlib", "-nostartfiles", "-T", linkerScript.toString(), "-o",
                output.toString()));
        for (Path source : sources) {
            command.add(source.toString());
        }
        run(command.toArray(String[]::new));
        return output;
    }

    /** Symbol name to value as {@code arm-none-eabi-nm} prints them. */
    static Map<String, Long> symbols(Path elf) {
        Map<String, Long> symbols = new HashMap<>();
        for (String line : run("arm-none-eabi-nm", elf.toString()).split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3) {
                symbols.put(fields[2], Long.parseLong(fields[0], 16));
            }
        }
        return symbols;
    }
}
