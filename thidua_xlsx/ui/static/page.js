// thidua-xlsx's page: the drop zone and a run's progress. Shipped with the package; nothing from the internet.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("drop-form");
  if (form) {
    var input = document.getElementById("files"), chosen = document.getElementById("chosen");
    var show = function () {
      var names = [];
      for (var i = 0; i < input.files.length; i++) { names.push(input.files[i].name); }
      chosen.textContent = names.join(", ");
    };
    input.addEventListener("change", show);
    ["dragenter", "dragover"].forEach(function (type) {
      form.addEventListener(type, function (e) { e.preventDefault(); form.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      form.addEventListener(type, function (e) { e.preventDefault(); form.classList.remove("over"); });
    });
    form.addEventListener("drop", function (e) {
      if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
      input.files = e.dataTransfer.files;
      show();
      form.submit();
    });
  }
  document.querySelectorAll("input[data-show]").forEach(function (picker) {
    picker.addEventListener("change", function () {
      document.getElementById(picker.dataset.show).textContent = picker.files.length ? picker.files[0].name : "";
    });
  });
  // A table wider than its box (a phone) scrolls in it: the keyboard reaches the box to scroll it (WCAG 2.1.1).
  var boxes = document.querySelectorAll(".table-scroll");
  var scrollable = function () {
    boxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) { box.setAttribute("tabindex", "0"); } else { box.removeAttribute("tabindex"); }
    });
  };
  scrollable();
  window.addEventListener("resize", scrollable);
  var job = document.getElementById("job");
  if (job && job.dataset.state === "running") {
    var bar = document.getElementById("progress"), text = document.getElementById("progress-text");
    var poll = function () {
      fetch(job.dataset.poll, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
        return r.json();
      }).then(function (s) {
        if (s.state !== "running") { window.location.reload(); return; }
        if (s.total) {
          bar.max = s.total; bar.value = s.done;
          text.textContent = text.dataset.running + " " +
            text.dataset.read.replace("{done}", s.done).replace("{total}", s.total);
        }
        window.setTimeout(poll, 400);
      }).catch(function () { window.setTimeout(poll, 1500); });
    };
    window.setTimeout(poll, 300);
  }
});
