/* Rows of the fiche's tables (Django inline formsets), added and removed in the page.
 *
 * Markup (templates/register/form/_formset.html): a [data-formset] block with the
 * management form, [data-rows] holding one [data-row] per form, a <template data-empty-row>
 * built from formset.empty_form (its names contain __prefix__) and an [data-add-row]
 * button. Without this script the page still works: one empty row per table and a
 * « Supprimer » checkbox per row.
 */
(function () {
  "use strict";

  var sensitiveIds = [];
  var idsScript = document.getElementById("sensitive-category-ids");
  if (idsScript) {
    sensitiveIds = JSON.parse(idsScript.textContent).map(String);
  }

  function field(row, name) {
    return row.querySelector("[name$='-" + name + "']");
  }

  function setIndex(row, prefix, index) {
    var pattern = new RegExp("(^|_)" + prefix + "-(\\d+|__prefix__)-");
    var replacement = "$1" + prefix + "-" + index + "-";
    row.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (element) {
      ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value) {
          element.setAttribute(attribute, value.replace(pattern, replacement));
        }
      });
    });
  }

  /* Data lines: the art. 9(2) exception only matters for a sensitive category, and the
   * "other event" text only when the retention starts at another event. */
  function refreshDataLine(row) {
    var category = field(row, "category");
    var exception = field(row, "art9_exception");
    var art9 = row.querySelector("[data-art9]");
    if (category && art9) {
      var sensitive = sensitiveIds.indexOf(category.value) !== -1;
      var keep = sensitive || (exception && exception.value) || art9.querySelector(".is-invalid");
      art9.hidden = !keep;
      row.classList.toggle("line-sensitive", sensitive);
      var badge = row.querySelector("[data-sensitive-badge]");
      if (badge) {
        badge.hidden = !sensitive;
      }
    }
    var start = field(row, "retention_start");
    var other = row.querySelector("[data-start-other]");
    if (start && other) {
      var otherInput = field(row, "retention_start_other");
      other.hidden = !(start.value === "other" || (otherInput && otherInput.value) || other.querySelector(".is-invalid"));
    }
  }

  function markDeleted(row, deleted) {
    var checkbox = field(row, "DELETE");
    if (checkbox) {
      checkbox.checked = deleted;
    }
    row.classList.toggle("line-deleted", deleted);
    var note = row.querySelector(".line-deleted-note");
    if (note) {
      note.hidden = !deleted;
    }
  }

  function enhanceRow(row) {
    var checkbox = row.querySelector("[data-delete-checkbox]");
    var button = row.querySelector("[data-remove-row]");
    if (checkbox && button) {
      checkbox.hidden = true;
      checkbox.classList.add("d-none");
      button.hidden = false;
    }
    if (row.hasAttribute("data-data-line")) {
      refreshDataLine(row);
      row.addEventListener("change", function () {
        refreshDataLine(row);
      });
    }
    var deleteInput = field(row, "DELETE");
    if (deleteInput && deleteInput.checked) {
      markDeleted(row, true);
    }
  }

  function setUpFormset(formset) {
    var prefix = formset.getAttribute("data-prefix");
    var total = formset.querySelector("[name='" + prefix + "-TOTAL_FORMS']");
    var initial = parseInt(formset.querySelector("[name='" + prefix + "-INITIAL_FORMS']").value, 10);
    var rows = formset.querySelector("[data-rows]");
    var template = formset.querySelector("template[data-empty-row]");
    var addButton = formset.querySelector("[data-add-row]");

    function allRows() {
      return Array.prototype.slice.call(rows.querySelectorAll(":scope > [data-row]"));
    }

    /* Rows beyond the saved ones are numbered in page order, without gaps. */
    function renumber() {
      var list = allRows();
      list.forEach(function (row, position) {
        if (position >= initial) {
          setIndex(row, prefix, position);
        }
      });
      total.value = list.length;
    }

    allRows().forEach(enhanceRow);

    addButton.hidden = false;
    addButton.addEventListener("click", function () {
      var fragment = template.content.cloneNode(true);
      var row = fragment.querySelector("[data-row]");
      setIndex(row, prefix, allRows().length);
      rows.appendChild(row);
      enhanceRow(row);
      renumber();
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) {
        first.focus();
      }
    });

    rows.addEventListener("click", function (event) {
      var row = event.target.closest("[data-row]");
      if (!row) {
        return;
      }
      if (event.target.closest("[data-remove-row]")) {
        if (allRows().indexOf(row) >= initial) {
          row.remove(); // never saved: nothing to delete, just drop it
          renumber();
        } else {
          markDeleted(row, true);
        }
      } else if (event.target.closest("[data-undo-remove]")) {
        markDeleted(row, false);
      }
    });
  }

  document.querySelectorAll("[data-formset]").forEach(setUpFormset);
})();
