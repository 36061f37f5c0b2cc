package io.probehost.driver.pemicro.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.sun.jna.Library;
import com.sun.jna.Native;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.pemicro.PeMicroLab;
import io.probehost.sim.probe.pemicro.PeMultilink;

/**
 * A virtual nRF51822 behind an emulated PE Multilink, reached through a copy of the stand-in library
 * (built by the module's Makefile) in a folder of its own, beside the lab's address file.
 */
final class StandInBench implements AutoCloseable {
    static final String SERIAL = "PEMA51822";
    /** An address that faults on the AHB-AP's bus. */
    static final long NOWHERE = 0x3000_0000L;

    final Nrf51822 mcu = Nrf51822.create(null);
    final SwjDp dp = new SwjDp(mcu, WireMode.SWD, 0);
    final PeMicroLab lab = PeMicroLab.start();
    final PeMultilink multilink = lab.addMultilink(SERIAL, "nRF51822", mcu, dp);
    final Path library;

    /** The stand-in's test hooks, not part of PE Micro's library. */
    interface Hooks extends Library {
        int probehost_standin_control(String command);

        int probehost_standin_open_count();
    }

    StandInBench(Path folder) {
        dp.faultRange((int) NOWHERE, 0x100);
        library = copyStandIn(folder);
        lab.writeAddressFile(folder);
    }

    /** The stand-in as the build made it. */
    static Path builtStandIn() {
        String built = System.getProperty("probehost.pemicro.standin", "target/standin/unitacmp-64.so");
        Path path = Path.of(built);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the stand-in library was not built: " + path + " (mvn verify builds it)");
        }
        return path;
    }

    static Path copyStandIn(Path folder) {
        try {
            return Files.copy(builtStandIn(), folder.resolve(LibraryLocation.fileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LibraryLocation location() {
        return new LibraryLocation(library.toString(), "the test");
    }

    Hooks hooks() {
        return Native.load(library.toString(), Hooks.class);
    }

    @Override
    public void close() {
        lab.close();
        mcu.close();
    }
}
