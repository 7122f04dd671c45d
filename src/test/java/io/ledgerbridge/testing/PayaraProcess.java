package io.ledgerbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on a Payara Micro process of its own, with an environment the test chooses, for
 * tests that stop and start the server over the same data (a restart in another mode, a crash).
 * Arquillian's container cannot do that: it boots one server per class, configured by the failsafe
 * execution. The server's output goes to a log file under {@code target/}.
 */
public final class PayaraProcess implements AutoCloseable {

  private final Process process;
  private final URL base;
  private final Path log;

  private PayaraProcess(Process process, URL base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * Starts Payara Micro with the WAR and {@code environment} (added to this JVM's, whose
   * LEDGERBRIDGE_ variables are dropped first so the failsafe execution's do not leak in) and waits
   * until the login page answers.
   */
  public static PayaraProcess start(String name, Map<String, String> environment) {
    return start(name, environment, freePort());
  }

  /**
   * The same on a given port: a restart after {@link #kill()} comes back where it was, as a real
   * server would (the Xero connection keeps the address it was made at).
   */
  public static PayaraProcess start(String name, Map<String, String> environment, int port) {
    Path buildDir = Path.of(System.getProperty("it.buildDir", "target"));
    Path log = buildDir.resolve("payara-" + name + "-" + port + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-Djava.io.tmpdir=" + buildDir.toAbsolutePath());
    command.add("-jar");
    command.add(System.getProperty("payara.microJar"));
    command.add("--deploy");
    command.add(System.getProperty("it.war", "target/ledgerbridge.war"));
    command.add("--port");
    command.add(String.valueOf(port));
    command.add("--nohazelcast");
    command.add("--disablephonehome");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("LEDGERBRIDGE_"));
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      PayaraProcess payara =
          new PayaraProcess(
              process, URI.create("http://127.0.0.1:" + port + "/ledgerbridge/").toURL(), log);
      payara.awaitReady(Duration.ofSeconds(240));
      return payara;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URL base() {
    return base;
  }

  public int port() {
    return base.getPort();
  }

  private void awaitReady(Duration patience) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant until = Instant.now().plus(patience);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro ended at start; see " + log);
      }
      try {
        HttpResponse<Void> page =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (page.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ImportFixture.sleep(500);
    }
    close();
    throw new IllegalStateException("Payara Micro did not answer within " + patience + "; " + log);
  }

  /** The log so far, for assertions about what the server said. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kills the server outright (SIGKILL, as {@code kill -9} or a power cut would): no shutdown hook,
   * no transaction finished, whatever was on the wire dropped. Waits until the process is gone.
   */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Payara Micro did not die within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server as an admin would (SIGTERM), waiting for it to end. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
