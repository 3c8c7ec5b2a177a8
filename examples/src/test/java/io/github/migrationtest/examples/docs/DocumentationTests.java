package io.github.migrationtest.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README and docs/ show code that runs: every tagged region of the examples appears in them verbatim. */
class DocumentationTests {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private static final Pattern REGION = Pattern.compile(
            "// tag::([\\w-]+)\\[]\\R(.*?)\\R[ \\t]*// end::\\1\\[]", Pattern.DOTALL);

    @Test
    void everyTaggedExampleRegionAppearsInTheDocumentation() throws IOException {
        String documentation = documentation();
        List<String> regions = taggedRegions();

        assertThat(regions).isNotEmpty();
        for (String region : regions) {
            assertThat(documentation).as("documentation containing the example region").contains(region);
        }
    }

    @Test
    void theConfigurationTableListsEverySettingWithItsDefault() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (Setting setting : Setting.values()) {
            String defaultValue = setting.defaultValue().isEmpty() ? "(none)" : "`" + setting.defaultValue() + "`";
            assertThat(readme).contains("| `" + setting.key() + "` | " + defaultValue + " | " + setting.description()
                    + " |");
        }
    }

    private static String documentation() throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(ROOT.resolve("README.md")));
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                    text.append('\n').append(Files.readString(file));
                }
            }
        }
        return text.toString();
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
