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

  // Each button's visible text is its whole accessible name (WCAG 2.5.3 label in name).
  var BUTTONS = [
    ["bold", gettext("Bold")],
    ["italic", gettext("Italic")],
    ["insertUnorderedList", gettext("Bulleted list")],
    ["insertOrderedList", gettext("Numbered list")],
    ["h2", gettext("Heading")],
    ["h3", gettext("Subheading")],
    ["blockquote", gettext("Quote")],
    ["createLink", gettext("Link")]
  ];

  // One Tab stop for the whole toolbar; the arrow keys, Home and End move between buttons
  // (the ARIA toolbar pattern, with a roving tabindex).
  function rove(toolbar) {
    var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
    function moveTo(index) {
      var next = buttons[(index + buttons.length) % buttons.length];
      buttons.forEach(function (button) { button.tabIndex = button === next ? 0 : -1; });
      next.focus();
    }
    buttons.forEach(function (button, index) { button.tabIndex = index === 0 ? 0 : -1; });
    toolbar.addEventListener("keydown", function (event) {
      var index = buttons.indexOf(document.activeElement);
      if (index < 0) { return; }
      var keys = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1,
        ArrowUp: index - 1, Home: 0, End: buttons.length - 1 };
      if (!(event.key in keys)) { return; }
      event.preventDefault();
      moveTo(keys[event.key]);
    });
  }

  // The Link button's dialog: a labelled address field, checked before the link is made.
  // Escape (the dialog's own cancel) closes it; focus goes back to the Link button.
  function linkDialog(id) {
    var dialog = document.createElement("dialog");
    dialog.className = "rte-dialog";
    dialog.setAttribute("aria-labelledby", id + "_title");
    var form = document.createElement("form");
    form.method = "dialog";
    form.noValidate = true;
    var title = document.createElement("h2");
    title.id = id + "_title";
    title.textContent = gettext("Add a link");
    var label = document.createElement("label");
    label.htmlFor = id + "_url";
    label.textContent = gettext("Link address");
    var hint = document.createElement("p");
    hint.className = "help";
    hint.id = id + "_hint";
    hint.textContent = gettext("Starts with https:// (or mailto: for an email address).");
    var error = document.createElement("p");
    error.className = "errorlist";
    error.id = id + "_error";
    error.hidden = true;
    error.textContent = gettext("Enter an address that starts with https:// or mailto:");
    var input = document.createElement("input");
    input.type = "url";
    input.id = id + "_url";
    input.setAttribute("aria-describedby", hint.id);
    var actions = document.createElement("div");
    actions.className = "actions";
    var add = document.createElement("button");
    add.type = "submit";
    add.value = "add";
    add.textContent = gettext("Add link");
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button-secondary";
    cancel.textContent = gettext("Cancel");
    cancel.addEventListener("click", function () { dialog.close(""); });
    actions.appendChild(add);
    actions.appendChild(cancel);
    [title, label, hint, error, input, actions].forEach(function (el) { form.appendChild(el); });
    dialog.appendChild(form);
    document.body.appendChild(dialog);

    function showError(shown) {
      error.hidden = !shown;
      input.setAttribute("aria-invalid", shown ? "true" : "false");
      input.setAttribute("aria-describedby", shown ? error.id + " " + hint.id : hint.id);
    }
    form.addEventListener("submit", function (event) {
      if (!safeHref(input.value)) {
        event.preventDefault();
        showError(true);
        input.focus();
      }
    });
    return {
      dialog: dialog,
      open: function () {
        input.value = "https://";
        showError(false);
        dialog.returnValue = "";
        dialog.showModal();
        input.focus();
      },
      url: function () { return safeHref(input.value); }
    };
  }

  function enhance(textarea) {
    var label = document.querySelector("label[for='" + textarea.id + "']");
    var wrapper = document.createElement("div");
    wrapper.className = "rte";
    var toolbar = document.createElement("div");
    toolbar.className = "rte-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", gettext("Formatting"));
    toolbar.setAttribute("aria-controls", textarea.id + "_editor");
    var editor = document.createElement("div");
    editor.className = "rte-editor";
    editor.id = textarea.id + "_editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    if (label) {
      label.id = label.id || textarea.id + "_label";
      editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function () { editor.focus(); });
    }
    // The help and error text the server wrote for the textarea describe the editor instead.
    ["aria-describedby", "aria-invalid", "aria-required"].forEach(function (name) {
      if (textarea.hasAttribute(name)) { editor.setAttribute(name, textarea.getAttribute(name)); }
    });
    if (textarea.required) { editor.setAttribute("aria-required", "true"); }
    setEditorHtml(editor, textarea.value);

    function sync(eventName) {
      textarea.value = editor.innerHTML;
      // While a conflict is shown the person is choosing between the two texts: leaving the
      // editor for its "Keep my text" button must not send a second, stale autosave that could
      // answer after the button's and put the conflict back.
      if (eventName === "blur" && document.querySelector("#autosave-status .journal-conflict")) {
        return;
      }
      // htmx listens on the textarea (keyup changed delay:3s, blur): pass the event on.
      textarea.dispatchEvent(new Event(eventName, { bubbles: true }));
    }

    // Keyboard users reach the toolbar by Tab, which takes focus out of the editor: keep what
    // was selected there so the button acts on it.
    var lastRange = null;
    function currentRange() {
      var selection = window.getSelection();
      if (selection.rangeCount && editor.contains(selection.anchorNode)) {
        return selection.getRangeAt(0).cloneRange();
      }
      if (lastRange) { return lastRange; }
      var end = document.createRange();  // nothing chosen yet: the end of the text
      end.selectNodeContents(editor);
      end.collapse(false);
      return end;
    }
    function restore(range) {
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    editor.addEventListener("blur", function () {
      var selection = window.getSelection();
      if (selection.rangeCount && editor.contains(selection.anchorNode)) {
        lastRange = selection.getRangeAt(0).cloneRange();
      }
    });

    var link = linkDialog(textarea.id + "_link");
    var linkButton = null;
    var savedRange = null;
    link.dialog.addEventListener("close", function () {
      var url = link.dialog.returnValue === "add" ? link.url() : null;
      if (url && savedRange) {
        editor.focus();
        restore(savedRange);
        document.execCommand("createLink", false, url);
        sync("keyup");
      } else {
        linkButton.focus();
      }
    });

    BUTTONS.forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "rte-button";
      button.textContent = spec[1];
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      button.addEventListener("click", function () {
        var command = spec[0];
        if (command === "createLink") {
          savedRange = currentRange();
          link.open();
          return;
        }
        editor.focus();
        restore(currentRange());
        if (command === "h2" || command === "h3" || command === "blockquote") {
          document.execCommand("formatBlock", false, command);
        } else {
          document.execCommand(command, false, null);
        }
        sync("keyup");
      });
      if (spec[0] === "createLink") { linkButton = button; }
      toolbar.appendChild(button);
    });
    rove(toolbar);

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
