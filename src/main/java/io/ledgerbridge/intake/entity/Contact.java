package io.ledgerbridge.intake.entity;

/** The counterparty as the inventory system knows it; {@code code} is its stable identifier. */
public record Contact(
    String code, String name, String email, String phone, String taxNumber, Address address) {}
