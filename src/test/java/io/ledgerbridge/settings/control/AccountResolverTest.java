package io.ledgerbridge.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.settings.control.AccountResolver.LineFacts;
import io.ledgerbridge.settings.control.AccountResolver.Resolution;
import io.ledgerbridge.settings.control.AccountResolver.Source;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.Direction;
import org.junit.jupiter.api.Test;

class AccountResolverTest {

  private final AccountResolver resolver =
      new AccountResolver(Fixtures.valid(), Fixtures.demoOrganisation());

  private static LineFacts sale(String lineAccount, String sku, String contact, String branch) {
    return new LineFacts(Direction.SALES, lineAccount, sku, contact, branch);
  }

  @Test
  void theLinesOwnAccountWinsOverEverything() {
    Resolution r = resolver.resolve(sale("260", "GAD-100", "CUS-012", "Wellington"));
    // 260 is not in the fixture's chart: the line's account is used, and the reason says why not.
    assertEquals("260", r.accountCode());
    assertEquals(Source.LINE, r.source());
    assertFalse(r.ok());
    assertTrue(r.reason().contains("'260' does not exist"), r.reason());
    assertTrue(r.reason().contains("the line's own account"), r.reason());

    Resolution ok = resolver.resolve(sale("210", null, null, null));
    assertTrue(ok.ok());
    assertEquals(Source.LINE, ok.source());
  }

  @Test
  void thenProductThenContactThenBranchThenDefault() {
    assertEquals(
        Source.PRODUCT, resolver.resolve(sale(null, "GAD-100", "CUS-012", "Auckland")).source());
    assertEquals(
        Source.CONTACT, resolver.resolve(sale(null, "WID-BLU", "CUS-012", "Auckland")).source());
    Resolution def = resolver.resolve(sale(null, "WID-BLU", "CUS-001", "Wellington"));
    // Wellington has a purchases override only, so sales fall through to the default.
    assertEquals(Source.DEFAULT, def.source());
    assertEquals("200", def.accountCode());
    Resolution purchase =
        resolver.resolve(
            new LineFacts(Direction.PURCHASES, " ", "GAD-100", "SUP-001", "Wellington"));
    assertEquals(Source.BRANCH, purchase.source());
    assertEquals("300", purchase.accountCode());
  }

  @Test
  void purchasesDefaultToInventoryWhenPerpetualAndPurchasesWhenPeriodic() {
    LineFacts bill = new LineFacts(Direction.PURCHASES, null, "WID-BLU", "SUP-001", "Auckland");
    assertEquals("635", resolver.resolve(bill).accountCode());
    AccountingSettings periodic = SettingsValidatorTest.patched("{'accountingMethod':'PERIODIC'}");
    assertEquals("300", new AccountResolver(periodic, null).resolve(bill).accountCode());
  }

  @Test
  void noAccountGivesTheReason() {
    AccountingSettings none = AccountingSettings.defaults();
    Resolution r = new AccountResolver(none, null).resolve(sale(null, "X", "Y", "Z"));
    assertFalse(r.ok());
    assertNull(r.accountCode());
    assertTrue(r.reason().contains("default Sales account is not set"), r.reason());
    assertTrue(r.account().isEmpty());
  }

  @Test
  void anOverrideToAnArchivedOrInventoryAccountGivesXerosReason() {
    AccountingSettings s =
        SettingsValidatorTest.patched(
            "{'accountOverrides':{'contacts':{'CUS-099':{'sales':'499'}}}}");
    // Stored before the account was archived: the resolver still says why it cannot be used.
    Resolution r =
        new AccountResolver(s, Fixtures.demoOrganisation())
            .resolve(sale(null, null, "CUS-099", null));
    assertEquals(Source.CONTACT, r.source());
    assertTrue(r.reason().contains("archived"), r.reason());
    assertTrue(r.reason().contains("override for contact CUS-099"), r.reason());
  }

