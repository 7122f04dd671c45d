package io.ledgerbridge.sandbox.control;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The seed: "Demo Company (NZ)", with a realistic chart of accounts, NZ GST rates, two tracking
 * categories, three currencies, lock dates in the past, and contacts that overlap the demo
 * inventory data the way real books do — the same name, another company suffix, a shared e-mail, a
 * matching contact code, an archived contact.
 */
public final class SandboxSeed {

  /** A seeded object: which collection it belongs to, its id, lookup key, status and JSON. */
  public record Item(String collection, String id, String key, String status, JsonObject json) {}

  public static final String DEMO_ORG_ID = "b0c1a2d3-0000-4000-8000-00000000d3a0";
  public static final String DEMO_ORG_NAME = "Demo Company (NZ)";

  /** A second organisation, so that choosing the right one at consent is a real choice. */
  public static final String SECOND_ORG_ID = "b0c1a2d3-0000-4000-8000-00000000d3a1";

  public static final String SECOND_ORG_NAME = "Kōwhai Trading Ltd (NZ)";

  private final String orgId;
  private final String orgName;
  private final String shortCode;
  private final Instant now;
  private final LocalDate today;
  private final List<Item> items = new ArrayList<>();

  private SandboxSeed(
      String orgId, String orgName, String shortCode, Instant now, LocalDate today) {
    this.orgId = orgId;
    this.orgName = orgName;
    this.shortCode = shortCode;
    this.now = now;
    this.today = today;
  }

  /** Every seeded organisation, by id. */
  public static java.util.Map<String, List<Item>> all(Instant now, LocalDate today) {
    SandboxSeed demo = new SandboxSeed(DEMO_ORG_ID, DEMO_ORG_NAME, "!dEm0z", now, today);
    demo.organisation();
    demo.accounts();
    demo.taxRates();
    demo.trackingCategories();
    demo.currencies();
    demo.contacts();
    SandboxSeed second = new SandboxSeed(SECOND_ORG_ID, SECOND_ORG_NAME, "!k0wh4", now, today);
    second.organisation();
    second.accounts();
    second.taxRates();
    second.currencies();
    return java.util.Map.of(DEMO_ORG_ID, demo.items, SECOND_ORG_ID, second.items);
  }

  /** A stable id per seeded object, so a reset gives the same ids back. */
  private String id(String name) {
    return UUID.nameUUIDFromBytes(("ledgerbridge-sandbox:" + orgId + ":" + name).getBytes())
        .toString();
  }

  private void organisation() {
    LocalDate periodLock = YearMonth.from(today).minusMonths(5).atEndOfMonth();
    int year = today.getMonthValue() > 3 ? today.getYear() : today.getYear() - 1;
    LocalDate endOfYearLock = LocalDate.of(year, Month.MARCH, 31).minusYears(1);
    JsonObjectBuilder org =
        JsonFactory.createObjectBuilder()
            .add("OrganisationID", orgId)
            .add("APIKey", "")
            .add("Name", orgName)
            .add("LegalName", orgName)
            .add("PaysTax", true)
            .add("Version", "NZ")
            .add("OrganisationType", "COMPANY")
            .add("BaseCurrency", "NZD")
            .add("CountryCode", "NZ")
            .add("IsDemoCompany", orgId.equals(DEMO_ORG_ID))
            .add("OrganisationStatus", "ACTIVE")
            .add("TaxNumber", "101-234-567")
            .add("FinancialYearEndDay", 31)
            .add("FinancialYearEndMonth", 3)
            .add("SalesTaxBasis", "INVOICE")
            .add("SalesTaxPeriod", "TWOMONTHS")
            .add("DefaultSalesTax", "Tax Exclusive")
            .add("DefaultPurchasesTax", "Tax Exclusive")
            .add("CreatedDateUTC", XeroJson.timestamp(now))
            .add("OrganisationEntityType", "COMPANY")
            .add("Timezone", "NEWZEALANDSTANDARDTIME")
            .add("ShortCode", shortCode)
            .add("Edition", "BUSINESS")
            .add("Class", "DEMO");
    org.add("PeriodLockDate", XeroJson.date(periodLock));
    org.add("EndOfYearLockDate", XeroJson.date(endOfYearLock));
    items.add(new Item("Organisation", orgId, orgName, "ACTIVE", org.build()));
  }

