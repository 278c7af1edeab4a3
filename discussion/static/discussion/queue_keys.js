// Keyboard shortcuts for the comment queue; every action also works by clicking.
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-queue-item]"));
  if (!rows.length) return;
  var current = 0;
  function select(index) {
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach(function (row, i) { row.classList.toggle("queue-current", i === current); });
    rows[current].focus();
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.matches("input:not([type=checkbox]), textarea, select")) return;
    var row = rows[current];
    if (event.key === "j") { select(current + 1); }
    else if (event.key === "k") { select(current - 1); }
    else if (event.key === "x") { var box = row.querySelector("input[type=checkbox]"); box.checked = !box.checked; }
    else {
      var button = row.querySelector('button[data-key="' + event.key + '"]');
      if (!button) return;
      button.click();
    }
    event.preventDefault();
  });
  select(0);
})();
