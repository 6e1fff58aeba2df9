/* quoteattr view: speaker cards, legend filters and the confidence filter.
   Reads each document's data from its JSON block; writes text only with textContent. */
(function () {
  "use strict";
  var card = document.getElementById("qa-card");
  var pinned = null;

  function row(list, label, value) {
    if (value === null || value === undefined || value === "") { return; }
    var term = document.createElement("dt");
    term.textContent = label;
    var detail = document.createElement("dd");
    if (typeof value === "string") { detail.textContent = value; } else { detail.appendChild(value); }
    list.appendChild(term);
    list.appendChild(detail);
  }

  function confidence(value) {
    var box = document.createElement("span");
    box.appendChild(document.createTextNode(value.toFixed(2)));
    var meter = document.createElement("span");
    meter.className = "qa-meter";
    var fill = document.createElement("span");
    fill.style.width = Math.round(value * 100) + "%";
    meter.appendChild(fill);
    box.appendChild(meter);
    return box;
  }

  function fillCard(data, index) {
    var quote = data.quotes[index];
    var speaker = quote.speaker >= 0 ? data.speakers[quote.speaker] : null;
    card.textContent = "";
    card.className = "qa-card " + (speaker ? "s" + speaker.colour : "s-none");
    var heading = document.createElement("h4");
    heading.textContent = speaker ? speaker.name : "No speaker identified";
    card.appendChild(heading);
    var list = document.createElement("dl");
    if (speaker) {
      row(list, "Role", speaker.role.join(", "));
      row(list, "Kind", speaker.kind + (speaker.named ? "" : " (unnamed)"));
      row(list, "Gender", speaker.gender);
      row(list, "Quotes", String(speaker.quotes));
    }
    row(list, "Said as", quote.mention);
    row(list, "Cue", quote.cue);
    row(list, "Addressee", quote.addressee);
    row(list, "Quote", quote.kind + (quote.category ? " " + quote.category : ""));
    row(list, "Confidence", confidence(quote.confidence));
    row(list, "Rule", quote.rule);
    card.appendChild(list);
    var hint = document.createElement("div");
    hint.className = "qa-pin";
    hint.textContent = pinned === null ? "Click to pin" : "Pinned: click again or press Esc to close";
    card.appendChild(hint);
  }

  function place(target) {
    var box = target.getBoundingClientRect();
    card.hidden = false;
    var width = card.offsetWidth, height = card.offsetHeight;
    var left = Math.min(Math.max(8, box.left), window.innerWidth - width - 8);
    var top = box.bottom + 6;
    if (top + height > window.innerHeight - 8) { top = Math.max(8, box.top - height - 6); }
    card.style.left = left + "px";
    card.style.top = top + "px";
  }

  function hideCard() {
    pinned = null;
    card.hidden = true;
  }

  function initDocument(section) {
    var data = JSON.parse(section.querySelector("script.qa-data").textContent);
    var text = section.querySelector(".qa-text");
    var enabled = data.speakers.map(function () { return true; });
    var enabledNone = true;
    var minimum = 0;
    var marked = Array.prototype.slice.call(text.querySelectorAll("[data-quote]"));
    var owners = marked.map(function (el) { return el.getAttribute("data-quote").split(" ").map(Number); });
    var slider = section.querySelector(".qa-min");
    var shownValue = section.querySelector(".qa-min-value");
    var shownCount = section.querySelector(".qa-shown-count");

    function visible(index) {
      var quote = data.quotes[index];
      var speakerOn = quote.speaker >= 0 ? enabled[quote.speaker] : enabledNone;
      return speakerOn && quote.confidence + 1e-9 >= minimum;
    }

    function apply() {
      var states = data.quotes.map(function (_, index) { return visible(index); });
      marked.forEach(function (el, position) {
        var on = owners[position].some(function (index) { return states[index]; });
        el.classList.toggle("off", !on);
      });
      shownCount.textContent = String(states.filter(Boolean).length);
    }

    section.querySelectorAll(".qa-legend input[type=checkbox]").forEach(function (box) {
      box.addEventListener("change", function () {
        var index = Number(box.getAttribute("data-index"));
        if (index < 0) { enabledNone = box.checked; } else { enabled[index] = box.checked; }
        apply();
      });
    });
    section.querySelectorAll(".qa-speaker").forEach(function (item) {
      var index = Number(item.getAttribute("data-index"));
      function light(on) {
        marked.forEach(function (el, position) {
          if (el.classList.contains("quote") && data.quotes[owners[position][0]].speaker === index) {
            el.classList.toggle("lit", on);
          }
        });
      }
      item.addEventListener("mouseenter", function () { light(true); });
      item.addEventListener("mouseleave", function () { light(false); });
    });
    slider.addEventListener("input", function () {
      minimum = Number(slider.value);
      shownValue.textContent = minimum.toFixed(2);
      apply();
    });

    function quoteOf(target) {
      var el = target.closest ? target.closest("[data-quote]") : null;
      if (!el || !text.contains(el) || el.classList.contains("off")) { return null; }
      return el;
    }
    function show(el) {
      fillCard(data, Number(el.getAttribute("data-quote").split(" ")[0]));
      place(el);
    }
    text.addEventListener("mouseover", function (event) {
      var el = quoteOf(event.target);
      if (el && pinned === null) { show(el); }
    });
    text.addEventListener("mouseout", function (event) {
      var el = quoteOf(event.target);
      if (el && pinned === null && !el.contains(event.relatedTarget)) { card.hidden = true; }
    });
    text.addEventListener("focusin", function (event) {
      var el = quoteOf(event.target);
      if (el && pinned === null) { show(el); }
    });
    text.addEventListener("click", function (event) {
      var el = quoteOf(event.target);
      if (!el) { return; }
      event.stopPropagation();
      if (pinned === el) { hideCard(); return; }
      pinned = el;
      show(el);
    });
    apply();
  }

  document.addEventListener("click", function (event) {
    if (pinned !== null && !card.contains(event.target)) { hideCard(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hideCard(); }
  });
  document.querySelectorAll("section.qa-doc").forEach(initDocument);
}());
