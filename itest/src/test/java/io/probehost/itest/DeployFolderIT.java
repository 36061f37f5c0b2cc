package io.probehost.itest;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The drop folder: a jar copied in is installed, replaced is updated, deleted is uninstalled. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployFolderIT {
    private static final long WAIT_MILLIS = 15_000;

    @Inject
    CommandProcessor processor;

    @Configuration
    public Option[] configuration() throws Exception {
        Path folder = ShippedRuntime.runtimeFolder().resolve("itest-deploy-probehost");
        Files.createDirectories(folder);
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        return ShippedRuntime.options("probehost");
    }

    @Test
    public void jarsDroppedReplacedAndDeletedAreInstalledUpdatedAndRemoved() throws Exception {
        Shell shell = new Shell(processor);
        Path dropped = ShippedRuntime.runtimeFolder().resolve("itest-deploy-probehost").resolve("testprobe.jar");

        Files.copy(ShippedRuntime.testDriverJar(), dropped, StandardCopyOption.REPLACE_EXISTING);
        awaitTrue("the dropped driver is listed", () -> shell.run("driver:list").contains("1.0.0"));
        assertTrue(shell.run("probe:list").contains("TP0001ABCD"));

        Path newer = Jars.withVersion(ShippedRuntime.testDriverJar(), Files.createTempFile("tp", ".jar"), "3.0.0");
        Files.move(newer, dropped, StandardCopyOption.REPLACE_EXISTING);
        dropped.toFile().setLastModified(System.currentTimeMillis() + 2000);
        awaitTrue("the replaced driver is updated", () -> shell.run("driver:list").contains("3.0.0"));

        Files.delete(dropped);
        awaitTrue("the deleted driver is gone",
                () -> shell.run("probe:list").trim().equals("No available debug probes are connected"));
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + ": not within " + WAIT_MILLIS + " ms");
            }
            Thread.sleep(100);
        }
    }
}
