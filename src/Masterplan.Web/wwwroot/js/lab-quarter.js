// Choosing a quarter selects the district the rotation plan proposes for it (the option's data-district); without
// JavaScript the plan's links (?quartal=) do the same.
(() => {
  const quarter = document.getElementById('Quarter');
  const district = document.getElementById('District');
  if (!quarter || !district) return;
  quarter.addEventListener('change', () => {
    const proposed = quarter.selectedOptions[0]?.dataset.district;
    if (proposed && [...district.options].some(o => o.value === proposed)) district.value = proposed;
  });
})();
