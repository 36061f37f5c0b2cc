package io.probehost.station.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SseEventTest {

    @Test
    void eventIsItsNameItsDataAndAnEmptyLine() {
        assertEquals("event: job\ndata: {\"id\":1}\n\n", new SseEvent("job", "{\"id\":1}").format());
    }

    @Test
    void everyLineOfTheDataGetsItsOwnDataField() {
        assertEquals("event: note\ndata: one\ndata: two\ndata: \ndata: four\n\n",
                new SseEvent("note", "one\r\ntwo\n\rfour").format());
    }

    @Test
    void jsonDataStaysOnOneLine() {
        String text = SseEvent.json("sessions", List.of(new SessionView("A", "t\nx", true, true))).format();
        assertEquals(3, text.split("\n", -1).length - 1, text);
        assertTrue(text.startsWith("event: sessions\ndata: [{\"probe\":\"A\",\"target\":\"t\\nx\""), text);
    }

    @Test
    void keepAliveIsACommentEventSourceIgnores() {
        assertTrue(SseEvent.KEEP_ALIVE.startsWith(":"));
        assertTrue(SseEvent.KEEP_ALIVE.endsWith("\n\n"));
    }
}
