package io.probehost.station.web.internal;

/**
 * One server-sent event as the HTML5 EventSource reads it: {@code event:} names it, each line of the
 * data goes on a {@code data:} line of its own, and an empty line ends it.
 */
record SseEvent(String name, String data) {

    /** A comment line, which EventSource ignores: sent now and then so that a quiet connection stays open. */
    static final String KEEP_ALIVE = ": keep-alive\n\n";

    static SseEvent json(String name, Object value) {
        return new SseEvent(name, StatusJson.write(value));
    }

    String format() {
        StringBuilder text = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return text.append('\n').toString();
    }
}
