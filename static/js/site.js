// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Send the CSRF token with htmx requests (the token is in the cookie-less hidden input).
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) {
      event.detail.headers["X-CSRFToken"] = token.value;
    }
  });

  // Busy states: a submit button with data-busy-label starts long or irreversible work
  // (an import, a download, sending feedback or invitations). Once its form is submitted the
  // form's buttons are disabled, so a second press sends nothing, and the button says the work
  // is under way. Back navigation (pageshow from the page cache) gives the buttons back; a
  // download (data-busy-download) causes no navigation, so its buttons come back after a while.
  var DOWNLOAD_RESET_MS = 4000;

  function buttonsOf(form) {
    return Array.prototype.slice.call(
      form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]")
    );
  }

  function setLabel(button, text) {
    if (button.tagName === "INPUT") {
      button.value = text;
    } else {
      button.textContent = text;
    }
  }

  function release(form) {
    buttonsOf(form).forEach(function (button) {
      if (button.hasAttribute("data-busy-original")) {
        setLabel(button, button.getAttribute("data-busy-original"));
        button.removeAttribute("data-busy-original");
      }
      if (button.hasAttribute("data-busy-disabled")) {
        button.disabled = false;
        button.removeAttribute("data-busy-disabled");
      }
    });
    form.removeAttribute("aria-busy");
    delete form.dataset.busy;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") {
      return;
    }
    // The pressed button, or (Enter in a field) the form's first button with a busy label.
    var busy = event.submitter || form.querySelector("[data-busy-label]");
    if (!busy || !busy.hasAttribute("data-busy-label")) {
      return;
    }
    if (form.dataset.busy) {
      event.preventDefault(); // already sending: a second press sends nothing
      return;
    }
    form.dataset.busy = "true";
    form.setAttribute("aria-busy", "true");
    // Disable after the browser has read the form, so the pressed button's name/value is sent.
    window.setTimeout(function () {
      buttonsOf(form).forEach(function (button) {
        if (!button.disabled) {
          button.disabled = true;
          button.setAttribute("data-busy-disabled", "");
        }
      });
      var label = busy.tagName === "INPUT" ? busy.value : busy.textContent;
      busy.setAttribute("data-busy-original", label);
      setLabel(busy, busy.getAttribute("data-busy-label"));
    }, 0);
    if (busy.hasAttribute("data-busy-download")) {
      window.setTimeout(function () { release(form); }, DOWNLOAD_RESET_MS);
    }
  });

  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[aria-busy]"), release);
  });

  // After a failed submit, move focus to the error summary so it is read out first.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
      return;
    }
    // A redirect to #messages (after a check-in) brings the confirmation into view and focus.
    var confirmation = document.getElementById("messages");
    if (confirmation && window.location.hash === "#messages") {
      confirmation.focus();
    }
  });
})();
