package io.ledgerbridge.web.intake;

import io.ledgerbridge.intake.boundary.IntakeGate;
import io.ledgerbridge.intake.boundary.IntakeService;
import io.ledgerbridge.intake.boundary.ItemResult;
import io.ledgerbridge.intake.control.IncomingTransaction;
import io.ledgerbridge.intake.control.TransactionCsvReader;
import io.ledgerbridge.intake.control.TransactionValidator;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CSV upload of transactions, for when the inventory system cannot call the API. A transaction is
 * stored only if all of its rows are valid; the report lists every failing row and column.
 */
@Named
@ViewScoped
public class UploadPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long MAX_BYTES = 20L * 1024 * 1024;

  @Inject private transient IntakeService intake;
  @Inject private transient IntakeGate gate;
  @Inject private transient LedgerBridgeConfig config;

  private transient Part file;
  private List<TransactionCsvReader.RowError> errors = List.of();
  private Map<ItemResult.Outcome, Integer> counts;
  private String fileName;

  public void upload() {
    FacesContext faces = FacesContext.getCurrentInstance();
    errors = List.of();
    counts = null;
    if (file == null || file.getSize() == 0) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a CSV file first.", null));
      return;
    }
    if (file.getSize() > MAX_BYTES) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "The file is larger than 20 MB; split it into smaller files.",
              null));
      return;
    }
    fileName = file.getSubmittedFileName();
    TransactionCsvReader.Result result;
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), utf8))) {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      result = TransactionCsvReader.read(reader, config.intakeMaxLines(), 10_000);
    } catch (IOException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "The file could not be read as UTF-8 text. Save it as \"CSV UTF-8\" and try again.",
              null));
      return;
    }
    List<IncomingTransaction> validated =
        result.transactions().stream().map(TransactionValidator::validate).toList();
    errors = result.rowErrors(validated);
    counts = new EnumMap<>(ItemResult.Outcome.class);
    if (result.fileErrors().isEmpty()) {
      // In turn with the API's intake requests, so an upload cannot crowd them out (or they it).
      String source = "csv:" + faces.getExternalContext().getRemoteUser();
      var stored = gate.whenFree(() -> intake.receive(validated, source));
      if (stored.isEmpty()) {
        counts = null;
        faces.addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                "LedgerBridge is busy receiving transactions; nothing from this file was stored."
                    + " Upload it again in "
                    + gate.retryAfterSeconds()
                    + " seconds.",
                null));
        return;
      }
      for (ItemResult r : stored.get()) {
        counts.merge(r.outcome(), 1, Integer::sum);
      }
    }
    faces.addMessage(
        null,
        new FacesMessage(
            errors.isEmpty() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
            summary(),
            null));
  }

  private String summary() {
    return String.format(
        "%s: %d created, %d updated, %d unchanged, %d rejected.",
        fileName == null ? "File" : fileName,
        counts.getOrDefault(ItemResult.Outcome.CREATED, 0),
        counts.getOrDefault(ItemResult.Outcome.UPDATED, 0),
        counts.getOrDefault(ItemResult.Outcome.UNCHANGED, 0),
        counts.getOrDefault(ItemResult.Outcome.REJECTED, 0));
  }

  public List<String> getColumns() {
    return TransactionCsvReader.COLUMNS;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public List<TransactionCsvReader.RowError> getErrors() {
    return errors;
  }

  public boolean isDone() {
    return counts != null;
  }
}
