package io.probehost.driver.pemicro.internal;

import java.io.File;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * One loaded copy of the PE Micro library. The library acts on one current port per process and is
 * not thread-safe, so every call, and every sequence of calls that must not interleave, runs through
 * {@link #call} under one lock. {@link #close()} unloads it ({@code NativeLibrary.close}, a
 * {@code dlclose}), so a driver that is stopped leaves nothing mapped.
 */
final class PeLibrary implements AutoCloseable {
    /** Port type 99: autodetect, used for all enumeration. */
    static final int PORT_TYPE_AUTODETECT = 99;

    private final ReentrantLock lock = new ReentrantLock();
    private final LibraryLocation location;
    private final NativeLibrary nativeLibrary;
    private PeMicroLibrary functions;

    /** A port as enumeration lists it: numbered from 1, its ID (serial or name) and description. */
    record Port(int index, String id, String description) {
    }

    private PeLibrary(LibraryLocation location, PeMicroLibrary functions) {
        this.location = location;
        this.functions = functions;
        this.nativeLibrary = ((Library.Handler) Proxy.getInvocationHandler(functions)).getNativeLibrary();
    }

    /**
     * Loads the library and tells it its folder (special feature 0x58006000, set application files
     * directory), as pypemicro does right after loading.
     *
     * @throws PeMicroException "no PE Micro library" when it cannot be loaded
     */
    static PeLibrary load(LibraryLocation location) {
        PeMicroLibrary functions;
        try {
            functions = Native.load(location.nameOrPath(), PeMicroLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            throw PeMicroException.noLibrary("cannot load " + location.describe() + ": " + firstLine(e.getMessage())
                    + "; install PE Micro's library and set library.path of io.probehost.driver.pemicro");
        }
        PeLibrary library = new PeLibrary(location, functions);
        File file = library.nativeLibrary.getFile();
        if (file != null && file.getParentFile() != null) {
            library.call(f -> f.pe_special_features(PeFeature.SET_APPLICATION_FILES_DIRECTORY.code(), (byte) 1, 0,
                    0, 0, text(file.getParentFile().getAbsolutePath()), null));
        }
        return library;
    }

    LibraryLocation location() {
        return location;
    }

    /** Runs calls on the library, holding its lock. */
    <T> T call(Function<PeMicroLibrary, T> calls) {
        lock.lock();
        try {
            if (functions == null) {
                throw new PeMicroException.Unloaded(location.nameOrPath());
            }
            return calls.apply(functions);
        } finally {
            lock.unlock();
        }
    }

    /** {@code version()}, the text pyOCD shows as the product name. */
    String version() {
        return call(PeMicroLibrary::version);
    }

    /** {@code get_dll_version()}: 104 for version 1.04. */
    int dllVersion() {
        return call(f -> f.get_dll_version() & 0xFFFF);
    }

    /** The ports of every type (autodetect), with their IDs and descriptions. */
    List<Port> ports() {
        return call(f -> {
            int count = f.get_enumerated_number_of_ports(PORT_TYPE_AUTODETECT);
            List<Port> ports = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String id = f.get_port_descriptor_short(PORT_TYPE_AUTODETECT, i);
                if (id != null && !id.isBlank()) {
                    String description = f.get_port_descriptor(PORT_TYPE_AUTODETECT, i);
                    ports.add(new Port(i, id.trim(), description == null ? "" : description.trim()));
                }
            }
            return ports;
        });
    }

    /** Unloads the library; calls afterwards fail. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (functions != null) {
                functions = null;
                nativeLibrary.close();
                forgetLibraryOptions();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * JNA keeps each library interface's options in a static weak map whose value holds the interface
     * class itself ("enclosing-library") and its class loader, so the entry never goes and a stopped
     * driver's class loader stays reachable. {@code getLibraryOptions} returns that live map: emptying it
     * lets the entry, and the loader, be collected. Nothing calls the library through this class again.
     */
    private static void forgetLibraryOptions() {
        Native.getLibraryOptions(PeMicroLibrary.class).clear();
    }

    /** A zeroed out-parameter: 8 bytes, whether the library stores 4 or 8 (note, section 7). */
    static Memory outParameter() {
        Memory memory = new Memory(8);
        memory.clear();
        return memory;
    }

    /** A NUL-terminated ASCII {@code char*} argument. */
    static Pointer text(String value) {
        Memory memory = new Memory(value.length() + 1L);
        memory.setString(0, value, "US-ASCII");
        return memory;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not found";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
