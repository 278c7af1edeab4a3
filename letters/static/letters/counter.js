// Counts down the characters left in the letter; the form works the same without it.
(function () {
  var field = document.querySelector("[data-counter]");
  if (!field) return;
  var counter = document.getElementById(field.getAttribute("data-counter"));
  var max = parseInt(counter.getAttribute("data-max"), 10);
  function update() {
    var left = max - field.value.length;
    counter.textContent = left >= 0
      ? left.toLocaleString() + " characters left."
      : "That is " + (-left).toLocaleString() + " characters over the limit; please shorten it a little.";
    counter.classList.toggle("error", left < 0);
  }
  field.addEventListener("input", update);
  update();
})();
