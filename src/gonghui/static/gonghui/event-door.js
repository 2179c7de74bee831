// The events door page: scan with the camera (qr-camera.js), submit the scan; offline, check
// tickets against the downloaded list (by digest) and queue the scans, each with its nonce, for syncing.
(function () {
  "use strict";
  const door = document.getElementById("door");
  if (!door) return;
  const form = document.getElementById("scan-form");
  const token = document.getElementById("id_token");
  const video = document.getElementById("camera");
  const shown = document.getElementById("offline-result");
  const listKey = "gonghui.door.list." + door.dataset.event;
  const queueKey = "gonghui.door.queue." + door.dataset.event;
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;

  const load = (key, empty) => JSON.parse(localStorage.getItem(key) || empty);
  const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));
  const nonce = () => (crypto.randomUUID ? crypto.randomUUID().replace(/-/g, "") : String(Date.now()) + Math.random());
  const showQueued = () => { document.getElementById("queued").textContent = load(queueKey, "[]").length; };
  const say = (text, kind) => { shown.hidden = false; shown.className = "result " + kind; shown.textContent = text; };

  async function digest(text) {
    const bytes = new TextEncoder().encode(text.trim());
    const hash = await crypto.subtle.digest("SHA-256", bytes);
    return Array.from(new Uint8Array(hash)).map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 20);
  }

  async function offlineScan(text) {
    const list = load(listKey, "[]");
    const queue = load(queueKey, "[]");
    const direction = form.querySelector("[name=direction]").value;
    queue.push({ nonce: nonce(), token: text.trim(), direction: direction, scanned_at: new Date().toISOString() });
    save(queueKey, queue);
    showQueued();
    if (!list.length || !crypto.subtle) { say("已暂存，联网后同步核验", "already"); return; }
    const d = await digest(text);
    const row = list.find((r) => r.digest === d);
    if (!row) { say("名单中没有这张票（会员码须联网核验），已暂存", "refused"); return; }
    say((row.checked_in ? "已签到过：" : "签到成功（离线）：") + (row.name || ""), row.checked_in ? "already" : "ok");
    row.checked_in = true;
    save(listKey, list);
  }

  function submit(text) {
    if (!navigator.onLine) { offlineScan(text); return; }
    token.value = text;
    form.submit();
  }

  form.addEventListener("submit", (event) => {
    if (!navigator.onLine) { event.preventDefault(); offlineScan(token.value); token.value = ""; }
  });

  document.getElementById("offline-download").addEventListener("click", async () => {
    const status = document.getElementById("offline-status");
    try {
      const response = await fetch(door.dataset.listUrl, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const list = await response.json();
      save(listKey, list);
      status.textContent = "已下载 " + list.length + " 条";
    } catch (error) { status.textContent = "下载失败：" + error.message; }
  });

  document.getElementById("offline-sync").addEventListener("click", async () => {
    const status = document.getElementById("offline-status");
    const queue = load(queueKey, "[]");
    if (!queue.length) { status.textContent = "没有待同步的扫码"; return; }
    try {
      const response = await fetch(door.dataset.syncUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ scans: queue }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.detail || String(response.status));
      save(queueKey, []);
      showQueued();
      const refused = body.filter((r) => r.outcome === "refused").length;
      status.textContent = "已同步 " + body.length + " 条" + (refused ? "，其中 " + refused + " 条未通过" : "");
    } catch (error) { status.textContent = "同步失败（稍后重试不会重复计数）：" + error.message; }
  });

  document.getElementById("camera-start").addEventListener("click", () => {
    window.GonghuiCamera.scan(video, submit, (message) => say(message, "refused"));
  });

  showQueued();
})();
