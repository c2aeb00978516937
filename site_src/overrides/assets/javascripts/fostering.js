/* Progressive enhancements. Every page works without this script; it only adds:
   - the allowance calculator (figures from the page's embedded data, the same the tables show);
   - sorting and filtering of comparison tables;
   - the search's count of results in the language's plural forms.
   It also keeps the page from requesting anything of another host (issue 28; see detachAlternates). */
(function () {
  "use strict";

  /* Material's bundle (9.8.1: ui() in bundle.*.min.js), on DOMContentLoaded, fetches sitemap.xml next to every
     <link rel="alternate"> to map this page to its translation for its language switcher. Our hreflang links
     point at the live domains (absolute, as hreflang needs), so every page load made a request to other hosts
     (which 404 there too). Our own selector (partials/languages/) links straight to the page's translation, so
     the lookup is not needed: the links' rel is moved to data-fw-rel before DOMContentLoaded (this script is
     deferred, so it runs first), and Material's query finds none. The feeds' alternate links are detached too
     (Material would fetch a sitemap.xml beside each, which does not exist). Crawlers and feed readers read the
     links from the HTML as sent. */
  function detachAlternates() {
    Array.prototype.forEach.call(document.querySelectorAll("link[rel=alternate]"), function (link) {
      link.setAttribute("data-fw-rel", link.getAttribute("rel"));
      link.removeAttribute("rel");
    });
  }
  detachAlternates();

  /* Names for Material's unnamed controls, taken from the theme's own words in the page (so in its language):
     the search dialog (role="dialog", unnamed) is named like its search field, and the hidden checkbox that
     opens the contents on small screens (#__toc) like the contents' own title. Both only act with JavaScript. */
  function nameThemeControls() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var query = document.querySelector(".md-search__input[aria-label]");
    if (dialog && query && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", query.getAttribute("aria-label"));
    }
    var toggle = document.getElementById("__toc");
    var title = document.querySelector(".md-nav--secondary label.md-nav__title[for=__toc]");
    if (toggle && title && !toggle.hasAttribute("aria-label")) {
      toggle.setAttribute("aria-label", title.textContent.trim());
    }
  }
  nameThemeControls();

  var pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

  function format(pence) {
    return pounds.format(pence / 100);
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function calculator(root) {
    var data = JSON.parse(root.querySelector(".fw-calculator__data").textContent);
    var form = root.querySelector("form");
    var select = form.querySelector("select");
    var list = form.querySelector(".fw-calculator__children");
    var result = root.querySelector(".fw-calculator__result");
    var counter = 0;
    root.querySelector(".fw-calculator__nojs").hidden = true;
    form.hidden = false;

    function bandFor(age) {
      return data.bands.filter(function (b) { return age >= b.from && age <= b.to; })[0] || null;
    }

    function addChild(age) {
      counter += 1;
      var id = "fw-calculator-age-" + counter;
      var row = element("p", { "class": "fw-calculator__child" });
      row.appendChild(element("label", { "for": id }, data.text.age));
      row.appendChild(document.createTextNode(" "));
      var input = element("input", { id: id, type: "number", min: "0", max: "25", step: "1", inputmode: "numeric" });
      if (age !== undefined) input.value = age;
      row.appendChild(input);
      var remove = element("button", { type: "button", "class": "md-button" }, data.text.removeChild);
      remove.addEventListener("click", function () { row.remove(); render(); });
      row.appendChild(document.createTextNode(" "));
      row.appendChild(remove);
      list.appendChild(row);
      input.addEventListener("input", render);
      return input;
    }

    function cell(tag, pence) {
      var node = element(tag, { "data-pence": pence === null ? "" : String(pence) },
        pence === null ? data.text.unconfirmed : format(pence));
      if (pence === null) node.className = "fw-unconfirmed";
      return node;
    }

    function render() {
      result.textContent = "";
      var authority = data.authorities.filter(function (a) { return a.id === select.value; })[0];
      var ages = Array.prototype.map.call(list.querySelectorAll("input"), function (input) {
        return input.value === "" ? null : Number(input.value);
      }).filter(function (age) { return age !== null && Number.isInteger(age) && age >= 0; });
      if (!authority || !ages.length) return;
      var table = element("table", { "class": "fw-money fw-calculator__table" });
      // The year the council's rates are for, so a past year's rates are never read as today's.
      if (authority.yearText) table.appendChild(element("caption", {}, authority.yearText));
      var head = element("tr");
      head.appendChild(element("th", { scope: "col" }, ""));
      head.appendChild(element("th", { scope: "col" }, data.text.perWeek));
      head.appendChild(element("th", { scope: "col" }, data.text.perYear));
      table.appendChild(element("thead")).appendChild(head);
      var body = table.appendChild(element("tbody"));
      var total = 0;
      ages.forEach(function (age, index) {
        var band = bandFor(age);
        var weekly = band && authority.weekly[band.id] !== null ? Math.round(authority.weekly[band.id] * 100) : null;
        total = total === null || weekly === null ? null : total + weekly;
        var row = element("tr", { "data-age": String(age) });
        row.appendChild(element("th", { scope: "row" },
          data.text.child.replace("%(number)s", index + 1).replace("%(age)s", age) + (band ? "" : " (" + data.text.noBand + ")")));
        row.appendChild(cell("td", weekly));
        row.appendChild(cell("td", weekly === null ? null : weekly * data.weeksInYear));
        body.appendChild(row);
      });
      var sum = element("tr", { "class": "fw-calculator__total" });
      sum.appendChild(element("th", { scope: "row" }, data.text.total));
      sum.appendChild(cell("td", total));
      sum.appendChild(cell("td", total === null ? null : total * data.weeksInYear));
      body.appendChild(sum);
      result.appendChild(table);
    }

    select.addEventListener("change", render);
    form.querySelector(".fw-calculator__add").addEventListener("click", function () { addChild().focus(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); render(); });
    addChild();
  }

  function sortable(table) {
    var rows = function () { return Array.prototype.slice.call(table.tBodies[0].rows); };
    var label = element("label", { "for": "fw-filter-" + sortable.count }, table.getAttribute("data-filter-label"));
    var filter = element("input", { id: "fw-filter-" + sortable.count, type: "search" });
    sortable.count += 1;
    var box = element("p", { "class": "fw-table-filter" });
    box.appendChild(label);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(filter);
    table.parentNode.insertBefore(box, table);
    filter.addEventListener("input", function () {
      var wanted = filter.value.trim().toLocaleLowerCase();
      rows().forEach(function (row) {
        row.hidden = wanted !== "" && row.cells[0].textContent.toLocaleLowerCase().indexOf(wanted) === -1;
      });
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = element("button", { type: "button", "class": "fw-sort" });
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var key = function (row) {
          var cell = row.cells[column];
          var amount = cell.getAttribute("data-amount");
          if (amount === null) return cell.textContent.trim().toLocaleLowerCase();
          return amount === "" ? Infinity : Number(amount); // unconfirmed amounts sort last
        };
        rows().sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = typeof x === "number" ? x - y : x.localeCompare(y, document.documentElement.lang);
          return ascending ? order : -order;
        }).forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });
  }
  sortable.count = 0;

  // The handbook's print view: a button for the browser's print dialog (hidden when JavaScript is off).
  function printButton(button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  // The search's count of results in the plural form the language gives the number (Material knows only "one"
  // and "other"; in some languages the noun changes after 2: "2 ddogfen", "3 dogfen"). The forms, '#' for the number, come
  // from the interface catalogue (main.html); a count Material wrote in its "other" form is put in the right one.
  function searchCounts(meta) {
    var data = document.getElementById("fw-search-counts");
    if (!data || !window.Intl || !Intl.PluralRules) return;
    var forms = JSON.parse(data.textContent);
    var rules = new Intl.PluralRules(document.documentElement.lang);
    function correct() {
      var number = /^\d+/.exec(meta.textContent);
      if (!number || !forms.other || meta.textContent !== forms.other.replace("#", number[0])) return;
      var form = forms[rules.select(Number(number[0]))];
      if (form && form !== forms.other) meta.textContent = form.replace("#", number[0]);
    }
    new MutationObserver(correct).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".md-search-result__meta"), searchCounts);
  Array.prototype.forEach.call(document.querySelectorAll("[data-fw-print]"), printButton);
  Array.prototype.forEach.call(document.querySelectorAll("[data-calculator]"), calculator);
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), sortable);
})();

