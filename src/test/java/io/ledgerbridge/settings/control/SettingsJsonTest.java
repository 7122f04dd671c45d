package io.ledgerbridge.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.Direction;
import io.ledgerbridge.settings.entity.OverrideScope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsJsonTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  private static List<SettingsError> errors(String text) {
    SettingsJson.Read read = SettingsJson.read(json(text));
    assertFalse(read.ok(), "expected errors for " + text);
    return read.errors();
  }

  private static SettingsError first(String text) {
    return errors(text).get(0);
  }

  @Test
  void theWholeDocumentRoundTrips() {
    AccountingSettings valid = Fixtures.valid();
    SettingsJson.Read read = SettingsJson.read(SettingsJson.toJson(valid));
    assertTrue(read.ok(), read.errors()::toString);
    assertEquals(valid, read.settings());
  }

  @Test
  void anEmptyDocumentGivesTheDefaults() {
    AccountingSettings s = SettingsJson.read(json("{}")).settings();
    assertEquals(AccountingSettings.defaults(), s);
    assertEquals(AccountingMethod.PERPETUAL, s.accountingMethod());
    assertTrue(s.accounts().isEmpty());
  }

  @Test
  void mergePatchChangesOnlyWhatItNamesAndNullRemoves() {
    JsonObject merged =
        SettingsJson.merge(
            SettingsJson.toJson(Fixtures.valid()),
            json(
                "{'accounts':{'sales':'210','freight':null},'taxMappings':{'ZERO':null},'version':7}"));
    AccountingSettings s = SettingsJson.read(merged).settings();
    assertEquals("210", s.accounts().get(AccountRole.SALES));
    assertFalse(s.accounts().containsKey(AccountRole.FREIGHT));
    assertEquals("310", s.accounts().get(AccountRole.COGS));
    assertTrue(s.taxTypeFor("ZERO", Direction.SALES).isEmpty());
    assertEquals("INPUT2", s.taxTypeFor("GST", Direction.PURCHASES).orElseThrow());
  }

  @Test
  void costAccountsOfAnOverrideRoundTripAndTaxMappingsHaveNone() {
    SettingsJson.Read read =
        SettingsJson.read(
            json("{'accountOverrides':{'products':{'GAD-100':{'cogs':'300','inventory':'635'}}}}"));
    assertTrue(read.ok(), read.errors()::toString);
    var entry = read.settings().overrides().get(OverrideScope.PRODUCT).get("GAD-100");
    assertEquals("300", entry.cogs());
    assertEquals("635", entry.inventory());
    assertNull(entry.sales());
    SettingsJson.Read again = SettingsJson.read(SettingsJson.toJson(read.settings()));
    assertEquals(read.settings(), again.settings());
    assertEquals(
        "taxMappings.GST.cogs", first("{'taxMappings':{'GST':{'cogs':'OUTPUT2'}}}").field());
  }

  @Test
  void unknownFieldsAreNamedWithTheirPath() {
    SettingsError e = first("{'accounts':{'sale':'200'}}");
    assertEquals("accounts.sale", e.field());
    assertTrue(e.message().contains("not a known field"));
    assertEquals("colour", first("{'colour':'blue'}").field());
    assertEquals(
        "taxMappings.GST.both", first("{'taxMappings':{'GST':{'both':'OUTPUT2'}}}").field());
  }

  @Test
  void wrongTypesAreRefused() {
    assertEquals("accounts", first("{'accounts':['200']}").field());
    assertTrue(first("{'accounts':{'sales':200}}").message().contains("must be a string"));
    assertTrue(first("{'importWindowMonths':'6'}").message().contains("whole number"));
    assertTrue(first("{'importWindowMonths':6.5}").message().contains("whole number"));
    assertTrue(first("{'accountingMethod':'perpetual'}").message().contains("PERPETUAL, PERIODIC"));
    assertTrue(first("{'roundingTolerance':true}").message().contains("number"));
  }

  @Test
  void hugeNumbersAreRefusedClearly() {
    assertTrue(first("{'importWindowMonths':1e400}").message().contains("far too large"));
    assertTrue(
        first("{'importWindowMonths':99999999999999999999999}")
            .message()
            .contains("far too large"));
    assertTrue(
        first("{'roundingTolerance':0.0000000001}").message().contains("at most 4 decimal places"));
  }

  @Test
  void oddUnicodeAndMalformedCodesAreRefused() {
    assertTrue(
        first("{'taxMappings':{'G\\u0000ST':{'sales':'OUTPUT2'}}}").message().contains("control"));
    assertTrue(
        first("{'taxMappings':{'GST\\ud800':{'sales':'OUTPUT2'}}}")
            .message()
            .contains("surrogate"));
    assertTrue(
        first("{'taxMappings':{'GST\\u202e':{'sales':'OUTPUT2'}}}").message().contains("U+202E"));
    assertTrue(first("{'taxMappings':{' GST':{'sales':'OUTPUT2'}}}").message().contains("spaces"));
    assertTrue(first("{'taxMappings':{'':{'sales':'OUTPUT2'}}}").message().contains("blank"));
    assertTrue(
        first("{'accounts':{'sales':'2 00'}}").message().contains("not a Xero account code"));
    assertTrue(first("{'accounts':{'sales':''}}").message().contains("null to clear"));
    assertTrue(
        first("{'taxMappings':{'GST':{'sales':'OUTPUT-2'}}}")
            .message()
            .contains("not a Xero TaxType"));
    // Non-ASCII that is ordinary text is fine in source keys and option names.
    assertTrue(
        SettingsJson.read(
                json(
                    "{'tracking':{'Region':{'sourceField':'branch','options':{'Ōtautahi':'Christchurch'}}}}"))
            .ok());
  }

  @Test
  void trackingNeedsAKnownSourceField() {
    assertEquals(
        "tracking.Region.sourceField", first("{'tracking':{'Region':{'options':{}}}}").field());
    assertTrue(
        first("{'tracking':{'Region':{'sourceField':'colour'}}}")
            .message()
            .contains("branch, channel"));
  }

  @Test
  void everyErrorIsListed() {
    assertEquals(3, errors("{'accounts':{'sales':1,'nope':'2'},'importWindowMonths':'x'}").size());
  }

  @Test
  void whatAGetReturnsCanBeSentBackAsItIs() {
    JsonObject get =
        Json.createObjectBuilder(SettingsJson.toJson(Fixtures.valid()))
            .add("version", 4)
            .add("updatedBy", "admin")
            .add("referenceDownloaded", true)
            .add("problems", Json.createArrayBuilder())
            .build();
    SettingsJson.Read read = SettingsJson.read(SettingsJson.merge(json("{}"), get));
    assertTrue(read.ok(), read.errors()::toString);
    assertEquals(Fixtures.valid(), read.settings());
  }

  @Test
  void xeroDateAndTrackingForASourceTransaction() {
    AccountingSettings s = SettingsValidatorTest.patched("{'dates':{'xeroDate':'DISPATCH_DATE'}}");
    LocalDate invoice = LocalDate.of(2026, 11, 2);
    assertEquals(LocalDate.of(2026, 11, 5), s.xeroDateFor(invoice, LocalDate.of(2026, 11, 5)));
    assertEquals(invoice, s.xeroDateFor(invoice, null));
    assertEquals(invoice, Fixtures.valid().xeroDateFor(invoice, LocalDate.of(2026, 11, 5)));
    assertEquals(
        java.util.Map.of("Region", "Wellington", "Sales Channel", "Web"),
        Fixtures.valid()
            .trackingFor(
                java.util.Map.of(
                    io.ledgerbridge.settings.entity.SourceField.BRANCH, "Wellington",
                    io.ledgerbridge.settings.entity.SourceField.CHANNEL, "Web")));
    assertEquals(
        java.util.Map.of("Sales Channel", "POS"),
        Fixtures.valid()
            .trackingFor(
                java.util.Map.of(
                    io.ledgerbridge.settings.entity.SourceField.BRANCH, "Christchurch",
                    io.ledgerbridge.settings.entity.SourceField.CHANNEL, "POS")));
  }

  @Test
  void theImportWindowCountsMonthsBackFromToday() {
    AccountingSettings s = SettingsValidatorTest.patched("{'importWindowMonths':3}");
    LocalDate today = LocalDate.of(2026, 11, 30);
    assertEquals(LocalDate.of(2026, 8, 30), s.importWindowStart(today).orElseThrow());
    assertTrue(s.insideImportWindow(LocalDate.of(2026, 8, 30), today));
    assertFalse(s.insideImportWindow(LocalDate.of(2026, 8, 29), today));
    assertTrue(s.insideImportWindow(LocalDate.of(2026, 12, 5), today));
    assertTrue(AccountingSettings.defaults().insideImportWindow(LocalDate.of(1990, 1, 1), today));
  }
}
