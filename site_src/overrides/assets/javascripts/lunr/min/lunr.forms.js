/*
 * Word forms for lunr.js, the search library of mkdocs-material's search: what our language files
 * (lunr.<lang>.min.js beside this file) share. A language file gives a trimmer, a stop word filter and a
 * "stemmer" that returns every form a word is indexed under (the written form first, then its stems or
 * radicals); this file makes them a lunr plugin, `lunr[lang]`, that looks every word searched for up under
 * the same forms. Any form then finds the pages with any other form, and the results show the words as written
 * (lunr keeps each word's position in the text).
 *
 * Material's search worker loads a language file with importScripts, and the language file loads this one
 * the same way (a relative address resolves against the worker script, as Material's own do); in node (the
 * tests) the language file requires it. Either way it adds `lunr.forms(lang, steps)`.
 */
(function (root, attach) {
  if (typeof module === "object" && module.exports)
    module.exports = attach
  else
    attach(root.lunr)
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict"

  /* steps: { trimmer, stopWordFilter, stemmer }, lunr pipeline functions. Returns the plugin, lunr[lang]. */
  lunr.forms = function (lang, steps) {
    ["trimmer", "stopWordFilter", "stemmer"].forEach(function (name) {
      if (!steps[name].label)  /* lunr's own functions are registered already, under their own names */
        lunr.Pipeline.registerFunction(steps[name], name + "-" + lang)
    })

    var analyse = new lunr.Pipeline()
    analyse.add(steps.trimmer, steps.stopWordFilter, steps.stemmer)

    /* A word searched for: the forms the index holds it under (none for a stop word). */
    function forms(word) {
      return analyse.runString(word)
    }

    /*
     * Material appends "*" to every word searched for (a prefix search), and lunr does not run its search
     * pipeline over a term with a wildcard. So the index built here looks up each term under its forms
     * itself, keeping the wildcards, and only under forms the index has (lunr refuses a required term one
     * of whose forms is missing).
     */
    function expand(index, clause) {
      var term = clause.term
      var lead = /^\*/.test(term) ? "*" : ""
      var tail = /\*$/.test(term) ? "*" : ""
      var found = forms(term.replace(/^\*+|\*+$/g, "")).map(function (form) { return lead + form + tail })
        .filter(function (form) {
          return index.tokenSet.intersect(lunr.TokenSet.fromString(form)).toArray().length > 0
        })
      return found.length ? found : clause.presence === lunr.Query.presence.REQUIRED ? [term] : []
    }

    /*
     * Material marks a word searched for as missing from a result unless a matched index term begins with
     * the word as typed: a word found under another of its forms (carers under carer), or a stop word left
     * out, is recorded as found under the word as typed, without positions.
     */
    function markFound(results, typed) {
      results.forEach(function (result) {
        var metadata = result.matchData.metadata
        var terms = Object.keys(metadata)
        typed.forEach(function (word) {
          if (!word || word in metadata) return
          var looked = forms(word)
          if (!looked.length || terms.some(function (term) {
            return looked.some(function (form) { return term.lastIndexOf(form, 0) === 0 })
          }))
            metadata[word] = {}
        })
      })
      return results
    }

    /*
     * A word is indexed under each of its forms, all with the word's one position, and a query looks it up
     * under several forms: Material marks every position a result's terms carry, and a position marked twice
     * breaks the snippet ("rk>carers" shown instead of "carers"). Each position is kept once, under the first
     * term. (lunr gives every result its own copy of the positions, so the index is not changed.)
     */
    function markOnce(results) {
      results.forEach(function (result) {
        var metadata = result.matchData.metadata
        var seen = Object.create(null)
        Object.keys(metadata).forEach(function (term) {
          Object.keys(metadata[term]).forEach(function (field) {
            var data = metadata[term][field]
            if (!data.position) return
            data.position = data.position.filter(function (position) {
              var key = field + " " + position  /* Material's tokenizer: a number; lunr's own: [start, length] */
              return seen[key] ? false : (seen[key] = true)
            })
          })
        })
      })
      return results
    }

    var plugin = lunr[lang] = function () {
      this.pipeline.reset()
      this.pipeline.add(steps.trimmer, steps.stopWordFilter, steps.stemmer)
      this.searchPipeline.reset()

      var builder = this
      var build = this.build
      this.build = function () {
        var index = build.apply(builder, arguments)
        var query = index.query
        var looked  /* this query's terms -> the terms the index is asked for */
        function lookUp(token) {
          return (looked[token.toString()] || [token.toString()]).map(function (term) {
            return token.clone(function () { return term })
          })
        }
        lunr.Pipeline.registerFunction(lookUp, "lookUp-" + lang)
        index.pipeline = new lunr.Pipeline()
        index.pipeline.add(lookUp)
        index.query = function (fn) {
          var typed = []
          looked = Object.create(null)
          var results = query.call(index, function (q) {
            fn.call(q, q)
            q.clauses.forEach(function (clause) {
              typed.push(clause.term.replace(/^\*+|\*+$/g, ""))
              looked[clause.term] = expand(index, clause)
              clause.usePipeline = true
            })
          })
          return markFound(markOnce(results), typed)
        }
        return index
      }
    }
    plugin.trimmer = steps.trimmer
    plugin.stopWordFilter = steps.stopWordFilter
    plugin.stemmer = steps.stemmer
    plugin.forms = forms
    return plugin
  }
})
