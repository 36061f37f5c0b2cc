package io.probehost.core.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** The Felix the runtime ships, started in a test's folder, and bundles made of a manifest alone. */
public final class TestFelix {

    private TestFelix() {
    }

    /** A started framework whose storage is {@code storage}, cleaned first. */
    public static Framework start(Path storage) throws BundleException {
        Framework framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE,
                storage.toString(), Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        return framework;
    }

    public static void stop(Framework framework) throws BundleException, InterruptedException {
        framework.stop();
        framework.waitForStop(10_000);
    }

    /** A jar with a manifest of {@code headers} (besides the manifest and bundle-manifest versions) and nothing else. */
    public static InputStream bundle(Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        headers.forEach(main::putValue);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        new JarOutputStream(jar, manifest).close();
        return new ByteArrayInputStream(jar.toByteArray());
    }
}