  private void accounts() {
    account("090", "Business Bank Account", "BANK", "NONE", "ASSET", null);
    account("200", "Sales", "REVENUE", "OUTPUT2", "REVENUE", null);
    account("210", "Sales - Wholesale", "REVENUE", "OUTPUT2", "REVENUE", null);
    account("260", "Other Revenue", "REVENUE", "OUTPUT2", "REVENUE", null);
    account("270", "Discounts Given", "REVENUE", "OUTPUT2", "REVENUE", null);
    account("300", "Purchases", "DIRECTCOSTS", "INPUT2", "EXPENSE", null);
    account("310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT2", "EXPENSE", null);
    account("320", "Freight Inwards", "DIRECTCOSTS", "INPUT2", "EXPENSE", null);
    account("330", "Stock Adjustments", "DIRECTCOSTS", "NONE", "EXPENSE", null);
    account("340", "Closing Stock Movement", "DIRECTCOSTS", "NONE", "EXPENSE", null);
    account("425", "Freight & Courier", "EXPENSE", "INPUT2", "EXPENSE", null);
    account("429", "General Expenses", "EXPENSE", "INPUT2", "EXPENSE", null);
    account("610", "Accounts Receivable", "CURRENT", "NONE", "ASSET", "DEBTORS");
    account("630", "Inventory", "INVENTORY", "NONE", "ASSET", null);
    account("635", "Stock on Hand - LedgerBridge", "CURRENT", "NONE", "ASSET", null);
    account("636", "Stock on Hand - Periodic", "CURRENT", "NONE", "ASSET", null);
    account("800", "Accounts Payable", "CURRLIAB", "NONE", "LIABILITY", "CREDITORS");
    account("820", "GST", "CURRLIAB", "NONE", "LIABILITY", "GST");
    account("860", "Rounding", "CURRLIAB", "NONE", "LIABILITY", "ROUNDING");
    account("960", "Retained Earnings", "EQUITY", "NONE", "EQUITY", "RETAINEDEARNINGS");
    JsonObject archived =
        accountJson("499", "Old Sales (do not use)", "REVENUE", "OUTPUT2", "REVENUE", null)
            .add("Status", "ARCHIVED")
            .build();
    items.add(new Item("Accounts", archived.getString("AccountID"), "499", "ARCHIVED", archived));
  }

  private void account(
      String code, String name, String type, String taxType, String type2, String system) {
    JsonObject json = accountJson(code, name, type, taxType, type2, system).build();
    items.add(new Item("Accounts", json.getString("AccountID"), code, "ACTIVE", json));
  }

