package io.probehost.extras.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeException;

class RepositoryListTest {
    @TempDir
    Path folder;

    @Test
    void shippedIndexOfTheRuntimeFolderIsTheDefault() throws Exception {
        Path shipped = Files.createDirectories(folder.resolve("runtime/extras")).resolve("index.xml");
        Files.writeString(shipped, new TestIndex().xml());

        RepositoryList list = RepositoryList.of(null, folder.resolve("runtime").toString(), null);

        assertEquals(List.of(shipped.toUri()), list.all());
    }

    @Test
    void propertyReplacesTheDefaultAndTakesFoldersFilesAndUrls() {
        RepositoryList list = RepositoryList.of("https://drivers.example.com/index.xml, " + folder, "/nowhere", null);

        assertEquals(List.of(URI.create("https://drivers.example.com/index.xml"), folder.resolve("index.xml").toUri()),
                list.all());
    }

    @Test
    void addedRepositoriesAreKeptInTheStateFolderAndTheShippedOneCannotBeRemoved() {
        URI team = URI.create("https://team.example.com/probehost/index.xml");
        URI shipped = URI.create("file:/opt/probehost/extras/index.xml");
        RepositoryList list = RepositoryList.of(shipped.toString(), null, folder.toString());
        list.add(team);

        assertEquals(List.of(shipped, team), RepositoryList.of(shipped.toString(), null, folder.toString()).all());
        assertEquals(shipped + " is the runtime's own repository and cannot be removed",
                assertThrows(ProbeException.class, () -> list.remove(shipped)).getMessage());

        list.remove(team);
        assertEquals(List.of(shipped), RepositoryList.of(shipped.toString(), null, folder.toString()).all());
        assertThrows(ProbeException.class, () -> list.remove(team));
    }
}
