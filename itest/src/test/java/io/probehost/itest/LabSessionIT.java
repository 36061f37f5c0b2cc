package io.probehost.itest;

import java.io.IOException;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * A user's shell session on the shipped sim bundle set, started in a state folder of its own that no
 * earlier run has touched; each test gets a fresh shell and ends with the target disconnected.
 */
public abstract class LabSessionIT {
    @Inject
    CommandProcessor processor;

    protected Shell shell;

    /** The name of the fresh state folder this IT's framework starts in. */
    protected abstract String stateFolder();

    @Configuration
    public Option[] configuration() throws IOException {
        return ShippedRuntime.simWithFreshState(stateFolder());
    }

    @Before
    public void openShell() {
        shell = new Shell(processor);
    }

    @After
    public void endSession() throws Exception {
        shell.run("target:disconnect");
    }
}
