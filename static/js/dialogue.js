// Data dialogue: each step's suggested time becomes a countdown the team can start and pause.
// Without this file the page still says how long each step should take.
(function () {
  "use strict";
  var gettext = window.gettext || function (text) { return text; };

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function enhance(timer) {
    var total = parseInt(timer.getAttribute("data-minutes"), 10) * 60;
    if (!total) {
      return;
    }
    var left = total;
    var interval = null;
    var clock = document.createElement("span");
    clock.className = "dialogue-clock";
    clock.textContent = format(left);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button-secondary";
    button.textContent = gettext("Start timer");
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "dialogue-timer-status";

    function stop() {
      window.clearInterval(interval);
      interval = null;
    }

    function tick() {
      left -= 1;
      clock.textContent = format(Math.max(left, 0));
      if (left <= 0) {
        stop();
        button.textContent = gettext("Start again");
        status.textContent = gettext("Time is up for this step.");
        left = total;
      }
    }

    button.addEventListener("click", function () {
      if (interval) {
        stop();
        button.textContent = gettext("Resume timer");
        return;
      }
      status.textContent = "";
      interval = window.setInterval(tick, 1000);
      button.textContent = gettext("Pause timer");
    });

    timer.appendChild(document.createTextNode(" "));
    timer.appendChild(clock);
    timer.appendChild(document.createTextNode(" "));
    timer.appendChild(button);
    timer.appendChild(status);
  }

  document.querySelectorAll(".dialogue-timer[data-minutes]").forEach(enhance);
})();
