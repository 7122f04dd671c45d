package io.ledgerbridge.web.transactions;

import io.ledgerbridge.intake.boundary.TransactionQueries;
import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.intake.entity.TransactionContent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** One transaction: header, contact, lines, totals, state, and why it cannot be imported yet. */
@Named
@RequestScoped
public class TransactionDetailPage {

  @Inject private Importability.ContextSource readiness;
  @Inject private TransactionQueries queries;
  @Inject private FacesContext faces;

  private String kindParam;
  private String sourceId;
  private SourceTransaction transaction;
  private TransactionContent content;
  private List<Importability.Reason> reasons;
  private BigDecimal linesTotal;
  private BigDecimal costTotal;

  public void load() throws IOException {
    Kind kind = Kind.parse(kindParam).orElse(null);
    transaction =
        kind == null || sourceId == null ? null : queries.find(kind, sourceId).orElse(null);
    if (transaction == null) {
      faces.getExternalContext().responseSendError(404, "No such transaction");
      faces.responseComplete();
      return;
    }
    content = transaction.content();
    Importability.Facts facts = Importability.Facts.of(transaction);
    reasons = Importability.reasons(facts, readiness.contextFor(List.of(facts)));
    linesTotal =
        content.lines().stream()
            .filter(l -> l.unitPrice() != null)
            .map(Line::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    costTotal =
        content.lines().stream()
            .filter(l -> l.unitCost() != null)
            .map(l -> l.quantity().multiply(l.unitCost()).setScale(2, RoundingMode.HALF_UP))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The sum of the line amounts (quantity × price less discount), before any tax. */
  public BigDecimal getLinesTotal() {
    return linesTotal;
  }

  /** Stock value of an adjustment: quantity × unit cost. */
  public BigDecimal getCostTotal() {
    return costTotal;
  }

  public SourceTransaction getTransaction() {
    return transaction;
  }

  public TransactionContent getContent() {
    return content;
  }

  public List<Importability.Reason> getReasons() {
    return reasons;
  }

  public String getKindParam() {
    return kindParam;
  }

  public void setKindParam(String kindParam) {
    this.kindParam = kindParam;
  }

  public String getSourceId() {
    return sourceId;
  }

  public void setSourceId(String sourceId) {
    this.sourceId = sourceId;
  }
}
