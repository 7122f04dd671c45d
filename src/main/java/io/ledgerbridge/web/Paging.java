package io.ledgerbridge.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The pager shared by the list pages. */
public final class Paging {

  private Paging() {}

  /**
   * Page numbers to offer around {@code current}: the first, the last and two either side, with 0
   * standing for a gap ("…").
   */
  public static List<Integer> pageLinks(int current, int last) {
    TreeSet<Integer> wanted = new TreeSet<>(List.of(1, Math.max(1, last)));
    for (int p = current - 2; p <= current + 2; p++) {
      if (p >= 1 && p <= last) {
        wanted.add(p);
      }
    }
    List<Integer> pages = new ArrayList<>();
    int previous = 0;
    for (int p : wanted) {
      if (p - previous > 1) {
        pages.add(0);
      }
      pages.add(p);
      previous = p;
    }
    return pages;
  }
}
