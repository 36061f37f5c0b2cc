package io.probehost.firmware;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test programs, with the id each writes into its result block. */
public enum Program {
    TORTURE("torture", 0x5452_4F54),    // "TORT"
    TORTURE_O2("torture-o2", 0x5452_4F54), // the same checks compiled with -O2
    EXCEPTIONS("exceptions", 0x5043_5845), // "EXCP"
    RTT("rtt", 0x5F54_5452),            // "RTT_"
    FUZZ("fuzz", 0x5A5A_5546),          // "FUZZ"
    FUZZ_MEMORY("fuzz-mem", 0x4D5A_5546); // "FUZM"

    private final String imageName;
    private final int id;

    Program(String imageName, int id) {
        this.imageName = imageName;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public Path elf() {
        return image(".elf");
    }

    public Path bin() {
        return image(".bin");
    }

    /** The images built by make ship as resources under firmware/. */
    private Path image(String extension) {
        String resource = "/firmware/" + imageName + extension;
        URL url = Program.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the classpath: was the firmware built (make)?");
        }
        try {
            Path path = Path.of(url.toURI());
            if (!Files.isRegularFile(path)) {
                throw new IOException("not a file: " + path);
            }
            return path;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + resource, e);
        }
    }
}
