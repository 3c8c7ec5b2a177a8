package io.github.migrationtest.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Setting;
import io.github.migrationtest.core.model.Diagnosis;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README, CONTRIBUTING and docs/ stay true to the code: the code they show runs in the examples, the
 * configuration table is the settings, docs/api.md is the public API, and their links lead somewhere.
 */
class DocumentationTests {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private static final Pattern REGION = Pattern.compile(
            "// tag::([\\w-]+)\\[]\\R(.*?)\\R[ \\t]*// end::\\1\\[]", Pattern.DOTALL);
    private static final Pattern FENCED_CODE = Pattern.compile("(?m)^```.*?^```", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+ (.+)$");
    private static final Pattern PUBLISHED_MODULE = Pattern.compile("<artifactId>migrationtest-([\\w-]+)</artifactId>");
    private static final Pattern API_PACKAGE = Pattern.compile("^#+ `(io\\.github\\.migrationtest[\\w.]*)`");
    private static final Pattern API_TYPE = Pattern.compile("^- `([\\w.]+)`");

    @Test
    void everyTaggedExampleRegionAppearsInTheDocumentation() throws IOException {
        String documentation = String.join("\n", contents(markdownFiles()));
        List<String> regions = taggedRegions();

        assertThat(regions).isNotEmpty();
        for (String region : regions) {
            assertThat(documentation).as("documentation containing the example region").contains(region);
        }
    }

    @Test
    void theReadmeIsShortAndShowsATestEarly() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));

        assertThat(lines).as("README.md lines (reference material belongs in docs/)").hasSizeLessThanOrEqualTo(150);
        assertThat(lines.indexOf("```java") + 1).as("line of the README's first Java snippet").isBetween(1, 59);
    }

    @Test
    void theConfigurationTableListsEverySettingWithItsDefault() throws IOException {
        String configuration = Files.readString(ROOT.resolve("docs/configuration.md"));
        for (Setting setting : Setting.values()) {
            String defaultValue = setting.defaultValue().isEmpty() ? "(none)" : "`" + setting.defaultValue() + "`";
            assertThat(configuration).contains("| `" + setting.key() + "` | " + defaultValue + " | "
                    + setting.description() + " |");
        }
    }

    @Test
    void theDiagnosisTableHasARowForEveryDiagnosis() throws IOException {
        String diagnoses = Files.readString(ROOT.resolve("docs/diagnoses.md"));
        for (Diagnosis diagnosis : Diagnosis.values()) {
            assertThat(diagnoses).contains("| `" + diagnosis.name() + "` | ");
        }
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            Matcher link = LINK.matcher(FENCED_CODE.matcher(Files.readString(file)).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                Path path = hash == 0 ? file : file.getParent().resolve(hash < 0 ? target : target.substring(0, hash))
                        .normalize();
                if (!Files.exists(path)) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(path).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (no such heading; there are "
                            + anchors(path) + ")");
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void theReadmeLinksEveryPageOfDocs() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            for (Path page : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                assertThat(readme).as("README.md linking " + ROOT.relativize(page))
                        .contains("](docs/" + page.getFileName() + ")");
            }
        }
    }

    /**
     * docs/api.md lists exactly the public types of the published modules' non-internal packages, so a
     * type made public, renamed or moved to internal shows here. The failure prints the lines to change.
     */
    @Test
    void docsApiListsExactlyThePublicTypes() throws Exception {
        Set<String> listed = typesListedInDocsApi();
        Set<String> published = publicTypesOfPublishedModules();

        Set<String> missing = new TreeSet<>(published);
        missing.removeAll(listed);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(published);
        assertThat(missing.isEmpty() && extra.isEmpty())
                .as("docs/api.md lists exactly the public non-internal types.%n"
                        + "Add, under the heading of their package (one line, saying what the type is):%n%s%n"
                        + "Remove (no longer public, or gone):%n%s", asApiLines(missing), asApiLines(extra))
                .isTrue();
    }

    private static Set<String> typesListedInDocsApi() throws IOException {
        Set<String> listed = new TreeSet<>();
        String currentPackage = null;
        for (String line : Files.readAllLines(ROOT.resolve("docs/api.md"))) {
            Matcher heading = API_PACKAGE.matcher(line);
            Matcher type = API_TYPE.matcher(line);
            if (heading.find()) {
                currentPackage = heading.group(1);
            } else if (line.startsWith("#")) {
                currentPackage = null;
            } else if (type.find()) {
                assertThat(currentPackage).as("package heading above docs/api.md line: " + line).isNotNull();
                listed.add(currentPackage + "." + type.group(1));
            }
        }
        return listed;
    }

    /** Canonical names (nested types with a dot) of the public types in the modules the BOM publishes. */
    private static Set<String> publicTypesOfPublishedModules() throws Exception {
        Set<String> types = new TreeSet<>();
        Matcher module = PUBLISHED_MODULE.matcher(Files.readString(ROOT.resolve("bom/pom.xml")));
        while (module.find()) {
            Path sources = ROOT.resolve(module.group(1)).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = sources.relativize(file).toString().replace('\\', '/').replace('/', '.')
                            .replaceAll("\\.java$", "");
                    if (name.endsWith("package-info") || name.endsWith("module-info")
                            || List.of(name.split("\\.")).contains("internal")) {
                        continue;
                    }
                    addPublic(load(name, module.group(1)), types);
                }
            }
        }
        return types;
    }

    private static Class<?> load(String name, String module) {
        try {
            return Class.forName(name, false, DocumentationTests.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("Cannot load " + name + " of module " + module + " to check docs/api.md: "
                    + "the examples module must have every module the BOM publishes on its test class path "
                    + "(add migrationtest-" + module + " as a test dependency of examples)", e);
        }
    }

    private static void addPublic(Class<?> type, Set<String> types) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return;
        }
        types.add(type.getCanonicalName());
        for (Class<?> nested : type.getDeclaredClasses()) {
            addPublic(nested, types);
        }
    }

    private static String asApiLines(Set<String> types) {
        if (types.isEmpty()) {
            return "  (none)";
        }
        Map<String, List<String>> byPackage = new TreeMap<>();
        for (String type : types) {
            String packageName = packageOf(type);
            byPackage.computeIfAbsent(packageName, p -> new ArrayList<>())
                    .add("- `" + type.substring(packageName.length() + 1) + "` — ");
        }
        return byPackage.entrySet().stream()
                .map(e -> "### `" + e.getKey() + "`\n" + String.join("\n", e.getValue()))
                .collect(Collectors.joining("\n\n"));
    }

    /** The package of a canonical name: the names before the first that starts in upper case. */
    private static String packageOf(String canonicalName) {
        List<String> parts = new ArrayList<>();
        for (String part : canonicalName.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            parts.add(part);
        }
        return String.join(".", parts);
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new TreeSet<>();
        if (!markdown.toString().endsWith(".md")) {
            return anchors;
        }
        Matcher heading = HEADING.matcher(FENCED_CODE.matcher(Files.readString(markdown)).replaceAll(""));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    private static List<String> contents(List<Path> files) throws IOException {
        List<String> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(Files.readString(file));
        }
        return contents;
    }

    private static List<String> taggedRegions() throws IOException {
        List<String> regions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Paths.get("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = REGION.matcher(Files.readString(file));
                while (m.find()) {
                    regions.add(dedent(m.group(2)));
                }
            }
        }
        return regions;
    }

    private static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }
}