  private JsonObjectBuilder accountJson(
      String code, String name, String type, String taxType, String accountClass, String system) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("AccountID", id("account:" + code))
            .add("Code", code)
            .add("Name", name)
            .add("Status", "ACTIVE")
            .add("Type", type)
            .add("TaxType", taxType)
            .add("Class", accountClass)
            .add("EnablePaymentsToAccount", false)
            .add("ShowInExpenseClaims", false)
            .add("ReportingCode", accountClass.substring(0, 3))
            .add("HasAttachments", false)
            .add("UpdatedDateUTC", XeroJson.timestamp(now))
            .add("AddToWatchlist", false);
    if ("BANK".equals(type)) {
      json.add("BankAccountNumber", "0102030405060700")
          .add("BankAccountType", "BANK")
          .add("CurrencyCode", "NZD");
    }
    if (system != null) {
      json.add("SystemAccount", system);
    }
    return json;
  }

  private void taxRates() {
    taxRate("15% GST on Expenses", "INPUT2", "INPUT", "15.0000", false, true);
    taxRate("15% GST on Income", "OUTPUT2", "OUTPUT", "15.0000", true, false);
    taxRate("GST on Imports", "GSTONIMPORTS", "GSTONIMPORTS", "0.0000", false, true);
    taxRate("No GST", "NONE", "NONE", "0.0000", true, true);
    taxRate("Zero Rated", "ZERORATED", "OUTPUT", "0.0000", true, false);
    taxRate("Zero Rated Expenses", "ZERORATEDINPUT", "INPUT", "0.0000", false, true);
    taxRate("Exempt Income", "EXEMPTOUTPUT", "EXEMPTOUTPUT", "0.0000", true, false);
    taxRate("Exempt Expenses", "EXEMPTINPUT", "EXEMPTINPUT", "0.0000", false, true);
  }

  private void taxRate(
      String name, String taxType, String report, String rate, boolean revenue, boolean expenses) {
    BigDecimal value = new BigDecimal(rate);
    JsonObject json =
        JsonFactory.createObjectBuilder()
            .add("Name", name)
            .add("TaxType", taxType)
            .add("ReportTaxType", report)
            .add("CanApplyToAssets", true)
            .add("CanApplyToEquity", true)
            .add("CanApplyToExpenses", expenses)
            .add("CanApplyToLiabilities", true)
            .add("CanApplyToRevenue", revenue)
            .add("DisplayTaxRate", value)
            .add("EffectiveRate", value)
            .add("Status", "ACTIVE")
            .add(
                "TaxComponents",
                JsonFactory.createArrayBuilder()
                    .add(
                        JsonFactory.createObjectBuilder()
                            .add("Name", "GST")
                            .add("Rate", value)
                            .add("IsCompound", false)
                            .add("IsNonRecoverable", false)))
            .build();
    items.add(new Item("TaxRates", id("tax:" + taxType), taxType, "ACTIVE", json));
  }

  private void trackingCategories() {
    tracking("Region", "Auckland", "Wellington", "Christchurch", "Online");
    tracking("Sales Channel", "POS", "Web", "Wholesale");
  }

  private void tracking(String name, String... options) {
    JsonArrayBuilder list = JsonFactory.createArrayBuilder();
    for (String option : options) {
      list.add(
          JsonFactory.createObjectBuilder()
              .add("TrackingOptionID", id("tracking:" + name + ":" + option))
              .add("Name", option)
              .add("Status", "ACTIVE")
              .add("TrackingCategoryID", id("tracking:" + name)));
    }
    String trackingId = id("tracking:" + name);
    JsonObject json =
        JsonFactory.createObjectBuilder()
            .add("TrackingCategoryID", trackingId)
            .add("Name", name)
            .add("Status", "ACTIVE")
            .add("Options", list)
            .build();
    items.add(new Item("TrackingCategories", trackingId, name, "ACTIVE", json));
  }

  private void currencies() {
    currency("NZD", "New Zealand Dollar");
    currency("AUD", "Australian Dollar");
    currency("USD", "United States Dollar");
  }

  private void currency(String code, String description) {
    items.add(
        new Item(
            "Currencies",
            id("currency:" + code),
            code,
            "ACTIVE",
            JsonFactory.createObjectBuilder()
                .add("Code", code)
                .add("Description", description)
                .build()));
  }

  private void contacts() {
    // The same name as a demo customer.
    contact("Harbour Café Ltd", null, null, "accounts@harbourcafe.co.nz", "ACTIVE", true, false);
    // Another company suffix than the source's "Kiwi Office Supplies Ltd".
    contact(
        "Kiwi Office Supplies Limited", null, null, "ap@kiwioffice.co.nz", "ACTIVE", true, true);
    // Only the e-mail matches.
    contact(
        "Southern Lights Trading Company",
        null,
        null,
        "finance@southernlights.nz",
        "ACTIVE",
        true,
        false);
    // The contact code (ContactNumber) equals the source code.
    contact("Mt Eden Books", "CUS-006", null, "hello@mtedenbooks.co.nz", "ACTIVE", true, false);
    // Archived in Xero.
    contact("Aroha Design Studio", null, null, "studio@arohadesign.nz", "ARCHIVED", true, false);
    // A shared e-mail with two source contacts ("Summit Outdoor Gear Ltd", "Summit Outdoors").
    contact("Summit Outdoor Gear", null, null, "ap@summitoutdoor.co.nz", "ACTIVE", true, false);
    contact(
        "Tamaki Tech Repairs Ltd",
        null,
        "ACC-TTR",
        "admin@tamakitech.co.nz",
        "ACTIVE",
        true,
        false);
    contact(
        "Riverside Dental Limited",
        null,
        null,
        "reception@riversidedental.nz",
        "ACTIVE",
        true,
        false);
    // Suppliers.
    contact("Pacific Packaging Ltd", null, null, "accounts@pacpack.co.nz", "ACTIVE", false, true);
    contact(
        "NZ Freight Solutions Limited",
        null,
        null,
        "billing@nzfreight.co.nz",
        "ACTIVE",
        false,
        true);
    contact(
        "Shenzhen Widget Manufacturing Co Ltd",
        null,
        "SUP-001",
        "sales@szwidget.cn",
        "ACTIVE",
        false,
        true);
    contact("Bamboo Living", null, null, "hello@bambooliving.nz", "ACTIVE", false, true);
    contact("Gadgetworks Australia", null, null, "ar@gadgetworks.com.au", "ACTIVE", false, true);
    // Contacts with nothing to do with the inventory system.
    contact("Inland Revenue", null, null, null, "ACTIVE", false, true);
    contact("City Power & Light", null, null, "billing@citypower.nz", "ACTIVE", false, true);
    contact("Office Landlord Ltd", null, null, null, "ACTIVE", false, true);
  }

  private void contact(
      String name,
      String contactNumber,
      String accountNumber,
      String email,
      String status,
      boolean customer,
      boolean supplier) {
    String contactId = id("contact:" + name);
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("ContactID", contactId)
            .add("ContactStatus", status)
            .add("Name", name);
    if (contactNumber != null) {
      json.add("ContactNumber", contactNumber);
    }
    if (accountNumber != null) {
      json.add("AccountNumber", accountNumber);
    }
    json.add("EmailAddress", email == null ? "" : email)
        .add("BankAccountDetails", "")
        .add("Addresses", XeroJson.contactAddressSlots())
        .add("Phones", XeroJson.contactPhoneSlots())
        .add("UpdatedDateUTC", XeroJson.timestamp(now))
        .add("ContactGroups", JsonFactory.createArrayBuilder())
        .add("IsSupplier", supplier)
        .add("IsCustomer", customer)
        .add("ContactPersons", JsonFactory.createArrayBuilder())
        .add("HasAttachments", false)
        .add("HasValidationErrors", false);
    items.add(new Item("Contacts", contactId, name, status, json.build()));
  }
}
