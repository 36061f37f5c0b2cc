package io.probehost.launcher;

import java.util.Collection;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Where the station's status page answers: the endpoint the HTTP server's runtime service
 * advertises ({@code osgi.http.endpoint}) once it listens. A server that could not take its port
 * advertises none.
 */
final class StatusPageEndpoint {
    private static final String ENDPOINT = "osgi.http.endpoint";
    private static final long POLL_MILLIS = 50;

    private StatusPageEndpoint() {
    }

    /** The page's URL, once the server listens; empty when it does not within {@code millis}. */
    static Optional<String> await(BundleContext context, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        do {
            Optional<String> endpoint = endpoint(context);
            if (endpoint.isPresent()) {
                return endpoint;
            }
            Thread.sleep(POLL_MILLIS);
        } while (System.currentTimeMillis() < deadline);
        return Optional.empty();
    }

    private static Optional<String> endpoint(BundleContext context) {
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null, "(" + ENDPOINT + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null) {
            return Optional.empty();
        }
        for (ServiceReference<?> reference : references) {
            Object value = reference.getProperty(ENDPOINT);
            String first = value instanceof String[] all ? (all.length == 0 ? null : all[0])
                    : value instanceof Collection<?> all ? (all.isEmpty() ? null : String.valueOf(all.iterator().next()))
                    : value == null ? null : value.toString();
            if (first != null && !first.isEmpty()) {
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }
}
