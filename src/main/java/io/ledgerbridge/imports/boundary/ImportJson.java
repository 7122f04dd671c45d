package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.imports.entity.ImportItem;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;

/** The JSON shapes of runs, outcomes, previews and Xero documents in the REST API. */
final class ImportJson {

  private ImportJson() {}

  static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      throw new BusinessException("The request body must be a JSON object.");
    }
    try (JsonReader reader = JsonFactory.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new BusinessException("The request body is not a valid JSON object.");
    }
  }

  static JsonObjectBuilder run(ImportRun run) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("id", run.getId())
            .add("type", run.getType().name())
            .add("status", run.getStatus().name())
            .add("requestedBy", run.getRequestedBy())
            .add("requestedAt", run.getRequestedAt().toString());
    add(json, "kind", run.getKind() == null ? null : run.getKind().name());
    add(json, "finishedAt", run.getFinishedAt());
    add(json, "description", run.getDescription());
    add(json, "message", run.getMessage());
    return json.add(
            "counts",
            JsonFactory.createObjectBuilder()
                .add("total", run.getTotal())
                .add("done", run.getDone())
                .add("imported", run.getImported())
                .add("updated", run.getUpdated())
                .add("failed", run.getFailed())
                .add("skipped", run.getSkipped()))
        .add("percent", run.getPercent())
        .add("apiCalls", run.getApiCalls())
        .add("xeroMillis", run.getXeroMillis())
        .add("ownMillis", run.getOwnMillis());
  }

  static JsonObjectBuilder item(ImportItem item) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("kind", item.getKind().name())
            .add("sourceId", item.getSourceId());
    add(json, "outcome", item.getOutcome() == null ? "PENDING" : item.getOutcome().name());
    add(json, "xeroId", item.getXeroId());
    add(json, "xeroNumber", item.getXeroNumber());
    add(json, "xeroStatus", item.getXeroStatus());
    add(json, "sentHash", item.getSentHash());
    if (item.getSourceVersion() != null) {
      json.add("sourceVersion", item.getSourceVersion());
    }
    add(json, "finishedAt", item.getFinishedAt());
    JsonArrayBuilder messages = JsonFactory.createArrayBuilder();
    item.getMessageList().forEach(messages::add);
    return json.add("messages", messages);
  }

  static JsonObjectBuilder document(XeroDocument d) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("type", d.getXeroType())
            .add("version", d.getVersionNo());
    add(json, "xeroId", d.getXeroId());
    add(json, "number", d.getXeroNumber());
    add(json, "status", d.getXeroStatus());
    add(json, "previousXeroId", d.getPreviousXeroId());
    if (d.getSyncedVersion() != null) {
      json.add("syncedSourceVersion", d.getSyncedVersion());
    }
    add(json, "importedBy", d.getImportedBy());
    add(json, "importedAt", d.getImportedAt());
    add(json, "updatedAt", d.getUpdatedAt());
    add(json, "refreshedAt", d.getRefreshedAt());
    add(json, "fixedBy", d.getFixedBy());
    add(json, "fixedAt", d.getFixedAt());
    if (d.inFlight()) {
      json.add("inFlightRun", d.getInFlightRun());
    }
    return json;
  }

  static JsonObjectBuilder preview(Preview p) {
    Object document = p.mapping().wire();
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("kind", p.kind().name())
            .add("sourceId", p.sourceId())
            .add("sourceVersion", p.sourceVersion())
            .add("action", p.action().name())
            .add("importable", p.sendable())
            .add(
                "document",
                JsonFactory.createReader(new StringReader(ImportPreviews.JSON.toJson(document)))
                    .readObject())
            .add("unitdp4", p.mapping().unitdp4())
            .add(
                "totals",
                JsonFactory.createObjectBuilder()
                    .add("subTotal", p.mapping().xeroTotals().subTotal())
                    .add("totalTax", p.mapping().xeroTotals().totalTax())
                    .add("total", p.mapping().xeroTotals().total())
                    .add("sourceTotal", p.mapping().sourceTotal())
                    .add("difference", p.mapping().difference())
                    .add("rounding", p.mapping().rounding()))
            .add("blocking", problems(p.blocking()))
            .add("warnings", problems(p.warnings()));
    if (p.document() != null) {
      json.add("xero", document(p.document()));
    }
    return json;
  }

  static JsonArrayBuilder problems(List<Problem> problems) {
    JsonArrayBuilder out = JsonFactory.createArrayBuilder();
    problems.forEach(
        p ->
            out.add(
                JsonFactory.createObjectBuilder()
                    .add("code", p.code())
                    .add("message", p.message())));
    return out;
  }

  private static void add(JsonObjectBuilder json, String name, Object value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
