package io.probehost.flash.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;

import org.osgi.framework.Bundle;

import io.probehost.api.target.TargetDescription;
import io.probehost.api.target.TargetPack;
import io.probehost.flash.format.ImageFormatException;
import io.probehost.flash.format.TargetPackDescriptor;
import io.probehost.flash.format.TargetPackReader;

/** A target pack read from a data-only bundle: its probehost-pack.json and the algorithm files next to it. */
final class DataTargetPack implements TargetPack {
    /** The manifest header naming the descriptor inside the pack bundle. */
    static final String HEADER = "Probehost-TargetPack";

    private final TargetPackDescriptor descriptor;

    DataTargetPack(TargetPackDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Reads the pack a bundle holds; the header value is the descriptor's path in the jar. */
    static DataTargetPack read(Bundle bundle, String descriptorPath) {
        String source = bundle.getSymbolicName() + "!/" + descriptorPath;
        String folder = descriptorPath.contains("/") ? descriptorPath.substring(0, descriptorPath.lastIndexOf('/') + 1)
                : "";
        byte[] content = entry(bundle, descriptorPath);
        return new DataTargetPack(TargetPackReader.read(source, content, path -> entry(bundle, folder + path)));
    }

    private static byte[] entry(Bundle bundle, String path) {
        URL url = bundle.getEntry(path);
        if (url == null) {
            throw new ImageFormatException(bundle.getSymbolicName() + ": no entry " + path + " in the bundle");
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ImageFormatException(bundle.getSymbolicName() + ": cannot read " + path + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String name() {
        return descriptor.name();
    }

    @Override
    public String version() {
        return descriptor.version();
    }

    @Override
    public List<TargetDescription> targets() {
        return descriptor.targets();
    }
}
