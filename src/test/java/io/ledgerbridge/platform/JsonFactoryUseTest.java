package io.ledgerbridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code jakarta.json.Json} looks its provider up on every call, under the class loader's lock; the
 * main code goes through {@link JsonFactory} instead (see there). Fails on a new use.
 */
class JsonFactoryUseTest {

  private static final Pattern DIRECT =
      Pattern.compile("import jakarta\\.json\\.Json;|jakarta\\.json\\.Json\\.create");

  @Test
  void mainCodeMakesJsonThroughTheFactory() throws IOException {
    Path main = Path.of("src/main/java");
    assertTrue(Files.isDirectory(main), "run from the project directory");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> direct =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> DIRECT.matcher(read(p)).find())
              .map(Path::toString)
              .toList();
      assertEquals(List.of(), direct, "use JsonFactory instead of jakarta.json.Json");
    }
  }

  @Test
  void theFactoryBuildsWhatJsonWould() {
    assertEquals(
        "{\"a\":[1,\"b\"]}",
        JsonFactory.createObjectBuilder()
            .add("a", JsonFactory.createArrayBuilder().add(1).add("b"))
            .build()
            .toString());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
