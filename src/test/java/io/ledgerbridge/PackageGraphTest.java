package io.ledgerbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The components ({@code io.ledgerbridge.<component>}) depend on each other one way only: platform
 * at the bottom, the Xero connector on it alone (it knows nothing of the built-in sandbox, which
 * sits beside it), the web layer on top, and no cycle anywhere. Read from the main sources' imports
 * and fully qualified names, so a new dependency that breaks the layering fails here.
 */
class PackageGraphTest {

  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.ledgerbridge\\.([a-z]+)\\.");
  private static final Path ROOT = Path.of("src/main/java/io/ledgerbridge");

  @Test
  void platformDependsOnNoComponent() {
    assertEquals(Set.of(), graph().getOrDefault("platform", Set.of()));
  }

  @Test
  void theXeroConnectorAndTheSandboxStandOnThePlatformAlone() {
    Map<String, Set<String>> graph = graph();
    assertEquals(Set.of("platform"), graph.get("xero"), "xero/ depends on");
    assertEquals(Set.of("platform"), graph.get("sandbox"), "sandbox/ depends on");
  }

  @Test
  void noComponentIsInACycle() {
    Map<String, Set<String>> graph = graph();
    List<String> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      if (reaches(graph, start, start, new TreeSet<>())) {
        cycles.add(start);
      }
    }
    assertEquals(List.of(), cycles, "components in a dependency cycle, in " + graph);
  }

  private static boolean reaches(
      Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
    for (String next : graph.getOrDefault(from, Set.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next) && reaches(graph, next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /** component → the other components its main sources name. */
  static Map<String, Set<String>> graph() {
    assertTrue(Files.isDirectory(ROOT), "run from the project directory");
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> ROOT.relativize(p).getNameCount() > 1)
          .forEach(
              p -> {
                String component = ROOT.relativize(p).getName(0).toString();
                Set<String> uses = graph.computeIfAbsent(component, c -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(read(p));
                while (m.find()) {
                  if (!m.group(1).equals(component)) {
                    uses.add(m.group(1));
                  }
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
