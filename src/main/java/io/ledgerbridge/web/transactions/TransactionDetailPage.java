package io.ledgerbridge.web.transactions;

import io.ledgerbridge.contacts.boundary.ContactLinkStatus;
import io.ledgerbridge.contacts.boundary.ContactLinks;
import io.ledgerbridge.imports.boundary.ImportService;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.imports.entity.ImportItem;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.boundary.TransactionQueries;
import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.settings.entity.Direction;
import io.ledgerbridge.web.imports.ImportRunPage;
import io.ledgerbridge.web.imports.PageActions;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One transaction: header, contact, lines, totals, state, and why it cannot be imported yet; for
 * invoices, bills and credit notes also the exact document an import would send to Xero, the
 * document it became there with the outcomes so far, and the actions (accountant and above): import
 * it, Do Not Import, and for a document approved in Xero the two safe paths — void it and import
 * the change as a new version, or mark it fixed by hand. View scoped, so the actions offered for
 * this state are the ones that answer when pressed.
 */
@Named
@ViewScoped
public class TransactionDetailPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(TransactionDetailPage.class.getName());

  /** The Xero statuses from which Xero lets a document be voided (VOIDED: already done). */
  private static final Set<String> VOIDABLE = Set.of("AUTHORISED", "VOIDED");

  @Inject private transient Importability.ContextSource readiness;
  @Inject private transient TransactionQueries queries;
  @Inject private transient ImportService imports;
  @Inject private transient ContactLinks links;

  private String kindParam;
  private String sourceId;
  private Kind kind;

  private transient SourceTransaction transaction;
  private transient TransactionContent content;
  private transient List<Importability.Reason> reasons;
  private transient BigDecimal linesTotal;
  private transient BigDecimal costTotal;
  private transient Preview preview;
  private transient XeroDocumentView document;
  private transient String xeroContactName;
  private transient String previewProblem;
  private transient XeroDocument xero;
  private transient List<ImportItem> history = List.of();

  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    kind = Kind.parse(kindParam).orElse(null);
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
    if (isDocumentKind()) {
      loadImport(new PageActions(faces));
    }
  }

  private void loadImport(PageActions actions) {
    try {
      preview = imports.preview(kind, sourceId, actions.requestBase());
      document = XeroDocumentView.of(preview);
      if (document.contactId() != null && transaction.getContactCode() != null) {
        ContactLinkStatus link = links.state(transaction.getContactCode());
        xeroContactName = link.xeroName();
      }
    } catch (BusinessException e) {
      previewProblem = e.getMessage();
    } catch (EJBException e) {
      LOG.log(Level.WARNING, "Preview of " + kind + " " + sourceId + " failed", e);
      previewProblem = "The preview could not be built; the details are in the server log.";
    }
    xero = imports.document(transaction.getId()).orElse(null);
    history = imports.history(transaction.getId());
  }

  // ---- actions (POST, accountant and above) -----------------------------------------------------

  /** Imports (or re-imports) this transaction alone, then shows the run. */
  public void importOne() {
    startRun(
        "import",
        actions ->
            imports
                .importSourceIds(kind, List.of(sourceId), actions.user(), actions.requestBase())
                .run()
                .getId());
  }

  /** Voids the approved document in Xero and imports the transaction as a new version. */
  public void voidAndReimport() {
    startRun(
        "void",
        actions ->
            imports.voidAndReimport(kind, sourceId, actions.user(), actions.requestBase()).getId());
  }

  public void doNotImport(boolean on) {
    PageActions actions = new PageActions(FacesContext.getCurrentInstance());
    if (!actions.allowed()) {
      return;
    }
    actions.attempt(
        () -> {
          ImportState state = imports.doNotImport(kind, sourceId, on, actions.user());
          actions.info(
              on ? "Marked Do Not Import." : "Do Not Import cleared: now " + state.label() + ".");
        });
    actions.redirect(selfUrl());
  }

  public void fixedByHand() {
    PageActions actions = new PageActions(FacesContext.getCurrentInstance());
    if (!actions.allowed()) {
      return;
    }
    actions.attempt(
        () -> {
          imports.fixedByHand(kind, sourceId, actions.user());
          actions.info(
              "Marked as fixed by hand in Xero: LedgerBridge takes the Xero document as matching"
                  + " this version.");
        });
    actions.redirect(selfUrl());
  }

  private void startRun(String button, java.util.function.ToLongFunction<PageActions> run) {
    PageActions actions = new PageActions(FacesContext.getCurrentInstance());
    if (!actions.allowed()) {
      return;
    }
    long[] id = new long[1];
    if (actions.attempt(() -> id[0] = actions.startOnce(button, () -> run.applyAsLong(actions)))) {
      actions.redirect("/imports/run.xhtml?id=" + id[0]);
    } else {
      actions.redirect(selfUrl());
    }
  }

  private String selfUrl() {
    return "/transactions/detail.xhtml?kind="
        + kind.urlName()
        + "&sourceId="
        + URLEncoder.encode(sourceId, StandardCharsets.UTF_8);
  }

  // ---- view helpers -----------------------------------------------------------------------------

  /** Invoices, bills and credit notes become Xero documents; stock adjustments do not (yet). */
  public boolean isDocumentKind() {
    return kind != null && Direction.of(kind).isPresent();
  }

  public boolean isAccountant() {
    return PageActions.isAccountant(FacesContext.getCurrentInstance());
  }

  /** "Import this one" is offered when something would be sent: not blocked, not up to date. */
  public boolean isImportOffered() {
    return isAccountant() && preview != null && preview.sendable();
  }

  public boolean isApproved() {
    return transaction != null && transaction.getState() == ImportState.APPROVED_IN_XERO;
  }

  /** Xero voids only AUTHORISED documents (a VOIDED one needs only the new version). */
  public boolean isVoidOffered() {
    return isAccountant()
        && isApproved()
        && xero != null
        && xero.getXeroStatus() != null
        && VOIDABLE.contains(xero.getXeroStatus());
  }

  /** Offered while the approved document is not yet marked fixed for the current version. */
  public boolean isFixedByHandOffered() {
    return isAccountant()
        && isApproved()
        && xero != null
        && !(xero.getFixedBy() != null
            && xero.getSyncedVersion() != null
            && xero.getSyncedVersion() >= transaction.getSourceVersion());
  }

  public boolean isDoNotImport() {
    return transaction != null && transaction.getState() == ImportState.DO_NOT_IMPORT;
  }

  public String outcomeLabel(ImportItem item) {
    return ImportRunPage.label(item.getOutcome());
  }

  public String actionLabel() {
    if (preview == null) {
      return "";
    }
    return switch (preview.action()) {
      case CREATE -> "An import creates this " + kind.xeroDocument() + " in Xero as a draft.";
      case UPDATE ->
          "A re-import updates the "
              + kind.xeroDocument()
              + " already in Xero ("
              + (xero == null ? "" : xero.getXeroNumber() + ", ")
              + (xero == null ? "" : xero.getXeroStatus())
              + ") with these lines.";
      case NONE ->
          preview.blocked()
              ? "Nothing can be sent until the reasons below are dealt with."
              : "Xero already holds this version; an import sends nothing.";
    };
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

  public Preview getPreview() {
    return preview;
  }

  public XeroDocumentView getDocument() {
    return document;
  }

  public String getXeroContactName() {
    return xeroContactName;
  }

  public String getPreviewProblem() {
    return previewProblem;
  }

  public XeroDocument getXero() {
    return xero;
  }

  public List<ImportItem> getHistory() {
    return history;
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
