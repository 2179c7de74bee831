// Read one QR code with the phone's camera (BarcodeDetector where the browser has it, else the vendored
// jsQR): GonghuiCamera.scan(video, onText, onError). Used by the events door and the merchant's desk.
(function () {
  "use strict";
  async function scan(video, onText, onError) {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (error) { onError("无法打开摄像头：" + error.message); return; }
    video.hidden = false;
    video.srcObject = stream;
    await video.play();
    const detector = "BarcodeDetector" in window ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    const stop = () => { stream.getTracks().forEach((t) => t.stop()); video.hidden = true; };
    const tick = async () => {
      let text = null;
      if (detector) {
        const codes = await detector.detect(video);
        text = codes.length ? codes[0].rawValue : null;
      } else if (window.jsQR && video.videoWidth) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const code = window.jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
        text = code ? code.data : null;
      }
      if (text) { stop(); onText(text); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  window.GonghuiCamera = { scan: scan };
})();
