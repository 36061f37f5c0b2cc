package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The station's status page, as a browser sees it: {@code ./probehost serve --sim --http PORT} with
 * headless Chromium on its page; the probes show, and a flash job's progress changes in the page
 * while {@code flash:program} runs.
 */
public class StatusPageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAPLINK = "9900000037024e450024200f00000071000000009796990b";
    /** One line per job row: id, probe, phase, percent, state; read from the page's DOM. */
    private static final String JOB_ROWS = "JSON.stringify([...document.querySelectorAll('#jobs tbody tr')].map(r => "
            + "r.dataset.job + ' ' + r.cells[1].textContent + ' ' + r.cells[3].textContent + ' ' + r.dataset.percent "
            + "+ ' ' + r.dataset.state))";

    private static Path state;
    private static Path deploy;
    private static Path serveOutput;
    private static Process station;
    private static String page;
    private static HeadlessChromium chromium;

    @BeforeClass
    public static void startStationAndBrowser() throws Exception {
        state = Files.createTempDirectory("probehost-status");
        deploy = Files.createTempDirectory("probehost-status-deploy");
        serveOutput = state.resolve("serve.out");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        page = "http://127.0.0.1:" + port + "/";
        station = ServeProcess.startAndAwaitReady(state, deploy, serveOutput, "--http", Integer.toString(port));
        chromium = HeadlessChromium.start();
    }

    private static Path top() {
        return Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
    }

    private static Map<String, String> environment() {
        return Map.of("PROBEHOST_STATE", state.toString(), "PROBEHOST_DEPLOY", deploy.toString());
    }

    @AfterClass
    public static void stopBrowserAndStation() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        ServeProcess.stop(station);
    }

    @Test
    public void stationLogsThePageAddressOnLoopback() throws Exception {
        String output = Files.readString(serveOutput);
        assertTrue(output, output.contains("status page: " + page));
    }

    @Test
    public void jsonListsTheLabsProbesWithStableFields() throws Exception {
        JsonNode probes = getJson("api/probes");
        List<String> uids = new ArrayList<>();
        for (JsonNode probe : probes) {
            uids.add(probe.path("uid").asText());
        }
        assertTrue(uids.toString(), uids.contains(DAPLINK) && uids.contains("PHLAB0001"));
        JsonNode daplink = probes.get(uids.indexOf(DAPLINK));
        assertEquals("cmsisdap", daplink.path("driver").asText());
        assertEquals("nrf51822_xxaa", daplink.path("target").asText());
        assertTrue(getJson("api/sessions").isArray());
        assertTrue(getJson("api/jobs").isArray());
    }

    @Test
    public void browserShowsTheProbesThenAFlashJobsProgressChanging() throws Exception {
        int probes = getJson("api/probes").size();
        chromium.navigate(page);
        awaitPage("document.querySelectorAll('#probes tbody tr').length === " + probes
                + " && document.getElementById('link').textContent === 'live'");
        assertTrue(chromium.evaluate("document.querySelector('#probes tbody tr[data-probe=\"" + DAPLINK + "\"]') !== null")
                .asBoolean());

        ProcessBuilder flashCommand = new ProcessBuilder(top().resolve("probehost").toString(), "flash:program", "-u", "9900",
                "--no-skip", top().resolve("examples/blinky.hex").toString())
                .redirectErrorStream(true).redirectOutput(state.resolve("flash.out").toFile());
        flashCommand.environment().putAll(environment());
        Process flash = flashCommand.start();
        Set<String> seen = new LinkedHashSet<>();
        long deadline = System.currentTimeMillis() + 120_000;
        boolean ended = false;
        while (!ended && System.currentTimeMillis() < deadline) {
            ended = !flash.isAlive();
            for (JsonNode row : JSON.readTree(chromium.evaluate(JOB_ROWS).asText())) {
                if (row.asText().contains(DAPLINK)) {
                    seen.add(row.asText());
                }
            }
            Thread.sleep(100);
        }
        assertEquals(Files.readString(state.resolve("flash.out")), 0, flash.waitFor());
        String done = awaitPage("[...document.querySelectorAll('#jobs tbody tr')].some(r => r.dataset.state === 'done' "
                + "&& r.cells[1].textContent === '" + DAPLINK + "')");
        assertEquals("true", done);
        assertTrue("the page showed the job running, then its progress changed: " + seen,
                seen.stream().anyMatch(r -> r.endsWith(" running")) && seen.stream().filter(r -> r.contains(DAPLINK))
                        .map(r -> r.substring(0, r.lastIndexOf(' '))).distinct().count() >= 2);
    }

    /** Polls the page until {@code condition} holds; the last value, as text. */
    private static String awaitPage(String condition) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode value;
        do {
            value = chromium.evaluate("Boolean(" + condition + ")");
            if (value.asBoolean()) {
                return "true";
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("the page never showed " + condition + "; body: "
                + chromium.evaluate("document.body.innerText").asText());
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(page + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return JSON.readTree(response.body());
    }
}
