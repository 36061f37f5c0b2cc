package io.probehost.flash.format;

/**
 * A {@code <memory>} region of a CMSIS-Pack device.
 *
 * @param name      {@code name}, or the deprecated {@code id} when there is no name
 * @param access    access letters ({@code rwx...}); derived from the id (ROM: rx, RAM: rw) when absent
 * @param start     first address
 * @param size      size in bytes
 * @param startup   whether startup code goes here (boot memory)
 * @param isDefault {@code default}: a general-purpose region
 * @param pname     owning core, empty for all
 */
public record PdscMemory(String name, String access, long start, long size, boolean startup, boolean isDefault, String pname) {

    public boolean writable() {
        return access.contains("w");
    }

    public boolean executable() {
        return access.contains("x");
    }
}
