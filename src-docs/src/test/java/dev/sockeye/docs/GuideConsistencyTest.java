package dev.sockeye.docs;

import dev.sockeye.Config;
import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Handshake;
import dev.sockeye.Sockeye;
import dev.sockeye.SockeyeEndpoint;
import dev.sockeye.Target;
import dev.sockeye.embedded.EmbeddedServer;
import dev.sockeye.impl.client.IrisClientScript;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the guide honest: its links resolve, its snippets are the compiled code, and the defaults
 * it states are the code's. Runs from the {@code src-docs} module directory.
 */
class GuideConsistencyTest {

    private static final Path GUIDE = Path.of("guide");
    private static final Path README = Path.of("..", "README.md");

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+?)(?:#(\\S+))? -->");
    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\w*)\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]*)`");
    /** The Iris websocket API of the seed documents: Server, Connection, Config and iris-ws.js. */
    private static final List<String> IRIS_APIS = List.of(
            "OnConnection", "ID", "On", "OnMessage", "Emit", "EmitMessage", "To", "All", "Broadcast", "NotMe",
            "Join", "Leave", "IsJoined", "OnLeave", "OnDisconnect", "OnError", "FireOnError", "Disconnect",
            "Context", "SetValue", "GetValue", "OnPing", "OnPong",
            "GetConnection", "GetConnections", "GetConnectionsByRoom", "GetTotalConnections", "IsConnected", "LeaveAll",
            "IDGenerator", "EvtMessagePrefix", "CheckOrigin", "MaxMessageSize", "BinaryMessages", "WriteTimeout",
            "ReadTimeout", "PingPeriod", "PongTimeout", "ReadBufferSize", "WriteBufferSize", "EnableCompression",
            "Subprotocols", "HandshakeTimeout", "Error", "Headers",
            "Ws", "OnConnect");

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    @Test
    void everyPageLinkedFromTheIndexExistsAndEveryPageIsLinked() throws IOException {
        Set<Path> linked = new HashSet<>();
        for (String target : links(GUIDE.resolve("index.md"))) {
            if (!isExternal(target)) {
                Path file = GUIDE.resolve(withoutAnchor(target)).normalize();
                assertTrue(Files.isRegularFile(file), "index.md links to a missing file: " + target);
                linked.add(file);
            }
        }
        for (Path page : pages()) {
            if (!page.getFileName().toString().equals("index.md")) {
                assertTrue(linked.contains(page.normalize()), "index.md does not link to " + page);
            }
        }
    }

    @Test
    void everyRelativeLinkOfTheGuideAndTheReadmeResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : documents()) {
            for (String target : links(page)) {
                if (isExternal(target)) {
                    continue;
                }
                String path = withoutAnchor(target);
                Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                if (!Files.exists(file)) {
                    broken.add(page + " -> " + target);
                } else if (target.contains("#") && file.toString().endsWith(".md")
                        && !anchors(file).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(page + " -> " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void everySnippetIsTheCodeOfTheFileItNames() throws IOException {
        int snippets = 0;
        for (Path page : documents()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = SNIPPET.matcher(lines.get(i).trim());
                if (!marker.matches()) {
                    continue;
                }
                Path source = page.getParent().resolve(marker.group(1)).normalize();
                assertTrue(Files.isRegularFile(source), page + " names a missing snippet file: " + marker.group(1));
                assertTrue(i + 1 < lines.size() && FENCE.matcher(lines.get(i + 1)).matches(),
                        page + ":" + (i + 1) + ": a snippet marker must be followed by a code block");
                List<String> block = new ArrayList<>();
                int j = i + 2;
                while (j < lines.size() && !FENCE.matcher(lines.get(j)).matches()) {
                    block.add(lines.get(j++));
                }
                String expected = excerpt(source, marker.group(2));
                assertEquals(expected, String.join("\n", stripTrailing(block)),
                        page + ":" + (i + 2) + " differs from " + marker.group(1)
                                + (marker.group(2) == null ? "" : "#" + marker.group(2)));
                snippets++;
            }
        }
        assertTrue(snippets >= 5, "expected the guide to show its compiled snippets, found " + snippets);
    }

    @Test
    void everyJavaBlockIsACompiledSnippet() throws IOException {
        List<String> unchecked = new ArrayList<>();
        for (Path page : documents()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            boolean inBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                Matcher fence = FENCE.matcher(lines.get(i));
                if (!fence.matches()) {
                    continue;
                }
                if (!inBlock && fence.group(1).equals("java")
                        && (i == 0 || !SNIPPET.matcher(lines.get(i - 1).trim()).matches())) {
                    unchecked.add(page + ":" + (i + 1));
                }
                inBlock = !inBlock;
            }
        }
        assertEquals(List.of(), unchecked, "java blocks without a '<!-- snippet: path#tag -->' marker");
    }

    @Test
    void theConfigurationTableCoversEveryComponentAndStatesTheCodesDefaults() throws Exception {
        Map<String, String> documented = configurationDefaults();
        Set<String> components = Stream.of(Config.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(components, new TreeSet<>(documented.keySet()),
                "configuration.md must have exactly one row per Config component");

        Config defaults = Config.defaults();
        for (RecordComponent component : Config.class.getRecordComponents()) {
            String name = component.getName();
            Object value = component.getAccessor().invoke(defaults);
            String stated = documented.get(name);
            switch (name) {
                case "idGenerator" -> assertRandomUuids(stated, defaults);
                case "originPolicy" -> assertSameOriginOnly(stated, defaults);
                case "authorizer" -> {
                    assertEquals("HandshakeAuthorizer.acceptAll()", stated);
                    defaults.authorizer().authorize(handshake(Map.of()));
                }
                case "handshakeErrorListener" -> assertEquals("logs at DEBUG", stated);
                default -> assertEquals(String.valueOf(value), stated, "default of " + name);
            }
        }
    }

    @Test
    void theDefaultConstantsEqualTheDocumentedDefaults() throws Exception {
        Map<String, String> documented = configurationDefaults();
        int constants = 0;
        for (Field field : Config.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("DEFAULT_")) {
                String component = camelCase(field.getName().substring("DEFAULT_".length()));
                assertTrue(documented.containsKey(component), field.getName() + " has no row " + component);
                assertEquals(String.valueOf(field.get(null)), documented.get(component), field.getName());
                constants++;
            }
        }
        assertTrue(constants >= 3, "expected Config.DEFAULT_* constants");
    }

    @Test
    void theMigrationGuideMapsEveryIrisApi() throws IOException {
        String codeSpans = codeSpans(GUIDE.resolve("iris-migration.md"));
        List<String> missing = new ArrayList<>();
        for (String iris : IRIS_APIS) {
            if (!Pattern.compile("(?<!\\w)" + Pattern.quote(iris) + "\\b").matcher(codeSpans).find()) {
                missing.add(iris);
            }
        }
        assertEquals(List.of(), missing, "Iris APIs that iris-migration.md does not map");
    }

    @Test
    void theMigrationGuideNamesOnlyMethodsThatExist() throws IOException {
        Map<String, List<Class<?>>> receivers = Map.of(
                "connection", List.of(Connection.class),
                "registry", List.of(ConnectionRegistry.class),
                "endpoint", List.of(SockeyeEndpoint.class),
                "Target", List.of(Target.class),
                "Sockeye", List.of(Sockeye.class),
                "Config", List.of(Config.class),
                "IrisClientScript", List.of(IrisClientScript.class),
                "EmbeddedServer", List.of(EmbeddedServer.class),
                "", List.of(Connection.class, Config.Builder.class));
        Pattern call = Pattern.compile("(?<![\\w.])(?:(\\w+)\\.)?([a-z]\\w*)\\(");
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        Matcher matcher = call.matcher(codeSpans(GUIDE.resolve("iris-migration.md")));
        while (matcher.find()) {
            String receiver = matcher.group(1) == null ? "" : matcher.group(1);
            List<Class<?>> types = receivers.get(receiver);
            String method = matcher.group(2);
            if (types == null || method.equals("func")) {
                continue; // Go or JavaScript
            }
            boolean exists = types.stream().flatMap(t -> Stream.of(t.getMethods())).anyMatch(m -> m.getName().equals(method));
            if (!exists) {
                unknown.add(matcher.group());
            }
            checked++;
        }
        assertEquals(List.of(), unknown, "iris-migration.md names methods that do not exist");
        assertTrue(checked > 40, "expected the migration tables to name Sockeye methods, found " + checked);
    }

    private static void assertRandomUuids(String stated, Config defaults) {
        assertEquals("IdGenerator.randomUuid()", stated, "documented default of idGenerator");
        String first = defaults.idGenerator().generate(handshake(Map.of()));
        String second = defaults.idGenerator().generate(handshake(Map.of()));
        assertTrue(UUID.matcher(first).matches(), first);
        assertNotEquals(first, second);
    }

    private static void assertSameOriginOnly(String stated, Config defaults) {
        assertEquals("OriginPolicy.sameOrigin(Set.of())", stated, "documented default of originPolicy");
        var policy = defaults.originPolicy();
        assertTrue(policy.allows(handshake(Map.of("Host", List.of("chat.example:8080")))), "no Origin header");
        assertTrue(policy.allows(handshake(Map.of("Host", List.of("chat.example:8080"),
                "Origin", List.of("http://chat.example:8080")))), "same origin");
        assertFalse(policy.allows(handshake(Map.of("Host", List.of("chat.example:8080"),
                "Origin", List.of("http://evil.example")))), "another origin");
    }

    private static Handshake handshake(Map<String, List<String>> headers) {
        return new Handshake(URI.create("/chat"), headers, Map.of(), Map.of(), Optional.empty());
    }

    /** Setting name to the first code span of its "default" cell, from the table under "## Settings". */
    private static Map<String, String> configurationDefaults() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE.resolve("configuration.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## Settings");
        assertTrue(start >= 0, "configuration.md has no '## Settings' section");
        List<String> header = null;
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            String setting = firstCodeSpan(cells.get(header.indexOf("setting")));
            String value = firstCodeSpan(cells.get(header.indexOf("default")));
            assertFalse(defaults.containsKey(setting), "two rows for " + setting);
            defaults.put(setting, value);
        }
        assertTrue(header != null && header.contains("setting") && header.contains("default"),
                "the settings table needs 'setting' and 'default' columns");
        return defaults;
    }

    private static List<String> cells(String row) {
        String inner = row.trim().replaceAll("^\\|", "").replaceAll("\\|$", "");
        return Stream.of(inner.split("\\|")).map(String::trim).collect(Collectors.toList());
    }

    private static String firstCodeSpan(String cell) {
        Matcher code = CODE_SPAN.matcher(cell);
        if (!code.find()) {
            fail("expected a `code` value in the cell: " + cell);
        }
        return code.group(1);
    }

    private static String camelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /** The whole file, or the lines between {@code tag::name[]} and {@code end::name[]}, other tag lines dropped and dedented. */
    private static String excerpt(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<String> selected = new ArrayList<>();
        if (tag == null) {
            selected.addAll(lines);
        } else {
            int begin = indexOfMarker(lines, "tag::" + tag + "[]", source);
            int end = indexOfMarker(lines, "end::" + tag + "[]", source);
            assertTrue(begin < end, source + ": tag " + tag + " ends before it begins");
            for (String line : lines.subList(begin + 1, end)) {
                if (!line.contains("tag::") && !line.contains("end::")) {
                    selected.add(line);
                }
            }
        }
        int indent = selected.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> dedented = selected.stream()
                .map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.toList());
        return String.join("\n", stripTrailing(dedented));
    }

    private static int indexOfMarker(List<String> lines, String marker, Path source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        return fail(source + " has no " + marker);
    }

    private static List<String> stripTrailing(List<String> lines) {
        List<String> result = lines.stream().map(String::stripTrailing).collect(Collectors.toCollection(ArrayList::new));
        while (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
            result.remove(result.size() - 1);
        }
        return result;
    }

    private static String codeSpans(Path page) throws IOException {
        Matcher code = CODE_SPAN.matcher(Files.readString(page, StandardCharsets.UTF_8));
        StringBuilder spans = new StringBuilder();
        while (code.find()) {
            spans.append(code.group(1)).append('\n');
        }
        return spans.toString();
    }

    private static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean inBlock = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (FENCE.matcher(line).matches()) {
                inBlock = !inBlock;
            } else if (!inBlock) {
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    targets.add(link.group(1));
                }
            }
        }
        return targets;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        return Files.readAllLines(page, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static boolean isExternal(String target) {
        return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }

    private static String withoutAnchor(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(GUIDE)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(pages());
        if (Files.isRegularFile(README)) {
            documents.add(README);
        }
        return documents;
    }
}
