package io.ledgerbridge.web.admin;

import io.ledgerbridge.platform.audit.AuditEntry;
import io.ledgerbridge.settings.boundary.SettingsInvalid;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.settings.boundary.StaleSettings;
import io.ledgerbridge.settings.control.ReferenceView;
import io.ledgerbridge.settings.control.SettingsError;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.DateSource;
import io.ledgerbridge.settings.entity.Numbering;
import io.ledgerbridge.settings.entity.OverrideScope;
import io.ledgerbridge.settings.entity.PerDirection;
import io.ledgerbridge.settings.entity.SourceField;
import io.ledgerbridge.settings.entity.TrackingMapping;
import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import io.ledgerbridge.xero.entity.XeroTrackingCategory;
import io.ledgerbridge.xero.entity.XeroTrackingOption;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Admin → Accounting settings: one form with every setting, the tax-mapping table of every source
 * tax code seen, the tracking tables and the override table. Saving goes through {@link
 * SettingsService#replace}, so the page refuses exactly what the REST API refuses; each message is
 * shown next to its field.
 */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient SettingsService service;

  /** One default account. */
  public static final class AccountRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final AccountRole role;
    private String code;

    AccountRow(AccountRole role, String code) {
      this.role = role;
      this.code = code;
    }

    public AccountRole getRole() {
      return role;
    }

    public String getPath() {
      return "accounts." + role.jsonName();
    }

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = blankToNull(code);
    }
  }

  /** One source tax code: seen on lines and/or mapped. */
  public static final class TaxRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final long salesLines;
    private final long purchaseLines;
    private String sales;
    private String purchases;

    TaxRow(String code, long salesLines, long purchaseLines, PerDirection mapping) {
      this.code = code;
      this.salesLines = salesLines;
      this.purchaseLines = purchaseLines;
      this.sales = mapping == null ? null : mapping.sales();
      this.purchases = mapping == null ? null : mapping.purchases();
    }

    public String getCode() {
      return code;
    }

    public long getSalesLines() {
      return salesLines;
    }

    public long getPurchaseLines() {
      return purchaseLines;
    }

    public String getSales() {
      return sales;
    }

    public void setSales(String sales) {
      this.sales = blankToNull(sales);
    }

    public String getPurchases() {
      return purchases;
    }

    public void setPurchases(String purchases) {
      this.purchases = blankToNull(purchases);
    }

    public String getPath() {
      return "taxMappings." + code;
    }
  }

  /** One account override. */
  public static final class OverrideRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private OverrideScope scope = OverrideScope.PRODUCT;
    private String key;
    private String sales;
    private String purchases;
    private String cogs;
    private String inventory;

    public OverrideScope getScope() {
      return scope;
    }

    public void setScope(OverrideScope scope) {
      this.scope = scope;
    }

    public String getKey() {
      return key;
    }

    public void setKey(String key) {
      this.key = blankToNull(key);
    }

    public String getSales() {
      return sales;
    }

    public void setSales(String sales) {
      this.sales = blankToNull(sales);
    }

    public String getPurchases() {
      return purchases;
    }

    public void setPurchases(String purchases) {
      this.purchases = blankToNull(purchases);
    }

    public String getCogs() {
      return cogs;
    }

    public void setCogs(String cogs) {
      this.cogs = blankToNull(cogs);
    }

    public String getInventory() {
      return inventory;
    }

    public void setInventory(String inventory) {
      this.inventory = blankToNull(inventory);
    }

    public String getPath() {
      return "accountOverrides." + scope.jsonName() + "." + key;
    }
  }

  /** One source value → tracking option. */
  public static final class OptionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String value;
    private final long transactions;
    private String option;

    OptionRow(String value, long transactions, String option) {
      this.value = value;
      this.transactions = transactions;
      this.option = option;
    }

    public String getValue() {
      return value;
    }

    public long getTransactions() {
      return transactions;
    }

    public String getOption() {
      return option;
    }

    public void setOption(String option) {
      this.option = blankToNull(option);
    }
  }

  /** One of the two tracking categories. */
  public static final class TrackingSlot implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int number;
    private String category;
    private SourceField field;
    private List<OptionRow> rows = new ArrayList<>();

    TrackingSlot(int number) {
      this.number = number;
    }

    public int getNumber() {
      return number;
    }

    public String getCategory() {
      return category;
    }

    public void setCategory(String category) {
      this.category = blankToNull(category);
    }

    public SourceField getField() {
      return field;
    }

    public void setField(SourceField field) {
      this.field = field;
    }

    public List<OptionRow> getRows() {
      return rows;
    }

    public String getPath() {
      return "tracking." + category;
    }
  }

  private long version;
  private AccountingMethod method;
  private List<AccountRow> accounts;
  private List<TaxRow> taxRows;
  private List<OverrideRow> overrides;
  private List<TrackingSlot> slots;
  private String invoicePrefix;
  private String creditNotePrefix;
  private String salesReference;
  private String purchaseReference;
  private DateSource xeroDate;
  private String paymentTermsDays;
  private String roundingTolerance;
  private String importWindowMonths;

  private boolean referenceDownloaded;
  private List<SelectItem> accountItems;
  private List<SelectItem> taxItems;
  private Map<String, List<SelectItem>> optionItems;
  private List<String> categoryNames;
  private Map<SourceField, List<SettingsService.SeenValue>> seen;
  private List<String> gaps;

  private Map<String, String> errors = new LinkedHashMap<>();

  @PostConstruct
  void load() {
    SettingsService.View view = service.view();
    AccountingSettings s = view.settings();
    version = view.version();
    method = s.accountingMethod();
    accounts = new ArrayList<>();
    for (AccountRole role : AccountRole.values()) {
      accounts.add(new AccountRow(role, s.accounts().get(role)));
    }
    Map<String, TaxRow> tax = new TreeMap<>();
    for (SettingsService.SeenTaxCode c : service.taxCodesSeen()) {
      tax.put(
          c.code(),
          new TaxRow(c.code(), c.salesLines(), c.purchaseLines(), s.taxMappings().get(c.code())));
    }
    s.taxMappings()
        .forEach((code, mapping) -> tax.putIfAbsent(code, new TaxRow(code, 0, 0, mapping)));
    taxRows = new ArrayList<>(tax.values());
    overrides = new ArrayList<>();
    s.overrides()
        .forEach(
            (scope, entries) ->
                entries.forEach(
                    (key, value) -> {
                      OverrideRow row = new OverrideRow();
                      row.scope = scope;
                      row.key = key;
                      row.sales = value.sales();
                      row.purchases = value.purchases();
                      row.cogs = value.cogs();
                      row.inventory = value.inventory();
                      overrides.add(row);
                    }));
    seen = service.allValuesSeen();
    slots = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      TrackingSlot slot = new TrackingSlot(i + 1);
      if (i < s.tracking().size()) {
        TrackingMapping t = s.tracking().get(i);
        slot.category = t.category();
        slot.field = t.sourceField();
        slot.rows = optionRows(t.sourceField(), t.options());
      }
      slots.add(slot);
    }
    Numbering n = s.numbering();
    invoicePrefix = n.invoicePrefix();
    creditNotePrefix = n.creditNotePrefix();
    salesReference = n.salesReference();
    purchaseReference = n.purchaseReference();
    xeroDate = s.xeroDate();
    paymentTermsDays = s.paymentTermsDays() == null ? null : s.paymentTermsDays().toString();
    roundingTolerance = s.roundingTolerance().toPlainString();
    importWindowMonths = s.importWindowMonths() == null ? null : s.importWindowMonths().toString();
    referenceDownloaded = view.referenceDownloaded();
    references(s, service.reference().orElse(null));
    gaps = service.gaps();
    errors = new LinkedHashMap<>();
    view.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
  }

  private List<OptionRow> optionRows(SourceField field, Map<String, String> mapped) {
    List<OptionRow> rows = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    if (field != null) {
      for (SettingsService.SeenValue v : seen.getOrDefault(field, List.of())) {
        rows.add(new OptionRow(v.value(), v.count(), mapped.get(v.value())));
        done.add(v.value());
      }
    }
    mapped.forEach(
        (value, option) -> {
          if (!done.contains(value)) {
            rows.add(new OptionRow(value, 0, option));
          }
        });
    return rows;
  }

  /** The select lists; codes in the settings that Xero no longer has stay selectable, marked. */
  private void references(AccountingSettings s, ReferenceView reference) {
    accountItems = new ArrayList<>();
    accountItems.add(new SelectItem("", "— none —"));
    taxItems = new ArrayList<>();
    taxItems.add(new SelectItem("", "— not mapped —"));
    optionItems = new LinkedHashMap<>();
    categoryNames = new ArrayList<>();
    Set<String> knownAccounts = new LinkedHashSet<>();
    Set<String> knownRates = new LinkedHashSet<>();
    if (reference != null) {
      for (XeroAccount a : reference.accounts()) {
        knownAccounts.add(a.getCode());
        accountItems.add(
            new SelectItem(
                a.getCode(),
                a.getCode()
                    + " "
                    + a.getName()
                    + " ("
                    + a.getType()
                    + (a.isActive() ? "" : ", " + a.getStatus().toLowerCase(java.util.Locale.ROOT))
                    + ")"));
      }
      for (XeroTaxRate r : reference.taxRates()) {
        knownRates.add(r.getTaxType());
        taxItems.add(
            new SelectItem(
                r.getTaxType(),
                r.getTaxType()
                    + " — "
                    + r.getName()
                    + " ("
                    + r.getEffectiveRate().stripTrailingZeros().toPlainString()
                    + "%)"
                    + (r.isActive()
                        ? ""
                        : " — " + r.getStatus().toLowerCase(java.util.Locale.ROOT))));
      }
      for (XeroTrackingCategory c : reference.categories()) {
        categoryNames.add(c.getName());
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem("", "— untracked —"));
        for (XeroTrackingOption o : reference.options(c)) {
          items.add(
              new SelectItem(
                  o.getName(),
                  o.getName()
                      + ("ACTIVE".equals(o.getStatus())
                          ? ""
                          : " (" + o.getStatus().toLowerCase(java.util.Locale.ROOT) + ")")));
        }
        optionItems.put(c.getName(), items);
      }
    }
    Set<String> usedAccounts = new LinkedHashSet<>(s.accounts().values());
    s.overrides()
        .values()
        .forEach(
            m ->
                m.values()
                    .forEach(
                        v -> {
                          if (v.sales() != null) usedAccounts.add(v.sales());
                          if (v.purchases() != null) usedAccounts.add(v.purchases());
                          if (v.cogs() != null) usedAccounts.add(v.cogs());
                          if (v.inventory() != null) usedAccounts.add(v.inventory());
                        }));
    usedAccounts.stream()
        .filter(code -> !knownAccounts.contains(code))
        .forEach(code -> accountItems.add(new SelectItem(code, code + " (not in Xero)")));
    Set<String> usedRates = new LinkedHashSet<>();
    s.taxMappings()
        .values()
        .forEach(
            v -> {
              if (v.sales() != null) usedRates.add(v.sales());
              if (v.purchases() != null) usedRates.add(v.purchases());
            });
    usedRates.stream()
        .filter(t -> !knownRates.contains(t))
        .forEach(t -> taxItems.add(new SelectItem(t, t + " (not in Xero)")));
    for (TrackingMapping t : s.tracking()) {
      if (!categoryNames.contains(t.category())) {
        categoryNames.add(t.category());
      }
      List<SelectItem> items =
          optionItems.computeIfAbsent(
              t.category(), k -> new ArrayList<>(List.of(new SelectItem("", "— untracked —"))));
      t.options().values().stream()
          .distinct()
          .filter(o -> items.stream().noneMatch(i -> o.equals(i.getValue())))
          .forEach(o -> items.add(new SelectItem(o, o + " (not in Xero)")));
    }
  }

  // ------------------------------------------------------------------ actions (all POST)

  public void addOverride() {
    overrides.add(new OverrideRow());
  }

  public void removeOverride(int index) {
    if (index >= 0 && index < overrides.size()) {
      overrides.remove(index);
    }
  }

  /** Lists the chosen field's values seen in the data, keeping the options already chosen. */
  public void showValues(int slotIndex) {
    TrackingSlot slot = slots.get(slotIndex);
    Map<String, String> mapped = new LinkedHashMap<>();
    slot.rows.forEach(
        r -> {
          if (r.option != null) {
            mapped.put(r.value, r.option);
          }
        });
    slot.rows = optionRows(slot.field, mapped);
  }

  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    errors = new LinkedHashMap<>();
    AccountingSettings candidate = candidate();
    if (!errors.isEmpty()) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, "Not saved: correct the fields marked below.", null));
      faces.validationFailed();
      return;
    }
    try {
      service.replace(candidate, version, faces.getExternalContext().getRemoteUser());
    } catch (SettingsInvalid e) {
      refused(faces, e.errors());
      return;
    } catch (StaleSettings e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      faces.validationFailed();
      return;
    } catch (EJBException e) {
      if (e.getCause() instanceof SettingsInvalid invalid) {
        refused(faces, invalid.errors());
        return;
      }
      if (e.getCause() instanceof StaleSettings stale) {
        faces.addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, stale.getMessage(), null));
        faces.validationFailed();
        return;
      }
      throw e;
    }
    load();
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Settings saved.", null));
  }

  private void refused(FacesContext faces, List<SettingsError> refused) {
    refused.forEach(err -> errors.merge(err.field(), err.message(), (a, b) -> a + " " + b));
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            "Not saved: " + refused.size() + " problem(s), marked below.",
            null));
    faces.validationFailed();
  }

  private AccountingSettings candidate() {
    Map<AccountRole, String> a = new EnumMap<>(AccountRole.class);
    accounts.forEach(
        row -> {
          if (row.code != null) {
            a.put(row.role, row.code);
          }
        });
    Map<String, PerDirection> tax = new TreeMap<>();
    taxRows.forEach(
        row -> {
          PerDirection p = new PerDirection(row.sales, row.purchases);
          if (!p.isEmpty()) {
            tax.put(row.code, p);
          }
        });
    Map<OverrideScope, Map<String, PerDirection>> o = new EnumMap<>(OverrideScope.class);
    for (OverrideRow row : overrides) {
      if (row.key == null) {
        if (row.sales != null
            || row.purchases != null
            || row.cogs != null
            || row.inventory != null) {
          errors.put(
              "accountOverrides", "Every override needs a key (SKU, contact code or branch).");
        }
        continue;
      }
      Map<String, PerDirection> entries = o.computeIfAbsent(row.scope, k -> new TreeMap<>());
      if (entries.containsKey(row.key)) {
        errors.put(
            row.getPath(), "There is already an override for this " + row.scope.label() + ".");
      }
      entries.put(row.key, new PerDirection(row.sales, row.purchases, row.cogs, row.inventory));
    }
    List<TrackingMapping> tracking = new ArrayList<>();
    for (TrackingSlot slot : slots) {
      if (slot.category == null) {
        continue;
      }
      if (slot.field == null) {
        errors.put(slot.getPath(), "Choose the source field that feeds this category.");
        continue;
      }
      Map<String, String> options = new LinkedHashMap<>();
      slot.rows.forEach(
          r -> {
            if (r.option != null) {
              options.put(r.value, r.option);
            }
          });
      tracking.add(new TrackingMapping(slot.category, slot.field, options));
    }
    return new AccountingSettings(
        method,
        a,
        o,
        tax,
        tracking,
        new Numbering(
            nz(invoicePrefix), nz(creditNotePrefix), nz(salesReference), nz(purchaseReference)),
        xeroDate,
        integer("dates.paymentTermsDays", paymentTermsDays),
        decimal("roundingTolerance", roundingTolerance),
        integer("importWindowMonths", importWindowMonths));
  }

  private Integer integer(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      errors.put(field, "must be a whole number.");
      return null;
    }
  }

  private BigDecimal decimal(String field, String text) {
    if (text == null || text.isBlank()) {
      return BigDecimal.ZERO;
    }
    try {
      BigDecimal value = new BigDecimal(text.trim());
      if (value.scale() > 4 || value.precision() - value.scale() > 9) {
        errors.put(field, "must be an amount with at most 4 decimal places, such as 0.05.");
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.put(field, "must be a number such as 0.05.");
      return null;
    }
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  // ------------------------------------------------------------------ for the page

  /** The message for a field path (as in the REST API), or null. */
  public String error(String field) {
    return errors.get(field);
  }

  /** Messages for a row: the path itself and anything under it (e.g. taxMappings.GST.sales). */
  public String errorUnder(String prefix) {
    StringBuilder out = new StringBuilder();
    errors.forEach(
        (field, message) -> {
          if (field.equals(prefix) || field.startsWith(prefix + ".")) {
            out.append(out.length() == 0 ? "" : " ").append(message);
          }
        });
    return out.length() == 0 ? null : out.toString();
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public List<Map.Entry<String, String>> getErrorList() {
    return new ArrayList<>(errors.entrySet());
  }

  public List<SettingsService.SeenValue> seen(SourceField field) {
    return field == null ? List.of() : seen.getOrDefault(field, List.of());
  }

  public List<AuditEntry> getHistory() {
    return service.history(30);
  }

  public AccountingMethod[] getMethods() {
    return AccountingMethod.values();
  }

  public OverrideScope[] getScopes() {
    return OverrideScope.values();
  }

  public SourceField[] getSourceFields() {
    return SourceField.values();
  }

  public DateSource[] getDateSources() {
    return DateSource.values();
  }

  public List<String> getPlaceholders() {
    return Numbering.PLACEHOLDERS;
  }

  public long getVersion() {
    return version;
  }

  public AccountingMethod getMethod() {
    return method;
  }

  public void setMethod(AccountingMethod method) {
    this.method = method;
  }

  public List<AccountRow> getAccounts() {
    return accounts;
  }

  public List<TaxRow> getTaxRows() {
    return taxRows;
  }

  public List<OverrideRow> getOverrides() {
    return overrides;
  }

  public List<TrackingSlot> getSlots() {
    return slots;
  }

  public String getInvoicePrefix() {
    return invoicePrefix;
  }

  public void setInvoicePrefix(String invoicePrefix) {
    this.invoicePrefix = invoicePrefix;
  }

  public String getCreditNotePrefix() {
    return creditNotePrefix;
  }

  public void setCreditNotePrefix(String creditNotePrefix) {
    this.creditNotePrefix = creditNotePrefix;
  }

  public String getSalesReference() {
    return salesReference;
  }

  public void setSalesReference(String salesReference) {
    this.salesReference = salesReference;
  }

  public String getPurchaseReference() {
    return purchaseReference;
  }

  public void setPurchaseReference(String purchaseReference) {
    this.purchaseReference = purchaseReference;
  }

  public DateSource getXeroDate() {
    return xeroDate;
  }

  public void setXeroDate(DateSource xeroDate) {
    this.xeroDate = xeroDate;
  }

  public String getPaymentTermsDays() {
    return paymentTermsDays;
  }

  public void setPaymentTermsDays(String paymentTermsDays) {
    this.paymentTermsDays = paymentTermsDays;
  }

  public String getRoundingTolerance() {
    return roundingTolerance;
  }

  public void setRoundingTolerance(String roundingTolerance) {
    this.roundingTolerance = roundingTolerance;
  }

  public String getImportWindowMonths() {
    return importWindowMonths;
  }

  public void setImportWindowMonths(String importWindowMonths) {
    this.importWindowMonths = importWindowMonths;
  }

  public boolean isReferenceDownloaded() {
    return referenceDownloaded;
  }

  public List<SelectItem> getAccountItems() {
    return accountItems;
  }

  public List<SelectItem> getTaxItems() {
    return taxItems;
  }

  public List<SelectItem> optionItems(String category) {
    return category == null ? List.of() : optionItems.getOrDefault(category, List.of());
  }

  public List<String> getCategoryNames() {
    return categoryNames;
  }

  public List<String> getGaps() {
    return gaps;
  }
}
