// "Meine Position verwenden" on /schutzorte: fills the typed-coordinates fields from the browser's position and sends the
// search form. Without JavaScript the button stays hidden and the address or coordinates are typed.
(function () {
  var button = document.querySelector('[data-my-location]');
  var form = document.querySelector('[data-places-search]');
  if (!button || !form || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      form.querySelector('[name="Ort.Address"]').value = '';
      form.querySelector('[name="Ort.Latitude"]').value = position.coords.latitude.toFixed(6);
      form.querySelector('[name="Ort.Longitude"]').value = position.coords.longitude.toFixed(6);
      form.submit();
    }, function () {
      window.alert(button.getAttribute('data-text-error'));
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
  });
})();
