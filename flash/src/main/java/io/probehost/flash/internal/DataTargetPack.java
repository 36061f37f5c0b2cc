package io.probehost.flash.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.osgi.framework.Bundle;

import io.probehost.api.target.TargetDescription;
import io.probehost.api.target.TargetPack;
import io.probehost.flash.format.ImageFormatException;
import io.probehost.flash.format.TargetPackDescriptor;
import io.probehost.flash.format.TargetPackReader;

/**
 * A target pack read from a data-only bundle: its probehost-pack.json and the algorithm files next to
 * it. The files are parsed on a background thread as soon as the pack appears, so that start-up
 * does not wait for them; the first call that needs the pack waits for the parse.
 */
final class DataTargetPack implements TargetPack {
    /** The manifest header naming the descriptor inside the pack bundle. */
    static final String HEADER = "Probehost-TargetPack";

    private final CompletableFuture<TargetPackDescriptor> descriptor;

    private DataTargetPack(CompletableFuture<TargetPackDescriptor> descriptor) {
        this.descriptor = descriptor;
    }

    /** Starts reading the pack a bundle holds; the header value is the descriptor's path in the jar. */
    static DataTargetPack readInBackground(Bundle bundle, String descriptorPath, Executor parser) {
        return new DataTargetPack(CompletableFuture.supplyAsync(() -> parse(bundle, descriptorPath), parser));
    }

    /** The parse, finished: completes exceptionally when the pack's files are broken. */
    CompletableFuture<TargetPackDescriptor> parsed() {
        return descriptor;
    }

    private static TargetPackDescriptor parse(Bundle bundle, String descriptorPath) {
        String source = bundle.getSymbolicName() + "!/" + descriptorPath;
        String folder = descriptorPath.contains("/") ? descriptorPath.substring(0, descriptorPath.lastIndexOf('/') + 1)
                : "";
        byte[] content = entry(bundle, descriptorPath);
        return TargetPackReader.read(source, content, path -> entry(bundle, folder + path));
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

    private TargetPackDescriptor descriptor() {
        try {
            return descriptor.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public String name() {
        return descriptor().name();
    }

    @Override
    public String version() {
        return descriptor().version();
    }

    @Override
    public List<TargetDescription> targets() {
        return descriptor().targets();
    }
}
