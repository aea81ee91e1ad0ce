// Maps of the platform (Features/Geo). Progressive enhancement only: every form works without this script, through the
// address field and the latitude/longitude fields that the server checks. Leaflet and its plug-ins come from wwwroot/lib.
(() => {
  if (!window.L) return;

  const center = el => (el.dataset.center || '51.5136,7.4653').split(',').map(Number);

  // A Leaflet map in el with the configured tiles (none when the tile URL is empty: the map still works).
  const createMap = el => {
    // maxZoom on the map itself: clustering needs it, and without tiles no layer brings one.
    const maxZoom = Number(el.dataset.maxZoom) || 18;
    const map = L.map(el, { zoomControl: false, keyboard: true, maxZoom }).setView(center(el), 13);
    L.control.zoom({ zoomInTitle: el.dataset.textZoomIn || '+', zoomOutTitle: el.dataset.textZoomOut || '-' }).addTo(map);
    map.attributionControl.setPrefix(false);
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { maxZoom, attribution: el.dataset.attribution || '' }).addTo(map);
    }
    return map;
  };

  const format = (value, digits) => value.toFixed(digits).replace('.', document.documentElement.lang === 'de' ? ',' : '.');
  const read = text => { const t = String(text || '').trim(); const v = Number(t.replace(',', '.')); return t !== '' && Number.isFinite(v) ? v : null; };

  // The location part of a form.
  document.querySelectorAll('[data-location]').forEach(box => {
    const address = box.querySelector('input[name$="Address"]');
    const latitude = box.querySelector('[data-latitude]');
    const longitude = box.querySelector('[data-longitude]');
    const status = box.querySelector('[data-map-status]');
    const mapEl = box.querySelector('[data-map]');
    const tools = box.querySelector('[data-map-tools]');
    const choices = () => box.querySelectorAll('input[name$="Choice"]');
    mapEl.hidden = false;
    tools.hidden = false;
    const map = createMap(mapEl);
    let marker = null;

    const place = (lat, lon, pan) => {
      if (!marker) {
        marker = L.marker([lat, lon], { draggable: true, keyboard: true, title: box.dataset.textMarker || '', alt: box.dataset.textMarker || '' }).addTo(map);
        marker.on('dragend', () => { const p = marker.getLatLng(); setPoint(p.lat, p.lng, false); });
      } else {
        marker.setLatLng([lat, lon]);
      }
      if (pan) map.setView([lat, lon], Math.max(map.getZoom(), 16));
    };

    // A point from the map or the device: it replaces a typed address (the server lets an address win).
    const setPoint = (lat, lon, pan) => {
      latitude.value = format(lat, 6);
      longitude.value = format(lon, 6);
      address.value = '';
      choices().forEach(c => { c.checked = false; });
      place(lat, lon, pan);
      status.textContent = (box.dataset.textSet || '{0}, {1}').replace('{0}', format(lat, 5)).replace('{1}', format(lon, 5));
    };

    map.on('click', e => setPoint(e.latlng.lat, e.latlng.lng, false));
    const typedLat = read(latitude.value), typedLon = read(longitude.value);
    if (typedLat !== null && typedLon !== null) place(typedLat, typedLon, true);
    [latitude, longitude].forEach(input => input.addEventListener('change', () => {
      const lat = read(latitude.value), lon = read(longitude.value);
      if (lat !== null && lon !== null) place(lat, lon, true);
    }));

    box.querySelector('[data-locate]').addEventListener('click', () => {
      if (!navigator.geolocation) { status.textContent = box.dataset.textNoPosition; return; }
      status.textContent = box.dataset.textLocating;
      navigator.geolocation.getCurrentPosition(
        p => setPoint(p.coords.latitude, p.coords.longitude, true),
        () => { status.textContent = box.dataset.textNoPosition; },
        { enableHighAccuracy: true, timeout: 15000 });
    });

    // Suggestions from the gazetteer in a <datalist>: the browser's own accessible list. Picking one shows it on the map.
    const list = document.createElement('datalist');
    list.id = address.id + '-suggestions';
    box.appendChild(list);
    address.setAttribute('list', list.id);
    let found = [], timer = null, asked = '';
    address.addEventListener('input', () => {
      const picked = found.find(a => a.label === address.value);
      if (picked) {
        place(picked.latitude, picked.longitude, true);
        latitude.value = ''; longitude.value = '';
        return;
      }
      clearTimeout(timer);
      const q = address.value.trim();
      if (q.length < 3 || q === asked) return;
      timer = setTimeout(async () => {
        asked = q;
        try {
          const response = await fetch(box.dataset.suggestUrl + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } });
          if (!response.ok) return;
          found = await response.json();
          list.replaceChildren(...found.map(a => { const o = document.createElement('option'); o.value = a.label; return o; }));
        } catch { /* no suggestions; the server still resolves the typed address */ }
      }, 200);
    });
  });

  // Read-only maps of points from a GeoJSON URL, clustered, optionally with a heat layer; the page lists the same points.
  document.querySelectorAll('[data-map-view]').forEach(async el => {
    el.hidden = false;
    const note = el.parentElement.querySelector('[data-map-note]');
    if (note) note.hidden = false;
    const map = createMap(el);
    const cluster = L.markerClusterGroup ? L.markerClusterGroup() : L.layerGroup();
    cluster.addTo(map);
    let heat = null;
    let pending = null;

    // Loads the points (of the visible box when asked) and replaces what the map shows; the list on the page stays as it is.
    const load = async (bbox) => {
      if (pending) pending.abort();
      pending = new AbortController();
      let url = el.dataset.geojson;
      if (bbox) url += (url.includes('?') ? '&' : '?') + 'bbox=' + bbox;
      const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' }, signal: pending.signal });
      if (!response.ok) return null;
      const data = await response.json();
      const points = [];
      const layer = L.geoJSON(data, {
        pointToLayer: (feature, latlng) => {
          points.push([latlng.lat, latlng.lng, 1]);
          const title = (feature.properties && feature.properties.title) || '';
          return L.marker(latlng, { title, alt: title, keyboard: true });
        },
        onEachFeature: (feature, layer) => {
          // Text only: a title is data, never markup.
          const text = document.createElement('span');
          text.textContent = (feature.properties && feature.properties.title) || '';
          layer.bindPopup(text);
        },
      });
      cluster.clearLayers();
      cluster.addLayer(layer);
      if (heat) { map.removeLayer(heat); heat = null; }
      if (el.dataset.heat === 'true' && L.heatLayer && points.length > 0) heat = L.heatLayer(points, { radius: 25 }).addTo(map);
      return { layer, points };
    };

    try {
      const first = await load(null);
      if (first && first.points.length > 0) map.fitBounds(first.layer.getBounds(), { maxZoom: 16, padding: [20, 20], animate: false });
    } catch (e) {
      console.warn('map: the points could not be shown; the list on the page has them', e); // eslint-disable-line no-console
      return;
    }

    // Follow the viewport: after the map is moved or zoomed (and has rested for a moment) load the points of the visible box.
    if (el.dataset.viewport === 'true') {
      let timer = null;
      map.on('moveend', () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const b = map.getBounds();
          const f = v => v.toFixed(5);
          load([f(b.getSouth()), f(b.getWest()), f(b.getNorth()), f(b.getEast())].join(',')).catch(e => {
            if (e.name !== 'AbortError') console.warn('map: the points of this area could not be loaded', e); // eslint-disable-line no-console
          });
        }, 400);
      });
    }
  });
})();
