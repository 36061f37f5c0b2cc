package io.probehost.extras.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small repository indexes in the specification's XML, as bnd's indexer writes them. */
final class TestIndex {
    private final List<String> resources = new ArrayList<>();
    private final List<String> referrals = new ArrayList<>();

    /** A bundle exporting {@code exports} and importing {@code imports} (each "name;[low,high)" or "name"). */
    TestIndex bundle(String bsn, String version, String url, List<String> exports, List<String> imports,
            String... extraCapabilities) {
        StringBuilder xml = new StringBuilder("  <resource>\n");
        xml.append(capability("osgi.identity", attribute("osgi.identity", bsn, null)
                + attribute("type", "osgi.bundle", null) + attribute("version", version, "Version")));
        xml.append(capability("osgi.content", attribute("osgi.content", "00AB", null)
                + attribute("url", url, null) + attribute("size", "4", "Long")
                + attribute("mime", "application/vnd.osgi.bundle", null)));
        for (String export : exports) {
            xml.append(capability("osgi.wiring.package", attribute("osgi.wiring.package", export, null)
                    + attribute("version", version, "Version")));
        }
        for (String extra : extraCapabilities) {
            xml.append(extra);
        }
        for (String imported : imports) {
            String[] parts = imported.split(";");
            String filter = parts.length == 1 ? "(osgi.wiring.package=" + parts[0] + ")"
                    : "(&(osgi.wiring.package=" + parts[0] + ")(version>=" + parts[1] + ")(!(version>=" + parts[2] + ")))";
            xml.append("    <requirement namespace=\"osgi.wiring.package\">\n      <directive name=\"filter\" value=\"")
                    .append(filter.replace("&", "&amp;").replace(">", "&gt;")).append("\"/>\n    </requirement>\n");
        }
        resources.add(xml.append("  </resource>\n").toString());
        return this;
    }

    TestIndex referral(String url) {
        referrals.add("  <referral url=\"" + url + "\"/>\n");
        return this;
    }

    static String capability(String namespace, String body) {
        return "    <capability namespace=\"" + namespace + "\">\n" + body + "    </capability>\n";
    }

    static String attribute(String name, String value, String type) {
        return "      <attribute name=\"" + name + "\" value=\"" + value + "\""
                + (type == null ? "" : " type=\"" + type + "\"") + "/>\n";
    }

    String xml() {
        return "<?xml version='1.0' encoding='UTF-8'?>\n<repository xmlns=\"" + IndexParser.NAMESPACE
                + "\" name=\"test\" increment=\"1\">\n" + String.join("", referrals) + String.join("", resources)
                + "</repository>\n";
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml(), StandardCharsets.UTF_8);
        return file;
    }
}