  @Test
  void costAccountsFollowProductThenContactThenBranchThenDefault() {
    AccountingSettings s =
        SettingsValidatorTest.patched(
            "{'accountOverrides':{'products':{'GAD-100':{'cogs':'300'}},"
                + "'branches':{'Wellington':{'cogs':'320','inventory':'635'}}}}");
    AccountResolver r = new AccountResolver(s, Fixtures.demoOrganisation());
    Resolution product = r.resolveCost(AccountRole.COGS, "GAD-100", "CUS-012", "Wellington");
    assertEquals("300", product.accountCode());
    assertEquals(Source.PRODUCT, product.source());
    assertEquals(
        "320", r.resolveCost(AccountRole.COGS, "WID-BLU", null, "Wellington").accountCode());
    assertEquals("310", r.resolveCost(AccountRole.COGS, "WID-BLU", null, "Auckland").accountCode());
    // The product names no inventory account: the branch's applies, then the default.
    assertEquals(
        Source.BRANCH,
        r.resolveCost(AccountRole.INVENTORY, "GAD-100", null, "Wellington").source());
    assertEquals(
        Source.DEFAULT, r.resolveCost(AccountRole.INVENTORY, "GAD-100", null, null).source());
  }

  @Test
  void aPerpetualPurchaseIsStockedOnTheOverridesInventoryAccount() {
    AccountingSettings s =
        SettingsValidatorTest.patched(
            "{'accountOverrides':{'products':{'GIFT-1':{'inventory':'636'}}}}");
    LineFacts bill = new LineFacts(Direction.PURCHASES, null, "GIFT-1", "SUP-001", null);
    assertEquals("636", new AccountResolver(s, null).resolve(bill).accountCode());
    LineFacts sale = sale(null, "GIFT-1", null, null);
    assertEquals(Source.DEFAULT, new AccountResolver(s, null).resolve(sale).source());
  }

  @Test
  void withoutReferenceDataTheAccountIsReturnedUnchecked() {
    Resolution r =
        new AccountResolver(Fixtures.valid(), null).resolve(sale("630", null, null, null));
    assertTrue(r.ok());
    assertEquals("630", r.accountCode());
  }

  @Test
  void defaultAccountsForJournals() {
    assertEquals("310", resolver.resolveDefault(AccountRole.COGS).accountCode());
    AccountingSettings bad = Fixtures.withAccount(Fixtures.valid(), AccountRole.COGS, "090");
    Resolution r =
        new AccountResolver(bad, Fixtures.demoOrganisation()).resolveDefault(AccountRole.COGS);
    assertTrue(r.reason().contains("bank account"), r.reason());
    assertFalse(
        new AccountResolver(AccountingSettings.defaults(), null)
            .resolveDefault(AccountRole.STOCK_ADJUSTMENT)
            .ok());
  }

  @Test
  void xerosRoundingSystemAccountIsTheRoundingAccountButNoOtherDefault() {
    // Settings accept 860 (SystemAccount ROUNDING) as the rounding account; the import, which
    // checks through the same rule, must then accept it for the rounding line too.
    assertEquals(
        java.util.List.of(),
        SettingsValidator.validate(Fixtures.valid(), Fixtures.demoOrganisation()).stream()
            .filter(e -> e.field().startsWith("accounts.rounding"))
            .toList());
    Resolution rounding = resolver.resolveDefault(AccountRole.ROUNDING);
    assertTrue(rounding.ok(), rounding.reason());
    assertEquals("860", rounding.accountCode());
    AccountingSettings freightOnRounding =
        Fixtures.withAccount(Fixtures.valid(), AccountRole.FREIGHT, "860");
    Resolution freight =
        new AccountResolver(freightOnRounding, Fixtures.demoOrganisation())
            .resolveDefault(AccountRole.FREIGHT);
    assertFalse(freight.ok());
    assertTrue(freight.reason().contains("system account (ROUNDING)"), freight.reason());
  }
}
