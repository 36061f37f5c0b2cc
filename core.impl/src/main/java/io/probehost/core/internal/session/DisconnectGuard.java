package io.probehost.core.internal.session;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

import io.probehost.api.ProbeDisconnectedException;

/**
 * Wraps a target interface so that a call on a session no longer usable is refused before it
 * reaches the probe, and a {@link ProbeDisconnectedException} thrown anywhere below it (also as a
 * cause) ends the session; the caller sees the error the session makes of it.
 */
final class DisconnectGuard implements InvocationHandler {
    private final Object delegate;
    private final Runnable precondition;
    private final Function<ProbeDisconnectedException, RuntimeException> onDisconnect;

    private DisconnectGuard(Object delegate, Runnable precondition,
            Function<ProbeDisconnectedException, RuntimeException> onDisconnect) {
        this.delegate = delegate;
        this.precondition = precondition;
        this.onDisconnect = onDisconnect;
    }

    static <T> T wrap(Class<T> type, T delegate,
            Function<ProbeDisconnectedException, RuntimeException> onDisconnect) {
        return wrap(type, delegate, () -> { }, onDisconnect);
    }

    /**
     * @param precondition run before every call; throws to refuse it
     */
    static <T> T wrap(Class<T> type, T delegate, Runnable precondition,
            Function<ProbeDisconnectedException, RuntimeException> onDisconnect) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new DisconnectGuard(delegate, precondition, onDisconnect)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() != Object.class) {
            precondition.run();
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            ProbeDisconnectedException gone = disconnection(failure);
            if (gone != null) {
                throw onDisconnect.apply(gone);
            }
            throw failure;
        }
    }

    static ProbeDisconnectedException disconnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProbeDisconnectedException) {
                return (ProbeDisconnectedException) cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
