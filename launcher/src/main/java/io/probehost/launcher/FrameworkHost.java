package io.probehost.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The embedded framework. The cache persists between runs, so a run whose bundle set has not
 * changed installs nothing and only starts what is there; bundles a user installed at run time
 * (driver:install, the deploy folder) stay installed across restarts.
 */
final class FrameworkHost implements AutoCloseable {
    /** Locations of the bundles the launcher itself manages start with this prefix. */
    static final String LOCATION_PREFIX = "reference:";
    private static final String CONSOLE_BUNDLE = "org.apache.felix.gogo.jline";
    /** The status page's HTTP server (Jetty): started only for {@code serve --http PORT}. */
    static final String HTTP_SERVER_BUNDLE = "org.apache.felix.http.jetty";

    /** How long a run waits for another process to release the state folder's cache. */
    private static final long CACHE_WAIT_MILLIS = 2000;

    private final Framework framework;
    private final RuntimeLayout layout;
    private final CacheLease lease;
    private Bundle console;

    private FrameworkHost(Framework framework, RuntimeLayout layout, CacheLease lease) {
        this.framework = framework;
        this.layout = layout;
        this.lease = lease;
    }

    /**
     * Starts the runtime on the state folder's cache (or a temporary one when another process
     * holds it). A cache the framework cannot start from is deleted and built again, with a warning.
     */
    static FrameworkHost start(RuntimeLayout layout, LaunchOptions options, StartupTimer timer) {
        timer.mark("launcher entered");
        createDirectories(layout.deploy());
        CacheLease lease = CacheLease.take(layout.cache(), options.oneShot() ? CacheLease.Holder.COMMAND
                : CacheLease.Holder.SHELL, CACHE_WAIT_MILLIS);
        try {
            try {
                return startOn(lease, layout, options, timer);
            } catch (BundleException damaged) {
                if (!lease.shared()) {
                    throw damaged;
                }
                System.err.println("Warning: the framework cache " + lease.cache() + " was damaged ("
                        + firstLine(damaged.getMessage()) + "); it is built again (bundles added with "
                        + "driver:install must be installed again)");
                lease.wipe();
                return startOn(lease, layout, options, timer);
            }
        } catch (BundleException e) {
            lease.close();
            throw new IllegalStateException("the runtime did not start: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
    }

    private static FrameworkHost startOn(CacheLease lease, RuntimeLayout layout, LaunchOptions options,
            StartupTimer timer) throws BundleException {
        Framework framework = newFramework(layout, lease.cache(), options);
        timer.mark("framework made");
        FrameworkHost host = new FrameworkHost(framework, layout, lease);
        try {
            framework.init();
            timer.mark("framework init");
            host.reconcile();
            timer.mark("reconciled");
            if (!lease.shared()) {
                // A temporary cache: the drivers the user installed come from the shared one.
                new InstalledBundles(layout.cache(), layout.deploy(), System.err).installInto(framework.getBundleContext());
                timer.mark("installed bundles copied");
            }
            timer.watchBundles(framework.getBundleContext());
            framework.start();
            timer.mark("framework start");
            host.startAll();
            timer.mark("bundles started");
            if (options.httpPort().isPresent()) {
                host.startHttpServer();
                timer.mark("HTTP server started");
            }
            new DeployFolderSync(framework.getBundleContext(), layout.deploy()).awaitSettled(3000);
            timer.mark("deploy settled");
            return host;
        } catch (BundleException | RuntimeException e) {
            host.stopFramework();
            throw e;
        }
    }

    static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Framework newFramework(RuntimeLayout layout, Path cache, LaunchOptions options) {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, "none");
        config.put("felix.log.level", "1");
        config.put("ds.loglevel", "warn");
        // SCR keeps the parsed component descriptions in its bundle data between runs.
        config.put("ds.cache.metadata", "true");
        config.put("felix.fileinstall.dir", layout.deploy().toString());
        config.put("felix.fileinstall.poll", "1000");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("felix.fileinstall.log.level", "1");
        config.put("felix.fileinstall.tmpdir", layout.state().resolve("tmp").toString());
        // Gogo's line editor bundle only sets up its commands: Probehost's console (in the command bundle)
        // runs the read loop, and the launcher stops the runtime when that ends (exit, Ctrl-D).
        config.put("gosh.args", "--nointeractive --noshutdown");
        config.put("probehost.sim", Boolean.toString(layout.sim()));
        config.put("probehost.state", layout.state().toString());
        // The runtime folder, whose extras/index.xml is the driver repository that ships (driver:available).
        config.put("probehost.home", Main.home().toAbsolutePath().normalize().toString());
        config.put("probehost.options.file", Path.of("probehost.yaml").toAbsolutePath().toString());
        // Read by Felix HTTP when the station starts it (serve --http PORT [--http-bind ADDR]).
        options.httpPort().ifPresent(port -> {
            config.put("org.osgi.service.http.port", Integer.toString(port));
            config.put("org.apache.felix.http.host", options.httpBind());
        });
        config.putAll(options.frameworkProperties());
        // The line editor reads gosh.home/etc/gosh_profile and etc/motd (Probehost's prompt and completions).
        System.setProperty("gosh.home", Main.home().toAbsolutePath().normalize().toString());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        return factory.newFramework(config);
    }

    /** Installs new or changed runtime bundles and removes runtime bundles no longer shipped. */
    private void reconcile() throws BundleException {
        BundleContext context = framework.getBundleContext();
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            installed.put(bundle.getLocation(), bundle);
        }
        List<Path> jars = layout.runBundles();
        Map<String, Path> wanted = new HashMap<>();
        for (Path jar : jars) {
            wanted.put(location(jar), jar);
        }
        String deployed = layout.deploy().toUri().getPath();
        for (Bundle bundle : installed.values()) {
            String location = bundle.getLocation();
            if (location.startsWith(LOCATION_PREFIX) && !wanted.containsKey(location)) {
                bundle.uninstall();
            } else if (inDeployFolder(location, layout.deploy())
                    && !Files.exists(Path.of(location.substring(location.indexOf(deployed))))) {
                // Deleted from the drop folder while no runtime was watching it.
                bundle.uninstall();
            }
        }
        for (Path jar : jars) {
            String location = location(jar);
            Bundle bundle = installed.get(location);
            if (bundle == null) {
                bundle = context.installBundle(location);
            } else if (jar.toFile().lastModified() > bundle.getLastModified()) {
                bundle.update();
            }
            if (!startedOnDemand(bundle) && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            }
        }
    }

