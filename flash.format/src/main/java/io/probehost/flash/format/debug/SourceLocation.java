package io.probehost.flash.format.debug;

/**
 * A place in a source file as DWARF names it: the directory (the compilation directory or an
 * include directory; empty when the file name is already absolute or no directory is known), the
 * file name, and a 1-based line (0 when the compiler gave none) and column (0 = unknown).
 */
public record SourceLocation(String directory, String file, long line, long column) {

    /** The directory and the file joined the way {@code addr2line} prints them. */
    public String path() {
        if (directory.isEmpty() || file.startsWith("/")) {
            return file;
        }
        return directory.endsWith("/") ? directory + file : directory + "/" + file;
    }

    /** The last component of the file name ({@code main.c}). */
    public String fileName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    @Override
    public String toString() {
        return path() + ":" + line;
    }
}
