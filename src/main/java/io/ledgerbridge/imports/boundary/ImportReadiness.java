package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.contacts.boundary.ContactLinkStatus;
import io.ledgerbridge.contacts.boundary.ContactLinks;
import io.ledgerbridge.contacts.entity.LinkState;
import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.control.Importability.ContactLink;
import io.ledgerbridge.intake.control.Importability.Reason;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.settings.control.AccountResolver;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.Direction;
import io.ledgerbridge.xero.boundary.XeroConnections;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts {@link Importability} needs about a set of transactions (a page of a list, or one):
 * whether Xero is connected, each contact's link, the accounting settings' verdict on every line
 * (its source tax code mapped for the direction, an account it resolves to that Xero accepts), the
 * import window and the accounting method. A constant number of queries per call, whatever the
 * number of transactions.
 */
@Stateless
@LocalBean
@Local(Importability.ContextSource.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ImportReadiness implements Importability.ContextSource {

  private static final int CHUNK = 500;

  @PersistenceContext private EntityManager em;
  @Inject private XeroConnections connections;
  @Inject private ContactLinks links;
  @Inject private SettingsService settings;

  /** The reasons of each transaction, in the order given. */
  public List<List<Reason>> reasons(List<Importability.Facts> transactions) {
    Importability.Context context = contextFor(transactions);
    return transactions.stream().map(t -> Importability.reasons(t, context)).toList();
  }

  public List<Reason> reasons(Importability.Facts transaction) {
    return reasons(List.of(transaction)).get(0);
  }

  /** The context for these transactions. */
  @Override
  public Importability.Context contextFor(Collection<Importability.Facts> transactions) {
    if (connections.target().isEmpty()) {
      return Importability.Context.NOT_CONNECTED;
    }
    Map<String, ContactLinkStatus> states =
        links.states(
            transactions.stream()
                .map(Importability.Facts::contactCode)
                .filter(Objects::nonNull)
                .toList());
    AccountingSettings current = settings.current();
    AccountResolver resolver = settings.resolver();
    LocalDate today = LocalDate.now();
    Map<Long, List<Reason>> lineReasons =
        lineReasons(
            transactions.stream().map(Importability.Facts::id).filter(Objects::nonNull).toList(),
            current,
            resolver);
    Optional<LocalDate> windowStart = current.importWindowStart(today);
    return new Importability.Context(
        true,
        code -> linkOf(states.get(code)),
        id -> lineReasons.getOrDefault(id, List.of()),
        date -> current.insideImportWindow(date, today),
        windowStart.orElse(null),
        current.accountingMethod() == AccountingMethod.PERPETUAL);
  }

  private static ContactLink linkOf(ContactLinkStatus status) {
    if (status == null || status.state() == LinkState.UNLINKED) {
      return ContactLink.UNLINKED;
    }
    return status.importable() ? ContactLink.LINKED : ContactLink.STALE;
  }

  /** Per transaction: unmapped tax codes and lines without an account Xero would accept. */
  private Map<Long, List<Reason>> lineReasons(
      List<Long> ids, AccountingSettings current, AccountResolver resolver) {
    Map<Long, Map<String, Reason>> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      List<Object[]> rows =
          em.createQuery(
                  "SELECT t.id, t.kind, t.contactCode, t.branch, l.sku, l.accountCode, l.taxCode"
                      + " FROM TransactionLine l JOIN l.transaction t WHERE t.id IN :ids"
                      + " ORDER BY t.id, l.lineNo",
                  Object[].class)
              .setParameter("ids", chunk)
              .getResultList();
      for (Object[] row : rows) {
        Long id = (Long) row[0];
        Optional<Direction> direction = Direction.of((Kind) row[1]);
        if (direction.isEmpty()) {
          continue; // stock adjustments become journals: their accounts are the settings' own
        }
        Map<String, Reason> reasons = found.computeIfAbsent(id, k -> new LinkedHashMap<>());
        String taxCode = (String) row[6];
        if (taxCode != null && current.taxTypeFor(taxCode, direction.get()).isEmpty()) {
          reasons.putIfAbsent(
              "tax:" + taxCode,
              new Reason(
                  "TAX_CODE_UNMAPPED",
                  "Tax code "
                      + taxCode
                      + " is not mapped to a Xero tax type for "
                      + direction.get().jsonName()
                      + "."));
        }
        AccountResolver.Resolution account =
            resolver.resolve(
                new AccountResolver.LineFacts(
                    direction.get(),
                    (String) row[5],
                    (String) row[4],
                    (String) row[2],
                    (String) row[3]));
        if (!account.ok()) {
          reasons.putIfAbsent(
              "account:" + account.reason(), new Reason("ACCOUNT_MISSING", account.reason()));
        }
      }
    }
    Map<Long, List<Reason>> out = new HashMap<>();
    found.forEach((id, reasons) -> out.put(id, new ArrayList<>(reasons.values())));
    return out;
  }
}
