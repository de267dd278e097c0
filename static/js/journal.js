// Journal editor: a small rich-text toolbar over the body textarea (progressive enhancement).
// Without this file the textarea works as is; the server cleans whatever HTML it receives.
(function () {
  "use strict";

  var ALLOWED = {
    P: 1, BR: 1, STRONG: 1, EM: 1, B: 1, I: 1, U: 1, S: 1, UL: 1, OL: 1, LI: 1,
    BLOCKQUOTE: 1, H2: 1, H3: 1, H4: 1, A: 1
  };
  var DROP = { SCRIPT: 1, STYLE: 1, TEMPLATE: 1, IFRAME: 1, OBJECT: 1, EMBED: 1, SVG: 1, MATH: 1 };

  function safeHref(href) {
    return /^(https:|mailto:)/i.test((href || "").trim()) ? href.trim() : null;
  }

  // Copy only allowlisted elements into the live editor; the markup is parsed in an inert
  // document first, so nothing in it can run.
  function copyClean(source, target) {
    Array.prototype.forEach.call(source.childNodes, function (node) {
      if (node.nodeType === 3) {
        target.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === 1) {
        var tag = node.tagName.toUpperCase();
        if (DROP[tag]) { return; }
        if (ALLOWED[tag]) {
          var el = document.createElement(tag.toLowerCase());
          if (tag === "A") {
            var href = safeHref(node.getAttribute("href"));
            if (href) { el.setAttribute("href", href); }
            el.setAttribute("rel", "noopener noreferrer");
          }
          copyClean(node, el);
          target.appendChild(el);
        } else {
          copyClean(node, target);
        }
      }
    });
  }

  function setEditorHtml(editor, html) {
    var doc = new DOMParser().parseFromString("<body>" + (html || "") + "</body>", "text/html");
    editor.textContent = "";
    copyClean(doc.body, editor);
  }

  // Strings come from Django's JavaScript catalog (/jsi18n/, loaded before this file);
  // without it they stay English.
  var gettext = window.gettext || function (text) { return text; };
  var pgettext = window.pgettext || function (context, text) { return text; };

  var BUTTONS = [
    ["bold", gettext("Bold"), pgettext("bold button", "B")],
    ["italic", gettext("Italic"), pgettext("italic button", "I")],
    ["insertUnorderedList", gettext("Bulleted list"), gettext("• List")],
    ["insertOrderedList", gettext("Numbered list"), gettext("1. List")],
    ["h2", gettext("Heading"), "H2"],
    ["h3", gettext("Subheading"), "H3"],
    ["blockquote", gettext("Quote"), "❝"],
    ["createLink", gettext("Link"), gettext("Link")]
  ];

  function enhance(textarea) {
    var label = document.querySelector("label[for='" + textarea.id + "']");
    var wrapper = document.createElement("div");
    wrapper.className = "rte";
    var toolbar = document.createElement("div");
    toolbar.className = "rte-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", gettext("Formatting"));
    var editor = document.createElement("div");
    editor.className = "rte-editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    if (label) {
      label.id = label.id || textarea.id + "_label";
      editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function () { editor.focus(); });
    }
    setEditorHtml(editor, textarea.value);

    function sync(eventName) {
      textarea.value = editor.innerHTML;
      // htmx listens on the textarea (keyup changed delay:3s, blur): pass the event on.
      textarea.dispatchEvent(new Event(eventName, { bubbles: true }));
    }

    BUTTONS.forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "rte-button";
      button.textContent = spec[2];
      button.setAttribute("aria-label", spec[1]);
      button.title = spec[1];
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      button.addEventListener("click", function () {
        editor.focus();
        var command = spec[0];
        if (command === "h2" || command === "h3" || command === "blockquote") {
          document.execCommand("formatBlock", false, command);
        } else if (command === "createLink") {
          var url = window.prompt(gettext("Link address (https://…)"), "https://");
          if (url && safeHref(url)) { document.execCommand("createLink", false, url.trim()); }
        } else {
          document.execCommand(command, false, null);
        }
        sync("keyup");
      });
      toolbar.appendChild(button);
    });

    editor.addEventListener("input", function () { sync("keyup"); });
    editor.addEventListener("keyup", function () { sync("keyup"); });
    editor.addEventListener("blur", function () { sync("blur"); });
    // Paste as plain text: no foreign markup enters the editor.
    editor.addEventListener("paste", function (event) {
      event.preventDefault();
      var text = (event.clipboardData || window.clipboardData).getData("text/plain");
      document.execCommand("insertText", false, text);
    });
    var form = textarea.form;
    if (form) {
      form.addEventListener("submit", function () { textarea.value = editor.innerHTML; });
    }

    textarea.classList.add("rte-source");
    textarea.setAttribute("tabindex", "-1");
    textarea.setAttribute("aria-hidden", "true");
    wrapper.appendChild(toolbar);
    wrapper.appendChild(editor);
    textarea.parentNode.insertBefore(wrapper, textarea);
  }

  // Saving: once the form is being submitted no autosave starts any more (the Save sends the
  // latest text and the editor's key; the server lets it supersede an autosave in flight).
  // The Save button restates who will read the entry as the choice changes.
  function guardSave(form) {
    var button = form.querySelector("button.journal-save");
    form.addEventListener("submit", function () { form.dataset.submitting = "1"; });
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      if (form.dataset.submitting && form.contains(event.target)) { event.preventDefault(); }
    });
    // Coming back through the browser's history shows the form again: autosave works again.
    window.addEventListener("pageshow", function () { delete form.dataset.submitting; });
    if (!button) { return; }
    form.addEventListener("change", function (event) {
      if (event.target.name !== "visibility") { return; }
      var label = button.getAttribute("data-label-" + event.target.value);
      if (label) { button.textContent = label; }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("textarea.journal-body"), enhance);
    Array.prototype.forEach.call(document.querySelectorAll("form.journal-form"), guardSave);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