/* Find your team by place (generator/render/html/places.py): suggestions as the visitor types, with the ARIA
   combobox pattern (a text field controlling a listbox; arrows move the active option, announced through
   aria-activedescendant; Enter opens it; Escape closes the list, then clears the field). Without this script
   the form goes to the A–Z of places. Matching folds case, accents and mutations with the rules of the search's
   language file (lunr.cy.min.js, loaded from beside this file), so "Mon", "môn" and "Môn" are one. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-fw-place-finder]");
  var self = document.currentScript && document.currentScript.src;
  if (!boxes.length) return;

  var rules = null;
  function fold(text) {
    var folded = rules ? rules.fold(text) : text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function forms(query) { return rules ? rules.radicals(query) : [query]; }
  if (self) {
    var script = document.createElement("script");
    script.src = self.replace(/fostering\.js(\?.*)?$/, "lunr/min/lunr.cy.min.js");
    script.onload = function () { rules = window.fwWelshRules || null; };
    document.head.appendChild(script);
  }

  var POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)(?: ?\d[a-z]{0,2})?$/;
  var LIMIT = 8;

  /* The places a query finds, best first: names that begin with it, then names with a word that does. */
  function search(places, text) {
    var query = fold(text);
    if (!query) return [];
    var found = [];
    var postcode = POSTCODE.exec(query);
    places.forEach(function (place) {
      var rank = -1;
      if (place.p) {
        var code = place.n.toLowerCase();
        if (postcode) rank = code === postcode[1] ? 0 : query.indexOf(" ") < 0 && code.lastIndexOf(query, 0) === 0 ? 1 : -1;
      } else {
        [place.n].concat(place.o).forEach(function (name) {
          var written = fold(name);
          forms(query).forEach(function (form) {
            var squeezed = form.replace(/ /g, "");
            var r = written.lastIndexOf(form, 0) === 0 || written.replace(/ /g, "").lastIndexOf(squeezed, 0) === 0 ? 0
              : (" " + written).indexOf(" " + form) >= 0 ? 1 : -1;
            if (r >= 0 && (rank < 0 || r < rank)) rank = r;
          });
        });
      }
      if (rank >= 0) found.push({ place: place, rank: rank });
    });
    found.sort(function (a, b) { return a.rank - b.rank || a.place.n.localeCompare(b.place.n); });
    var options = [];
    found.forEach(function (hit) {
      hit.place.c.forEach(function (council) { options.push({ place: hit.place, council: council }); });
    });
    return options.slice(0, LIMIT);
  }

  function finder(box) {
    var data = JSON.parse(box.querySelector(".fw-place-finder__data").textContent);
    var form = box.querySelector("form");
    var input = box.querySelector("input");
    var id = input.id + "-list";
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var options = [], active = -1;
    list.id = id;
    list.className = "fw-place-finder__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", data.strings.suggestions);
    list.hidden = true;
    status.className = "fw-place-finder__status";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");
    form.appendChild(list);
    form.appendChild(status);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function activate(position) {
      var items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = position;
      if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
      items[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }
    function go(option) { window.location.href = option.council[1]; }
    function update() {
      options = search(data.places, input.value);
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      options.forEach(function (option, position) {
        var item = document.createElement("li");
        var name = document.createElement("span");
        var council = document.createElement("span");
        item.id = id + "-" + position;
        item.className = "fw-place-finder__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        name.className = "fw-place-finder__place";
        if (option.place.l !== document.documentElement.lang) name.setAttribute("lang", option.place.l);
        name.textContent = option.place.p ? data.strings.postcode.replace("%(district)s", option.place.n)
          : option.place.n;
        council.className = "fw-place-finder__council";
        council.textContent = option.council[0];
        item.appendChild(name);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(council);
        /* mousedown, not click: the field keeps its focus, so the list is not closed first. */
        item.addEventListener("mousedown", function (event) { event.preventDefault(); go(option); });
        list.appendChild(item);
      });
      var typed = fold(input.value) !== "";
      list.hidden = !options.length;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      status.textContent = !typed ? "" : options.length ? data.strings.results.replace("%(num)s", options.length)
        : data.strings.none;
    }
    input.addEventListener("input", update);
    input.addEventListener("focus", function () { if (input.value) update(); });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { update(); if (options.length) activate(0); return; }
        activate(Math.min(active + 1, options.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open) activate(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && options.length) { event.preventDefault(); go(options[Math.max(active, 0)]); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); } else { input.value = ""; status.textContent = ""; }
      }
    });
  }
  Array.prototype.forEach.call(boxes, finder);
})();
