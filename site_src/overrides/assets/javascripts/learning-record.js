/* The Personal Learning Record and Development Plan (generator/render/html/learning.py draws the form).
   What the carer types stays in their browser: it is kept in localStorage, saved to and loaded from a file
   on their own device, and printed. Nothing is sent over the network. Without this script the form can
   still be printed blank. */
(function () {
  "use strict";

  var STORAGE_KEY = "personal-learning-record";
  var MAX_FILE_BYTES = 1024 * 1024;
  var MAX_ENTRIES = 200;

  function record(root) {
    var config = JSON.parse(root.querySelector(".fw-plr__data").textContent);
    var text = config.text;
    var form = root.querySelector("form");
    var list = root.querySelector(".fw-plr__entries");
    var status = root.querySelector(".fw-plr__status");
    var kept = root.querySelector(".fw-plr__kept");
    var fileInput = root.querySelector(".fw-plr__file");
    var blankEntry = list.querySelector("[data-entry]").cloneNode(true);
    var initialEntries = list.innerHTML;

    function fill(template, values) {
      return template.replace(/%\((\w+)\)s/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
      });
    }

    function say(message, isError) {
      status.textContent = message;
      status.classList.toggle("fw-plr__status--error", Boolean(isError));
    }

    function entries() {
      return Array.prototype.slice.call(list.querySelectorAll("[data-entry]"));
    }

    function controls(container, withinEntries) {
      return Array.prototype.filter.call(container.querySelectorAll("[data-field]"), function (control) {
        return withinEntries || !control.closest("[data-entry]");
      });
    }

    /* The copy of a control's value that is printed in its place (a textarea would be cut off). */
    function mirror(control) {
      var box = control.parentNode.querySelector(".fw-plr__print");
      var value = control.value;
      if (control.tagName === "SELECT") {
        value = control.value ? control.options[control.selectedIndex].text : "";
      } else if (control.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        var parts = value.split("-").map(Number);
        value = parts[2] + " " + config.months[parts[1] - 1] + " " + parts[0]; // "14 Medi 2026", as Babel
      }
      box.textContent = value;
    }

    function mirrorAll() {
      controls(form, true).forEach(mirror);
    }

    /* Give an entry its number: its legend, and ids its labels point at. */
    function number(entry, position) {
      entry.querySelector(".fw-plr__number").textContent = String(position);
      Array.prototype.forEach.call(entry.querySelectorAll("[data-field]"), function (control) {
        var id = "fw-plr-e" + position + "-" + control.getAttribute("data-field");
        var label = control.parentNode.querySelector("label");
        control.id = id;
        label.setAttribute("for", id);
      });
    }

    function addRemoveButton(entry) {
      if (entry.querySelector(".fw-plr__remove")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button fw-plr__remove";
      button.textContent = text.remove;
      button.addEventListener("click", function () {
        if (entries().length === 1) return;
        var next = entry.nextElementSibling || entry.previousElementSibling;
        entry.remove();
        entries().forEach(function (e, i) { number(e, i + 1); });
        store();
        next.querySelector("[data-field]").focus();
      });
      entry.appendChild(button);
    }

    function addEntry() {
      var entry = blankEntry.cloneNode(true);
      Array.prototype.forEach.call(entry.querySelectorAll("[data-field]"), function (control) {
        if (control.tagName === "SELECT") {
          Array.prototype.forEach.call(control.options, function (o) { o.defaultSelected = false; });
          control.selectedIndex = 0;
        } else {
          control.value = "";
        }
      });
      list.appendChild(entry);
      number(entry, entries().length);
      addRemoveButton(entry);
      mirrorAll();
      return entry;
    }

    function setEntryCount(count) {
      while (entries().length > count) entries()[entries().length - 1].remove();
      while (entries().length < count) addEntry();
    }

    function collect() {
      var fields = {};
      controls(form, false).forEach(function (control) {
        fields[control.getAttribute("data-field")] = control.value;
      });
      var rows = entries().map(function (entry) {
        var row = {};
        controls(entry, true).forEach(function (control) {
          row[control.getAttribute("data-field")] = control.value;
        });
        return row;
      });
      return { format: config.format, version: config.version, saved: new Date().toISOString(),
               fields: fields, entries: rows };
    }

    function isPlainObject(value) {
      return value !== null && typeof value === "object" && !Array.isArray(value);
    }

    function stringsOnly(object) {
      return isPlainObject(object) && Object.keys(object).every(function (key) {
        return typeof object[key] === "string" && object[key].length <= 100000;
      });
    }

    /* A record saved by this page, or null: anything else is refused before the form is touched. */
    function validate(data) {
      if (!isPlainObject(data) || data.format !== config.format || data.version !== config.version) return null;
      if (!stringsOnly(data.fields) || !Array.isArray(data.entries)) return null;
      if (data.entries.length > MAX_ENTRIES || !data.entries.every(stringsOnly)) return null;
      return data;
    }

    function apply(data) {
      setEntryCount(Math.max(1, data.entries.length));
      controls(form, false).forEach(function (control) {
        var value = data.fields[control.getAttribute("data-field")];
        control.value = value === undefined ? "" : value;
      });
      entries().forEach(function (entry, index) {
        var row = data.entries[index] || {};
        controls(entry, true).forEach(function (control) {
          var value = row[control.getAttribute("data-field")];
          control.value = value === undefined ? "" : value;
        });
      });
      mirrorAll();
    }

    function store() {
      mirrorAll();
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(collect()));
        var now = new Date();
        kept.textContent = fill(text.kept, {
          time: String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0")
        });
      } catch (error) {
        kept.textContent = text.notKept;
      }
    }

    function restore() {
      var saved = null;
      try {
        saved = window.localStorage.getItem(STORAGE_KEY);
      } catch (error) {
        kept.textContent = text.notKept;
        return;
      }
      if (!saved) return;
      var data = null;
      try {
        data = validate(JSON.parse(saved));
      } catch (error) {
        data = null;
      }
      if (data) apply(data);
    }

    function saveToFile() {
      var data = collect();
      var name = config.fileName + "-" + data.saved.slice(0, 10) + ".json";
      var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      say(fill(text.saved, { file: name }));
    }

    function loadFromFile(file) {
      var refuse = function () { say(fill(text.badFile, { file: file.name }), true); };
      if (file.size > MAX_FILE_BYTES) {
        refuse();
        return;
      }
      file.text().then(function (content) {
        var data = null;
        try {
          data = validate(JSON.parse(content));
        } catch (error) {
          data = null;
        }
        if (!data) {
          refuse();
          return;
        }
        apply(data);
        store();
        say(fill(text.loaded, { file: file.name }));
      }, refuse);
    }

    function clear() {
      if (!window.confirm(text.confirmClear)) return;
      try {
        window.localStorage.removeItem(STORAGE_KEY);
      } catch (error) { /* nothing was kept */ }
      list.innerHTML = initialEntries;
      entries().forEach(addRemoveButton);
      form.reset();
      mirrorAll();
      kept.textContent = "";
      say(text.cleared);
    }

    root.classList.add("fw-plr--js");
    root.querySelector(".fw-plr__nojs").hidden = true;
    root.querySelector(".fw-plr__toolbar").hidden = false;
    var add = root.querySelector(".fw-plr__add");
    add.hidden = false;
    add.addEventListener("click", function () {
      addEntry().querySelector("[data-field]").focus();
      store();
    });
    entries().forEach(addRemoveButton);
    form.addEventListener("input", store);
    form.addEventListener("change", store);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector("[data-action=save]").addEventListener("click", saveToFile);
    root.querySelector("[data-action=print]").addEventListener("click", function () {
      mirrorAll();
      window.print();
    });
    root.querySelector("[data-action=clear]").addEventListener("click", clear);
    fileInput.addEventListener("change", function () {
      if (fileInput.files.length) loadFromFile(fileInput.files[0]);
      fileInput.value = "";
    });
    window.addEventListener("beforeprint", mirrorAll);
    restore();
    mirrorAll();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-learning-record]"), record);
})();
