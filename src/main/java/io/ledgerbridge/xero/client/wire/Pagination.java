package io.ledgerbridge.xero.client.wire;

import jakarta.json.bind.annotation.JsonbProperty;

/** Xero's {@code pagination} object (lower case, unlike everything else). */
public class Pagination extends XeroObject {

  @JsonbProperty("page")
  public Integer page;

  @JsonbProperty("pageSize")
  public Integer pageSize;

  @JsonbProperty("pageCount")
  public Integer pageCount;

  @JsonbProperty("itemCount")
  public Integer itemCount;
}
