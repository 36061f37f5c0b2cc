package io.probehost.launcher;

import java.io.InputStream;
import java.io.PrintStream;

import io.probehost.client.AttachRequest;

/** What a station does with a client's request; the {@link StationServer} only carries the bytes. */
interface StationCommands {

    /** Runs the request on the calling thread (one per client) and returns its exit status. */
    Execution start(AttachRequest request, InputStream in, PrintStream out, PrintStream err);

    /** One request being run. */
    interface Execution {
        /** Runs it to the end; returns the exit status. */
        int run();

        /** Interrupts it (Ctrl-C on the client, or the client went away); called from another thread. */
        void cancel();
    }
}
