package io.ledgerbridge.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * Committed migrations are history: a database that ran one refuses to start when its checksum
 * changes. Flyway itself reads the migrations the WAR ships and checksums them; they must equal the
 * record in {@code db/migration-history.txt}, and every migration must be recorded there.
 */
class MigrationHistoryTest {

  record Entry(String description, int checksum) {
    String line(String version) {
      return version + "|" + description + "|" + checksum;
    }
  }

  @Test
  void everyCommittedMigrationIsUnchangedAndEveryMigrationIsRecorded() throws IOException {
    Map<String, Entry> recorded = recorded();
    Map<String, Entry> shipped = shipped();
    List<String> problems = new ArrayList<>();
    recorded.forEach(
        (version, entry) -> {
          Entry now = shipped.get(version);
          if (now == null) {
            problems.add("V" + version + " (" + entry.description() + ") was removed");
          } else if (!now.equals(entry)) {
            problems.add(
                "V"
                    + version
                    + " changed after it was committed (recorded "
                    + entry.line(version)
                    + ", now "
                    + now.line(version)
                    + "): put the change in a new migration instead");
          }
        });
    shipped.forEach(
        (version, entry) -> {
          if (!recorded.containsKey(version)) {
            problems.add(
                "V"
                    + version
                    + " is not recorded yet: add the line "
                    + entry.line(version)
                    + " to src/test/resources/db/migration-history.txt");
          }
        });
    assertEquals(List.of(), problems);
  }

  @Test
  void theRecordIsNotEmptyAndEachVersionAppearsOnce() throws IOException {
    Map<String, Entry> recorded = recorded();
    assertTrue(recorded.size() >= 10, recorded::toString);
    assertTrue(recorded.containsKey("1"), "the foundation migration is recorded");
  }

  /** What Flyway finds in the WAR's {@code db/migration}, checksummed as it checksums them. */
  private static Map<String, Entry> shipped() {
    Flyway flyway =
        Flyway.configure(MigrationHistoryTest.class.getClassLoader())
            .dataSource("jdbc:h2:mem:migration-history;DB_CLOSE_DELAY=-1", "sa", "")
            .locations("classpath:db/migration")
            .load();
    Map<String, Entry> shipped = new LinkedHashMap<>();
    for (MigrationInfo info : flyway.info().all()) {
      shipped.put(
          info.getVersion().getVersion(), new Entry(info.getDescription(), info.getChecksum()));
    }
    return shipped;
  }

  private static Map<String, Entry> recorded() throws IOException {
    Map<String, Entry> recorded = new LinkedHashMap<>();
    try (InputStream in =
        MigrationHistoryTest.class.getResourceAsStream("/db/migration-history.txt")) {
      assertTrue(in != null, "src/test/resources/db/migration-history.txt is missing");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.strip().split("\\|");
        assertEquals(3, parts.length, line);
        Entry previous = recorded.put(parts[0], new Entry(parts[1], Integer.parseInt(parts[2])));
        assertEquals(null, previous, "V" + parts[0] + " is recorded twice");
      }
    }
    return recorded;
  }
}