    private void startAll() {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getState() == Bundle.RESOLVED || bundle.getState() == Bundle.INSTALLED) {
                boolean managed = bundle.getLocation().startsWith(LOCATION_PREFIX);
                if (managed && startedOnDemand(bundle)) {
                    continue;
                }
                try {
                    if (managed && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                        bundle.start();
                    }
                } catch (BundleException e) {
                    System.err.println("Warning: bundle " + bundle.getSymbolicName() + " did not start: "
                            + e.getMessage());
                }
            }
        }
    }

    /** The line editor starts only for an interactive terminal: it would read standard input. */
    private static boolean isConsole(Bundle bundle) {
        return CONSOLE_BUNDLE.equals(bundle.getSymbolicName());
    }

    /** Bundles that start only when asked: the line editor and the HTTP server. */
    private static boolean startedOnDemand(Bundle bundle) {
        return isConsole(bundle) || HTTP_SERVER_BUNDLE.equals(bundle.getSymbolicName());
    }

    /**
     * Starts the HTTP server for this run only (transient: the next run of this cache, a one-shot
     * command, leaves it stopped). It listens where the framework properties say.
     */
    private void startHttpServer() throws BundleException {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (HTTP_SERVER_BUNDLE.equals(bundle.getSymbolicName())) {
                bundle.start(Bundle.START_TRANSIENT);
                return;
            }
        }
        throw new BundleException("the runtime has no HTTP server (" + HTTP_SERVER_BUNDLE + ")");
    }

    /** Starts the interactive line editor on this terminal; false when the runtime has none. */
    boolean startConsole() {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (isConsole(bundle)) {
                try {
                    bundle.start(Bundle.START_TRANSIENT);
                    console = bundle;
                } catch (BundleException e) {
                    System.err.println("Warning: no line editor (" + e.getMessage() + ")");
                    return false;
                }
            }
        }
        return console != null;
    }

    void awaitStop() {
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Stops the runtime and lets the cache go. Idempotent (a shutdown hook may call it again). */
    @Override
    public void close() {
        stopFramework();
        lease.close();
    }

    private void stopFramework() {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException e) {
            System.err.println("Warning: the runtime did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a bundle location is a jar of the drop folder (which its watcher installs). */
    static boolean inDeployFolder(String location, Path deploy) {
        return location.contains(deploy.toUri().getPath());
    }

    static String location(Path jar) {
        return LOCATION_PREFIX + jar.toAbsolutePath().normalize().toUri();
    }

    private static void createDirectories(Path... folders) {
        for (Path folder : folders) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create " + folder + File.separator + ": " + e.getMessage());
            }
        }
    }
}
