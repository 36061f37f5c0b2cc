package io.probehost.firmware.riscv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The test programs, loaded from the classpath: each built twice (see the Makefile), but
 * GD32_TIMER, built for the lab's GD32VF103 alone (it has no virt build).
 */
enum Program {
    TORTURE("torture"),
    FUZZ("fuzz"),
    IRQ("irq"),
    GD32_TIMER("gd32timer");

    private final String name;

    Program(String name) {
        this.name = name;
    }

    /** The ELF for QEMU's virt machine, copied to a temporary file QEMU can open. */
    Path virtElf() {
        try (InputStream in = resource(name + "-virt.elf")) {
            Path file = Files.createTempFile(name + "-virt", ".elf");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lab build's flash image (code at 0x08000000, .data's initial values after it). */
    byte[] labImage() {
        try (InputStream in = resource(name + "-lab.bin")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = Program.class.getResourceAsStream("/firmware/riscv/" + file);
        if (in == null) {
            throw new IllegalStateException("firmware/riscv/" + file + " is not on the classpath (built by make)");
        }
        return in;
    }
}
