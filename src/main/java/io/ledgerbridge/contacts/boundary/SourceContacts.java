package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.control.SourceContact;
import io.ledgerbridge.intake.entity.ImportState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source contacts as the received transactions name them (one per code, its latest-sorting name
 * and e-mail), with how many transactions wait for import.
 */
@Stateless
public class SourceContacts {

  /** Not yet in Xero, or changed or failed since: these need their contact linked. */
  static final List<ImportState> WAITING =
      List.of(ImportState.NOT_IMPORTED, ImportState.CHANGED, ImportState.FAILED);

  @PersistenceContext private EntityManager em;

  /** Every source contact, by code, in code order. */
  public Map<String, SourceContact> all() {
    Map<String, SourceContact> out = new LinkedHashMap<>();
    List<Object[]> rows =
        em.createQuery(
                "SELECT t.contactCode, MAX(t.contactName), MAX(t.contactEmail),"
                    + " SUM(CASE WHEN t.state IN :waiting THEN 1 ELSE 0 END)"
                    + " FROM SourceTransaction t WHERE t.contactCode IS NOT NULL"
                    + " GROUP BY t.contactCode ORDER BY t.contactCode",
                Object[].class)
            .setParameter("waiting", WAITING)
            .getResultList();
    for (Object[] r : rows) {
      String code = (String) r[0];
      long waiting = r[3] == null ? 0 : ((Number) r[3]).longValue();
      out.put(code, new SourceContact(code, (String) r[1], (String) r[2], waiting));
    }
    return out;
  }

  public Optional<SourceContact> find(String code) {
    return Optional.ofNullable(all().get(code));
  }
}
