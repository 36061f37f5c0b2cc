package io.probehost.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The images committed in {@code examples/} are what their sources build to: {@code make OUT=<temp>}
 * there must give the same bytes. Needs arm-none-eabi-gcc and riscv64-unknown-elf-gcc, like the
 * rest of the suite; without them the test fails rather than pass unchecked.
 */
public class ExampleImagesIT {
    private static final List<String> IMAGE_SUFFIXES = List.of(".elf", ".hex", ".bin");

    private final Path examples = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize()
            .resolve("examples");

    @Test
    public void committedImagesEqualAFreshBuild() throws Exception {
        boolean toolchain = onPath("arm-none-eabi-gcc") && onPath("arm-none-eabi-objcopy");
        assertTrue("arm-none-eabi-gcc is not on PATH: the suite needs it (apt-get install gcc-arm-none-eabi, as .ci/run does)",
                toolchain);
        assertTrue("riscv64-unknown-elf-gcc is not on PATH: the suite needs it (apt-get install gcc-riscv64-unknown-elf,"
                + " as .ci/run does)", onPath("riscv64-unknown-elf-gcc") && onPath("riscv64-unknown-elf-objcopy"));

        List<Path> committed = committedImages();
        assertFalse("examples/ holds built images", committed.isEmpty());
        Path fresh = Files.createTempDirectory("probehost-examples");
        String log = make(fresh);
        for (Path image : committed) {
            Path rebuilt = fresh.resolve(image.getFileName());
            assertArrayEquals(image.getFileName() + " differs from a fresh build with " + compilerVersion(image)
                    + "; run make -C examples and commit the images if the source changed\n" + log,
                    Files.readAllBytes(image), Files.readAllBytes(rebuilt));
        }
        try (Stream<Path> built = Files.list(fresh)) {
            assertEquals("every built image is committed", committed.size(), built.count());
        }
    }

    private List<Path> committedImages() throws IOException {
        try (Stream<Path> files = Files.list(examples)) {
            return files.filter(file -> IMAGE_SUFFIXES.stream().anyMatch(file.getFileName().toString()::endsWith))
                    .sorted().toList();
        }
    }

    private String make(Path out) throws Exception {
        Path log = Files.createTempFile("probehost-examples-make", ".log");
        Process make = new ProcessBuilder("make", "--no-print-directory", "OUT=" + out)
                .directory(examples.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!make.waitFor(120, TimeUnit.SECONDS)) {
            make.destroyForcibly();
            throw new AssertionError("make in examples/ did not finish within 120 s");
        }
        String output = Files.readString(log);
        assertEquals("make in examples/ failed:\n" + output, 0, make.exitValue());
        return output;
    }

    /** The version of the compiler that builds {@code image}: the RISC-V one for longan-blinky. */
    private static String compilerVersion(Path image) throws Exception {
        String compiler = image.getFileName().toString().startsWith("longan-") ? "riscv64-unknown-elf-gcc"
                : "arm-none-eabi-gcc";
        Process gcc = new ProcessBuilder(compiler, "--version").redirectErrorStream(true).start();
        String version = new String(gcc.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
        gcc.waitFor(30, TimeUnit.SECONDS);
        return version;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
    }
}
