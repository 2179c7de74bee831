// The merchant's desk: the camera fills the member code and submits it (qr-camera.js); a scanner gun types it.
(function () {
  "use strict";
  const form = document.getElementById("scan-form");
  if (!form) return;
  const token = document.getElementById("id_token");
  document.getElementById("camera-start").addEventListener("click", () => {
    window.GonghuiCamera.scan(document.getElementById("camera"), (text) => { token.value = text; form.submit(); },
      (message) => window.alert(message));
  });
})();
