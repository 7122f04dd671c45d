package io.ledgerbridge.settings.control;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.TextRules;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.DateSource;
import io.ledgerbridge.settings.entity.Numbering;
import io.ledgerbridge.settings.entity.OverrideScope;
import io.ledgerbridge.settings.entity.PerDirection;
import io.ledgerbridge.settings.entity.SourceField;
import io.ledgerbridge.settings.entity.TrackingMapping;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings document in JSON — the shape of the REST API and of the stored row — and a strict
 * reader: unknown fields, wrong types, out-of-range numbers and odd text (control characters,
 * unpaired surrogates, blank keys) are reported with their path, never guessed at. Checks against
 * Xero's reference data are {@link SettingsValidator}'s job.
 */
public final class SettingsJson {

  /** Fields the GET answer carries that are not settings; ignored when sent back. */
  public static final Set<String> READ_ONLY =
      Set.of("version", "updatedAt", "updatedBy", "referenceDownloaded", "problems");

  private static final Pattern ACCOUNT_CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,10}");
  private static final Pattern TAX_TYPE = Pattern.compile("[A-Za-z0-9_]{1,50}");
  private static final int MAX_KEY = 100;
  private static final int MAX_ENTRIES = 5_000;

  /** The result of reading: settings, or every error found. */
  public record Read(AccountingSettings settings, List<SettingsError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private final List<SettingsError> errors = new ArrayList<>();

  private SettingsJson() {}

  // ---------------------------------------------------------------- writing

  public static JsonObject toJson(AccountingSettings s) {
    JsonObjectBuilder accounts = JsonFactory.createObjectBuilder();
    for (AccountRole role : AccountRole.values()) {
      nullable(accounts, role.jsonName(), s.accounts().get(role));
    }
    JsonObjectBuilder overrides = JsonFactory.createObjectBuilder();
    for (OverrideScope scope : OverrideScope.values()) {
      JsonObjectBuilder entries = JsonFactory.createObjectBuilder();
      s.overrides().get(scope).forEach((key, value) -> entries.add(key, perDirection(value)));
      overrides.add(scope.jsonName(), entries);
    }
    JsonObjectBuilder tax = JsonFactory.createObjectBuilder();
    s.taxMappings().forEach((code, value) -> tax.add(code, perDirection(value)));
    JsonObjectBuilder tracking = JsonFactory.createObjectBuilder();
    for (TrackingMapping t : s.tracking()) {
      JsonObjectBuilder options = JsonFactory.createObjectBuilder();
      t.options().forEach(options::add);
      tracking.add(
          t.category(),
          JsonFactory.createObjectBuilder()
              .add("sourceField", t.sourceField().jsonName())
              .add("options", options));
    }
    Numbering n = s.numbering();
    JsonObjectBuilder dates =
        JsonFactory.createObjectBuilder().add("xeroDate", s.xeroDate().name());
    if (s.paymentTermsDays() == null) {
      dates.addNull("paymentTermsDays");
    } else {
      dates.add("paymentTermsDays", s.paymentTermsDays());
    }
    JsonObjectBuilder out =
        JsonFactory.createObjectBuilder()
            .add("accountingMethod", s.accountingMethod().name())
            .add("accounts", accounts)
            .add("accountOverrides", overrides)
            .add("taxMappings", tax)
            .add("tracking", tracking)
            .add(
                "numbering",
                JsonFactory.createObjectBuilder()
                    .add("invoicePrefix", n.invoicePrefix())
                    .add("creditNotePrefix", n.creditNotePrefix())
                    .add("salesReference", n.salesReference())
                    .add("purchaseReference", n.purchaseReference()))
            .add("dates", dates)
            .add("roundingTolerance", s.roundingTolerance());
    if (s.importWindowMonths() == null) {
      out.addNull("importWindowMonths");
    } else {
      out.add("importWindowMonths", s.importWindowMonths());
    }
    return out.build();
  }

  private static JsonObjectBuilder perDirection(PerDirection value) {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder();
    nullable(json, "sales", value.sales());
    nullable(json, "purchases", value.purchases());
    if (value.cogs() != null || value.inventory() != null) {
      nullable(json, "cogs", value.cogs());
      nullable(json, "inventory", value.inventory());
    }
    return json;
  }

  private static void nullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Applies an RFC 7396 merge patch to a settings document. Read-only fields in the patch are
   * dropped first; the result is read with {@link #read(JsonObject)}.
   */
  public static JsonObject merge(JsonObject document, JsonObject patch) {
    JsonObjectBuilder cleaned = JsonFactory.createObjectBuilder(patch);
    READ_ONLY.forEach(cleaned::remove);
    return JsonFactory.createMergePatch(cleaned.build()).apply(document).asJsonObject();
  }

  /** Reads a whole settings document; absent fields take their defaults. */
  public static Read read(JsonObject json) {
    SettingsJson reader = new SettingsJson();
    AccountingSettings settings = reader.settings(json);
    return new Read(reader.errors.isEmpty() ? settings : null, List.copyOf(reader.errors));
  }

  private AccountingSettings settings(JsonObject json) {
    AccountingMethod method = null;
    Map<AccountRole, String> accounts = new EnumMap<>(AccountRole.class);
    Map<OverrideScope, Map<String, PerDirection>> overrides = new EnumMap<>(OverrideScope.class);
    Map<String, PerDirection> tax = new TreeMap<>();
    List<TrackingMapping> tracking = new ArrayList<>();
    Numbering numbering = Numbering.DEFAULT;
    DateSource xeroDate = null;
    Integer terms = null;
    BigDecimal tolerance = null;
    Integer window = null;
    for (Map.Entry<String, JsonValue> e : json.entrySet()) {
      String key = e.getKey();
      JsonValue value = e.getValue();
      if (READ_ONLY.contains(key)) {
        continue;
      }
      switch (key) {
        case "accountingMethod" -> method = enumValue(value, key, AccountingMethod.class);
        case "accounts" -> accounts(value, accounts);
        case "accountOverrides" -> overrides(value, overrides);
        case "taxMappings" -> taxMappings(value, tax);
        case "tracking" -> tracking(value, tracking);
        case "numbering" -> numbering = numbering(value);
        case "dates" -> {
          JsonObject dates = object(value, key);
          if (dates != null) {
            for (Map.Entry<String, JsonValue> d : dates.entrySet()) {
              String path = "dates." + d.getKey();
              switch (d.getKey()) {
                case "xeroDate" -> xeroDate = enumValue(d.getValue(), path, DateSource.class);
                case "paymentTermsDays" -> terms = integer(d.getValue(), path);
                default -> unknown(path, "xeroDate, paymentTermsDays");
              }
            }
          }
        }
        case "roundingTolerance" -> tolerance = decimal(value, key);
        case "importWindowMonths" -> window = integer(value, key);
        default ->
            unknown(
                key,
                "accountingMethod, accounts, accountOverrides, taxMappings, tracking, numbering,"
                    + " dates, roundingTolerance, importWindowMonths");
      }
    }
    return new AccountingSettings(
        method, accounts, overrides, tax, tracking, numbering, xeroDate, terms, tolerance, window);
  }

  private void accounts(JsonValue value, Map<AccountRole, String> out) {
    JsonObject json = object(value, "accounts");
    if (json == null) {
      return;
    }
    for (Map.Entry<String, JsonValue> e : json.entrySet()) {
      String path = "accounts." + e.getKey();
      AccountRole role = AccountRole.byJsonName(e.getKey());
      if (role == null) {
        unknown(
            path,
            "sales, purchases, inventory, cogs, freight, discounts, rounding, stockAdjustment");
        continue;
      }
      String code = accountCode(e.getValue(), path);
      if (code != null) {
        out.put(role, code);
      }
    }
  }

  private void overrides(JsonValue value, Map<OverrideScope, Map<String, PerDirection>> out) {
    JsonObject json = object(value, "accountOverrides");
    if (json == null) {
      return;
    }
    for (Map.Entry<String, JsonValue> e : json.entrySet()) {
      String path = "accountOverrides." + e.getKey();
      OverrideScope scope = OverrideScope.byJsonName(e.getKey());
      if (scope == null) {
        unknown(path, "products, contacts, branches");
        continue;
      }
      Map<String, PerDirection> entries = new TreeMap<>();
      perDirectionMap(e.getValue(), path, entries, true);
      out.put(scope, entries);
    }
  }

  private void taxMappings(JsonValue value, Map<String, PerDirection> out) {
    perDirectionMap(value, "taxMappings", out, false);
  }

  /** {"KEY": {"sales": x, "purchases": y}}; accounts when {@code accounts}, else TaxTypes. */
  private void perDirectionMap(
      JsonValue value, String path, Map<String, PerDirection> out, boolean accounts) {
    JsonObject json = object(value, path);
    if (json == null) {
      return;
    }
    if (json.size() > MAX_ENTRIES) {
      error(path, "has " + json.size() + " entries; at most " + MAX_ENTRIES + " are allowed.");
      return;
    }
    for (Map.Entry<String, JsonValue> e : json.entrySet()) {
      String entryPath = path + "." + e.getKey();
      if (!key(e.getKey(), path)) {
        continue;
      }
      JsonObject pair = object(e.getValue(), entryPath);
      if (pair == null) {
        continue;
      }
      Map<String, String> fields = new java.util.HashMap<>();
      for (Map.Entry<String, JsonValue> p : pair.entrySet()) {
        String fieldPath = entryPath + "." + p.getKey();
        String v =
            switch (p.getKey()) {
              case "sales", "purchases" ->
                  accounts
                      ? accountCode(p.getValue(), fieldPath)
                      : taxType(p.getValue(), fieldPath);
              case "cogs", "inventory" -> {
                if (accounts) {
                  yield accountCode(p.getValue(), fieldPath);
                }
                unknown(fieldPath, "sales, purchases");
                yield null;
              }
              default -> {
                unknown(
                    fieldPath, accounts ? "sales, purchases, cogs, inventory" : "sales, purchases");
                yield null;
              }
            };
        fields.put(p.getKey(), v);
      }
      PerDirection mapping =
          new PerDirection(
              fields.get("sales"),
              fields.get("purchases"),
              fields.get("cogs"),
              fields.get("inventory"));
      if (!mapping.isEmpty()) {
        out.put(e.getKey(), mapping);
      }
    }
  }

  private void tracking(JsonValue value, List<TrackingMapping> out) {
    JsonObject json = object(value, "tracking");
    if (json == null) {
      return;
    }
    for (Map.Entry<String, JsonValue> e : json.entrySet()) {
      String path = "tracking." + e.getKey();
      if (!key(e.getKey(), "tracking")) {
        continue;
      }
      JsonObject category = object(e.getValue(), path);
      if (category == null) {
        continue;
      }
      SourceField field = null;
      Map<String, String> options = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> c : category.entrySet()) {
        String cPath = path + "." + c.getKey();
        switch (c.getKey()) {
          case "sourceField" -> {
            String name = string(c.getValue(), cPath, 50);
            if (name != null) {
              field = SourceField.byJsonName(name);
              if (field == null) {
                error(cPath, "must be one of branch, channel, paymentMethod.");
              }
            }
          }
          case "options" -> {
            JsonObject o = object(c.getValue(), cPath);
            if (o != null) {
              for (Map.Entry<String, JsonValue> op : o.entrySet()) {
                if (!key(op.getKey(), cPath)) {
                  continue;
                }
                String option = string(op.getValue(), cPath + "." + op.getKey(), 100);
                if (option != null) {
                  options.put(op.getKey(), option);
                }
              }
            }
          }
          default -> unknown(cPath, "sourceField, options");
        }
      }
      if (field == null && !category.containsKey("sourceField")) {
        error(path + ".sourceField", "is required: branch, channel or paymentMethod.");
      }
      if (field != null) {
        out.add(new TrackingMapping(e.getKey(), field, options));
      }
    }
  }

  private Numbering numbering(JsonValue value) {
    JsonObject json = object(value, "numbering");
    if (json == null) {
      return Numbering.DEFAULT;
    }
    String invoice = Numbering.DEFAULT.invoicePrefix();
    String credit = Numbering.DEFAULT.creditNotePrefix();
    String sales = Numbering.DEFAULT.salesReference();
    String purchase = Numbering.DEFAULT.purchaseReference();
    for (Map.Entry<String, JsonValue> e : json.entrySet()) {
      String path = "numbering." + e.getKey();
      JsonValue v = e.getValue();
      switch (e.getKey()) {
        case "invoicePrefix" -> invoice = emptyIfNull(string(v, path, 255));
        case "creditNotePrefix" -> credit = emptyIfNull(string(v, path, 255));
        case "salesReference" -> sales = emptyIfNull(string(v, path, 255));
        case "purchaseReference" -> purchase = emptyIfNull(string(v, path, 255));
        default ->
            unknown(path, "invoicePrefix, creditNotePrefix, salesReference, purchaseReference");
      }
    }
    return new Numbering(invoice, credit, sales, purchase);
  }

  private static String emptyIfNull(String text) {
    return text == null ? "" : text;
  }

  // ---------------------------------------------------------------- typed values

  private JsonObject object(JsonValue value, String path) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      error(path, "must be a JSON object, not " + typeName(value) + ".");
      return null;
    }
    return value.asJsonObject();
  }

  private String string(JsonValue value, String path, int max) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      error(path, "must be a string, not " + typeName(value) + ".");
      return null;
    }
    String text = ((JsonString) value).getString();
    String problem = textProblem(text, max);
    if (problem != null) {
      error(path, problem);
      return null;
    }
    return text;
  }

  private String accountCode(JsonValue value, String path) {
    String code = string(value, path, 10);
    if (code != null && !ACCOUNT_CODE.matcher(code).matches()) {
      error(
          path,
          "'"
              + code
              + "' is not a Xero account code: 1 to 10 letters, digits, '.', '-' or '_'"
              + " (use null to clear).");
      return null;
    }
    return code;
  }

  private String taxType(JsonValue value, String path) {
    String type = string(value, path, 50);
    if (type != null && !TAX_TYPE.matcher(type).matches()) {
      error(
          path,
          "'"
              + type
              + "' is not a Xero TaxType: letters, digits and '_' such as OUTPUT2 (use null to"
              + " clear).");
      return null;
    }
    return type;
  }

  private <E extends Enum<E>> E enumValue(JsonValue value, String path, Class<E> type) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(constant.name());
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      error(path, "must be one of " + names + ", not " + typeName(value) + ".");
      return null;
    }
    String text = ((JsonString) value).getString();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    error(path, "must be one of " + names + ".");
    return null;
  }

  private Integer integer(JsonValue value, String path) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      error(path, "must be a whole number, not " + typeName(value) + ".");
      return null;
    }
    JsonNumber number = (JsonNumber) value;
    try {
      BigDecimal decimal = number.bigDecimalValue();
      if (decimal.precision() - decimal.scale() > 9) {
        error(path, "is far too large.");
        return null;
      }
      return decimal.intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      error(path, "must be a whole number.");
      return null;
    }
  }

  private BigDecimal decimal(JsonValue value, String path) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      error(path, "must be a number such as 0.05, not " + typeName(value) + ".");
      return null;
    }
    try {
      BigDecimal decimal = ((JsonNumber) value).bigDecimalValue();
      if (decimal.precision() - decimal.scale() > 9 || decimal.scale() > 4) {
        error(path, "must be an amount with at most 4 decimal places, such as 0.05.");
        return null;
      }
      return decimal;
    } catch (ArithmeticException | NumberFormatException e) {
      error(path, "must be a number such as 0.05.");
      return null;
    }
  }

  /** Keys are source values (tax codes, SKUs, branches) compared exactly; they must be clean. */
  private boolean key(String key, String parentPath) {
    String problem = textProblem(key, MAX_KEY);
    if (problem == null && key.isBlank()) {
      problem = "is blank.";
    }
    if (problem == null && !key.strip().equals(key)) {
      problem = "starts or ends with spaces.";
    }
    if (problem != null) {
      error(parentPath + "." + key, "The key " + problem);
      return false;
    }
    return true;
  }

  /** Null when the text is acceptable: see {@link TextRules}. */
  static String textProblem(String text, int max) {
    if (text.codePointCount(0, text.length()) > max) {
      return "is longer than " + max + " characters.";
    }
    return TextRules.problem(text, false).map(problem -> problem + ".").orElse(null);
  }

  /** The text with anything unprintable written as \\uXXXX, safe to echo in an error path. */
  static String printable(String text) {
    return TextRules.printable(text);
  }

  private void unknown(String path, String known) {
    error(path, "is not a known field; known here: " + known + ".");
  }

  private void error(String path, String message) {
    errors.add(new SettingsError(printable(path), message));
  }

  private static String typeName(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }
}
