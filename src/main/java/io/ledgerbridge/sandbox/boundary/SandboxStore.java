package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.sandbox.control.SandboxSeed;
import io.ledgerbridge.sandbox.entity.SandboxDocument;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sandbox organisations' objects, kept as Xero-shaped JSON in LedgerBridge's database. */
@Stateless
public class SandboxStore {

  /** A stored object with its JSON. */
  public record Doc(String id, String key, String status, Instant updatedAt, JsonObject json) {}

  @PersistenceContext private EntityManager em;

  /** Seeds the organisations that do not exist yet. */
  public void seedMissing() {
    for (Map.Entry<String, List<SandboxSeed.Item>> org :
        SandboxSeed.all(Instant.now(), LocalDate.now()).entrySet()) {
      if (find(org.getKey(), "Organisation", org.getKey()).isEmpty()) {
        org.getValue().forEach(item -> save(org.getKey(), item));
      }
    }
  }

  /** Throws every organisation's objects away and seeds them again. */
  public void reset() {
    em.createQuery("DELETE FROM SandboxDocument d").executeUpdate();
    em.flush();
    seedMissing();
  }

  private void save(String orgId, SandboxSeed.Item item) {
    save(orgId, item.collection(), item.id(), item.key(), item.status(), item.json());
  }

  public void save(
      String orgId, String collection, String id, String key, String status, JsonObject json) {
    SandboxDocument doc =
        document(orgId, collection, id)
            .orElseGet(
                () -> {
                  SandboxDocument created = new SandboxDocument(orgId, collection, id);
                  em.persist(created);
                  return created;
                });
    doc.write(key, status, json.toString(), Instant.now());
  }

  public List<Doc> list(String orgId, String collection) {
    return em
        .createQuery(
            "SELECT d FROM SandboxDocument d WHERE d.orgId = :org"
                + " AND d.collection = :collection ORDER BY d.updatedAt, d.docId",
            SandboxDocument.class)
        .setParameter("org", orgId)
        .setParameter("collection", collection)
        .getResultList()
        .stream()
        .map(SandboxStore::doc)
        .toList();
  }

  /**
   * The objects whose key (an invoice or credit note number) is {@code key} ignoring case and
   * surrounding spaces, oldest first: found by index, without reading the whole collection.
   */
  public List<Doc> byKeyIgnoringCase(String orgId, String collection, String key) {
    return em
        .createQuery(
            "SELECT d FROM SandboxDocument d WHERE d.orgId = :org"
                + " AND d.collection = :collection AND d.keyFolded = :key"
                + " ORDER BY d.updatedAt, d.docId",
            SandboxDocument.class)
        .setParameter("org", orgId)
        .setParameter("collection", collection)
        .setParameter("key", SandboxDocument.fold(key))
        .getResultList()
        .stream()
        .map(SandboxStore::doc)
        .toList();
  }

  /**
   * The objects with these ids, as given or in lower or upper case, oldest first: found without
   * reading the whole collection.
   */
  public List<Doc> byIds(String orgId, String collection, Collection<String> ids) {
    Set<String> variants = new HashSet<>();
    for (String id : ids) {
      variants.add(id);
      variants.add(id.toLowerCase(Locale.ROOT));
      variants.add(id.toUpperCase(Locale.ROOT));
    }
    return em
        .createQuery(
            "SELECT d FROM SandboxDocument d WHERE d.orgId = :org"
                + " AND d.collection = :collection AND d.docId IN :ids"
                + " ORDER BY d.updatedAt, d.docId",
            SandboxDocument.class)
        .setParameter("org", orgId)
        .setParameter("collection", collection)
        .setParameter("ids", variants)
        .getResultList()
        .stream()
        .map(SandboxStore::doc)
        .toList();
  }

  /** An object by id, or else by key (an account code, a contact number, an invoice number). */
  public Optional<Doc> find(String orgId, String collection, String idOrKey) {
    return document(orgId, collection, idOrKey)
        .or(
            () ->
                em
                    .createQuery(
                        "SELECT d FROM SandboxDocument d WHERE d.orgId = :org"
                            + " AND d.collection = :collection AND d.key = :key ORDER BY d.updatedAt",
                        SandboxDocument.class)
                    .setParameter("org", orgId)
                    .setParameter("collection", collection)
                    .setParameter("key", idOrKey)
                    .setMaxResults(1)
                    .getResultList()
                    .stream()
                    .findFirst())
        .map(SandboxStore::doc);
  }

  public List<Doc> organisations() {
    return em
        .createQuery(
            "SELECT d FROM SandboxDocument d WHERE d.collection = 'Organisation'"
                + " ORDER BY d.key",
            SandboxDocument.class)
        .getResultList()
        .stream()
        .map(SandboxStore::doc)
        .toList();
  }

  private Optional<SandboxDocument> document(String orgId, String collection, String id) {
    return em
        .createQuery(
            "SELECT d FROM SandboxDocument d WHERE d.orgId = :org"
                + " AND d.collection = :collection AND d.docId = :id",
            SandboxDocument.class)
        .setParameter("org", orgId)
        .setParameter("collection", collection)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst();
  }

  private static Doc doc(SandboxDocument d) {
    try (JsonReader reader = JsonFactory.createReader(new StringReader(d.getBody()))) {
      return new Doc(
          d.getDocId(), d.getKey(), d.getStatus(), d.getUpdatedAt(), reader.readObject());
    }
  }
}
