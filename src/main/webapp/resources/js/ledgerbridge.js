/*
 * Small helpers for the import controls, attached by data attributes (no inline scripts):
 * - form[data-once]: sent once; its buttons are disabled once it is on its way, so a double click
 *   does not post it twice (the server also answers a repeated post with the first run);
 * - input[data-select-all=TABLE]: ticks or clears every row checkbox of that table;
 * - [data-needs-selection=TABLE]: enabled only while a row of that table is ticked, and shows the
 *   count in its [data-count] child or value template ("Import selected ({n})");
 * - [data-confirm]: asks before the button submits.
 */
(function () {
  "use strict";

  function rowBoxes(table) {
    return Array.prototype.slice.call(
        document.querySelectorAll("#" + table + " tbody input[type=checkbox].select-row"));
  }

  function update(table) {
    var boxes = rowBoxes(table);
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    document.querySelectorAll("[data-needs-selection='" + table + "']").forEach(function (button) {
      button.disabled = ticked === 0;
      var template = button.getAttribute("data-label");
      if (template) {
        button.value = template.replace("{n}", String(ticked));
      }
    });
    document.querySelectorAll("input[data-select-all='" + table + "']").forEach(function (all) {
      all.checked = boxes.length > 0 && ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    });
  }

  function init() {
    document.querySelectorAll("input[data-select-all]").forEach(function (all) {
      var table = all.getAttribute("data-select-all");
      all.addEventListener("change", function () {
        rowBoxes(table).forEach(function (b) { b.checked = all.checked; });
        update(table);
      });
      rowBoxes(table).forEach(function (b) {
        b.addEventListener("change", function () { update(table); });
      });
      update(table);
    });

    document.querySelectorAll("[data-confirm]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (!window.confirm(button.getAttribute("data-confirm"))) {
          event.preventDefault();
        }
      });
    });

    document.querySelectorAll("form[data-once]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (form.getAttribute("data-sent")) {
          event.preventDefault();
          return;
        }
        form.setAttribute("data-sent", "true");
        // Disabled after the submission has been put together, so the pressed button still counts.
        window.setTimeout(function () {
          form.querySelectorAll("input[type=submit], button").forEach(function (b) {
            b.disabled = true;
          });
          form.classList.add("sending");
        }, 0);
      });
    });
  }

  // Coming back with the browser's back button shows the page as it was left: enable it again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.querySelectorAll("form[data-sent]").forEach(function (form) {
        form.removeAttribute("data-sent");
        form.classList.remove("sending");
        form.querySelectorAll("input[type=submit], button").forEach(function (b) { b.disabled = false; });
      });
      document.querySelectorAll("input[data-select-all]").forEach(function (all) {
        update(all.getAttribute("data-select-all"));
      });
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
