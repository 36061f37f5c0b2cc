package io.probehost.remote.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeDisconnectedException;

class TlsTest {
    @TempDir
    Path station;
    @TempDir
    Path impostor;

    @Test
    void aClientPinningTheStationsCertificateWorksOverTls() throws Exception {
        try (RemoteServer server = RemoteServer.listen(InetAddress.getLoopbackAddress(), 0, station, true,
                () -> List.of(new FakeBus()))) {
            assertEquals(PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(StationCertificate.keyStore(station)));
            String token = StationToken.read(StationToken.file(station));
            RemoteUsbBus bus = new RemoteUsbBus(new StationAddress("127.0.0.1", server.port()), () -> token,
                    () -> Optional.of(StationCertificate.pinned(StationCertificate.certificate(station))));
            List<?> devices = RemoteUsbBus.forRemoteDriver(bus::devices);
            assertEquals(1, devices.size(), () -> bus.lastError().map(Throwable::toString).orElse(""));
        }
    }

    @Test
    void aClientRefusesAStationWhoseCertificateIsNotThePinnedOne() throws Exception {
        StationCertificate.station(impostor);
        try (RemoteServer server = RemoteServer.listen(InetAddress.getLoopbackAddress(), 0, station, true,
                () -> List.of(new FakeBus()))) {
            String token = StationToken.read(StationToken.file(station));
            RemoteUsbBus bus = new RemoteUsbBus(new StationAddress("127.0.0.1", server.port()), () -> token,
                    () -> Optional.of(StationCertificate.pinned(StationCertificate.certificate(impostor))));
            assertEquals(List.of(), RemoteUsbBus.forRemoteDriver(bus::devices));
            RuntimeException error = bus.lastError().orElseThrow();
            assertTrue(error instanceof ProbeDisconnectedException, error.toString());
            assertTrue(error.getMessage().contains("is not the one in " + StationCertificate.certificate(impostor)),
                    error.getMessage());
        }
    }
}
