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
     deferred, so it runs first), and Material's query finds none. Crawlers read hreflang from the HTML as sent. */
  function detachAlternates() {
    Array.prototype.forEach.call(document.querySelectorAll("link[rel=alternate][hreflang]"), function (link) {
      link.setAttribute("data-fw-rel", link.getAttribute("rel"));
      link.removeAttribute("rel");
    });
  }
  detachAlternates();

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
  // and "other"; Welsh mutates the noun after 2: "2 ddogfen", "3 dogfen"). The forms, '#' for the number, come
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
