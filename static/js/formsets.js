/* Rows of the fiche's tables (Django inline formsets), added and removed in the page.
 *
 * Markup (templates/register/form/_formset.html): a [data-formset] block with the
 * management form, [data-rows] holding one [data-row] per form, a <template data-empty-row>
 * built from formset.empty_form (its names contain __prefix__) and an [data-add-row]
 * button. Without this script the page still works: one empty row per table and a
 * « Supprimer » checkbox per row.
 *
 * Keyboard and screen readers: a new row gets the focus on its first field; a removed one
 * hands it to the row that takes its place (or the one before, or the add button), a row
 * marked for deletion to its « Annuler la suppression ». Each change is said in the
 * formset's live region [data-row-status], whose data-* attributes hold the translated
 * sentences; each « Supprimer » names its row ([data-row-name], from data-row-name on the
 * formset), renumbered as rows come and go.
 */
(function () {
  "use strict";

  var sensitiveIds = [];
  var idsScript = document.getElementById("sensitive-category-ids");
  if (idsScript) {
    sensitiveIds = JSON.parse(idsScript.textContent).map(String);
  }

  /* The words that make a data line look like call recordings (models/lines.py), to hint the DPO. */
  var callRecordingWords = null;
  var patternScript = document.getElementById("call-recording-pattern");
  if (patternScript) {
    callRecordingWords = new RegExp(JSON.parse(patternScript.textContent), "i");
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
    var recording = field(row, "is_call_recording");
    var hint = row.querySelector("[data-call-recording-hint]");
    var description = field(row, "description");
    if (recording && hint && description && callRecordingWords) {
      hint.hidden = recording.checked || !callRecordingWords.test(description.value);
    }
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
      row.addEventListener("input", function () {
        refreshDataLine(row);
      });
    }
    var deleteInput = field(row, "DELETE");
    if (deleteInput && deleteInput.checked) {
      markDeleted(row, true);
    }
  }

  /* The first field a user would type in: not hidden, not disabled (the delete checkbox is hidden). */
  function firstField(row) {
    var fields = row.querySelectorAll("input:not([type=hidden]), select, textarea");
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].disabled && fields[i].getClientRects().length) {
        return fields[i];
      }
    }
    return null;
  }

  function fill(text, number) {
    return (text || "").replace("{number}", number);
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

    var status = formset.querySelector("[data-row-status]");

    function announce(kind, number) {
      if (status) {
        status.textContent = fill(status.getAttribute("data-" + kind), number);
      }
    }

    /* Rows beyond the saved ones are numbered in page order, without gaps; every row's
     * « Supprimer » says which row it removes. */
    function renumber() {
      var list = allRows();
      var next = initial;
      list.forEach(function (row, position) {
        if (row.hasAttribute("data-new-row")) {
          setIndex(row, prefix, next++); // new rows keep indexes after the saved ones, wherever they stand
        }
        var place = field(row, "position");
        if (orderable && place) {
          place.value = position + 1;
        }
        row.querySelectorAll("[data-row-name]").forEach(function (name) {
          name.textContent = " " + fill(formset.getAttribute("data-row-name"), position + 1);
        });
      });
      total.value = list.length;
    }

    var orderable = formset.hasAttribute("data-orderable");
    allRows().forEach(function (row, position) {
      if (position >= initial) {
        row.setAttribute("data-new-row", "");
      }
      enhanceRow(row);
    });
    if (orderable) {
      formset.querySelectorAll("[data-move-up], [data-move-down]").forEach(function (button) {
        button.hidden = false;
      });
    } else {
      renumber();
    }

    addButton.hidden = false;
    addButton.addEventListener("click", function () {
      var fragment = template.content.cloneNode(true);
      var row = fragment.querySelector("[data-row]");
      setIndex(row, prefix, allRows().length);
      row.setAttribute("data-new-row", "");
      row.querySelectorAll("[data-move-up], [data-move-down]").forEach(function (button) {
        button.hidden = false;
      });
      rows.appendChild(row);
      enhanceRow(row);
      renumber();
      var first = firstField(row);
      if (first) {
        first.focus();
      }
      announce("added", allRows().length);
    });

    rows.addEventListener("click", function (event) {
      var row = event.target.closest("[data-row]");
      if (!row) {
        return;
      }
      var position = allRows().indexOf(row);
      if (event.target.closest("[data-remove-row]")) {
        if (row.hasAttribute("data-new-row")) {
          row.remove(); // never saved: nothing to delete, just drop it
          renumber();
          var list = allRows();
          var neighbour = list[position] || list[position - 1];
          var target = (neighbour && firstField(neighbour)) || addButton;
          target.focus();
          announce("removed", position + 1);
        } else {
          markDeleted(row, true);
          row.querySelector("[data-undo-remove]").focus();
          announce("deleted", position + 1);
        }
      } else if (event.target.closest("[data-move-up], [data-move-down]")) {
        /* Reordering: the row changes place in the page and every « Ordre » field takes its rank. */
        var up = event.target.closest("[data-move-up]");
        var other = up ? row.previousElementSibling : row.nextElementSibling;
        if (other) {
          rows.insertBefore(up ? row : other, up ? other : row);
          renumber();
          event.target.closest("button").focus();
          announce("moved", allRows().indexOf(row) + 1);
        }
      } else if (event.target.closest("[data-undo-remove]")) {
        markDeleted(row, false);
        row.querySelector("[data-remove-row]").focus();
        announce("restored", position + 1);
      }
    });
  }

  document.querySelectorAll("[data-formset]").forEach(setUpFormset);

  /* The sticky save bar never covers the focused field: browsers scroll a field into view
   * when it gets the focus, but do not count the bar (nor, for focus, scroll-padding). */
  var saveBar = document.querySelector(".fiche-form-actions");
  if (saveBar) {
    document.addEventListener("focusin", function (event) {
      if (saveBar.contains(event.target)) {
        return;
      }
      var hidden = event.target.getBoundingClientRect().bottom - saveBar.getBoundingClientRect().top;
      if (hidden > 0) {
        window.scrollBy({top: hidden + 16, behavior: "instant"});  // not smooth: the field shows at once
      }
    });
  }
})();
