package io.probehost.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

import io.probehost.api.ProbeException;

/**
 * Installs, updates and removes plug-in bundles with checks a user can act on. A bundle that cannot
 * start is removed again, so a failed install leaves the runtime as it was.
 */
final class BundleOperations {
    private static final Pattern MISSING_PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern MISSING_SERVICE_OR_OTHER = Pattern.compile("missing requirement \\[[^]]*] ([^;]+);");

    private final BundleContext context;

    BundleOperations(BundleContext context) {
        this.context = context;
    }

    Bundle install(String pathOrUrl) {
        URL url = toUrl(pathOrUrl);
        String symbolicName = symbolicNameOf(url, pathOrUrl);
        for (Bundle existing : context.getBundles()) {
            if (symbolicName.equals(existing.getSymbolicName())) {
                throw new ProbeException(symbolicName + " is already installed as bundle " + existing.getBundleId()
                        + "; use driver:update to replace it");
            }
        }
        Bundle bundle;
        try (InputStream in = url.openStream()) {
            bundle = context.installBundle(url.toString(), in);
        } catch (IOException | BundleException e) {
            throw new ProbeException("cannot install " + pathOrUrl + ": " + e.getMessage());
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            uninstallQuietly(bundle);
            throw new ProbeException("cannot start " + symbolicName + ": " + explain(e));
        }
        return bundle;
    }

    void update(Bundle bundle, String pathOrUrl) {
        try {
            if (pathOrUrl == null) {
                bundle.update();
            } else {
                URL url = toUrl(pathOrUrl);
                String symbolicName = symbolicNameOf(url, pathOrUrl);
                if (!symbolicName.equals(bundle.getSymbolicName())) {
                    throw new ProbeException(pathOrUrl + " is " + symbolicName + ", not " + bundle.getSymbolicName());
                }
                try (InputStream in = url.openStream()) {
                    bundle.update(in);
                }
            }
        } catch (IOException e) {
            throw new ProbeException("cannot read " + pathOrUrl + ": " + e.getMessage());
        } catch (BundleException e) {
            throw new ProbeException("cannot update " + bundle.getSymbolicName() + ": " + explain(e));
        }
        refresh(bundle);
        if (bundle.getState() != Bundle.ACTIVE) {
            try {
                bundle.start();
            } catch (BundleException e) {
                throw new ProbeException("updated " + bundle.getSymbolicName() + " does not start: " + explain(e));
            }
        }
    }

    void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new ProbeException("cannot uninstall " + bundle.getSymbolicName() + ": " + e.getMessage());
        }
        refresh(bundle);
    }

    private void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
            refresh(bundle);
        } catch (BundleException | RuntimeException ignored) {
            // the start failure is what the user needs to see
        }
    }

    /** Drops old revisions so an update or removal leaves no class loaders behind. */
    private void refresh(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new ProbeException("refreshing packages after changing " + bundle.getSymbolicName()
                        + " did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String explain(BundleException e) {
        String message = String.valueOf(e.getMessage());
        Matcher pkg = MISSING_PACKAGE.matcher(message);
        if (pkg.find()) {
            return "it needs package " + pkg.group(1) + ", which no installed bundle exports";
        }
        Matcher other = MISSING_SERVICE_OR_OTHER.matcher(message);
        if (other.find()) {
            return "unresolved requirement " + other.group(1).trim();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static URL toUrl(String pathOrUrl) {
        if (pathOrUrl.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !pathOrUrl.matches("^[a-zA-Z]:\\\\.*")) {
            try {
                return URI.create(pathOrUrl).toURL();
            } catch (IllegalArgumentException | MalformedURLException e) {
                throw new ProbeException("not a valid URL: " + pathOrUrl);
            }
        }
        Path path = Path.of(pathOrUrl).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new ProbeException("no such file: " + pathOrUrl);
        }
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ProbeException("not a valid path: " + pathOrUrl);
        }
    }

    static String symbolicNameOf(URL url, String shownAs) {
        try (InputStream in = url.openStream()) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                throw new ProbeException("not a bundle: " + shownAs + " is not a jar file");
            }
        } catch (IOException e) {
            throw new ProbeException("cannot read " + shownAs + ": " + e.getMessage());
        }
        try (JarInputStream jar = new JarInputStream(url.openStream())) {
            Manifest manifest = jar.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (name == null) {
                throw new ProbeException("not an OSGi bundle: " + shownAs + " has no Bundle-SymbolicName");
            }
            int semicolon = name.indexOf(';');
            return (semicolon < 0 ? name : name.substring(0, semicolon)).trim();
        } catch (IOException e) {
            throw new ProbeException("not a bundle: cannot read " + shownAs + " as a jar (" + e.getMessage() + ")");
        }
    }
}
