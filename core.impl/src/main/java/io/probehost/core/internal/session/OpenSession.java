package io.probehost.core.internal.session;

import java.util.Optional;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.TargetCapability;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.target.TargetDescription;

/**
 * A connected probe and target. Its target's interfaces are guarded: when the probe vanishes (an
 * operation finds it gone, or the bus reports it unplugged) the session is detached: every later
 * operation fails at once as disconnected, and the session manager opens a new session on the
 * next command once the probe is back.
 */
final class OpenSession implements DebugSession {
    private final SessionRequest request;
    private final DebugProbe probe;
    private final Optional<TargetDescription> description;
    private final SessionOptions options;
    private final DebugTarget rawTarget;
    private final DebugTarget guardedTarget;
    private volatile boolean open = true;
    private volatile boolean detached;
    private boolean released;

    OpenSession(SessionRequest request, DebugProbe probe, Optional<TargetDescription> description,
            SessionOptions options, DebugTarget target) {
        this.request = request;
        this.probe = probe;
        this.description = description;
        this.options = options;
        this.rawTarget = target;
        this.guardedTarget = new GuardedTarget();
    }

    /** Whether the probe went away while this session was open. */
    boolean isDetached() {
        return detached;
    }

    /**
     * The bus reports the probe unplugged. Touches no hardware (an operation in flight fails by
     * itself); the probe handle is released when the session manager drops this session.
     */
    void detach() {
        detached = true;
        open = false;
    }

    SessionRequest request() {
        return request;
    }

    @Override
    public ProbeDescription probeDescription() {
        return request.probe();
    }

    @Override
    public DebugProbe probe() {
        return probe;
    }

    @Override
    public Optional<TargetDescription> targetDescription() {
        return description;
    }

    @Override
    public SessionOptions options() {
        return options;
    }

    @Override
    public DebugTarget target() {
        return guardedTarget;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        open = false;
        if (released) {
            return;
        }
        try {
            if (!detached) {
                rawTarget.close();
            }
        } catch (RuntimeException ignored) {
            // the target may be gone with its probe; the probe is released below all the same
        } finally {
            releaseProbe();
        }
    }

    private RuntimeException lost(ProbeDisconnectedException cause) {
        synchronized (this) {
            detach();
            releaseProbe();
        }
        return new ProbeDisconnectedException("probe " + request.probe().uniqueId() + " disconnected ("
                + cause.getMessage() + "); the session is closed", cause);
    }

    /** Refuses an operation on a session that is no longer usable, without touching the probe. */
    private void requireOpen() {
        if (detached) {
            throw new ProbeDisconnectedException("probe " + request.probe().uniqueId()
                    + " disconnected; the session is closed (the next command reconnects once it is back)");
        }
        if (!open) {
            throw new ProbeDisconnectedException("the session with probe " + request.probe().uniqueId()
                    + " is closed");
        }
    }

    private synchronized void releaseProbe() {
        if (released) {
            return;
        }
        released = true;
        try {
            probe.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    /** The target, with every interface behind a {@link DisconnectGuard}. */
    private final class GuardedTarget implements DebugTarget {
        private final MemoryInterface memory =
                DisconnectGuard.wrap(MemoryInterface.class, rawTarget.memory(), OpenSession.this::requireOpen,
                        OpenSession.this::lost);
        private final CoreControl core =
                DisconnectGuard.wrap(CoreControl.class, rawTarget.core(), OpenSession.this::requireOpen,
                        OpenSession.this::lost);
        private final BreakpointControl breakpoints =
                DisconnectGuard.wrap(BreakpointControl.class, rawTarget.breakpoints(), OpenSession.this::requireOpen,
                        OpenSession.this::lost);
        private final WatchpointControl watchpoints =
                DisconnectGuard.wrap(WatchpointControl.class, rawTarget.watchpoints(), OpenSession.this::requireOpen,
                        OpenSession.this::lost);

        @Override
        public String description() {
            return rawTarget.description();
        }

        @Override
        public MemoryInterface memory() {
            return memory;
        }

        @Override
        public CoreControl core() {
            return core;
        }

        @Override
        public BreakpointControl breakpoints() {
            return breakpoints;
        }

        @Override
        public WatchpointControl watchpoints() {
            return watchpoints;
        }

        @Override
        public <C extends TargetCapability> Optional<C> capability(Class<C> type) {
            return rawTarget.capability(type).map(c -> DisconnectGuard.wrap(type, c, OpenSession.this::lost));
        }

        @Override
        public void close() {
            OpenSession.this.close();
        }
    }
}
