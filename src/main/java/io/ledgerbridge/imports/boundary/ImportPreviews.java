package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.contacts.boundary.ContactLinkStatus;
import io.ledgerbridge.contacts.boundary.ContactLinks;
import io.ledgerbridge.imports.control.DocumentMapper;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.imports.control.Previewer;
import io.ledgerbridge.imports.control.XeroTotals;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.xero.boundary.ReferenceData;
import io.ledgerbridge.xero.client.wire.XeroJson;
import io.ledgerbridge.xero.entity.XeroCurrency;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Previews of transactions against the connected organisation: the settings, the organisation's
 * reference data (tax rates, base currency, currencies, lock date), contact links, the
 * importability rules and what LedgerBridge already holds in Xero, in a constant number of queries
 * per call.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ImportPreviews {

  static final XeroJson JSON = new XeroJson();

  @PersistenceContext private EntityManager em;
  @Inject private SettingsService settings;
  @Inject private ReferenceData reference;
  @Inject private ContactLinks links;
  @Inject private ImportReadiness readiness;

  /** The previewer for this organisation, with links back to {@code baseUrl}. */
  public Previewer previewer(String tenantId, String baseUrl) {
    Optional<XeroOrganisation> organisation = reference.organisation(tenantId);
    String baseCurrency = organisation.map(XeroOrganisation::getBaseCurrency).orElse(null);
    Map<String, BigDecimal> rates = new HashMap<>();
    for (XeroTaxRate rate : reference.taxRates(tenantId)) {
      rates.put(rate.getTaxType(), rate.getEffectiveRate());
    }
    Set<String> currencies =
        reference.currencies(tenantId).stream()
            .map(XeroCurrency::getCode)
            .map(c -> c.toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    DocumentMapper mapper =
        new DocumentMapper(
            settings.current(),
            settings.resolver(),
            type -> Optional.ofNullable(rates.get(type)),
            baseCurrency,
            baseUrl,
            XeroTotals.standard());
    return new Previewer(
        mapper,
        organisation.map(XeroOrganisation::effectiveLockDate).orElse(null),
        currencies,
        baseCurrency,
        JSON);
  }

  /** Previews, in the order given. */
  public List<Preview> previews(
      String tenantId, String baseUrl, List<SourceTransaction> transactions) {
    if (transactions.isEmpty()) {
      return List.of();
    }
    Previewer previewer = previewer(tenantId, baseUrl);
    List<Importability.Facts> facts = transactions.stream().map(Importability.Facts::of).toList();
    List<List<Importability.Reason>> reasons = readiness.reasons(facts);
    Map<String, ContactLinkStatus> statuses =
        links.states(
            transactions.stream()
                .map(SourceTransaction::getContactCode)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    Map<Long, XeroDocument> documents =
        documents(transactions.stream().map(SourceTransaction::getId).toList());
    List<Preview> out = new ArrayList<>(transactions.size());
    for (int i = 0; i < transactions.size(); i++) {
      SourceTransaction t = transactions.get(i);
      ContactLinkStatus status =
          t.getContactCode() == null ? null : statuses.get(t.getContactCode());
      String contactId = status != null && status.importable() ? status.xeroContactId() : null;
      out.add(previewer.preview(t, contactId, reasons.get(i), documents.get(t.getId())));
    }
    return out;
  }

  /** LedgerBridge's records of the Xero documents of these transactions, by transaction id. */
  public Map<Long, XeroDocument> documents(List<Long> transactionIds) {
    Map<Long, XeroDocument> out = new HashMap<>();
    for (int from = 0; from < transactionIds.size(); from += 500) {
      List<Long> chunk = transactionIds.subList(from, Math.min(transactionIds.size(), from + 500));
      em.createQuery(
              "SELECT d FROM XeroDocument d WHERE d.transactionId IN :ids", XeroDocument.class)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(d -> out.put(d.getTransactionId(), d));
    }
    return out;
  }
}
